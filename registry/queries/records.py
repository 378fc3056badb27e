"""What the training and service-hours panes show: a training with its attendance (ID
numbers masked), one line of the hours ledger, and the hours an activity credits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from registry.queries.masking import masker_for
from registry.queries.presets import current_rounding_preset
from registry.rules.presets import credited_hours
from registry.storage.models import (
    Activity,
    Attendance,
    Person,
    ServiceRecord,
    Training,
    Volunteer,
    get_or_fail,
)
from registry.texts import msg

ATTENDEES_SHOWN = 300


@dataclass(frozen=True)
class Attendee:
    name: str
    id_number: str  # masked unless revealed
    hours_credited: Decimal
    passed: bool


@dataclass(frozen=True)
class TrainingDetail:
    id: int
    title: str
    organizer: str
    starts_on: dt.date
    ends_on: dt.date
    hours: Decimal
    category: str
    counts_as_ce: bool
    attendee_count: int  # all of them; `attendees` holds the first ATTENDEES_SHOWN by name
    attendees: tuple[Attendee, ...]


def training_detail(training_id: int, actor: str, *, reveal: bool = False) -> TrainingDetail:
    t = get_or_fail(Training, training_id, msg("培训"))
    mask = masker_for(actor, reveal=reveal)
    count = Attendance.select().where(Attendance.training == training_id).count()
    lines = (Attendance.select(Person.name, Person.id_number, Attendance.hours_credited, Attendance.passed)
             .join(Person).where(Attendance.training == training_id).order_by(Person.name)
             .limit(ATTENDEES_SHOWN).tuples())
    return TrainingDetail(
        id=t.id, title=t.title, organizer=t.organizer, starts_on=t.starts_on, ends_on=t.ends_on,
        hours=t.hours, category=t.category, counts_as_ce=bool(t.counts_as_ce), attendee_count=int(count),
        attendees=tuple(Attendee(name, mask.id_number(number), hours, bool(passed))
                        for name, number, hours, passed in lines))


def training_title(training_id: int) -> str:
    return str(get_or_fail(Training, training_id, msg("培训")).title)


def training_hours(training_id: int) -> Decimal:
    """The training's hours, credited to an attendee unless the clerk says otherwise."""
    return Decimal(get_or_fail(Training, training_id, msg("培训")).hours)


@dataclass(frozen=True)
class RecordDetail:
    """One line of the hours ledger."""

    id: int
    volunteer: str  # the volunteer's name
    service_date: dt.date
    hours: Decimal
    category: str
    content: str
    place: str
    recorder: str
    approver: str
    approved: bool
    corrects: int | None  # the entry this line corrects
    correction_reason: str


def record_detail(record_id: int) -> RecordDetail:
    found = (ServiceRecord.select(ServiceRecord, Person.name.alias("volunteer_name"))
             .join(Volunteer).join(Person).where(ServiceRecord.id == record_id).objects().first())
    r = found or get_or_fail(ServiceRecord, record_id, msg("服务记录"))
    return RecordDetail(
        id=r.id, volunteer=r.volunteer_name, service_date=r.service_date, hours=r.hours,
        category=r.service_category, content=r.content, place=r.place, recorder=r.recorder,
        approver=r.approver, approved=r.status == "approved", corrects=r.corrects_id,
        correction_reason=r.correction_reason)


def credited_activity_hours(activity: Activity) -> Decimal:
    """What an activity credits each attendee: its length less travel, by the rounding preset."""
    minutes = int((activity.ends_at - activity.starts_at).total_seconds() // 60)
    return credited_hours(current_rounding_preset(), max(0, minutes - activity.travel_minutes))


def activity_hours(activity_id: int) -> Decimal:
    return credited_activity_hours(get_or_fail(Activity, activity_id, msg("活动")))
