"""The five register lists the program shows (volunteers, social workers, organizations,
trainings, service hours): what each row holds, what each may be sorted and filtered by.

Each list's filters are named as the section's filter boxes are; a filter left None
keeps every row. ID and phone numbers leave here masked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from peewee import JOIN, Expression

from registry.queries.masking import Masker
from registry.queries.paging import ListQuery, Sorts, equal_to
from registry.queries.tombstones import not_merged
from registry.storage.models import (
    Activity,
    Community,
    Organization,
    Person,
    ServiceRecord,
    SocialWorker,
    Training,
    Volunteer,
    VolunteerOrganization,
)


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# --- volunteers ---------------------------------------------------------------------------

@dataclass(frozen=True)
class VolunteerFilters:
    """The volunteer list's filters; None keeps every row."""

    community: int | None = None
    organization: int | None = None  # volunteers who are members of it
    status: str | None = None
    star: int | None = None  # 0: no star yet


@dataclass(frozen=True)
class VolunteerRow:
    """A row of the volunteer list, its numbers masked."""

    id: int
    name: str
    sex: str
    id_number: str  # masked
    phone: str  # masked; "" when none
    community: str
    volunteer_number: str
    registered_on: dt.date | None
    total_hours: Decimal
    star_level: int
    status: str


class Volunteers(ListQuery[VolunteerFilters, VolunteerRow]):
    key = Volunteer.id
    sorts: ClassVar[Sorts] = {"name": Person.name, "total_hours": Volunteer.total_hours,
             "star_level": Volunteer.star_level}
    filters = VolunteerFilters

    def select(self) -> Any:
        return (Volunteer.select(Volunteer.id, Person.name, Person.sex, Person.id_number, Person.phone,
                                 Community.name, Volunteer.volunteer_number, Volunteer.registered_on,
                                 Volunteer.total_hours, Volunteer.star_level, Volunteer.status)
                .join(Person).switch(Volunteer).join(Community, JOIN.LEFT_OUTER))

    def where(self, f: VolunteerFilters) -> list[Expression]:
        conds = equal_to([(Volunteer.community, f.community), (Volunteer.status, f.status),
                          (Volunteer.star_level, f.star)])
        if f.organization is not None:
            members = VolunteerOrganization.select(VolunteerOrganization.volunteer).where(
                VolunteerOrganization.organization == f.organization)
            conds.append(Volunteer.id.in_(members))
        return conds + not_merged(Volunteer.person)

    def counted(self) -> Any:
        return Volunteer.select(Volunteer.id)  # every filter is on the volunteer: no joins

    def row(self, values: tuple[Any, ...], masker: Masker) -> VolunteerRow:
        key, name, sex, id_number, phone, community, number, registered, hours, star, status = values
        return VolunteerRow(key, name, sex, masker.id_number(id_number), masker.phone(phone),
                            community or "", number or "", registered, hours, star, status)


# --- social workers -----------------------------------------------------------------------

@dataclass(frozen=True)
class SocialWorkerFilters:
    """The social-worker list's filters; None keeps every row."""

    community: int | None = None
    level: str | None = None
    status: str | None = None
    organization: int | None = None  # the employer
    year: int | None = None  # the year the certificate was obtained


@dataclass(frozen=True)
class SocialWorkerRow:
    """A row of the social-worker list, its numbers masked."""

    id: int
    name: str
    sex: str
    id_number: str  # masked
    level: str
    certificate_number: str
    obtained_year: int | None
    registered_until: dt.date | None
    employer: str
    community: str
    ce_hours: Decimal
    status: str


class SocialWorkers(ListQuery[SocialWorkerFilters, SocialWorkerRow]):
    key = SocialWorker.id
    sorts: ClassVar[Sorts] = {"name": Person.name, "level": SocialWorker.level,
             "certificate_number": SocialWorker.certificate_number, "ce_hours": SocialWorker.ce_hours}
    filters = SocialWorkerFilters

    def select(self) -> Any:
        return (SocialWorker.select(SocialWorker.id, Person.name, Person.sex, Person.id_number,
                                    SocialWorker.level, SocialWorker.certificate_number,
                                    SocialWorker.obtained_year, SocialWorker.registered_until,
                                    SocialWorker.employer_name, Community.name, SocialWorker.ce_hours,
                                    SocialWorker.status)
                .join(Person).switch(SocialWorker).join(Community, JOIN.LEFT_OUTER))

    def where(self, f: SocialWorkerFilters) -> list[Expression]:
        return equal_to([(SocialWorker.community, f.community), (SocialWorker.level, f.level),
                         (SocialWorker.status, f.status), (SocialWorker.employer, f.organization),
                         (SocialWorker.obtained_year, f.year)]) + not_merged(SocialWorker.person)

    def counted(self) -> Any:
        return SocialWorker.select(SocialWorker.id)

    def row(self, values: tuple[Any, ...], masker: Masker) -> SocialWorkerRow:
        key, name, sex, id_number, level, cert, year, until, employer, community, ce, status = values
        return SocialWorkerRow(key, name, sex, masker.id_number(id_number), level, cert, year, until,
                               employer, community or "", ce, status)


# --- organizations ------------------------------------------------------------------------

@dataclass(frozen=True)
class OrganizationFilters:
    """The organization list's filters; None keeps every row."""

    community: int | None = None
    status: str | None = None
    org_type: str | None = None
    year: int | None = None  # founded that year


