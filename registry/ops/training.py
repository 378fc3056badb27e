"""Trainings and attendance; attendance of continuing education updates social workers'
cycle hours in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.kernel import retried, write
from registry.ops.social_workers import refresh_ce_hours
from registry.rules.fields import Cleaner, clean_bool, clean_date, clean_decimal, clean_text
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError, error
from registry.storage.models import Attendance, Person, SocialWorker, Training, get_or_fail
from registry.texts import mark, msg

LABELS = {
    "title": mark("培训名称"),
    "organizer": mark("主办单位"),
    "starts_on": mark("开始日期"),
    "ends_on": mark("结束日期"),
    "hours": mark("学时"),
    "category": mark("培训类别"),
    "counts_as_ce": mark("计入继续教育"),
    "place": mark("地点"),
}


@retried
def create_training(actor: str, data: Mapping[str, Any]) -> Changes:
    c = Cleaner(data)
    c.take("title", clean_text, LABELS["title"], required=True, max_length=200)
    c.take("organizer", clean_text, LABELS["organizer"], max_length=200)
    c.take("starts_on", clean_date, LABELS["starts_on"], required=True)
    c.take("ends_on", clean_date, LABELS["ends_on"])
    c.take("hours", clean_decimal, LABELS["hours"], required=True, maximum=Decimal(1000))
    c.take("category", clean_text, LABELS["category"], max_length=50)
    c.take("counts_as_ce", clean_bool, LABELS["counts_as_ce"])
    c.take("place", clean_text, LABELS["place"], max_length=200)
    values = c.values
    values["ends_on"] = values["ends_on"] or values["starts_on"]
    values["counts_as_ce"] = bool(values["counts_as_ce"])
    if values["starts_on"] and values["ends_on"] < values["starts_on"]:
        c.problems.append(error("date_order", "ends_on", msg("“结束日期”不能早于“开始日期”。")))
    warnings = require(c.problems)
    with write(actor, Action.CREATE) as w:
        row = Training.create(**values)
        w.log(Table.TRAINING, row.id, None, snapshot(row))
        w.changed(Table.TRAINING, ids=[row.id])
        w.warn(warnings)
    return w.changes


@retried
def record_attendance(actor: str, training_id: int, person_ids: Iterable[int], *,
                      hours_credited: Any = None, passed: bool = True) -> Changes:
    """Mark people as attending; hours default to the training's. Recording a person
    twice replaces their earlier line."""
    ids = list(dict.fromkeys(int(p) for p in person_ids))
    if not ids:
        raise RegistryError(msg("没有选择参加培训的人员。"))
    hours = None
    if hours_credited is not None:
        c = Cleaner({"hours": hours_credited})
        c.take("hours", clean_decimal, msg("认定学时"), required=True, maximum=Decimal(1000))
        require(c.problems)
        hours = c.values["hours"]
    with write(actor, Action.ATTENDANCE) as w:
        training = get_or_fail(Training, training_id, msg("培训"), lock=True)  # one sign-in sheet at a time
        credited = hours if hours is not None else training.hours
        found = {p for (p,) in Person.select(Person.id).where(Person.id.in_(ids)).tuples()}
        if len(found) != len(ids):
            raise RegistryError(msg("有的人员不在登记库中，签到没有保存。"))
        for person_id in ids:
            row = Attendance.get_or_none((Attendance.training == training_id)
                                         & (Attendance.person == person_id))
            before = snapshot(row)
            if row is None:
                row = Attendance.create(training=training_id, person=person_id,
                                        hours_credited=credited, passed=passed)
            else:
                row.hours_credited, row.passed = credited, passed
                row.save()
            w.log(Table.ATTENDANCE, row.id, before, snapshot(row))
            w.changed(Table.ATTENDANCE, ids=[row.id])
        if training.counts_as_ce:
            for worker in SocialWorker.select().where(SocialWorker.person.in_(ids)):
                refresh_ce_hours(worker)
                w.changed(Table.SOCIAL_WORKER)
    return w.changes
