"""The list sections' columns, and how each shows a row of the core's lists.

The rows themselves (their order, filters, masked numbers) come from registry.queries;
this module only turns them into the texts of the table's cells, on the worker thread.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from registry.queries.audit_log import AUDIT_LOG, AuditRow
from registry.queries.lists import (
    ORGANIZATIONS,
    SERVICE_RECORDS,
    SOCIAL_WORKERS,
    TRAININGS,
    VOLUNTEERS,
    OrganizationRow,
    ServiceRecordRow,
    SocialWorkerRow,
    TrainingRow,
    VolunteerRow,
)
from ui.listspec import Column, ListSpec


def hours_text(value: Any) -> str:
    if value is None:
        return ""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    return f"{d.normalize():f}" if d == d.to_integral() else f"{d:.2f}".rstrip("0")


def stars(level: Any) -> str:
    return "★" * int(level or 0)


def date_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Lists", "Yes") if value else QCoreApplication.translate("Lists", "No")


class VolunteerList(ListSpec[VolunteerRow]):
    query = VOLUNTEERS
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), 90, "name"),
        Column(QT_TRANSLATE_NOOP("Columns", "Sex"), 50),
        Column(QT_TRANSLATE_NOOP("Columns", "ID number"), 170),
        Column(QT_TRANSLATE_NOOP("Columns", "Phone"), 120),
        Column(QT_TRANSLATE_NOOP("Columns", "Community"), 130),
        Column(QT_TRANSLATE_NOOP("Columns", "Volunteer no."), 130),
        Column(QT_TRANSLATE_NOOP("Columns", "Registered"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Total hours"), 90, "total_hours", True),
        Column(QT_TRANSLATE_NOOP("Columns", "Stars"), 80, "star_level"),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 60),
    )

    def cells(self, r: VolunteerRow) -> tuple[str, ...]:
        return (r.name, r.sex, r.id_number, r.phone, r.community, r.volunteer_number,
                date_text(r.registered_on), hours_text(r.total_hours), stars(r.star_level), r.status)


class SocialWorkerList(ListSpec[SocialWorkerRow]):
    query = SOCIAL_WORKERS
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), 90, "name"),
        Column(QT_TRANSLATE_NOOP("Columns", "Sex"), 50),
        Column(QT_TRANSLATE_NOOP("Columns", "ID number"), 170),
        Column(QT_TRANSLATE_NOOP("Columns", "Certificate level"), 120, "level"),
        Column(QT_TRANSLATE_NOOP("Columns", "Certificate no."), 130, "certificate_number"),
        Column(QT_TRANSLATE_NOOP("Columns", "Year obtained"), 80),
        Column(QT_TRANSLATE_NOOP("Columns", "Registered until"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Employer"), 180),
        Column(QT_TRANSLATE_NOOP("Columns", "Community"), 120),
        Column(QT_TRANSLATE_NOOP("Columns", "CE hours"), 80, "ce_hours", True),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 60),
    )

    def cells(self, r: SocialWorkerRow) -> tuple[str, ...]:
        return (r.name, r.sex, r.id_number, r.level, r.certificate_number, str(r.obtained_year or ""),
                date_text(r.registered_until), r.employer, r.community, hours_text(r.ce_hours), r.status)


class OrganizationList(ListSpec[OrganizationRow]):
    query = ORGANIZATIONS
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Organization"), 240, "name"),
        Column(QT_TRANSLATE_NOOP("Columns", "USCC"), 170),
        Column(QT_TRANSLATE_NOOP("Columns", "Type"), 110, "org_type"),
        Column(QT_TRANSLATE_NOOP("Columns", "Legal representative"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Founded"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Community"), 120),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 60, "status"),
    )

    def cells(self, r: OrganizationRow) -> tuple[str, ...]:
        return (r.name, r.uscc, r.org_type, r.legal_representative, date_text(r.founded_on),
                r.community, r.status)


class TrainingList(ListSpec[TrainingRow]):
    query = TRAININGS
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Training"), 260, "title"),
        Column(QT_TRANSLATE_NOOP("Columns", "Organizer"), 160),
        Column(QT_TRANSLATE_NOOP("Columns", "Starts"), 100, "starts_on"),
        Column(QT_TRANSLATE_NOOP("Columns", "Ends"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Hours"), 60, "hours", True),
        Column(QT_TRANSLATE_NOOP("Columns", "Category"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Continuing education"), 90),
        Column(QT_TRANSLATE_NOOP("Columns", "Place"), 140),
    )

    def cells(self, r: TrainingRow) -> tuple[str, ...]:
        return (r.title, r.organizer, date_text(r.starts_on), date_text(r.ends_on), hours_text(r.hours),
                r.category, yes_no(r.counts_as_ce), r.place)


class ServiceRecordList(ListSpec[ServiceRecordRow]):
    query = SERVICE_RECORDS
    default_descending = True
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "No."), 80, "id", True),
        Column(QT_TRANSLATE_NOOP("Columns", "Service date"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Volunteer"), 90),
        Column(QT_TRANSLATE_NOOP("Columns", "Activity / content"), 240),
        Column(QT_TRANSLATE_NOOP("Columns", "Category"), 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Hours"), 60, None, True),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 70),
        Column(QT_TRANSLATE_NOOP("Columns", "Recorder"), 80),
        Column(QT_TRANSLATE_NOOP("Columns", "Approver"), 80),
        Column(QT_TRANSLATE_NOOP("Columns", "Corrects"), 70),
    )

    def cells(self, r: ServiceRecordRow) -> tuple[str, ...]:
        status = (QCoreApplication.translate("Lists", "Approved") if r.status == "approved"
                  else QCoreApplication.translate("Lists", "Pending"))
        return (str(r.id), date_text(r.service_date), r.volunteer, r.activity or r.content, r.category,
                hours_text(r.hours), status, r.recorder, r.approver, str(r.corrects or ""))


class AuditList(ListSpec[AuditRow]):
    query = AUDIT_LOG
    default_descending = True
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Time"), 140, "id"),
        Column(QT_TRANSLATE_NOOP("Columns", "User"), 90),
        Column(QT_TRANSLATE_NOOP("Columns", "Action"), 90),
        Column(QT_TRANSLATE_NOOP("Columns", "Table"), 120),
        Column(QT_TRANSLATE_NOOP("Columns", "Record"), 70, None, True),
        Column(QT_TRANSLATE_NOOP("Columns", "Details"), 420),
    )

    def cells(self, r: AuditRow) -> tuple[str, ...]:
        return (date_text(r.at), r.actor, action_label(r.action), table_label(r.table),
                str(r.record_id or ""), r.detail[:300])


ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Audit", "create"),
    "update": QT_TRANSLATE_NOOP("Audit", "update"),
    "deactivate": QT_TRANSLATE_NOOP("Audit", "deactivate"),
    "approve": QT_TRANSLATE_NOOP("Audit", "approve"),
    "correct": QT_TRANSLATE_NOOP("Audit", "correct"),
    "delete": QT_TRANSLATE_NOOP("Audit", "delete"),
    "import": QT_TRANSLATE_NOOP("Audit", "import"),
    "export": QT_TRANSLATE_NOOP("Audit", "export"),
    "attendance": QT_TRANSLATE_NOOP("Audit", "attendance"),
    "inspection": QT_TRANSLATE_NOOP("Audit", "inspection"),
    "set_preset": QT_TRANSLATE_NOOP("Audit", "set preset"),
    "demo": QT_TRANSLATE_NOOP("Audit", "demo data"),
}
TABLES = {
    "person": QT_TRANSLATE_NOOP("Audit", "person"),
    "volunteer": QT_TRANSLATE_NOOP("Audit", "volunteer"),
    "social_worker": QT_TRANSLATE_NOOP("Audit", "social worker"),
    "organization": QT_TRANSLATE_NOOP("Audit", "organization"),
    "training": QT_TRANSLATE_NOOP("Audit", "training"),
    "attendance": QT_TRANSLATE_NOOP("Audit", "attendance"),
    "activity": QT_TRANSLATE_NOOP("Audit", "activity"),
    "service_record": QT_TRANSLATE_NOOP("Audit", "service hours"),
    "annual_inspection": QT_TRANSLATE_NOOP("Audit", "annual inspection"),
    "evaluation_grade": QT_TRANSLATE_NOOP("Audit", "evaluation grade"),
    "service_project": QT_TRANSLATE_NOOP("Audit", "service project"),
    "community": QT_TRANSLATE_NOOP("Audit", "community"),
    "street": QT_TRANSLATE_NOOP("Audit", "street"),
    "district": QT_TRANSLATE_NOOP("Audit", "district"),
    "setting": QT_TRANSLATE_NOOP("Audit", "setting"),
    "registry": QT_TRANSLATE_NOOP("Audit", "register"),
    "certificate": QT_TRANSLATE_NOOP("Audit", "certificate"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    return QCoreApplication.translate("Audit", TABLES[table]) if table in TABLES else table
