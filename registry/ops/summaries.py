"""Applying ledger sums to the register: the one writer of the hours summaries.

Approving lines (ops.hours) and importing approved lines (the importer) add what the lines
sum to (registry.rules.ledger) to the summary rows, creating rows that are missing, then
re-star the volunteers whose total moved, stamping the preset that gave the level. Runs
inside the caller's transaction. Plain executemany, the same SQL on SQLite and PostgreSQL:
an import applies the sums of a hundred thousand lines at once.
"""

from __future__ import annotations

from decimal import Decimal

from peewee import Field

from registry.queries.presets import current_star_preset
from registry.rules.ledger import LedgerSums, Stars, to_cents, to_hours
from registry.storage.db import database
from registry.storage.models import (
    BaseModel,
    CommunityYear,
    MonthCategoryHours,
    OrganizationYear,
    Volunteer,
    VolunteerYear,
)

IN_CHUNK = 500  # ids per IN list (SQLite's old limit is 999 parameters)


def apply_ledger_sums(sums: LedgerSums) -> None:
    """Add `sums` to every summary and re-star the volunteers they touch."""
    param = database.param
    cursor = database.cursor()
    totals = sums.volunteer_totals()
    total, vid = Volunteer.total_hours.column_name, Volunteer.id.column_name
    cursor.executemany(
        f'UPDATE "{Volunteer._meta.table_name}" SET "{total}" = "{total}" + {param} WHERE "{vid}" = {param}',
        [(to_hours(amount), volunteer) for volunteer, amount in sorted(totals.items()) if amount])
    year_sums = ((VolunteerYear, VolunteerYear.volunteer, sums.volunteer_years),
                 (CommunityYear, CommunityYear.community, sums.community_years),
                 (OrganizationYear, OrganizationYear.organization, sums.organization_years))
    for model, key, amounts in year_sums:
        _add(model, (key, model.year), model.hours,
             [(*row_key, to_hours(amount)) for row_key, amount in sorted(amounts.items()) if amount])
    _add(MonthCategoryHours, (MonthCategoryHours.year, MonthCategoryHours.month,
                              MonthCategoryHours.category), MonthCategoryHours.hours,
         [(*row_key, to_hours(amount)) for row_key, amount in sorted(sums.month_categories.items())
          if amount])
    _restar(sorted(totals))


def _add(model: type[BaseModel], keys: tuple[Field, ...], hours: Field,
         rows: list[tuple[object, ...]]) -> None:
    """Add each row's hours to the summary row of its key, creating it when missing."""
    if not rows:
        return
    param = database.param
    table = model._meta.table_name
    names = ", ".join(f'"{f.column_name}"' for f in keys)
    column = hours.column_name
    database.cursor().executemany(
        f'INSERT INTO "{table}" ({names}, "{column}") VALUES ({", ".join([param] * (len(keys) + 1))}) '
        f'ON CONFLICT ({names}) DO UPDATE SET "{column}" = "{table}"."{column}" + excluded."{column}"',
        rows)


def _restar(volunteer_ids: list[int]) -> None:
    """Levels from the stored totals, written only where the level or its preset changed."""
    stars = Stars(current_star_preset())
    name = stars.preset.name
    changes = []
    for start in range(0, len(volunteer_ids), IN_CHUNK):
        part = volunteer_ids[start:start + IN_CHUNK]
        query = (Volunteer.select(Volunteer.id, Volunteer.total_hours, Volunteer.star_level,
                                  Volunteer.star_preset).where(Volunteer.id.in_(part)).tuples())
        for vid, total, level, preset in query:
            new = stars.level(to_cents(Decimal(str(total))))
            if (new, name) != (level, preset):
                changes.append((new, name, vid))
    if changes:
        param = database.param
        database.cursor().executemany(
            f'UPDATE "{Volunteer._meta.table_name}" SET "{Volunteer.star_level.column_name}" = {param}, '
            f'"{Volunteer.star_preset.column_name}" = {param} WHERE "{Volunteer.id.column_name}" = {param}',
            changes)
