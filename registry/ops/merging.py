"""Merging two person records that are one human (registered under an old and a new
document, or twice by mistake): an administrator's audited operation.

Everything the dropped person holds moves to the kept one, in one write; the dropped record
stays as a tombstone (Person.merged_into), keeping its document so the old number and the
certificates issued under it still find the kept person. What a clerk would expect when both
records hold the same thing:

- volunteer: when only the dropped person is one, the role itself moves. When both are, the
  kept volunteer keeps its own record; the dropped one's ledger moves to it line by line:
  each approved line in force gets an approved correction on the kept volunteer (approved
  lines are append-only, so the history of where the hours were stays readable), pending
  lines simply move, and so do its certificates and organizations. The dropped volunteer,
  left with no hours, is deregistered (注销) on the tombstone. The summaries move with the
  lines, through ops/summaries.py, so totals, years and stars stay exact.
- social worker: a registration is a certificate of its own; when both hold one, the kept
  one's stays in force and the dropped one's is deregistered on the tombstone.
- training attendance: a training attended under both records keeps the better line
  (passed first, then the hours credited).
- person fields: the kept record's stay; the ones it left empty take the dropped one's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.hours import MAX_HOURS_PER_DAY, count_line
from registry.ops.kernel import Write, retried, write
from registry.ops.social_workers import refresh_ce_hours
from registry.ops.summaries import apply_ledger_sums
from registry.rules.fields import clean_text
from registry.rules.ledger import SERVICE, LedgerSums
from registry.rules.permissions import Action
from registry.rules.problems import Problem, RegistryError, warning
from registry.storage.models import (
    Attendance,
    Certificate,
    Organization,
    Person,
    SearchKey,
    ServiceRecord,
    SocialWorker,
    Training,
    Volunteer,
    VolunteerOrganization,
    get_or_fail,
    locked,
)
from registry.texts import mark, msg

IN_REGISTER, DEREGISTERED = mark("在册"), mark("注销")
# Person fields the kept record takes from the dropped one when it has none of its own.
FILLED = ("phone", "address", "ethnicity", "political_status", "education", "nationality")
CROWDED_DAYS_SHOWN = 5  # a merge's warning names this many days, then counts the rest
_LINE_FIELDS = ("activity", "organization", "community", "service_date", "place", "served_group",
                "service_category", "content", "hours", "kind")


@retried
def merge_people(actor: str, keep_id: int, drop_id: int, reason: str) -> Changes:
    """Merge the person `drop_id` into `keep_id` (see the module's docstring)."""
    reason_text, problems = clean_text(reason, "reason", msg("合并原因"), required=True)
    require(problems)
    if int(keep_id) == int(drop_id):
        raise RegistryError(msg("不能把一条人员记录合并到它自己，请选择另一条记录。"))
    with write(actor, Action.MERGE_PEOPLE) as w:
        _lock_trainings(keep_id, drop_id)  # the kernel's order: trainings, people, roles, lines
        people = {p.id: p for p in locked(Person.select().where(Person.id.in_([keep_id, drop_id]))
                                          .order_by(Person.id))}
        keep = people.get(int(keep_id)) or get_or_fail(Person, keep_id, msg("人员"))
        drop = people.get(int(drop_id)) or get_or_fail(Person, drop_id, msg("人员"))
        for person in (keep, drop):
            if person.merged_into_id is not None:
                raise RegistryError(msg("“{name}”这条记录已经合并到其他人员，不能再合并。", name=person.name))
        moved = _merge(w, keep, drop, reason_text)
        w.log(Table.PERSON, keep.id, _about(drop), {"merged_into": keep.id, **moved}, detail=reason_text)
        w.changed(Table.PERSON, Table.SEARCH_KEY, ids=[keep.id, drop.id])
    return w.changes


def _about(person: Person) -> dict[str, Any]:
    """The dropped record as the audit entry names it (its number masked when shown)."""
    return {"id": person.id, "name": person.name, "id_type": person.id_type, "id_number": person.id_number}


def _lock_trainings(*person_ids: int) -> None:
    trainings = Attendance.select(Attendance.training).where(Attendance.person.in_(list(person_ids)))
    list(locked(Training.select(Training.id).where(Training.id.in_(trainings)).order_by(Training.id)))


def _merge(w: Write, keep: Person, drop: Person, reason: str) -> dict[str, Any]:
    """Move what `drop` holds to `keep`; what moved, counted, for the audit entry."""
    moved: dict[str, Any] = {}
    roles = {model: {r.person_id: r for r in locked(model.select().where(model.person.in_([keep.id, drop.id]))
                                                    .order_by(model.id))}
             for model in (Volunteer, SocialWorker)}
    note = msg("已合并到 {name}（编号 {id}）：{reason}", name=keep.name, id=keep.id, reason=reason)
    volunteers = roles[Volunteer]
    if drop.id in volunteers:
        moved.update(_merge_volunteer(w, volunteers.get(keep.id), volunteers[drop.id], keep, note))
    workers = roles[SocialWorker]
    if drop.id in workers:
        moved.update(_merge_social_worker(w, workers.get(keep.id), workers[drop.id], keep, note))
    moved["attendance"] = _move_attendance(keep, drop)
    for field in (Organization.legal_representative, Organization.contact):
        Organization.update({field: keep.id}).where(field == drop.id).execute()
    # a record merged into `drop` before now points at the kept one: never a chain
    Person.update(merged_into=keep.id).where(Person.merged_into == drop.id).execute()
    _fill(keep, drop)
    Person.update(merged_into=keep.id, active=False, deactivated_reason=note, updated_at=w.now,
                  version=Person.version + 1).where(Person.id == drop.id).execute()
    SearchKey.delete().where(SearchKey.person == drop.id).execute()  # found by its number only
    worker = SocialWorker.get_or_none(SocialWorker.person == keep.id)
    if worker is not None:
        refresh_ce_hours(worker)  # attendance may have moved to it
    w.changed(Table.ATTENDANCE, Table.ORGANIZATION)
    return moved


def _fill(keep: Person, drop: Person) -> None:
    given = {name: getattr(drop, name) for name in FILLED
             if not getattr(keep, name) and getattr(drop, name)}
    if "phone" in given:
        given["phone_rev"] = drop.phone_rev  # the search column follows its number
    if given:
        Person.update(**given, version=Person.version + 1).where(Person.id == keep.id).execute()


def _merge_volunteer(w: Write, kept: Volunteer | None, dropped: Volunteer, keep: Person,
                     note: str) -> dict[str, Any]:
    w.changed(Table.VOLUNTEER)
    if kept is None:  # the role itself moves, with everything that hangs on it
        Volunteer.update(person=keep.id, version=Volunteer.version + 1).where(Volunteer.id == dropped.id).execute()
        return {"volunteer": dropped.id}
    lines = _move_ledger(w, kept, dropped, note)
    w.warn(_crowded_days(kept.id, dropped.id))
    certificates = Certificate.update(volunteer=kept.id).where(Certificate.volunteer == dropped.id).execute()
    have = {o for (o,) in VolunteerOrganization.select(VolunteerOrganization.organization)
            .where(VolunteerOrganization.volunteer == kept.id).tuples()}
    for (organization,) in (VolunteerOrganization.select(VolunteerOrganization.organization)
                            .where(VolunteerOrganization.volunteer == dropped.id).tuples()):
        if organization not in have:
            VolunteerOrganization.insert(volunteer=kept.id, organization=organization).execute()
    filled: dict[str, Any] = {}
    for name in ("volunteer_number", "national_number"):
        if not getattr(kept, name) and getattr(dropped, name):
            filled[name] = getattr(dropped, name)
    if dropped.registered_on and (kept.registered_on is None or dropped.registered_on < kept.registered_on):
        filled["registered_on"] = dropped.registered_on  # a volunteer since the earlier registration
    Volunteer.update(status=DEREGISTERED, status_reason=note, status_changed_on=w.now.date(),
                     version=Volunteer.version + 1,
                     volunteer_number=None if "volunteer_number" in filled else dropped.volunteer_number,
                     national_number=None if "national_number" in filled else dropped.national_number,
                     ).where(Volunteer.id == dropped.id).execute()  # numbers are unique: freed first
    if filled:
        Volunteer.update(**filled, version=Volunteer.version + 1).where(Volunteer.id == kept.id).execute()
    w.changed(Table.SERVICE_RECORD, Table.CERTIFICATE, Table.VOLUNTEER_ORGANIZATION, Table.VOLUNTEER_YEAR)
    return {"volunteer": kept.id, "records": lines, "certificates": certificates}


def _move_ledger(w: Write, kept: Volunteer, dropped: Volunteer, note: str) -> int:
    """Every line of `dropped` that counts, or may count, onto `kept`; how many."""
    lines = list(locked(ServiceRecord.select().where(ServiceRecord.volunteer == dropped.id)
                        .order_by(ServiceRecord.id)))
    replaced = {r.corrects_id for r in lines if r.status == "approved" and r.corrects_id is not None}
    pending_fix = {r.corrects_id: r for r in lines if r.status != "approved" and r.corrects_id is not None}
    sums = LedgerSums()
    count = 0
    for line in lines:
        if line.status != "approved":
            if line.corrects_id is None:  # a pending correction moves with the line it corrects
                ServiceRecord.update(volunteer=kept.id).where(ServiceRecord.id == line.id).execute()
                count += 1
            continue
        if line.id in replaced:
            continue
        pending = pending_fix.get(line.id)
        if pending is not None:  # free the line's one correction slot for the move
            ServiceRecord.update(corrects=None).where(ServiceRecord.id == pending.id).execute()
        copy = ServiceRecord.create(
            volunteer=kept.id, recorder=w.actor, recorded_at=w.now, status="approved", approver=w.actor,
            approved_at=w.now, corrects=line.id, correction_reason=note,
            **{name: getattr(line, name + "_id" if name in ("activity", "organization", "community") else name)
               for name in _LINE_FIELDS})
        if pending is not None:
            ServiceRecord.update(volunteer=kept.id, corrects=copy.id).where(ServiceRecord.id == pending.id).execute()
        count_line(sums, line, -1)
        count_line(sums, copy, +1)
        count += 1
    apply_ledger_sums(sums)
    return count


def _crowded_days(kept_id: int, dropped_id: int) -> list[Problem]:
    """The days the dropped volunteer served on where the kept one now holds more than 24
    hours: the same service recorded under both records, most likely. The merge stands (it is
    what makes the double record visible); the clerk is told which days to correct."""
    days = ServiceRecord.select(ServiceRecord.service_date).where(ServiceRecord.volunteer == dropped_id).distinct()
    rows = list(ServiceRecord.select(ServiceRecord.id, ServiceRecord.service_date, ServiceRecord.hours,
                                     ServiceRecord.corrects, ServiceRecord.status, ServiceRecord.kind)
                .where((ServiceRecord.volunteer == kept_id) & ServiceRecord.service_date.in_(days)).tuples())
    replaced = {corrects for _i, _d, _h, corrects, status, _k in rows if corrects is not None and status == "approved"}
    booked: dict[Any, Decimal] = {}
    for line_id, day, hours, corrects, status, kind in rows:
        # in force: not replaced by an approved correction; a pending correction not yet
        if kind == SERVICE and line_id not in replaced and (corrects is None or status == "approved"):
            booked[day] = booked.get(day, Decimal(0)) + Decimal(str(hours))
    crowded = sorted(day for day, hours in booked.items() if hours > MAX_HOURS_PER_DAY)
    if not crowded:
        return []
    shown = "、".join(str(day) for day in crowded[:CROWDED_DAYS_SHOWN])
    more = msg("等 {count} 天", count=len(crowded)) if len(crowded) > CROWDED_DAYS_SHOWN else ""
    return [warning("merge.day_over_24", "hours",
                    msg("合并后，{days}{more}登记的服务时长合计超过 24 小时，可能是同一次服务在两条记录下各登记了一次，"
                        "请核对并更正。", days=shown, more=more))]


def _merge_social_worker(w: Write, kept: SocialWorker | None, dropped: SocialWorker, keep: Person,
                         note: str) -> dict[str, Any]:
    w.changed(Table.SOCIAL_WORKER)
    if kept is None:
        SocialWorker.update(person=keep.id, version=SocialWorker.version + 1).where(
            SocialWorker.id == dropped.id).execute()
        return {"social_worker": dropped.id}
    if dropped.status == IN_REGISTER:
        SocialWorker.update(status=DEREGISTERED, status_reason=note, status_changed_on=w.now.date(),
                            version=SocialWorker.version + 1).where(SocialWorker.id == dropped.id).execute()
    return {"social_worker": kept.id}


def _better(a: Attendance, b: Attendance) -> bool:
    """Whether attendance line `a` credits more than `b`."""
    return (a.passed, Decimal(a.hours_credited)) > (b.passed, Decimal(b.hours_credited))


def _move_attendance(keep: Person, drop: Person) -> int:
    kept = {a.training_id: a for a in Attendance.select().where(Attendance.person == keep.id)}
    count = 0
    for line in list(Attendance.select().where(Attendance.person == drop.id).order_by(Attendance.id)):
        other = kept.get(line.training_id)
        if other is not None:
            if not _better(line, other):
                line.delete_instance()
                continue
            other.delete_instance()
        Attendance.update(person=keep.id).where(Attendance.id == line.id).execute()
        count += 1
    return count
