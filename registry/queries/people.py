"""What the volunteer and social-worker detail panes show.

The figures are worked out here, from the summaries the operations keep in step with the
ledger (total and yearly hours, CE hours this cycle) and the presets in force: the star
level, the hours still needed for the next star, the continuing-education cycle, what it
requires and what is missing. Numbers leave masked unless `reveal` was asked by an account
that may see them (masking.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import JOIN

from registry.queries.masking import masker_for
from registry.queries.presets import current_ce_preset, current_star_preset
from registry.rules.presets import cycle_bounds, hours_to_next_star, required_hours, shortfall
from registry.storage.models import Community, Person, SocialWorker, Volunteer, VolunteerYear, get_or_fail
from registry.texts import msg


def _hours(value: object) -> Decimal:
    return Decimal(str(value or 0))


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    person_id: int
    name: str
    sex: str
    birth_date: str  # the year only unless revealed (rules/disclosure.py); "" when unknown
    id_number: str  # masked unless revealed
    phone: str  # masked unless revealed; "" when there is none
    community: str
    volunteer_number: str
    registered_on: dt.date | None
    status: str
    status_reason: str
    skills: str
    service_categories: str
    hours_this_year: Decimal
    hours_total: Decimal
    star_level: int
    hours_to_next_star: Decimal | None  # None: the highest level is reached
    star_preset: str  # the label of the star preset in force


def volunteer_detail(volunteer_id: int, actor: str, *, reveal: bool = False,
                     today: dt.date | None = None) -> VolunteerDetail:
    """The volunteer with this year's and all hours, star level and hours to the next star."""
    year = (today or dt.date.today()).year
    # One row of plain values: building three model instances would cost as much again.
    row = (Volunteer.select(Person.id, Person.name, Person.sex, Person.birth_date, Person.id_number,
                            Person.phone, Community.name, Volunteer.volunteer_number,
                            Volunteer.registered_on, Volunteer.status, Volunteer.status_reason,
                            Volunteer.skills, Volunteer.service_categories, Volunteer.total_hours,
                            Volunteer.star_level, VolunteerYear.hours)
           .join(Person).switch(Volunteer).join(Community, JOIN.LEFT_OUTER)
           .switch(Volunteer).join(VolunteerYear, JOIN.LEFT_OUTER,
                                   on=(VolunteerYear.volunteer == Volunteer.id) & (VolunteerYear.year == year))
           .where(Volunteer.id == volunteer_id).tuples().first())
    if row is None:
        get_or_fail(Volunteer, volunteer_id, msg("志愿者"))
    (person_id, name, sex, born, id_number, phone, community, number, registered, status, reason,
     skills, categories, total_hours, star, this_year) = row
    preset = current_star_preset()
    total = _hours(total_hours)
    mask = masker_for(actor, reveal=reveal)
    return VolunteerDetail(
        id=volunteer_id, person_id=person_id, name=name, sex=sex, birth_date=mask.birth_date(born),
        id_number=mask.id_number(id_number), phone=mask.phone(phone), community=community or "",
        volunteer_number=number or "", registered_on=registered, status=status, status_reason=reason,
        skills=skills, service_categories=categories, hours_this_year=_hours(this_year),
        hours_total=total, star_level=int(star or 0), hours_to_next_star=hours_to_next_star(preset, total),
        star_preset=preset.label)


def volunteer_name(volunteer_id: int) -> str:
    """The volunteer's name, as a dialog for them is titled."""
    name = (Person.select(Person.name).join(Volunteer)
            .where(Volunteer.id == volunteer_id).scalar())
    if name is None:
        get_or_fail(Volunteer, volunteer_id, msg("志愿者"))
    return str(name)


def role_person(role: str, record_id: int) -> tuple[int, str]:
    """(person id, name) of a volunteer (`role` "volunteer") or social worker ("social_worker"):
    whom a dialog about the person behind the role is about (merging two records)."""
    model = Volunteer if role == "volunteer" else SocialWorker
    row = Person.select(Person.id, Person.name).join(model).where(model.id == record_id).tuples().first()
    if row is None:
        get_or_fail(model, record_id, msg("志愿者") if model is Volunteer else msg("持证社工"))
    return int(row[0]), str(row[1])


@dataclass(frozen=True)
class ContinuingEducation:
    """A social worker's continuing education in the current registration cycle."""

    preset: str  # the label of the CE preset in force
    cycle_start: dt.date | None  # None without a registration end date
    due: dt.date | None  # the cycle ends with the registration
    hours_done: Decimal
    hours_required: Decimal | None  # None: a level the preset does not know
    hours_missing: Decimal | None  # 0 when complete; None as hours_required


def continuing_education(level: str, hours_done: Decimal,
                         registered_until: dt.date | None) -> ContinuingEducation:
    preset = current_ce_preset()
    needed: Decimal | None
    missing: Decimal | None
    try:
        needed, missing = required_hours(preset, level), shortfall(preset, level, hours_done)
    except KeyError:
        needed = missing = None
    start = cycle_bounds(preset, registered_until)[0] if registered_until else None
    return ContinuingEducation(preset.label, start, registered_until, hours_done, needed, missing)


@dataclass(frozen=True)
class SocialWorkerDetail:
    id: int
    person_id: int
    name: str
    sex: str
    id_number: str  # masked unless revealed
    phone: str  # masked unless revealed; "" when there is none
    level: str
    certificate_number: str
    obtained_year: int | None
    registration_number: str
    registered_until: dt.date | None
    employer_name: str
    post: str
    community: str
    status: str
    ce: ContinuingEducation


def social_worker_detail(worker_id: int, actor: str, *, reveal: bool = False) -> SocialWorkerDetail:
    row = (SocialWorker.select(Person.id, Person.name, Person.sex, Person.id_number, Person.phone,
                               SocialWorker.level, SocialWorker.certificate_number, SocialWorker.obtained_year,
                               SocialWorker.registration_number, SocialWorker.registered_until,
                               SocialWorker.employer_name, SocialWorker.post, Community.name,
                               SocialWorker.status, SocialWorker.ce_hours)
           .join(Person).switch(SocialWorker).join(Community, JOIN.LEFT_OUTER)
           .where(SocialWorker.id == worker_id).tuples().first())
    if row is None:
        get_or_fail(SocialWorker, worker_id, msg("社会工作者"))
    (person_id, name, sex, id_number, phone, level, certificate, obtained, registration, until,
     employer, post, community, status, ce_hours) = row
    mask = masker_for(actor, reveal=reveal)
    return SocialWorkerDetail(
        id=worker_id, person_id=person_id, name=name, sex=sex, id_number=mask.id_number(id_number),
        phone=mask.phone(phone), level=level, certificate_number=certificate, obtained_year=obtained,
        registration_number=registration or "", registered_until=until, employer_name=employer,
        post=post, community=community or "", status=status,
        ce=continuing_education(level, _hours(ce_hours), until))
