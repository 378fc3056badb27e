"""Saving an edit: only the fields it changes, and only onto the version the clerk saw.

Two clerks may open the same volunteer; approvals add to the same row's total meanwhile.
Saving a whole row (peewee's record.save()) would write back every column as this process
last read it, undoing what others wrote since. So an edit writes only the columns whose
values it changes, and the row's version goes up by one in the same UPDATE, which only
matches while the version is the one the edit started from: the version the form showed
(`seen`, from queries/editing.py), or the one read in this transaction. When someone else
saved first, the edit is refused, naming who changed what, and nothing is written (the
audit entry included: it is written with the transaction, which is rolled back).

Summaries (total hours, star levels) are kept by increments in SQL (ops/summaries.py) and
do not move the version: a clerk's form never shows them, so they can't conflict with it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from registry.ops.base import changed_fields, snapshot
from registry.ops.changes import Table
from registry.ops.kernel import Write
from registry.rules.audit_fields import LEFT_OUT, field_label
from registry.rules.problems import RegistryError
from registry.storage.models import Account, AuditEntry, BaseModel
from registry.texts import msg, shown


class EditConflict(RegistryError):
    """The record changed since the edit began; str() says who changed what."""


def save_edit(w: Write, record: BaseModel, before: Mapping[str, Any] | None, *,
              seen: int | None = None, action: Any = None, detail: str = "") -> bool:
    """Write the fields of `record` that differ from `before` (its snapshot when read),
    bump its version and log the change; False when nothing changed. `seen` is the
    version the clerk's form was filled from, when there was a form."""
    model = type(record)
    table = Table.of(model)
    expected = record.version if seen is None else seen
    if seen is not None and record.version != seen:
        raise conflict(model, record.id)
    old, new = changed_fields(before, snapshot(record))
    if not new:
        return False
    fields = model._meta.fields
    values: dict[Any, Any] = {fields[name]: getattr(record, name) for name in new}
    values[model.version] = model.version + 1
    if "updated_at" in fields:  # kept, not logged: the entry's own time says it
        record.updated_at = w.now
        values[fields["updated_at"]] = w.now
    updated = model.update(values).where((model.id == record.id) & (model.version == expected)).execute()
    if updated != 1:  # another writer committed between our read and this write
        raise conflict(model, record.id)
    record.version = expected + 1
    w.log(table, record.id, old, new, detail, action=action)
    w.changed(table)
    return True


def conflict(model: type[BaseModel], record_id: int) -> EditConflict:
    """The refusal, from the last change in the audit log: "王芳 在 10:32 修改了联系电话，请刷新后再改。" """
    table = Table.of(model)
    entry = (AuditEntry.select().where((AuditEntry.table_name == table) & (AuditEntry.record_id == record_id))
             .order_by(AuditEntry.id.desc()).first())
    if entry is None:
        return EditConflict(msg("这条记录在您打开之后已被他人修改，请刷新后再改。"))
    account = Account.get_or_none(Account.name == entry.actor)
    who = (account.display_name if account is not None and account.display_name else entry.actor)
    at = entry.at if isinstance(entry.at, dt.datetime) else dt.datetime.fromisoformat(str(entry.at))
    when = (f"{at:%H:%M}" if at.date() == dt.date.today()
            else msg("{month}月{day}日 {time}", month=at.month, day=at.day, time=f"{at:%H:%M}"))
    fields = list(dict.fromkeys(shown(field_label(k, table)) for k in _keys(entry.after)
                                if k not in LEFT_OUT and k != "version"))
    if not fields:
        return EditConflict(msg("{who} 在 {when} 修改了这条记录，请刷新后再改。", who=who, when=when))
    return EditConflict(msg("{who} 在 {when} 修改了{fields}，请刷新后再改。", who=who, when=when,
                            fields=msg("、").join(fields)))


def _keys(after: str | None) -> list[str]:
    try:
        data = json.loads(after) if after else {}
    except ValueError:
        return []
    return list(data) if isinstance(data, dict) else []
