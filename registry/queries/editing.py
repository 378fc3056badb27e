"""The stored values an edit form starts from, and the person an ID number typed into a
new record's form already belongs to.

The field names are the forms' keys. Numbers come masked to every role, as everywhere
else: a form is a screen like any other, and a clerk may not see a number whole on it
(rules/disclosure.py). Changing a number means typing the whole new one; a masked value
sent back untouched keeps the stored number (ops/people.py, without_masked_copies)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from registry.queries.masking import MASKED, Masker
from registry.rules.documents import DEFAULT_TYPE
from registry.storage.models import Organization, Person, SocialWorker, Volunteer, get_or_fail
from registry.texts import msg


@dataclass(frozen=True)
class Seen:
    """The versions of the records a form was filled from: an edit saved with it is refused
    when someone else saved one of them since (ops/edits.py)."""

    record: int
    person: int | None = None


@dataclass(frozen=True)
class PersonValues:
    id_number: str
    name: str
    phone: str
    ethnicity: str
    political_status: str
    education: str
    address: str
    id_type: str = DEFAULT_TYPE
    nationality: str = ""


def _person_values(p: Person, mask: Masker) -> PersonValues:
    return PersonValues(id_number=mask.id_number(p.id_number), name=p.name, phone=mask.phone(p.phone),
                        ethnicity=p.ethnicity, political_status=p.political_status,
                        education=p.education, address=p.address, id_type=p.id_type,
                        nationality=p.nationality)


@dataclass(frozen=True)
class VolunteerValues:
    person: PersonValues
    community: int | None
    volunteer_number: str | None
    national_number: str | None
    registered_on: dt.date | None
    skills: str
    service_categories: str
    consent_contact: bool
    consent_publish: bool
    seen: Seen


def volunteer_values(volunteer_id: int, actor: str) -> VolunteerValues:
    v = get_or_fail(Volunteer, volunteer_id, msg("志愿者"))
    return VolunteerValues(
        person=_person_values(v.person, MASKED), community=v.community_id,
        volunteer_number=v.volunteer_number, national_number=v.national_number,
        registered_on=v.registered_on, skills=v.skills, service_categories=v.service_categories,
        consent_contact=bool(v.consent_contact), consent_publish=bool(v.consent_publish),
        seen=Seen(v.version, v.person.version))


@dataclass(frozen=True)
class SocialWorkerValues:
    person: PersonValues
    level: str
    certificate_number: str
    obtained_year: int | None
    registration_number: str | None
    registered_on: dt.date | None
    registered_until: dt.date | None
    employer: int | None  # the registered organization employing them
    employer_name: str
    post: str
    community: int | None
    seen: Seen


def social_worker_values(worker_id: int, actor: str) -> SocialWorkerValues:
    w = get_or_fail(SocialWorker, worker_id, msg("社会工作者"))
    return SocialWorkerValues(
        person=_person_values(w.person, MASKED), level=w.level,
        certificate_number=w.certificate_number, obtained_year=w.obtained_year,
        registration_number=w.registration_number, registered_on=w.registered_on,
        registered_until=w.registered_until, employer=w.employer_id, employer_name=w.employer_name,
        post=w.post, community=w.community_id, seen=Seen(w.version, w.person.version))


@dataclass(frozen=True)
class OrganizationValues:
    name: str
    uscc: str | None
    org_type: str
    registration_authority: str
    supervising_unit: str
    legal_representative_name: str
    founded_on: dt.date | None
    address: str
    business_scope: str
    service_fields: str
    registered_capital: Decimal | None
    community: int | None
    filed_on: dt.date | None
    responsible_person: str
    venue: str
    notes: str
    seen: Seen
    charity_recognized_on: dt.date | None = None  # None: not recognized as a charity


def organization_values(org_id: int) -> OrganizationValues:
    o = get_or_fail(Organization, org_id, msg("组织"))
    return OrganizationValues(
        name=o.name, uscc=o.uscc, org_type=o.org_type, registration_authority=o.registration_authority,
        supervising_unit=o.supervising_unit, legal_representative_name=o.legal_representative_name,
        founded_on=o.founded_on, address=o.address, business_scope=o.business_scope,
        service_fields=o.service_fields, registered_capital=o.registered_capital,
        community=o.community_id, filed_on=o.filed_on, responsible_person=o.responsible_person,
        venue=o.venue, notes=o.notes, seen=Seen(o.version), charity_recognized_on=o.charity_recognized_on)


@dataclass(frozen=True)
class KnownPerson:
    """The person holding an identity document, and the roles they hold already."""

    id: int
    name: str
    volunteer: int | None  # their volunteer record's id
    social_worker: int | None  # their social-worker record's id
    values: PersonValues  # what a new role's form may fill in from them


def person_holding(id_number: str, actor: str, id_type: str = DEFAULT_TYPE) -> KnownPerson | None:
    person = Person.get_or_none((Person.id_number == id_number) & (Person.id_type == id_type))
    if person is not None and person.merged_into_id is not None:  # a merged record's: its person now
        person = Person.get_or_none(Person.id == person.merged_into_id)
    if person is None:
        return None
    volunteer = Volunteer.select(Volunteer.id).where(Volunteer.person == person.id).scalar()
    worker = SocialWorker.select(SocialWorker.id).where(SocialWorker.person == person.id).scalar()
    return KnownPerson(person.id, person.name, volunteer, worker,
                       _person_values(person, MASKED))
