"""The list sections' columns, and how each shows a row of the core's lists.

The rows themselves (their order, filters, masked numbers) come from registry.queries;
this module only turns them into the texts of the table's cells, on the worker thread.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

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
