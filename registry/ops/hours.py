"""The hours ledger: activities, recording, approving and correcting service hours.

Approved lines are final. Approving adds a line's hours to the summaries (registry.rules.ledger
says which; ops.summaries writes them) in the same transaction; approving a correction
takes out the line it corrects and puts itself in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.ops.summaries import apply_ledger_sums
from registry.queries.approval import four_eyes
from registry.queries.presets import current_rounding_preset
from registry.rules.fields import Cleaner, clean_date, clean_decimal, clean_int, clean_text
from registry.rules.ledger import OPENING, SERVICE, LedgerSums
from registry.rules.permissions import Action
from registry.rules.presets import credited_hours
from registry.rules.problems import Problem, RegistryError, ValidationError, error, warning
from registry.storage.models import (
    Activity,
    BaseModel,
    Community,
    Organization,
    ServiceRecord,
    Volunteer,
    get_or_fail,
    locked,
)
from registry.texts import mark, msg

MAX_HOURS_PER_DAY = Decimal(24)
LABELS = {
    "service_date": mark("服务日期"),
    "hours": mark("服务时长"),
    "activity": mark("活动"),
    "organization": mark("组织单位"),
    "community": mark("服务社区"),
    "place": mark("服务地点"),
    "served_group": mark("服务对象"),
    "service_category": mark("服务类别"),
    "content": mark("服务内容"),
}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _exists(model: type[BaseModel], values: dict[str, Any], key: str, what: str,
            problems: list[Problem]) -> None:
    ref = values.get(key)
    if ref is not None and model.get_or_none(model.id == ref) is None:
        problems.append(error(key, key, msg("所选{what}不在登记库中。", what=what)))


def clean_record(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    c = Cleaner(data)
    c.take("service_date", clean_date, LABELS["service_date"], required=True,
           latest=dt.date.today())
    c.take("hours", clean_decimal, LABELS["hours"], required=True, maximum=MAX_HOURS_PER_DAY)
    for key in ("activity", "organization", "community"):
        c.take(key, clean_int, LABELS[key], minimum=1)
    for key in ("place", "served_group", "service_category"):
        c.take(key, clean_text, LABELS[key], max_length=200)
    c.take("content", clean_text, LABELS["content"])
    values, problems = c.values, c.problems
    if values.get("hours") == 0:
        problems.append(error("zero_hours", "hours", msg("服务时长为 0，不用登记。")))
    _exists(Activity, values, "activity", msg("活动"), problems)
    _exists(Organization, values, "organization", msg("组织"), problems)
    _exists(Community, values, "community", msg("社区"), problems)
    return values, problems


@retried
def create_activity(actor: str, data: Mapping[str, Any]) -> Changes:
    c = Cleaner(data)
    c.take("name", clean_text, msg("活动名称"), required=True, max_length=200)
    for key in ("organization", "community"):
        c.take(key, clean_int, LABELS[key], minimum=1)
    for key in ("place", "served_group", "service_category"):
        c.take(key, clean_text, LABELS[key], max_length=200)
    c.take("content", clean_text, LABELS["content"])
    c.take("travel_minutes", clean_int, msg("路途时间（分钟）"), minimum=0, maximum=24 * 60)
    values, problems = c.values, c.problems
    values["travel_minutes"] = values["travel_minutes"] or 0
    for key in ("starts_at", "ends_at"):
        if not isinstance(data.get(key), dt.datetime):
            problems.append(error("datetime", key, msg("请填写活动的开始和结束时间。")))
    if not problems:
        values["starts_at"], values["ends_at"] = data["starts_at"], data["ends_at"]
        if values["ends_at"] <= values["starts_at"]:
            problems.append(error("time_order", "ends_at", msg("活动结束时间必须晚于开始时间。")))
    _exists(Organization, values, "organization", msg("组织"), problems)
    _exists(Community, values, "community", msg("社区"), problems)
    warnings = require(problems)
    with write(actor, Action.CREATE) as w:
        row = Activity.create(recorder=actor, **values)
        w.log(Table.ACTIVITY, row.id, None, snapshot(row))
        w.changed(Table.ACTIVITY, ids=[row.id])
        w.warn(warnings)
    return w.changes


def activity_hours(activity: Activity) -> Decimal:
    """Credited hours of an activity: its length less travel, by the rounding preset."""
    minutes = int((activity.ends_at - activity.starts_at).total_seconds() // 60)
    return credited_hours(current_rounding_preset(), max(0, minutes - activity.travel_minutes))


def _insert_record(w: Write, volunteer: Volunteer, values: dict[str, Any]) -> ServiceRecord:
    if volunteer.status != "在册":  # zh-data
        raise RegistryError(msg("志愿者（编号 {id}）已注销，不能再登记时长。", id=volunteer.id))
    values = dict(values)
    if values.get("community") is None:
        values["community"] = volunteer.community_id
    row: ServiceRecord = ServiceRecord.create(volunteer=volunteer.id, recorder=w.actor, **values)
    w.log(Table.SERVICE_RECORD, row.id, None, snapshot(row))
    w.changed(Table.SERVICE_RECORD, ids=[row.id])
    return row


@retried
def record_hours(actor: str, volunteer_id: int, data: Mapping[str, Any]) -> Changes:
    """One volunteer's hours, waiting for approval."""
    values, problems = clean_record(data)
    warnings = require(problems)
    with write(actor, Action.CREATE) as w:
        # locked: two clerks recording the same person's day can't both pass the 24-hour check
        volunteer = get_or_fail(Volunteer, volunteer_id, msg("志愿者"), lock=True)
        warnings += require(_same_day_warnings(volunteer.id, values["service_date"], values["hours"]))
        _insert_record(w, volunteer, values)
        w.warn(warnings)
    return w.changes


