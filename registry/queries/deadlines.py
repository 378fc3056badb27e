"""What falls due soon: annual inspections, evaluation grades, social workers'
registrations and continuing education. Read-only; each query walks an index.

The list is a clerk's worklist: narrowed by kind, street, community and a "due between"
range (`DueFilter`), in SQL where the rows are chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from peewee import JOIN, Expression, fn

from registry.queries.organizations import evaluation_barriers
from registry.queries.presets import current_ce_preset, current_org_reports
from registry.rules.deadlines import (
    CHARITY,
    KIND_LABELS,
    Reports,
    charity_reports_since,
    days_left,
    first_registration_due,
    report_deadlines,
    reregistration_window,
)
from registry.rules.presets import required_hours
from registry.storage.models import (
    AnnualInspection,
    Community,
    EvaluationGrade,
    Organization,
    Person,
    SocialWorker,
)
from registry.texts import msg


@dataclass(frozen=True)
class DueItem:
    kind: str
    label: str  # what falls due, in Chinese
    subject: str  # whose: an organization's or a person's name
    table: str
    record_id: int
    due: dt.date
    days_left: int  # negative once overdue
    detail: str = ""
    community: str = ""  # the organization's or the worker's community, "" when not recorded


REPORT_KINDS = frozenset({"annual_report_supervisor", "annual_report_authority", "charity_annual_report"})
WORKER_KINDS = frozenset({"registration_expiry", "ce_shortfall"})
# what a policy change may extend in bulk, and the table each one's record is in
EXTENDABLE_KINDS = {"registration_expiry": "social_worker", "evaluation_expiry": "organization"}


@dataclass(frozen=True)
class DueFilter:
    """Which items the worklist shows. `due_from`/`due_to` None: from today, to the horizon
    (`upcoming`'s within_days); `kinds` None: every kind."""

    kinds: frozenset[str] | None = None
    street_id: int | None = None
    community_id: int | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None

    def wants(self, kinds: Iterable[str]) -> bool:
        return self.kinds is None or bool(self.kinds & set(kinds))


@dataclass(frozen=True)
class _Window:
    """The resolved range and the filter, as each part of the list reads them."""

    today: dt.date
    start: dt.date
    until: dt.date
    filter: DueFilter = field(default_factory=DueFilter)
    explicit_start: bool = False  # a "due from" the clerk gave (else overdue first registrations show)


def _in_street(community: Any, street_id: int) -> Expression:
    streets: Expression = community.in_(Community.select(Community.id).where(Community.street == street_id))
    return streets


def _org_area(f: DueFilter) -> list[Expression]:
    """An organization is in a street by its own street, or by its community's."""
    o = Organization
    where = []
    if f.community_id is not None:
        where.append(o.community == f.community_id)
    if f.street_id is not None:
        where.append((o.street == f.street_id) | _in_street(o.community, f.street_id))
    return where


def _worker_area(f: DueFilter) -> list[Expression]:
    where = []
    if f.community_id is not None:
        where.append(SocialWorker.community == f.community_id)
    if f.street_id is not None:
        where.append(_in_street(SocialWorker.community, f.street_id))
    return where


def _where(base: Expression, more: list[Expression]) -> Expression:
    for condition in more:
        base = base & condition
    return base


def _community_names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(Community.select(Community.id, Community.name).where(Community.id.in_(wanted)).tuples())


def _report_groups(year: int) -> list[tuple[Reports, Expression]]:
    """Who owes which reports in `year`: each type's organizations their type's (queries/presets:
    the district file's dates, else the defaults), except those recognized as charities before
    the year began, who owe the charity's instead, whatever their type."""
    o = Organization
    by_type = current_org_reports()
    if not by_type.get(CHARITY):  # no date for the charity's 年报: everyone owes their type's
        return [(reports, o.org_type == org_type) for org_type, reports in by_type.items() if org_type != CHARITY]
    since = charity_reports_since(year)
    not_charity = o.charity_recognized_on.is_null() | (o.charity_recognized_on >= since)
    groups: list[tuple[Reports, Expression]] = [
        (reports, not_charity & (o.org_type == org_type))
        for org_type, reports in by_type.items() if org_type != CHARITY]
    groups.append((by_type[CHARITY], o.charity_recognized_on < since))
    return groups


def _inspections(w: _Window) -> list[DueItem]:
    """Each organization's yearly reports (_report_groups), not yet made for the year before
    (a charity's 年报 is recorded as its annual inspection); no supervising unit, no report to
    it. This year's, and each later year's the window reaches into."""
    items: list[DueItem] = []
    for year in range(w.today.year, max(w.today.year, w.until.year) + 1):
        items.extend(_inspections_in(w, year))
    return items


def _inspections_in(w: _Window, year: int) -> list[DueItem]:
    today = w.today
    items: list[DueItem] = []
    reported = AnnualInspection.select(AnnualInspection.organization).where(
        AnnualInspection.year == year - 1)
    for reports, owing in _report_groups(year):
        for has_supervisor in (True, False):
            due = [d for d in report_deadlines(reports, year, today, has_supervisor=has_supervisor)
                   if w.start <= d.due <= w.until and w.filter.wants({d.kind})]
            if not due:
                continue
            supervised = Organization.supervising_unit != ""
            pending = list(Organization.select(Organization.id, Organization.name, Community.name)
                           .join(Community, JOIN.LEFT_OUTER, on=(Organization.community == Community.id))
                           .where(_where(
                               (Organization.status == "正常") & owing  # zh-data
                               & (supervised if has_supervisor else ~supervised)
                               & Organization.id.not_in(reported), _org_area(w.filter)))
                           .tuples())
            items.extend(DueItem(d.kind, d.label, name, "organization", oid, d.due, d.days_left,
                                 msg("{value} 年度", value=year - 1), community or "")
                         for d in due for oid, name, community in pending)
    return items


def _evaluations(w: _Window) -> list[DueItem]:
    latest = (EvaluationGrade.select(EvaluationGrade.organization,
                                     fn.MAX(EvaluationGrade.expires_on).alias("expires_on"))
              .group_by(EvaluationGrade.organization))
    rows = (Organization.select(Organization.id, Organization.name, Organization.community, latest.c.expires_on)
            .join(latest, on=(latest.c.organization_id == Organization.id))
            .where(_where((Organization.status == "正常")  # zh-data
                          & latest.c.expires_on.between(w.start, w.until), _org_area(w.filter)))
            .tuples())
    rows = list(rows)
    # an organization that may not apply again learns it while its grade still runs
    barred = evaluation_barriers([oid for oid, _name, _community, _expires in rows], w.today.year)
    communities = _community_names(community for _oid, _name, community, _expires in rows)
    items = []
    for oid, name, community, expires in rows:
        due = expires if isinstance(expires, dt.date) else dt.date.fromisoformat(expires)  # MAX() is raw text
        items.append(DueItem("evaluation_expiry", KIND_LABELS["evaluation_expiry"], name, "organization",
                             oid, due, days_left(due, w.today), barred.get(oid, ""),
                             communities.get(community, "")))
    return items


def _social_workers(w: _Window) -> list[DueItem]:
    preset = current_ce_preset()
    items: list[DueItem] = []
    rows = (SocialWorker.select(SocialWorker.id, SocialWorker.level, SocialWorker.registered_until,
                                SocialWorker.ce_hours, Person.name, Community.name)
            .join(Person)
            .switch(SocialWorker).join(Community, JOIN.LEFT_OUTER, on=(SocialWorker.community == Community.id))
            .where(_where((SocialWorker.status == "在册")  # zh-data
                          & SocialWorker.registered_until.between(w.start, w.until), _worker_area(w.filter)))
            .tuples())
    for wid, level, due, ce_hours, name, community in rows:
        left = days_left(due, w.today)
        if w.filter.wants({"registration_expiry"}):
            opens, _ = reregistration_window(due)
            items.append(DueItem("registration_expiry", KIND_LABELS["registration_expiry"], name,
                                 "social_worker", wid, due, left,
                                 msg("再登记办理期自 {opens} 起", opens=opens.isoformat()), community or ""))
        missing = required_hours(preset, level) - Decimal(str(ce_hours))
        if missing > 0 and w.filter.wants({"ce_shortfall"}):
            items.append(DueItem("ce_shortfall", KIND_LABELS["ce_shortfall"], name, "social_worker",
                                 wid, due, left, msg("还差 {missing} 学时", missing=missing), community or ""))
    return items


def _unregistered(w: _Window) -> list[DueItem]:
    """Certified workers never registered: due within a year of the certificate, overdue ones
    included (the registration is still owed) unless the clerk asked from a date on."""
    until = w.until
    rows = (SocialWorker.select(SocialWorker.id, SocialWorker.obtained_year, Person.name, Community.name)
            .join(Person)
            .switch(SocialWorker).join(Community, JOIN.LEFT_OUTER, on=(SocialWorker.community == Community.id))
            .where(_where((SocialWorker.status == "在册") & SocialWorker.registered_on.is_null()  # zh-data
                          & (SocialWorker.obtained_year.is_null() | (SocialWorker.obtained_year < until.year)),
                          _worker_area(w.filter)))
            .tuples())
    items = []
    for wid, year, name, community in rows:
        if year is None:
            due, detail = w.today, msg("未填写证书取得年份，无法推算首次登记期限")
        else:
            earliest, due = first_registration_due(year)  # earliest ≤ until, by the query
            detail = msg("{year} 年取得证书，须在取得满一年前首次登记（最早可能于 {earliest} 到期）",
                         year=year, earliest=earliest.isoformat())
        if w.explicit_start and due < w.start:
            continue
        items.append(DueItem("first_registration", KIND_LABELS["first_registration"], name, "social_worker",
                             wid, due, days_left(due, w.today), detail, community or ""))
    return items


def upcoming(today: dt.date | None = None, within_days: int = 90,
             due: DueFilter | None = None) -> list[DueItem]:
    """Everything due from today to `within_days` ahead, soonest first; a first registration
    still owed shows even when overdue. `due` narrows it: kinds, street, community, and a
    "due between" range that replaces today … today + within_days where it gives a bound."""
    today = today or dt.date.today()
    f = due or DueFilter()
    start = f.due_from or today
    until = f.due_to or today + dt.timedelta(days=within_days)
    w = _Window(today, start, until, f, explicit_start=f.due_from is not None)
    items: list[DueItem] = []
    if w.start > w.until:
        return items
    if f.wants(REPORT_KINDS):
        items += _inspections(w)
    if f.wants({"evaluation_expiry"}):
        items += _evaluations(w)
    if f.wants(WORKER_KINDS):
        items += _social_workers(w)
    if f.wants({"first_registration"}):
        items += _unregistered(w)
    return sorted(items, key=lambda i: (i.due, i.kind, i.subject))
