"""The one write path: every change to the register goes through write().

    with write(actor, Action.UPDATE) as w:  # refused here, before anything is written
        person.save()
        w.log(Table.PERSON, person.id, before, after)  # its audit entry
        w.changed(Table.PERSON, ids=[person.id])  # what the screens refresh
    return w.changes

write() first checks that the actor may take the action (the closed Action set of
rules/permissions.py; queries/access.py reads the account), then opens one transaction.
Audit entries are kept in order and written together when the work is done, by one
executemany, so a bulk import logs as fast as it writes; when anything fails, nothing is
written, audit entries included. Work that must be allowed long before it writes (an
export writes its file first; a restore replaces the register it was allowed in) takes a
Permit from allow() at the start and opens its write with permit.write() at the end.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from peewee import IntegrityError

from registry.ops.changes import Changes, Table
from registry.queries.access import check_permission
from registry.rules.permissions import Action, PermissionDenied
from registry.rules.problems import NotAllowedError, Problem, RegistryError
from registry.storage.db import database
from registry.storage.models import AuditEntry
from registry.texts import mark, msg

SAVE_FAILED = mark("保存失败")


def jsonable(value: Any) -> Any:
    """A value as the audit log holds it: dates as ISO text, decimals as their shortest text."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | decimal.Decimal):
        return jsonable(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# The C encoder; only dates and decimals go through Python.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def to_json(data: Mapping[str, Any] | None) -> str | None:
    """An audit entry's before or after, as stored: keys sorted, values as jsonable() gives them."""
    return None if data is None else _ENCODER.encode(data)


@dataclass(frozen=True)
class Permit:
    """That `actor` may take `action`, as allow() found it."""

    actor: str
    action: Action

    def write(self, *, failure: str = SAVE_FAILED) -> AbstractContextManager[Write]:
        """The write the permit allows; `failure` begins the message when the database
        refuses it (a conflict with a record already there)."""
        return _write(self, failure)


def allow(actor: str, action: Action) -> Permit:
    """The one permission check: a Permit, or NotAllowedError saying why not. An action
    outside Action is a programming error (ValueError), whoever acts."""
    action = Action(action)
    if not actor:
        raise RegistryError(msg("没有记录是谁在操作，操作已取消。"))
    try:
        check_permission(actor, action)
    except PermissionDenied as exc:
        raise NotAllowedError(str(exc)) from exc
    return Permit(actor, action)


def write(actor: str, action: Action, *, failure: str = SAVE_FAILED) -> AbstractContextManager[Write]:
    """Check, then open the write: `with write(actor, Action.CREATE) as w: ...`."""
    return allow(actor, action).write(failure=failure)


_AUDIT_INSERT = 'INSERT INTO "{table}" ({columns}) VALUES ({marks})'
_AUDIT_FIELDS = ("at", "actor", "action", "table_name", "record_id", "before", "after", "detail")


class Write:
    """One change in progress: who, when, its audit entries and what it changed."""

    def __init__(self, permit: Permit) -> None:
        self.actor = permit.actor
        self.action = permit.action
        self.now = dt.datetime.now().replace(microsecond=0)
        self._allowed: set[str] = {permit.action}
        self._entries: list[tuple[Any, ...]] = []
        self._tables: set[Table] = set()
        self._ids: list[int] = []
        self._warnings: list[Problem] = []

    def allow(self, action: Action) -> None:
        """Check an action other than the write's own, once per write."""
        if action not in self._allowed:
            allow(self.actor, action)
            self._allowed.add(action)

    def log(self, table: str, record_id: int | None, before: Mapping[str, Any] | None = None,
            after: Mapping[str, Any] | None = None, detail: str = "", *,
            action: Action | None = None, actor: str | None = None) -> None:
        """An audit entry: under the write's action unless another is named (checked too),
        by the write's actor unless another is named (the first account names itself)."""
        action = action or self.action
        if action not in self._allowed:
            self.allow(action)
        self._entries.append((self.now, actor or self.actor, action, table, record_id,
                              to_json(before), to_json(after), detail))

    def changed(self, *tables: Table, ids: Iterable[int] = ()) -> None:
        self._tables.update(tables)
        self._ids.extend(ids)

    def include(self, changes: Changes) -> None:
        """What an operation run inside this write changed."""
        self.changed(*changes.tables, ids=changes.ids)
        self.warn(changes.warnings)

    def warn(self, warnings: Iterable[Problem]) -> None:
        self._warnings.extend(warnings)

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._tables), tuple(self._ids), tuple(self._warnings))

    def flush_audit(self) -> None:
        """Write the entries logged so far (bulk work that writes entries by SQL of its own
        calls this first, so the log keeps their order)."""
        if not self._entries:
            return
        meta = AuditEntry._meta
        sql = _AUDIT_INSERT.format(
            table=meta.table_name, columns=", ".join(meta.fields[n].column_name for n in _AUDIT_FIELDS),
            marks=", ".join([database.param] * len(_AUDIT_FIELDS)))
        database.cursor().executemany(sql, self._entries)
        self._entries.clear()


@contextmanager
def _write(permit: Permit, failure: str) -> Iterator[Write]:
    w = Write(permit)
    try:
        with database.atomic():
            yield w
            w.flush_audit()
    except IntegrityError as exc:
        raise RegistryError(msg("{failure}：数据与登记库中已有记录冲突（{exc}）。", failure=failure, exc=exc)) from exc