def _booked(volunteer_ids: list[int], day: dt.date) -> dict[int, Decimal]:
    """Hours already served on each volunteer's day. Corrections stand in for the line they
    correct only once approved, so they are left out, as the totals leave them out; hours
    carried over (kind 'opening') were not served that day, so they are left out too. Both
    are left out here rather than in SQL, where "corrects_id IS NULL" tempts SQLite's planner
    onto the index of corrections (most lines are no correction) instead of (volunteer,
    service_date)."""
    booked: dict[int, Decimal] = {}
    rows = (ServiceRecord.select(ServiceRecord.volunteer, ServiceRecord.hours, ServiceRecord.corrects,
                                 ServiceRecord.kind)
            .where(ServiceRecord.volunteer.in_(volunteer_ids) & (ServiceRecord.service_date == day)).tuples())
    for vid, hours, corrects, kind in rows:
        if corrects is None and kind == SERVICE:
            booked[vid] = booked.get(vid, Decimal(0)) + Decimal(str(hours))
    return booked


def _same_day_warnings(volunteer_id: int, day: dt.date, hours: Decimal) -> list[Problem]:
    booked = _booked([volunteer_id], day).get(volunteer_id, Decimal(0))
    if booked + hours > MAX_HOURS_PER_DAY:
        return [error("day_over_24", "hours", msg("{day} 这一天登记的时长合计超过 24 小时。", day=day))]
    if booked and booked + hours > 12:
        return [warning("long_day", "hours",
                        msg("{day} 这一天已登记 {booked} 小时，再加 {hours} 小时，请确认没有重复登记。", day=day,
                            booked=booked, hours=hours))]
    return []


