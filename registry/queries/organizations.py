"""What the organization detail pane shows: the organization and its year, namely the
latest annual inspections and evaluation grades and its purchased-service projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from registry.queries.presets import current_org_reports
from registry.rules.deadlines import CHARITY, charity_reports_from, charity_reports_since
from registry.rules.evaluation import barrier_sentence, evaluation_barrier
from registry.storage.models import (
    AnnualInspection,
    EvaluationGrade,
    Organization,
    ServiceProject,
    get_or_fail,
)
from registry.texts import msg

INSPECTIONS_SHOWN = 10
GRADES_SHOWN = 10
PROJECTS_SHOWN = 20


@dataclass(frozen=True)
class Inspection:
    year: int
    result: str
    reported_on: dt.date | None


@dataclass(frozen=True)
class Grade:
    grade: int  # 1..5 for 1A..5A
    awarded_on: dt.date
    expires_on: dt.date


@dataclass(frozen=True)
class Project:
    name: str
    buyer: str
    amount: Decimal | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    status: str


@dataclass(frozen=True)
class OrganizationDetail:
    id: int
    name: str
    uscc: str
    org_type: str
    registration_authority: str
    supervising_unit: str
    legal_representative: str
    founded_on: dt.date | None
    address: str
    service_fields: str
    status: str
    status_reason: str
    inspections: tuple[Inspection, ...]  # the latest year first
    grades: tuple[Grade, ...]  # the latest award first
    projects: tuple[Project, ...]  # the latest entered first
    evaluation_barrier: str | None = None  # why it may not apply for an evaluation this year
    charity_recognized_on: dt.date | None = None  # recognized as a charity (认定为慈善组织) that day
    charity_reports_from: int | None = None  # the first year it files the charity's reports


def organization_detail(org_id: int) -> OrganizationDetail:
    o = get_or_fail(Organization, org_id, msg("组织"))
    inspections = (AnnualInspection.select().where(AnnualInspection.organization == org_id)
                   .order_by(AnnualInspection.year.desc()).limit(INSPECTIONS_SHOWN))
    grades = (EvaluationGrade.select().where(EvaluationGrade.organization == org_id)
              .order_by(EvaluationGrade.awarded_on.desc()).limit(GRADES_SHOWN))
    projects = (ServiceProject.select().where(ServiceProject.organization == org_id)
                .order_by(ServiceProject.id.desc()).limit(PROJECTS_SHOWN))
    return OrganizationDetail(
        id=o.id, name=o.name, uscc=o.uscc or "", org_type=o.org_type,
        registration_authority=o.registration_authority, supervising_unit=o.supervising_unit,
        legal_representative=o.legal_representative_name, founded_on=o.founded_on, address=o.address,
        service_fields=o.service_fields, status=o.status, status_reason=o.status_reason,
        inspections=tuple(Inspection(i.year, i.result, i.reported_on) for i in inspections),
        grades=tuple(Grade(g.grade, g.awarded_on, g.expires_on) for g in grades),
        projects=tuple(Project(p.name, p.buyer, p.amount, p.starts_on, p.ends_on, p.status)
                       for p in projects),
        evaluation_barrier=evaluation_barriers([o.id], dt.date.today().year).get(o.id),
        charity_recognized_on=o.charity_recognized_on,
        charity_reports_from=(charity_reports_from(o.charity_recognized_on)
                              if o.charity_recognized_on and current_org_reports().get(CHARITY) else None))


def evaluation_barriers(org_ids: list[int], year: int) -> dict[int, str]:
    """Of these organizations, those that may not apply for an evaluation in `year`, each
    with its reason in a sentence. Types without an annual inspection (社区社会组织 on
    record) are never barred by one; a charity is by its 年报 when the district dates it (the
    annual report is its inspection), else by its type's inspection."""
    reports = current_org_reports()
    inspected_types = [t for t, owed in reports.items() if owed and t != CHARITY]
    o = Organization
    since = charity_reports_since(year)
    charity = o.charity_recognized_on.is_null(False) & (o.charity_recognized_on < since)
    not_charity = o.charity_recognized_on.is_null() | (o.charity_recognized_on >= since)
    # Until the district gives the charity's 年报 a date, a charity's inspection is its type's.
    inspected = o.org_type.in_(inspected_types)
    if reports.get(CHARITY):
        inspected = (not_charity & inspected) | charity
    orgs = o.select(o.id).where(o.id.in_(org_ids) & inspected)
    results: dict[int, dict[int, str]] = {oid: {} for (oid,) in orgs.tuples()}
    if not results:
        return {}
    rows = (AnnualInspection.select(AnnualInspection.organization, AnnualInspection.year, AnnualInspection.result)
            .where(AnnualInspection.organization.in_(list(results))
                   & AnnualInspection.year.between(year - 2, year - 1)).tuples())
    for oid, inspected, result in rows:
        results[oid][inspected] = result
    barred = {oid: evaluation_barrier(by_year, year) for oid, by_year in results.items()}
    return {oid: barrier_sentence(reason) for oid, reason in barred.items() if reason}


def organization_name(org_id: int) -> str:
    name = Organization.select(Organization.name).where(Organization.id == org_id).scalar()
    if name is None:
        get_or_fail(Organization, org_id, msg("组织"))
    return str(name)
