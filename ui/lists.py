"""The list sections' SQL: columns, filters and row display for each big table.

Read-only queries, run on the worker thread only. Saving never happens here: the UI
calls registry operations for that.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import JOIN
from PySide6.QtCore import QCoreApplication

from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone
from registry.storage.models import (
    Activity,
    AuditEntry,
    Community,
    Organization,
    Person,
    ServiceRecord,
    SocialWorker,
    Training,
    Volunteer,
    VolunteerOrganization,
)
from ui.i18n import tr_noop
from ui.listspec import Column, Filters, ListSpec, equal_to, where_all


def hours_text(value: Any) -> str:
    if value is None:
        return ""
    d = Decimal(str(value))
    return f"{d.normalize():f}" if d == d.to_integral() else f"{d:.2f}".rstrip("0")


def stars(level: Any) -> str:
    return "★" * int(level or 0)


def date_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _year_range(year: Any) -> tuple[dt.date, dt.date]:
    return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)


class VolunteerList(ListSpec):
    key = Volunteer.id
    columns = (
        Column(tr_noop("Columns", "Name"), 90, Person.name),
        Column(tr_noop("Columns", "Sex"), 50),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Phone"), 120),
        Column(tr_noop("Columns", "Community"), 130),
        Column(tr_noop("Columns", "Volunteer no."), 130),
        Column(tr_noop("Columns", "Registered"), 100),
        Column(tr_noop("Columns", "Total hours"), 90, Volunteer.total_hours, True),
        Column(tr_noop("Columns", "Stars"), 80, Volunteer.star_level),
        Column(tr_noop("Columns", "Status"), 60),
    )

    def conditions(self, f: Filters) -> list[Any]:
        conds = equal_to(f, {"community": Volunteer.community, "status": Volunteer.status})
        if f.get("star") is not None and f.get("star") != "":
            conds.append(Volunteer.star_level == int(f["star"]))
        if f.get("organization"):
            members = VolunteerOrganization.select(VolunteerOrganization.volunteer).where(
                VolunteerOrganization.organization == f["organization"])
            conds.append(Volunteer.id.in_(members))
        return conds

    def query(self, filters: Filters) -> Any:
        q = (Volunteer.select(Volunteer.id, Person.name, Person.sex, Person.id_number, Person.phone,
                              Community.name, Volunteer.volunteer_number, Volunteer.registered_on,
                              Volunteer.total_hours, Volunteer.star_level, Volunteer.status)
             .join(Person).switch(Volunteer).join(Community, JOIN.LEFT_OUTER))
        return where_all(q, self.conditions(filters))

    def count(self, filters: Filters) -> int:
        return int(where_all(Volunteer.select(Volunteer.id), self.conditions(filters)).count())

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        name, sex, id_number, phone, community, number, registered, hours, star, status = row
        return (name, sex, mask_id_number(id_number or ""), mask_phone(phone) if phone else "",
                community or "", number or "", date_text(registered), hours_text(hours),
                stars(star), status)


class SocialWorkerList(ListSpec):
    key = SocialWorker.id
    columns = (
        Column(tr_noop("Columns", "Name"), 90, Person.name),
        Column(tr_noop("Columns", "Sex"), 50),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Certificate level"), 120, SocialWorker.level),
        Column(tr_noop("Columns", "Certificate no."), 130, SocialWorker.certificate_number),
        Column(tr_noop("Columns", "Year obtained"), 80),
        Column(tr_noop("Columns", "Registered until"), 100),
        Column(tr_noop("Columns", "Employer"), 180),
        Column(tr_noop("Columns", "Community"), 120),
        Column(tr_noop("Columns", "CE hours"), 80, SocialWorker.ce_hours, True),
        Column(tr_noop("Columns", "Status"), 60),
    )

    def conditions(self, f: Filters) -> list[Any]:
        conds = equal_to(f, {"community": SocialWorker.community, "level": SocialWorker.level,
                             "status": SocialWorker.status, "organization": SocialWorker.employer})
        if f.get("year"):
            conds.append(SocialWorker.obtained_year == int(f["year"]))
        return conds

    def query(self, filters: Filters) -> Any:
        q = (SocialWorker.select(SocialWorker.id, Person.name, Person.sex, Person.id_number,
                                 SocialWorker.level, SocialWorker.certificate_number,
                                 SocialWorker.obtained_year, SocialWorker.registered_until,
                                 SocialWorker.employer_name, Community.name, SocialWorker.ce_hours,
                                 SocialWorker.status)
             .join(Person).switch(SocialWorker).join(Community, JOIN.LEFT_OUTER))
        return where_all(q, self.conditions(filters))

    def count(self, filters: Filters) -> int:
        return int(where_all(SocialWorker.select(SocialWorker.id), self.conditions(filters)).count())

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        name, sex, id_number, level, cert, year, until, employer, community, ce, status = row
        return (name, sex, mask_id_number(id_number or ""), level, cert, year or "",
                date_text(until), employer, community or "", hours_text(ce), status)


class OrganizationList(ListSpec):
    key = Organization.id
    columns = (
        Column(tr_noop("Columns", "Organization"), 240, Organization.name),
        Column(tr_noop("Columns", "USCC"), 170),
        Column(tr_noop("Columns", "Type"), 110, Organization.org_type),
        Column(tr_noop("Columns", "Legal representative"), 100),
        Column(tr_noop("Columns", "Founded"), 100),
        Column(tr_noop("Columns", "Community"), 120),
        Column(tr_noop("Columns", "Status"), 60, Organization.status),
    )

    def query(self, filters: Filters) -> Any:
        q = (Organization.select(Organization.id, Organization.name, Organization.uscc,
                                 Organization.org_type, Organization.legal_representative_name,
                                 Organization.founded_on, Community.name, Organization.status)
             .join(Community, JOIN.LEFT_OUTER))
        conds = equal_to(filters, {"community": Organization.community, "status": Organization.status,
                                   "org_type": Organization.org_type})
        if filters.get("year"):
            conds.append(Organization.founded_on.between(*_year_range(filters["year"])))
        return where_all(q, conds)

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        name, uscc, kind, legal, founded, community, status = row
        return (name, uscc or "", kind, legal, date_text(founded), community or "", status)


class TrainingList(ListSpec):
    key = Training.id
    columns = (
        Column(tr_noop("Columns", "Training"), 260, Training.title),
        Column(tr_noop("Columns", "Organizer"), 160),
        Column(tr_noop("Columns", "Starts"), 100, Training.starts_on),
        Column(tr_noop("Columns", "Ends"), 100),
        Column(tr_noop("Columns", "Hours"), 60, Training.hours, True),
        Column(tr_noop("Columns", "Category"), 100),
        Column(tr_noop("Columns", "Continuing education"), 90),
        Column(tr_noop("Columns", "Place"), 140),
    )

    def query(self, filters: Filters) -> Any:
        q = Training.select(Training.id, Training.title, Training.organizer, Training.starts_on,
                            Training.ends_on, Training.hours, Training.category,
                            Training.counts_as_ce, Training.place)
        if filters.get("year"):
            q = q.where(Training.starts_on.between(*_year_range(filters["year"])))
        return q

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        title, organizer, starts, ends, hours, category, ce, place = row
        yes = QCoreApplication.translate("Lists", "Yes") if ce else QCoreApplication.translate("Lists", "No")
        return (title, organizer, date_text(starts), date_text(ends), hours_text(hours), category,
                yes, place)


class ServiceRecordList(ListSpec):
    key = ServiceRecord.id
    default_descending = True
    columns = (
        Column(tr_noop("Columns", "No."), 80, ServiceRecord.id, True),
        Column(tr_noop("Columns", "Service date"), 100),
        Column(tr_noop("Columns", "Volunteer"), 90),
        Column(tr_noop("Columns", "Activity / content"), 240),
        Column(tr_noop("Columns", "Category"), 100),
        Column(tr_noop("Columns", "Hours"), 60, None, True),
        Column(tr_noop("Columns", "Status"), 70),
        Column(tr_noop("Columns", "Recorder"), 80),
        Column(tr_noop("Columns", "Approver"), 80),
        Column(tr_noop("Columns", "Corrects"), 70),
    )

    def conditions(self, f: Filters) -> list[Any]:
        conds = equal_to(f, {"approval": ServiceRecord.status, "community": ServiceRecord.community,
                             "organization": ServiceRecord.organization,
                             "volunteer": ServiceRecord.volunteer})
        if f.get("year"):
            conds.append(ServiceRecord.service_date.between(*_year_range(f["year"])))
        return conds

    def query(self, filters: Filters) -> Any:
        q = (ServiceRecord.select(ServiceRecord.id, ServiceRecord.id, ServiceRecord.service_date,
                                  Person.name, Activity.name, ServiceRecord.content,
                                  ServiceRecord.service_category, ServiceRecord.hours,
                                  ServiceRecord.status, ServiceRecord.recorder,
                                  ServiceRecord.approver, ServiceRecord.corrects)
             .join(Volunteer).join(Person).switch(ServiceRecord).join(Activity, JOIN.LEFT_OUTER))
        return where_all(q, self.conditions(filters))

    def count(self, filters: Filters) -> int:
        return int(where_all(ServiceRecord.select(ServiceRecord.id), self.conditions(filters)).count())

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        rid, day, name, activity, content, category, hours, status, recorder, approver, corrects = row
        status_text = (QCoreApplication.translate("Lists", "Approved") if status == "approved"
                       else QCoreApplication.translate("Lists", "Pending"))
        return (rid, date_text(day), name, activity or content, category, hours_text(hours),
                status_text, recorder, approver, corrects or "")


class AuditList(ListSpec):
    key = AuditEntry.id
    default_descending = True
    columns = (
        Column(tr_noop("Columns", "Time"), 140, AuditEntry.id),
        Column(tr_noop("Columns", "User"), 90),
        Column(tr_noop("Columns", "Action"), 90),
        Column(tr_noop("Columns", "Table"), 120),
        Column(tr_noop("Columns", "Record"), 70, None, True),
        Column(tr_noop("Columns", "Details"), 420),
    )

    def query(self, filters: Filters) -> Any:
        q = AuditEntry.select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                              AuditEntry.table_name, AuditEntry.record_id, AuditEntry.detail,
                              AuditEntry.after)
        conds = equal_to(filters, {"actor": AuditEntry.actor, "table": AuditEntry.table_name,
                                   "action": AuditEntry.action})
        if filters.get("date_from"):
            conds.append(AuditEntry.at >= dt.datetime.combine(filters["date_from"], dt.time()))
        if filters.get("date_to"):
            conds.append(AuditEntry.at < dt.datetime.combine(filters["date_to"], dt.time())
                         + dt.timedelta(days=1))
        return where_all(q, conds)

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        at, actor, action, table, record, detail, after = row
        text = detail or (after or "")
        return (date_text(at), actor, action_label(action), table_label(table), record or "",
                text[:300])


ACTIONS = {
    "create": tr_noop("Audit", "create"),
    "update": tr_noop("Audit", "update"),
    "deactivate": tr_noop("Audit", "deactivate"),
    "approve": tr_noop("Audit", "approve"),
    "correct": tr_noop("Audit", "correct"),
    "delete": tr_noop("Audit", "delete"),
    "import": tr_noop("Audit", "import"),
    "export": tr_noop("Audit", "export"),
    "attendance": tr_noop("Audit", "attendance"),
    "inspection": tr_noop("Audit", "inspection"),
    "set_preset": tr_noop("Audit", "set preset"),
    "demo": tr_noop("Audit", "demo data"),
}
TABLES = {
    "person": tr_noop("Audit", "person"),
    "volunteer": tr_noop("Audit", "volunteer"),
    "social_worker": tr_noop("Audit", "social worker"),
    "organization": tr_noop("Audit", "organization"),
    "training": tr_noop("Audit", "training"),
    "attendance": tr_noop("Audit", "attendance"),
    "activity": tr_noop("Audit", "activity"),
    "service_record": tr_noop("Audit", "service hours"),
    "annual_inspection": tr_noop("Audit", "annual inspection"),
    "evaluation_grade": tr_noop("Audit", "evaluation grade"),
    "service_project": tr_noop("Audit", "service project"),
    "community": tr_noop("Audit", "community"),
    "street": tr_noop("Audit", "street"),
    "district": tr_noop("Audit", "district"),
    "setting": tr_noop("Audit", "setting"),
    "registry": tr_noop("Audit", "register"),
    "certificate": tr_noop("Audit", "certificate"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    return QCoreApplication.translate("Audit", TABLES[table]) if table in TABLES else table


def audit_actors() -> list[str]:
    return [a for (a,) in AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
            .limit(200).tuples()]


def lookups() -> dict[str, list[tuple[int, str]]]:
    """Choices for the filter boxes and forms: communities and organizations."""
    communities = [(c, n) for c, n in Community.select(Community.id, Community.name)
                   .order_by(Community.code).tuples()]
    organizations = [(o, n) for o, n in Organization.select(Organization.id, Organization.name)
                     .where(Organization.status == "正常").order_by(Organization.name)
                     .limit(5000).tuples()]
    return {"communities": communities, "organizations": organizations}


def is_empty() -> bool:
    """True when the register holds no people and no organizations yet."""
    return Person.select(Person.id).limit(1).count() == 0 and \
        Organization.select(Organization.id).limit(1).count() == 0