@retried
def record_activity_hours(actor: str, activity_id: int, volunteer_ids: Iterable[int],
                          hours: Any = None) -> Changes:
    """Hours for every attendee of one activity: by default the activity's length less
    travel, rounded by the district's preset."""
    ids = list(dict.fromkeys(int(v) for v in volunteer_ids))
    if not ids:
        raise RegistryError(msg("没有选择参加活动的志愿者。"))
    with write(actor, Action.CREATE) as w:
        # locked in the kernel's order, activity first: two clerks recording one activity
        # at once can't both find its attendees unrecorded
        activity = get_or_fail(Activity, activity_id, msg("活动"), lock=True)
        data = {
            "service_date": activity.starts_at.date(),
            "hours": activity_hours(activity) if hours is None else hours,
            "activity": activity.id,
            "organization": activity.organization_id,
            "community": activity.community_id,
            "place": activity.place,
            "served_group": activity.served_group,
            "service_category": activity.service_category,
            "content": activity.content or activity.name,
        }
        values, problems = clean_record(data)
        volunteers = {v.id: v for v in locked(Volunteer.select().where(Volunteer.id.in_(ids))
                                              .order_by(Volunteer.id))}
        missing = [i for i in ids if i not in volunteers]
        if missing:
            problems.append(error("volunteer", "volunteers",
                                  msg("有 {length} 名志愿者不在登记库中。", length=len(missing))))
        already = {r.volunteer_id for r in ServiceRecord.select(ServiceRecord.volunteer).where(
            (ServiceRecord.activity == activity.id) & ServiceRecord.volunteer.in_(ids))}
        if already:
            problems.append(error("duplicate", "volunteers",
                                  msg("有 {length} 名志愿者已登记过这次活动的时长。", length=len(already))))
        if values.get("hours") is not None:
            booked = _booked(ids, values["service_date"])
            full = [i for i, h in booked.items() if h + values["hours"] > MAX_HOURS_PER_DAY]
            if full:
                problems.append(error("day_over_24", "hours",
                                      msg("有 {count} 名志愿者 {day} 这一天登记的时长合计将超过 24 小时。",
                                          count=len(full), day=values["service_date"])))
        w.warn(require(problems) + tuple(_overlaps(activity, ids)))
        for i in ids:
            _insert_record(w, volunteers[i], values)
    return w.changes


def _overlaps(activity: Activity, volunteer_ids: list[int]) -> list[Problem]:
    """Hours of one person in two activities at the same time would be counted twice."""
    rows = (ServiceRecord.select(ServiceRecord.volunteer, Activity.name)
            .join(Activity)
            .where(ServiceRecord.volunteer.in_(volunteer_ids) & (Activity.id != activity.id)
                   & (Activity.starts_at < activity.ends_at) & (Activity.ends_at > activity.starts_at))
            .tuples())
    clashes: dict[str, int] = {}
    for _volunteer, name in rows:
        clashes[name] = clashes.get(name, 0) + 1
    return [warning("overlap", "volunteers",
                    msg("有 {count} 名志愿者同一时间还登记在活动“{name}”中，时长可能重复计算，请核对。", count=count,
                        name=name))
            for name, count in clashes.items()]


def count_line(sums: LedgerSums, record: ServiceRecord, sign: int) -> None:
    if record.kind == OPENING:
        sums.add_carried(record.volunteer_id, record.service_date, record.hours, sign)
        return
    sums.add_line(record.volunteer_id, record.service_date, record.hours, record.community_id,
                  record.organization_id, record.service_category, sign)


