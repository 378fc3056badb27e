"""What volunteers and social workers share: a person plus a role record.

Registering a role merges on the ID number: a person already in the register gets the
role, never a second person row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.edits import save_edit
from registry.ops.kernel import retried, write
from registry.ops.people import (
    PERSON_FIELDS,
    _require_id,
    _update,
    clean_person,
    upsert_person,
    with_stored_document,
    without_masked_copies,
)
from registry.queries.editing import Seen
from registry.rules.fields import clean_text
from registry.rules.permissions import Action
from registry.rules.problems import Problem, RegistryError, error
from registry.storage.models import BaseModel, Community, Person, get_or_fail
from registry.texts import mark, msg

RoleCleaner = Callable[..., tuple[dict[str, Any], list[Problem]]]


NO_COMMUNITY = mark("请选择所在社区：登记库中有社区时，每个人都要记在一个社区下（社区指标按它统计）。")


def check_community(values: dict[str, Any], problems: list[Problem]) -> None:
    """The community chosen must be in the register; when the register has communities,
    one must be chosen (a form or update that leaves it out of its fields changes nothing)."""
    if "community" not in values or any(p.field == "community" for p in problems):
        return
    community = values["community"]
    if community is None:
        if Community.select().exists():
            problems.append(error("community.required", "community", NO_COMMUNITY))
    elif Community.get_or_none(Community.id == community) is None:
        problems.append(error("community", "community", msg("所选社区不在登记库中。")))


@retried
def register_role(actor: str, data: Mapping[str, Any], model: type[BaseModel], role_label: str,
                  clean_role: RoleCleaner, after_create: Callable[[Any], None] | None = None,
                  ) -> Changes:
    person_values, problems = clean_person(data)
    _require_id(person_values, problems)
    role_values, role_problems = clean_role(data)
    warnings = require(problems + role_problems)
    table = Table.of(model)
    with write(actor, Action.CREATE) as w:
        person, _created = upsert_person(w, person_values)
        if model.get_or_none(model.person == person.id) is not None:
            raise RegistryError(msg("“{name}”已经登记为{role_label}，请打开已有记录修改。", name=person.name,
                                    role_label=role_label))
        record = model.create(person=person.id, **role_values)
        if after_create is not None:
            after_create(record)
        w.log(table, record.id, None, snapshot(record))
        w.changed(Table.PERSON, table, ids=[record.id])
        w.warn(warnings)
    return w.changes


@retried
def update_role(actor: str, record_id: int, data: Mapping[str, Any], model: type[BaseModel],
                role_label: str, clean_role: RoleCleaner,
                after_update: Callable[[Any], None] | None = None,
                seen: Seen | None = None) -> Changes:
    stored = model.get_or_none(model.id == record_id)
    person = stored.person if stored is not None else None
    person_data = with_stored_document(without_masked_copies(
        {k: v for k, v in data.items() if k in PERSON_FIELDS}, person), person)
    person_values, problems = clean_person(person_data, partial=True)
    if "id_number" in person_data:
        _require_id(person_values, problems)
    role_values, role_problems = clean_role(data, partial=True)
    warnings = require(problems + role_problems)
    with write(actor, Action.UPDATE) as w:
        record = get_or_fail(model, record_id, role_label, lock=True)
        _update(w, get_or_fail(Person, record.person_id, msg("人员"), lock=True), person_values,
                seen=seen.person if seen is not None else None)
        before = snapshot(record)
        for name, value in role_values.items():
            setattr(record, name, value)
        save_edit(w, record, before, seen=seen.record if seen is not None else None)
        if after_update is not None:
            after_update(record)
        w.changed(ids=[record_id])
        w.warn(warnings)
    return w.changes


@retried
def deactivate_role(actor: str, record_id: int, reason: str, model: type[BaseModel],
                    role_label: str) -> Changes:
    reason_text, problems = clean_text(reason, "reason", msg("注销原因"), required=True)
    require(problems)
    table = Table.of(model)
    with write(actor, Action.DEACTIVATE) as w:
        record = get_or_fail(model, record_id, role_label, lock=True)
        if record.status == "注销":  # zh-data
            raise RegistryError(msg("这名{role_label}已经注销。", role_label=role_label))
        before = snapshot(record)
        record.status = "注销"  # zh-data
        record.status_reason = reason_text
        record.status_changed_on = dt.date.today()
        save_edit(w, record, before, detail=reason_text)
        w.changed(table, ids=[record_id])
    return w.changes
