"""The one write path: every change to the register goes through write().

    @retried
    def update_thing(actor, thing_id, data):
        with write(actor, Action.UPDATE) as w:  # refused here, before anything is written
            thing = get_or_fail(Thing, thing_id, "…", lock=True)
            ...
            save_edit(w, thing, before)  # only the changed fields; its audit entry (edits.py)
            w.changed(Table.THING, ids=[thing.id])  # what the screens refresh
        return w.changes

write() first checks that the actor may take the action (the closed Action set of
rules/permissions.py; queries/access.py reads the account), then opens one transaction.
Audit entries are kept in order and written together when the work is done, by one
executemany, so a bulk import logs as fast as it writes; when anything fails, nothing is
written, audit entries included. Work that must be allowed long before it writes (an
export writes its file first; a restore replaces the register it was allowed in) takes a
Permit from allow() at the start and opens its write with permit.write() at the end.

Contention. On a shared PostgreSQL server, transactions run side by side. A deadlock or a
serialization failure rolls the whole write back; the operation, decorated @retried, then
runs again from the start (a few times, after a short random wait), so a clerk sees it fail
only when the server stays that busy, in one plain sentence. SQLite runs one write at a
time (BEGIN IMMEDIATE) and only ever waits.

Locks. A rule checked on what a write read (24 hours a day, one line per person and
activity, one approval per line) holds because the rows it depends on are locked
(models.locked: SELECT … FOR UPDATE) before they are read. Every write takes its locks in
this one order, and within a table by ascending id, so no two writers wait in a circle:

    1. activity, training        (the event lines are recorded against)
    2. person                    (an edit of the person; an ID number's holder)
    3. volunteer, social_worker  (the role: its status, its day's hours, its totals)
    4. service_record            (lines being approved or corrected)
    5. summaries                 (volunteer_year, community_year, organization_year,
                                  month_category_hours: ops/summaries.py, by sorted key)
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from peewee import DatabaseError, IntegrityError

from registry.ops.changes import Changes, Table
from registry.queries.access import check_permission
from registry.rules.permissions import Action, PermissionDenied
from registry.rules.problems import NotAllowedError, Problem, RegistryError
from registry.storage.db import database
from registry.storage.models import AuditEntry
from registry.texts import mark, msg

SAVE_FAILED = mark("保存失败")
ATTEMPTS = 6  # one write and up to five more after contention
FIRST_WAIT_S = 0.02  # the random wait before a retry is at most this, doubling each time
# SQLSTATEs of a transaction the server rolled back so that another could go on
_CONTENTION_STATES = frozenset({"40P01", "40001", "55P03"})  # deadlock, serialization, lock not available
P = ParamSpec("P")
R = TypeVar("R")


class Contention(RegistryError):
    """The server rolled the write back for another one; running it again may succeed."""

    def __init__(self) -> None:
        super().__init__(msg("登记库正忙：其他经办人正同时修改同一批记录，这次保存没有完成，请稍后再试一次。"))


def is_contention(exc: BaseException) -> bool:
    """A deadlock, serialization failure or busy database, whichever driver raised it."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:  # peewee wraps the driver's exception: look through args and causes
        e = pending.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if getattr(e, "sqlstate", None) in _CONTENTION_STATES or getattr(e, "pgcode", None) in _CONTENTION_STATES:
            return True
        if "database is locked" in str(e):
            return True
        pending.extend(a for a in e.args if isinstance(a, BaseException))
        pending.extend((e.__cause__, e.__context__))
    return False


def retried(operation: Callable[P, R]) -> Callable[P, R]:
    """Run the operation again when its write was rolled back for contention (see the
    module's docstring). An operation called inside another's write is not rerun alone:
    the outer one is."""

    @functools.wraps(operation)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return operation(*args, **kwargs)
            except Contention:
                if attempt == ATTEMPTS or database.in_transaction():
                    raise
                retries.append(attempt)
                time.sleep(random.uniform(0, FIRST_WAIT_S * 2 ** (attempt - 1)))
        raise AssertionError("unreachable")

    run.retried = True  # type: ignore[attr-defined]
    return run


retries: list[int] = []  # each retry's attempt number, in this process: benches count them


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
    outermost = not database.in_transaction()
    try:
        with database.atomic():
            yield w
            w.flush_audit()
    except IntegrityError as exc:
        raise RegistryError(msg("{failure}：数据与登记库中已有记录冲突（{exc}）。", failure=failure, exc=exc)) from exc
    except DatabaseError as exc:
        if outermost and is_contention(exc):
            raise Contention() from exc
        raise
