"""The list sections' columns, and how each shows a row of the core's lists.

The rows themselves (their order, filters, masked numbers) come from registry.queries;
this module only turns them into the texts of the table's cells, on the worker thread.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from registry.ops.changes import Table
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
from registry.rules.permissions import Action
from ui.models.listspec import Column, ListSpec
from ui.runtime.i18n import tr_noop


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
        Column(tr_noop("Columns", "Name"), 90, "name"),
        Column(tr_noop("Columns", "Sex"), 50),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Phone"), 120),
        Column(tr_noop("Columns", "Community"), 130),
        Column(tr_noop("Columns", "Volunteer no."), 130),
        Column(tr_noop("Columns", "Registered"), 100),
        Column(tr_noop("Columns", "Total hours"), 90, "total_hours", True),
        Column(tr_noop("Columns", "Stars"), 80, "star_level"),
        Column(tr_noop("Columns", "Status"), 60),
    )

    def cells(self, r: VolunteerRow) -> tuple[str, ...]:
        return (r.name, r.sex, r.id_number, r.phone, r.community, r.volunteer_number,
                date_text(r.registered_on), hours_text(r.total_hours), stars(r.star_level), r.status)


class SocialWorkerList(ListSpec[SocialWorkerRow]):
    query = SOCIAL_WORKERS
    columns = (
        Column(tr_noop("Columns", "Name"), 90, "name"),
        Column(tr_noop("Columns", "Sex"), 50),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Certificate level"), 120, "level"),
        Column(tr_noop("Columns", "Certificate no."), 130, "certificate_number"),
        Column(tr_noop("Columns", "Year obtained"), 80),
        Column(tr_noop("Columns", "Registered until"), 100),
        Column(tr_noop("Columns", "Employer"), 180),
        Column(tr_noop("Columns", "Community"), 120),
        Column(tr_noop("Columns", "CE hours"), 80, "ce_hours", True),
        Column(tr_noop("Columns", "Status"), 60),
    )

    def cells(self, r: SocialWorkerRow) -> tuple[str, ...]:
        return (r.name, r.sex, r.id_number, r.level, r.certificate_number, str(r.obtained_year or ""),
                date_text(r.registered_until), r.employer, r.community, hours_text(r.ce_hours), r.status)


class OrganizationList(ListSpec[OrganizationRow]):
    query = ORGANIZATIONS
    columns = (
        Column(tr_noop("Columns", "Organization"), 240, "name"),
        Column(tr_noop("Columns", "USCC"), 170),
        Column(tr_noop("Columns", "Type"), 110, "org_type"),
        Column(tr_noop("Columns", "Legal representative"), 100),
        Column(tr_noop("Columns", "Founded"), 100),
        Column(tr_noop("Columns", "Community"), 120),
        Column(tr_noop("Columns", "Status"), 60, "status"),
    )

    def cells(self, r: OrganizationRow) -> tuple[str, ...]:
        return (r.name, r.uscc, r.org_type, r.legal_representative, date_text(r.founded_on),
                r.community, r.status)


class TrainingList(ListSpec[TrainingRow]):
    query = TRAININGS
    columns = (
        Column(tr_noop("Columns", "Training"), 260, "title"),
        Column(tr_noop("Columns", "Organizer"), 160),
        Column(tr_noop("Columns", "Starts"), 100, "starts_on"),
        Column(tr_noop("Columns", "Ends"), 100),
        Column(tr_noop("Columns", "Hours"), 60, "hours", True),
        Column(tr_noop("Columns", "Category"), 100),
        Column(tr_noop("Columns", "Continuing education"), 90),
        Column(tr_noop("Columns", "Place"), 140),
    )

    def cells(self, r: TrainingRow) -> tuple[str, ...]:
        return (r.title, r.organizer, date_text(r.starts_on), date_text(r.ends_on), hours_text(r.hours),
                r.category, yes_no(r.counts_as_ce), r.place)


class ServiceRecordList(ListSpec[ServiceRecordRow]):
    query = SERVICE_RECORDS
    default_descending = True
    columns = (
        Column(tr_noop("Columns", "No."), 80, "id", True),
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

    def cells(self, r: ServiceRecordRow) -> tuple[str, ...]:
        status = (QCoreApplication.translate("Lists", "Approved") if r.status == "approved"
                  else QCoreApplication.translate("Lists", "Pending"))
        return (str(r.id), date_text(r.service_date), r.volunteer, r.activity or r.content, r.category,
                hours_text(r.hours), status, r.recorder, r.approver, str(r.corrects or ""))


class AuditList(ListSpec[AuditRow]):
    query = AUDIT_LOG
    default_descending = True
    # What was done comes second: the sentence is what a clerk reads, seen at 1024 wide too.
    columns = (
        Column(tr_noop("Columns", "Time"), 140, "id"),
        Column(tr_noop("Columns", "Details"), 420),
        Column(tr_noop("Columns", "User"), 90),
        Column(tr_noop("Columns", "Action"), 90),
        Column(tr_noop("Columns", "Table"), 120),
        Column(tr_noop("Columns", "Record"), 70, None, True),
    )

    def cells(self, r: AuditRow) -> tuple[str, ...]:
        return (date_text(r.at), r.detail[:300], r.actor, action_label(r.action), table_label(r.table),
                str(r.record_id or ""))


# Every action and table the audit log can hold has its words: a clerk never reads a program
# code there (tests/unit/ui/models: every Action and Table is covered and translated).
ACTIONS: dict[str, str] = {
    Action.LOGIN: tr_noop("Audit", "log in"),
    Action.LOGIN_FAILED: tr_noop("Audit", "failed login"),
    Action.LOCK: tr_noop("Audit", "account locked"),
    Action.PASSWORD_CHANGE: tr_noop("Audit", "change password"),
    Action.VIEW: tr_noop("Audit", "view"),
    Action.SEARCH: tr_noop("Audit", "search by number"),
    Action.CREATE: tr_noop("Audit", "create"),
    Action.UPDATE: tr_noop("Audit", "update"),
    Action.DEACTIVATE: tr_noop("Audit", "deactivate"),
    Action.APPROVE: tr_noop("Audit", "approve"),
    Action.CORRECT: tr_noop("Audit", "correct"),
    Action.DELETE: tr_noop("Audit", "delete"),
    Action.IMPORT: tr_noop("Audit", "import"),
    Action.EXPORT: tr_noop("Audit", "export"),
    Action.EXPORT_UNMASKED: tr_noop("Audit", "export with full numbers"),
    Action.UNMASK: tr_noop("Audit", "show full numbers"),
    Action.ATTENDANCE: tr_noop("Audit", "attendance"),
    Action.INSPECTION: tr_noop("Audit", "inspection"),
    Action.ISSUE: tr_noop("Audit", "issue certificate"),
    Action.REPRINT: tr_noop("Audit", "reprint certificate"),
    Action.EXTEND_REGISTRATION: tr_noop("Audit", "extend registration"),
    Action.SET_PRESET: tr_noop("Audit", "set preset"),
    Action.APPLY_DISTRICT: tr_noop("Audit", "apply district file"),
    Action.AREAS: tr_noop("Audit", "area settings"),
    Action.RETENTION: tr_noop("Audit", "erase after retention period"),
    Action.BACKUP: tr_noop("Audit", "back up"),
    Action.COPY_REGISTER: tr_noop("Audit", "copy the register"),
    Action.RESTORE: tr_noop("Audit", "restore"),
    Action.SERVER_SETUP: tr_noop("Audit", "set up server rights"),
    Action.USER_ADD: tr_noop("Audit", "add account"),
    Action.USER_DISABLE: tr_noop("Audit", "disable account"),
    Action.USER_RESET: tr_noop("Audit", "reset password"),
    Action.USER_RENAME: tr_noop("Audit", "change account's name"),
    Action.DEMO: tr_noop("Audit", "demo data"),
}
TABLES: dict[str, str] = {
    Table.PERSON: tr_noop("Audit", "person"),
    Table.VOLUNTEER: tr_noop("Audit", "volunteer"),
    Table.SOCIAL_WORKER: tr_noop("Audit", "social worker"),
    Table.ORGANIZATION: tr_noop("Audit", "organization"),
    Table.TRAINING: tr_noop("Audit", "training"),
    Table.ATTENDANCE: tr_noop("Audit", "attendance"),
    Table.ACTIVITY: tr_noop("Audit", "activity"),
    Table.SERVICE_RECORD: tr_noop("Audit", "service hours"),
    Table.ANNUAL_INSPECTION: tr_noop("Audit", "annual inspection"),
    Table.EVALUATION_GRADE: tr_noop("Audit", "evaluation grade"),
    Table.SERVICE_PROJECT: tr_noop("Audit", "service project"),
    Table.COMMUNITY: tr_noop("Audit", "community"),
    Table.COMMUNITY_POPULATION: tr_noop("Audit", "community's population of a year"),
    Table.STREET: tr_noop("Audit", "street"),
    Table.DISTRICT: tr_noop("Audit", "district"),
    Table.SETTING: tr_noop("Audit", "setting"),
    Table.RULE_PRESET: tr_noop("Audit", "rule preset"),
    Table.ACCOUNT: tr_noop("Audit", "account"),
    Table.CERTIFICATE: tr_noop("Audit", "certificate"),
    Table.VOLUNTEER_ORGANIZATION: tr_noop("Audit", "volunteer's organization"),
    Table.REGISTRY_META: tr_noop("Audit", "register"),
    Table.SEARCH_KEY: tr_noop("Audit", "search index"),
    Table.VOLUNTEER_YEAR: tr_noop("Audit", "yearly hours"),
    Table.COMMUNITY_YEAR: tr_noop("Audit", "community's yearly hours"),
    Table.ORGANIZATION_YEAR: tr_noop("Audit", "organization's yearly hours"),
    Table.MONTH_CATEGORY_HOURS: tr_noop("Audit", "monthly hours by category"),
    Table.AUDIT_ENTRY: tr_noop("Audit", "audit log"),
    "registry": tr_noop("Audit", "register"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTIONS[action]) if action in ACTIONS else action


# An export's entry names its roster (volunteers, audit …), not a table.
ROSTER = tr_noop("Audit", "roster")


def table_label(table: str) -> str:
    return QCoreApplication.translate("Audit", TABLES.get(table, ROSTER))