@retried
def approve_records(actor: str, record_ids: Iterable[int]) -> Changes:
    """Approve pending lines; their hours (or a correction's difference) enter the totals.
    All or nothing: queries.approval.approval_plan says beforehand which lines may be."""
    ids = sorted(dict.fromkeys(int(r) for r in record_ids))
    with write(actor, Action.APPROVE) as w:
        # the kernel's lock order: the volunteers (whose totals move), then the lines, each
        # by id; the lines' status is read again under the lock, so two clerks approving
        # the same line can't both count it
        owners = sorted({v for (v,) in ServiceRecord.select(ServiceRecord.volunteer)
                         .where(ServiceRecord.id.in_(ids)).tuples()})
        list(locked(Volunteer.select(Volunteer.id).where(Volunteer.id.in_(owners)).order_by(Volunteer.id)))
        records = list(locked(ServiceRecord.select().where(ServiceRecord.id.in_(ids))
                              .order_by(ServiceRecord.id)))
        if len(records) != len(ids):
            raise RegistryError(msg("有的时长记录不存在，审核没有进行。"))
        done = [r for r in records if r.status == "approved"]
        if done:
            by_others = [r for r in done if r.approver != actor]
            raise RegistryError(msg("有 {count} 条记录已由他人审核，这次审核没有进行。请刷新后再看。", count=len(done))
                                if by_others else msg("有 {length} 条记录已经审核过了。", length=len(done)))
        own = [r for r in records if r.recorder == actor]
        if own and four_eyes():
            raise RegistryError(msg("有 {length} 条记录是您本人登记的，需要由其他人审核。", length=len(own)))
        approved_at = _now()
        sums = LedgerSums()
        for record in records:
            before = snapshot(record)
            ServiceRecord.update(status="approved", approver=actor, approved_at=approved_at
                                 ).where(ServiceRecord.id == record.id).execute()
            if record.corrects_id is not None:
                count_line(sums, ServiceRecord.get_by_id(record.corrects_id), -1)
            count_line(sums, record, +1)
            w.log(Table.SERVICE_RECORD, record.id, before,
                  {**(before or {}), "status": "approved", "approver": actor,
                   "approved_at": approved_at})
        # The approval as a whole, for the log's reader: 审核了 12 条服务时长（3 人，共 26 小时）
        w.log(Table.SERVICE_RECORD, None, after={
            "records": len(records), "people": len({r.volunteer_id for r in records}),
            "hours": sum((r.hours for r in records), Decimal(0))})
        apply_ledger_sums(sums)
        w.changed(Table.SERVICE_RECORD, Table.VOLUNTEER, ids=ids)
    return w.changes


@retried
def correct_record(actor: str, record_id: int, data: Mapping[str, Any], reason: str) -> Changes:
    """A new line replacing an approved one; it takes effect once approved. Fields not
    given are copied from the line corrected."""
    reason_text, problems = clean_text(reason, "correction_reason", msg("更正原因"), required=True)
    require(problems)
    with write(actor, Action.CORRECT) as w:
        original = get_or_fail(ServiceRecord, record_id, msg("时长记录"))
        get_or_fail(Volunteer, original.volunteer_id, msg("志愿者"), lock=True)  # the kernel's order
        original = get_or_fail(ServiceRecord, record_id, msg("时长记录"), lock=True)
        if original.status != "approved":
            raise RegistryError(msg("这条记录还没有审核，直接修改或删除即可，不需要更正。"))
        if ServiceRecord.get_or_none(ServiceRecord.corrects == original.id) is not None:
            raise RegistryError(msg("这条记录已经更正过，请更正最新的那一条。"))
        merged = {key: getattr(original, key if key not in ("activity", "organization",
                                                            "community") else key + "_id")
                  for key in LABELS}
        merged.update(data)
        values, problems = clean_record(merged)
        warnings = require(problems)
        values["community"] = values["community"]
        row = ServiceRecord.create(volunteer=original.volunteer_id, recorder=actor,
                                   corrects=original.id, correction_reason=reason_text,
                                   kind=original.kind, **values)  # a carried line stays one
        w.log(Table.SERVICE_RECORD, row.id, snapshot(original), snapshot(row), detail=reason_text)
        w.changed(Table.SERVICE_RECORD, ids=[row.id])
        w.warn(warnings)
    return w.changes


@retried
def delete_pending_record(actor: str, record_id: int, reason: str) -> Changes:
    """A line not yet approved can be withdrawn; approved lines cannot (see triggers)."""
    reason_text, problems = clean_text(reason, "reason", msg("删除原因"), required=True)
    require(problems)
    with write(actor, Action.DELETE) as w:
        record = get_or_fail(ServiceRecord, record_id, msg("时长记录"))
        get_or_fail(Volunteer, record.volunteer_id, msg("志愿者"), lock=True)  # the kernel's order
        record = get_or_fail(ServiceRecord, record_id, msg("时长记录"), lock=True)  # not being approved
        if record.status == "approved":
            raise ValidationError([error("approved", "status",
                                         msg("已审核的记录不能删除，只能更正。"))])
        before = snapshot(record)
        record.delete_instance()
        w.log(Table.SERVICE_RECORD, record_id, before, None, detail=reason_text)
        w.changed(Table.SERVICE_RECORD, ids=[record_id])
    return w.changes
