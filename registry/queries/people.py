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


def _hours(value: object) -> Decimal:
    return Decimal(str(value or 0))


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    person_id: int
    name: str
    sex: str
    birth_date: dt.date | None
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
    found = (Volunteer.select(Volunteer, Person, Community).join(Person)
             .switch(Volunteer).join(Community, JOIN.LEFT_OUTER)
             .where(Volunteer.id == volunteer_id).first())
    v = found or get_or_fail(Volunteer, volunteer_id, "志愿者")
    p = v.person
    year = (today or dt.date.today()).year
    this_year = (VolunteerYear.select(VolunteerYear.hours)
                 .where((VolunteerYear.volunteer == v.id) & (VolunteerYear.year == year)).scalar())
    preset = current_star_preset()
    total = _hours(v.total_hours)
    mask = masker_for(actor, reveal=reveal)
    return VolunteerDetail(
        id=v.id, person_id=p.id, name=p.name, sex=p.sex, birth_date=p.birth_date,
        id_number=mask.id_number(p.id_number), phone=mask.phone(p.phone),
        community=v.community.name if v.community_id else "", volunteer_number=v.volunteer_number or "",
        registered_on=v.registered_on, status=v.status, status_reason=v.status_reason,
        skills=v.skills, service_categories=v.service_categories,
        hours_this_year=_hours(this_year), hours_total=total, star_level=int(v.star_level or 0),
        hours_to_next_star=hours_to_next_star(preset, total), star_preset=preset.label)


def volunteer_name(volunteer_id: int) -> str:
    """The volunteer's name, as a dialog for them is titled."""
    name = (Person.select(Person.name).join(Volunteer)
            .where(Volunteer.id == volunteer_id).scalar())
    if name is None:
        get_or_fail(Volunteer, volunteer_id, "志愿者")
    return str(name)


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
    found = (SocialWorker.select(SocialWorker, Person, Community).join(Person)
             .switch(SocialWorker).join(Community, JOIN.LEFT_OUTER)
             .where(SocialWorker.id == worker_id).first())
    w = found or get_or_fail(SocialWorker, worker_id, "社会工作者")
    p = w.person
    mask = masker_for(actor, reveal=reveal)
    return SocialWorkerDetail(
        id=w.id, person_id=p.id, name=p.name, sex=p.sex, id_number=mask.id_number(p.id_number),
        phone=mask.phone(p.phone), level=w.level, certificate_number=w.certificate_number,
        obtained_year=w.obtained_year, registration_number=w.registration_number or "",
        registered_until=w.registered_until, employer_name=w.employer_name, post=w.post,
        community=w.community.name if w.community_id else "", status=w.status,
        ce=continuing_education(w.level, _hours(w.ce_hours), w.registered_until))