@dataclass(frozen=True)
class OrganizationRow:
    """A row of the organization list."""

    id: int
    name: str
    uscc: str  # 统一社会信用代码; "" when not yet given
    org_type: str
    legal_representative: str
    founded_on: dt.date | None
    community: str
    status: str


class Organizations(ListQuery[OrganizationFilters, OrganizationRow]):
    key = Organization.id
    sorts: ClassVar[Sorts] = {"name": Organization.name, "org_type": Organization.org_type,
             "status": Organization.status}
    filters = OrganizationFilters

    def select(self) -> Any:
        return (Organization.select(Organization.id, Organization.name, Organization.uscc,
                                    Organization.org_type, Organization.legal_representative_name,
                                    Organization.founded_on, Community.name, Organization.status)
                .join(Community, JOIN.LEFT_OUTER))

    def where(self, f: OrganizationFilters) -> list[Expression]:
        conds = equal_to([(Organization.community, f.community), (Organization.status, f.status),
                          (Organization.org_type, f.org_type)])
        if f.year is not None:
            conds.append(Organization.founded_on.between(*year_range(f.year)))
        return conds

    def row(self, values: tuple[Any, ...], masker: Masker) -> OrganizationRow:
        key, name, uscc, kind, legal, founded, community, status = values
        return OrganizationRow(key, name, uscc or "", kind, legal, founded, community or "", status)


# --- trainings ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TrainingFilters:
    """The training list's filter; None keeps every row."""

    year: int | None = None  # starting that year


@dataclass(frozen=True)
class TrainingRow:
    """A row of the training list."""

    id: int
    title: str
    organizer: str
    starts_on: dt.date
    ends_on: dt.date
    hours: Decimal
    category: str
    counts_as_ce: bool  # 计入继续教育
    place: str


class Trainings(ListQuery[TrainingFilters, TrainingRow]):
    key = Training.id
    sorts: ClassVar[Sorts] = {"title": Training.title, "starts_on": Training.starts_on, "hours": Training.hours}
    filters = TrainingFilters

    def select(self) -> Any:
        return Training.select(Training.id, Training.title, Training.organizer, Training.starts_on,
                               Training.ends_on, Training.hours, Training.category,
                               Training.counts_as_ce, Training.place)

    def where(self, f: TrainingFilters) -> list[Expression]:
        return [Training.starts_on.between(*year_range(f.year))] if f.year is not None else []

    def row(self, values: tuple[Any, ...], masker: Masker) -> TrainingRow:
        return TrainingRow(*values)


# --- service hours ------------------------------------------------------------------------

@dataclass(frozen=True)
class ServiceRecordFilters:
    """The service-hours list's filters; None keeps every row."""

    approval: str | None = None  # "pending" or "approved"
    community: int | None = None
    organization: int | None = None
    volunteer: int | None = None
    year: int | None = None  # served that year


@dataclass(frozen=True)
class ServiceRecordRow:
    """A row of the service-hours list: one entry."""

    id: int  # the entry's number
    service_date: dt.date
    volunteer: str  # the volunteer's name
    activity: str  # "" when the entry belongs to no activity
    content: str
    category: str
    hours: Decimal
    status: str  # "pending" or "approved"
    recorder: str
    approver: str
    corrects: int | None  # the entry this one corrects


class ServiceRecords(ListQuery[ServiceRecordFilters, ServiceRecordRow]):
    key = ServiceRecord.id
    sorts: ClassVar[Sorts] = {"id": ServiceRecord.id}
    filters = ServiceRecordFilters

    def select(self) -> Any:
        return (ServiceRecord.select(ServiceRecord.id, ServiceRecord.service_date, Person.name,
                                     Activity.name, ServiceRecord.content,
                                     ServiceRecord.service_category, ServiceRecord.hours,
                                     ServiceRecord.status, ServiceRecord.recorder,
                                     ServiceRecord.approver, ServiceRecord.corrects)
                .join(Volunteer).join(Person).switch(ServiceRecord).join(Activity, JOIN.LEFT_OUTER))

    def where(self, f: ServiceRecordFilters) -> list[Expression]:
        conds = equal_to([(ServiceRecord.status, f.approval), (ServiceRecord.community, f.community),
                          (ServiceRecord.organization, f.organization),
                          (ServiceRecord.volunteer, f.volunteer)])
        if f.year is not None:
            conds.append(ServiceRecord.service_date.between(*year_range(f.year)))
        return conds

    def counted(self) -> Any:
        return ServiceRecord.select(ServiceRecord.id)

    def keyed(self) -> Any:
        return self.counted()  # every filter is the line's own column

    def row(self, values: tuple[Any, ...], masker: Masker) -> ServiceRecordRow:
        key, day, name, activity, content, category, hours, status, recorder, approver, corrects = values
        return ServiceRecordRow(key, day, name, activity or "", content, category, hours, status,
                                recorder, approver, corrects)


VOLUNTEERS = Volunteers()
SOCIAL_WORKERS = SocialWorkers()
ORGANIZATIONS = Organizations()
TRAININGS = Trainings()
SERVICE_RECORDS = ServiceRecords()


def register_is_empty() -> bool:
    """True when the register holds no people and no organizations yet (the welcome page)."""
    return not (Person.select(Person.id).limit(1).exists()
                or Organization.select(Organization.id).limit(1).exists())
