"""Figures for the dashboard and the street's indicators, fast on a register of a million
volunteers: they read the summaries the operations keep in step with the hours ledger
(Volunteer.total_hours, VolunteerYear, CommunityYear) and never scan the ledger itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from peewee import SQL, fn

from registry.queries.areas import populations
from registry.queries.presets import current_star_preset, star_preset
from registry.rules.presets import StarPreset, hours_to_next_star
from registry.storage import models
from registry.storage.db import database, is_sqlite
from registry.storage.models import (
    Community,
    CommunityYear,
    SocialWorker,
    Street,
    Volunteer,
    VolunteerYear,
    get_or_fail,
)
from registry.texts import msg

IN_REGISTER = "在册"  # zh-data
_CENT = Decimal("0.01")


def _hours(value: object) -> Decimal:
    """SQLite sums hours as floats; two places are what the ledger holds."""
    if value is None:
        return Decimal("0.00")
    if isinstance(value, Decimal):
        return value.quantize(_CENT)
    return Decimal(str(value)).quantize(_CENT)


# Rows PostgreSQL counts exactly in a few milliseconds; past them a table's count is the
# server's own estimate (an exact count(*) over 10M lines took 1-2.5 s at each call).
EXACT_UP_TO = 200_000


@dataclass(frozen=True)
class TableCount:
    rows: int
    estimated: bool = False  # PostgreSQL's estimate (ANALYZE and autovacuum keep it within a few %)


def table_counts() -> dict[str, TableCount]:
    """Rows per table (table name -> count), for every table of the register: exact on SQLite,
    and on PostgreSQL for each table its statistics put at EXACT_UP_TO rows or fewer."""
    estimates: dict[str, int] = {}
    if not is_sqlite():
        estimates = {name: int(rows) for name, rows in database.execute_sql(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' "
            "AND relnamespace = to_regnamespace(current_schema())").fetchall()}
    counts = {}
    for model in models.ALL_MODELS:
        name = model._meta.table_name
        estimate = estimates.get(name, -1)  # -1: never analyzed
        if estimate > EXACT_UP_TO:
            counts[name] = TableCount(estimate, estimated=True)
        else:
            # A bare COUNT(*) (not peewee's .count(), which wraps a subquery) lets SQLite count
            # the cells of the smallest index without reading any row; the ledger's lines are
            # counted in their table, as the view would look each one's detail up too.
            counted = models.ServiceLine if model is models.ServiceRecord and is_sqlite() else model
            counts[name] = TableCount(int(counted.select(fn.COUNT(SQL("*"))).scalar()))
    return counts


@dataclass(frozen=True)
class VolunteerTotals:
    total_hours: Decimal
    this_year: Decimal
    star_level: int
    star_preset: str
    hours_to_next_star: Decimal | None  # None at the top level


def _stamped_preset(name: str) -> StarPreset | None:
    """The preset a volunteer's star level was stamped with, shipped or the register's own."""
    try:
        return star_preset(name) if name else None
    except KeyError:
        return None


def volunteer_totals(volunteer_id: int, today: date | None = None) -> VolunteerTotals:
    volunteer = get_or_fail(Volunteer, volunteer_id, msg("志愿者"))
    year = (today or date.today()).year
    this_year = (VolunteerYear.select(VolunteerYear.hours)
                 .where((VolunteerYear.volunteer == volunteer_id) & (VolunteerYear.year == year))
                 .scalar())
    total = _hours(volunteer.total_hours)
    preset = _stamped_preset(str(volunteer.star_preset)) or current_star_preset()
    return VolunteerTotals(total, _hours(this_year), int(volunteer.star_level),
                           str(volunteer.star_preset), hours_to_next_star(preset, total))


def top_communities(limit: int = 10, year: int | None = None) -> list[tuple[str, Decimal]]:
    """(community name, approved hours) of the communities with the most hours, in one
    year or over all years; ties by name."""
    hours = fn.SUM(CommunityYear.hours)
    query = (CommunityYear.select(Community.name, hours)
             .join(Community, on=(CommunityYear.community == Community.id))
             .group_by(Community.id, Community.name)
             .order_by(hours.desc(), Community.name)
             .limit(limit))
    if year is not None:
        query = query.where(CommunityYear.year == year)
    return [(str(name), _hours(total)) for name, total in query.tuples()]


@dataclass(frozen=True)
class CommunityIndicator:
    community_id: int
    street: str
    community: str
    population: int
    volunteers: int  # in the register (在册)
    volunteer_share: float | None  # volunteers / residents; None without a population
    social_workers: int  # in the register (在册)
    social_workers_per_thousand: float | None


def _in_register_by_community(model: type[models.BaseModel]) -> dict[int, int]:
    """Those in the register per community, counted in the (community, status) index alone,
    which holds both columns: no row is read. Raw cursor rows, as peewee's row objects
    would cost a third more."""
    totals = (model.select(model.community, fn.COUNT(SQL("*")))
              .where(model.community.is_null(False) & (model.status == IN_REGISTER))
              .group_by(model.community))
    return {int(c): int(n) for c, n in database.execute(totals).fetchall()}


def community_indicators(year: int | None = None) -> list[CommunityIndicator]:
    """Per community, in street and community code order: residents in `year` (this year
    by default; areas.populations), volunteers and social workers in the register,
    volunteers as a share of residents and social workers per 1,000 residents (the aim is one)."""
    volunteers = _in_register_by_community(Volunteer)
    workers = _in_register_by_community(SocialWorker)
    residents, _own = populations(year or date.today().year)
    rows = (Community.select(Community.id, Street.name, Community.name)
            .join(Street, on=(Community.street == Street.id))
            .order_by(Street.code, Community.code)
            .tuples())
    out = []
    for community_id, street, name in rows:
        population = residents.get(community_id, 0)
        v = volunteers.get(community_id, 0)
        w = workers.get(community_id, 0)
        out.append(CommunityIndicator(
            community_id, street, name, population, v, v / population if population else None,
            w, w * 1000 / population if population else None))
    return out


def hours_by_month(year: int) -> list[Decimal]:
    """Approved hours of each month of `year` (12 values), from the summary table."""
    months = [Decimal(0)] * 12
    rows = (models.MonthCategoryHours.select(models.MonthCategoryHours.month,
                                             fn.SUM(models.MonthCategoryHours.hours))
            .where(models.MonthCategoryHours.year == year)
            .group_by(models.MonthCategoryHours.month).tuples())
    for month, hours in rows:
        months[int(month) - 1] = _hours(hours)
    return months


def hours_by_category(year: int) -> list[tuple[str, Decimal]]:
    """Approved hours of `year` per service category, most first ("" is 其他)."""
    rows = (models.MonthCategoryHours.select(models.MonthCategoryHours.category,
                                             fn.SUM(models.MonthCategoryHours.hours))
            .where(models.MonthCategoryHours.year == year)
            .group_by(models.MonthCategoryHours.category).tuples())
    totals = [(category or msg("其他"), _hours(hours)) for category, hours in rows if _hours(hours)]
    return sorted(totals, key=lambda item: (-item[1], item[0]))
