"""What falls due soon: annual inspections, evaluation grades, social workers'
registrations and continuing education. Read-only; each query walks an index."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from registry.queries.organizations import evaluation_barriers
from registry.queries.presets import current_ce_preset, current_org_reports
from registry.rules.deadlines import (
    KIND_LABELS,
    days_left,
    first_registration_due,
    report_deadlines,
    reregistration_window,
)
from registry.rules.presets import required_hours
from registry.storage.models import AnnualInspection, EvaluationGrade, Organization, Person, SocialWorker
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


def _inspections(today: dt.date, until: dt.date) -> list[DueItem]:
    """Each organization's yearly reports by its type (queries/presets: the district file's
    dates, else the defaults), not yet made for last year; no supervising unit, no report to it."""
    items: list[DueItem] = []
    reported = AnnualInspection.select(AnnualInspection.organization).where(
        AnnualInspection.year == today.year - 1)
    for org_type, reports in current_org_reports().items():
        for has_supervisor in (True, False):
            due = [d for d in report_deadlines(reports, today.year, today, has_supervisor=has_supervisor)
                   if today <= d.due <= until]
            if not due:
                continue
            supervised = Organization.supervising_unit != ""
            pending = list(Organization.select(Organization.id, Organization.name).where(
                (Organization.status == "正常") & (Organization.org_type == org_type)  # zh-data
                & (supervised if has_supervisor else ~supervised) & Organization.id.not_in(reported)))
            items.extend(DueItem(d.kind, d.label, org.name, "organization", org.id, d.due, d.days_left,
                                 msg("{value} 年度", value=today.year - 1))
                         for d in due for org in pending)
    return items


def _evaluations(today: dt.date, until: dt.date) -> list[DueItem]:
    latest = (EvaluationGrade.select(EvaluationGrade.organization,
                                     fn.MAX(EvaluationGrade.expires_on).alias("expires_on"))
              .group_by(EvaluationGrade.organization))
    rows = (Organization.select(Organization.id, Organization.name, latest.c.expires_on)
            .join(latest, on=(latest.c.organization_id == Organization.id))
            .where((Organization.status == "正常") & latest.c.expires_on.between(today, until))  # zh-data
            .tuples())
    rows = list(rows)
    # an organization that may not apply again learns it while its grade still runs
    barred = evaluation_barriers([oid for oid, _name, _expires in rows], today.year)
    items = []
    for oid, name, expires in rows:
        due = expires if isinstance(expires, dt.date) else dt.date.fromisoformat(expires)  # MAX() is raw text
        items.append(DueItem("evaluation_expiry", KIND_LABELS["evaluation_expiry"], name, "organization",
                             oid, due, days_left(due, today), barred.get(oid, "")))
    return items


def _social_workers(today: dt.date, until: dt.date) -> list[DueItem]:
    preset = current_ce_preset()
    items: list[DueItem] = []
    rows = (SocialWorker.select(SocialWorker.id, SocialWorker.level, SocialWorker.registered_until,
                                SocialWorker.ce_hours, Person.name)
            .join(Person)
            .where((SocialWorker.status == "在册")  # zh-data
                   & SocialWorker.registered_until.between(today, until))
            .tuples())
    for wid, level, due, ce_hours, name in rows:
        opens, _ = reregistration_window(due)
        items.append(DueItem("registration_expiry", KIND_LABELS["registration_expiry"], name,
                             "social_worker", wid, due, days_left(due, today),
                             msg("再登记办理期自 {opens} 起", opens=opens.isoformat())))
        missing = required_hours(preset, level) - Decimal(str(ce_hours))
        if missing > 0:
            items.append(DueItem("ce_shortfall", KIND_LABELS["ce_shortfall"], name, "social_worker",
                                 wid, due, days_left(due, today), msg("还差 {missing} 学时", missing=missing)))
    return items


def _unregistered(today: dt.date, until: dt.date) -> list[DueItem]:
    """Certified workers never registered: due within a year of the certificate, overdue ones
    included (the registration is still owed)."""
    rows = (SocialWorker.select(SocialWorker.id, SocialWorker.obtained_year, Person.name).join(Person)
            .where((SocialWorker.status == "在册") & SocialWorker.registered_on.is_null()  # zh-data
                   & (SocialWorker.obtained_year.is_null() | (SocialWorker.obtained_year < until.year)))
            .tuples())
    items = []
    for wid, year, name in rows:
        if year is None:
            due, detail = today, msg("未填写证书取得年份，无法推算首次登记期限")
        else:
            earliest, due = first_registration_due(year)  # earliest ≤ until, by the query
            detail = msg("{year} 年取得证书，须在取得满一年前首次登记（最早可能于 {earliest} 到期）",
                         year=year, earliest=earliest.isoformat())
        items.append(DueItem("first_registration", KIND_LABELS["first_registration"], name, "social_worker",
                             wid, due, days_left(due, today), detail))
    return items


def upcoming(today: dt.date | None = None, within_days: int = 90) -> list[DueItem]:
    """Everything due from today to `within_days` ahead, soonest first; a first registration
    still owed shows even when overdue."""
    today = today or dt.date.today()
    until = today + dt.timedelta(days=within_days)
    items = (_inspections(today, until) + _evaluations(today, until) + _social_workers(today, until)
             + _unregistered(today, until))
    return sorted(items, key=lambda i: (i.due, i.kind, i.subject))
