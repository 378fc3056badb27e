"""Certified social workers: register, update, deactivate; continuing education hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from peewee import fn

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.edits import save_edit
from registry.ops.kernel import retried, write
from registry.ops.roles import check_community, deactivate_role, register_role, update_role
from registry.queries.editing import Seen
from registry.queries.presets import current_ce_preset
from registry.rules.deadlines import add_months, registration_valid_until
from registry.rules.fields import Cleaner, clean_choice, clean_date, clean_int, clean_text
from registry.rules.permissions import Action
from registry.rules.presets import cycle_bounds
from registry.rules.problems import Problem, error, warning
from registry.rules.vocab import SOCIAL_WORKER_LEVEL_ALIASES, SOCIAL_WORKER_LEVELS
from registry.storage.models import Attendance, Organization, SocialWorker, Training, locked
from registry.texts import mark, msg

LABELS = {
    "level": mark("证书等级"),
    "certificate_number": mark("证书编号"),
    "obtained_year": mark("取得年份"),
    "registration_number": mark("登记证书编号"),
    "registered_on": mark("登记日期"),
    "registered_until": mark("登记有效期至"),
    "employer": mark("工作单位"),
    "employer_name": mark("工作单位"),
    "post": mark("岗位"),
    "community": mark("所在社区"),
    "status": mark("状态"),
}
ROLE = mark("持证社工")


def clean_social_worker(data: Mapping[str, Any], *, partial: bool = False,
                        ) -> tuple[dict[str, Any], list[Problem]]:
    c = Cleaner(data, partial=partial)
    c.take("level", clean_choice, LABELS["level"], SOCIAL_WORKER_LEVELS, required=True,
           aliases=SOCIAL_WORKER_LEVEL_ALIASES)
    c.take("certificate_number", clean_text, LABELS["certificate_number"], required=True,
           max_length=40)
    c.take("obtained_year", clean_int, LABELS["obtained_year"], minimum=2008,
           maximum=dt.date.today().year)
    c.take("registration_number", clean_text, LABELS["registration_number"], max_length=40)
    c.take("registered_on", clean_date, LABELS["registered_on"])
    c.take("registered_until", clean_date, LABELS["registered_until"])
    c.take("employer", clean_int, LABELS["employer"], minimum=1)
    c.take("employer_name", clean_text, LABELS["employer_name"], max_length=200)
    c.take("post", clean_text, LABELS["post"], max_length=100)
    c.take("community", clean_int, LABELS["community"], minimum=1)
    values, problems = c.values, c.problems
    if values.get("registration_number") == "":
        values["registration_number"] = None
    if values.get("registered_on") and not values.get("registered_until") and not partial:
        values["registered_until"] = registration_valid_until(values["registered_on"])
    start, until = values.get("registered_on"), values.get("registered_until")
    if start and until and until <= start:
        problems.append(error("date_order", "registered_until", msg("“登记有效期至”必须晚于“登记日期”。")))
    employer = values.get("employer")
    if employer is not None:
        org = Organization.get_or_none(Organization.id == employer)
        if org is None:
            problems.append(error("organization", "employer", msg("所选工作单位不在登记库中。")))
        elif not values.get("employer_name"):
            values["employer_name"] = org.name
    number = values.get("certificate_number")
    if number:
        holder = SocialWorker.get_or_none(SocialWorker.certificate_number == number)
        if holder is not None and holder.id != data.get("_id"):
            problems.append(error("duplicate", "certificate_number",
                                  msg("证书编号“{number}”已登记在另一名社工名下。", number=number)))
    if values.get("registered_until") and values["registered_until"] < dt.date.today():
        problems.append(warning("expired", "registered_until", msg("登记已过有效期，请提醒办理再登记。")))
    check_community(values, problems)
    return values, problems


def register_social_worker(actor: str, data: Mapping[str, Any]) -> Changes:
    return register_role(actor, data, SocialWorker, ROLE, clean_social_worker, refresh_ce_hours)


def update_social_worker(actor: str, worker_id: int, data: Mapping[str, Any], *,
                         seen: Seen | None = None) -> Changes:
    recount = refresh_ce_hours if {"registered_until", "level"} & set(data) else None  # a new cycle
    return update_role(actor, worker_id, {**data, "_id": worker_id}, SocialWorker, ROLE,
                       clean_social_worker, recount, seen=seen)


def deactivate_social_worker(actor: str, worker_id: int, reason: str) -> Changes:
    return deactivate_role(actor, worker_id, reason, SocialWorker, ROLE)


def ce_hours_in_cycle(worker: SocialWorker) -> Decimal:
    """Passed continuing-education hours in the worker's current registration cycle.
    Reads only this person's attendance, never the whole table."""
    query = (Attendance.select(fn.COALESCE(fn.SUM(Attendance.hours_credited), 0))
             .join(Training)
             .where((Attendance.person == worker.person_id) & Attendance.passed
                    & Training.counts_as_ce))
    if worker.registered_until:
        start, due = cycle_bounds(current_ce_preset(), worker.registered_until)
        query = query.where(Training.ends_on.between(start, due))
    return Decimal(str(query.scalar() or 0)).quantize(Decimal("0.01"))


def refresh_ce_hours(worker: SocialWorker) -> None:
    """Inside an operation: bring the worker's summary of CE hours up to date, stamped
    with the preset that counted it."""
    hours, preset = ce_hours_in_cycle(worker), current_ce_preset().name
    if (hours, preset) != (worker.ce_hours, worker.ce_preset):
        SocialWorker.update(ce_hours=hours, ce_preset=preset).where(SocialWorker.id == worker.id).execute()
        worker.ce_hours, worker.ce_preset = hours, preset


@retried
def extend_registrations(actor: str, expiring_from: Any, expiring_to: Any, months: Any,
                         reason: str, *, worker_ids: Iterable[int] | None = None) -> Changes:
    """A policy change: every registration expiring in a period is extended by N months,
    with one audit entry per worker carrying the reason; `worker_ids` narrows it to the
    workers a clerk picked (from the deadline list)."""
    c = Cleaner({"from": expiring_from, "to": expiring_to, "months": months, "reason": reason})
    c.take("from", clean_date, msg("到期起始日期"), required=True)
    c.take("to", clean_date, msg("到期截止日期"), required=True)
    c.take("months", clean_int, msg("延长月数"), required=True, minimum=1, maximum=60)
    c.take("reason", clean_text, msg("延长依据"), required=True)
    values, problems = c.values, c.problems
    if values["from"] and values["to"] and values["to"] < values["from"]:
        problems.append(error("date_order", "to", msg("“到期截止日期”不能早于“到期起始日期”。")))
    require(problems)
    with write(actor, Action.EXTEND_REGISTRATION) as w:
        query = SocialWorker.select().where(
            (SocialWorker.status == "在册")  # zh-data
            & SocialWorker.registered_until.between(values["from"], values["to"]))
        if worker_ids is not None:
            query = query.where(SocialWorker.id.in_(sorted(set(worker_ids))))
        for worker in locked(query.order_by(SocialWorker.id)):
            before = snapshot(worker)
            worker.registered_until = add_months(worker.registered_until, values["months"])
            save_edit(w, worker, before, detail=values["reason"])
            w.changed(Table.SOCIAL_WORKER, ids=[worker.id])
    return w.changes
