"""The audit log (操作日志) as the program lists it: the entries, newest first, filtered by
who, what table, what action and a date range; one entry in full; who has written in it.

Entries are listed by id, which is also their order in time (each one is written as its
change is made), so the list sorted by time is the list sorted by id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from peewee import Expression

from registry.queries.masking import Masker
from registry.queries.paging import ListQuery, Sorts, equal_to
from registry.rules.audit_fields import readable_fields
from registry.storage.models import AuditEntry, get_or_fail

MAX_ACTORS = 200


@dataclass(frozen=True)
class AuditFilters:
    actor: str | None = None
    table: str | None = None  # the table name the entry is about
    action: str | None = None
    date_from: dt.date | None = None  # from the start of this day
    date_to: dt.date | None = None  # to the end of this day


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: int | None
    detail: str  # the entry's detail, or the values after the change when it has none


class AuditLog(ListQuery[AuditFilters, AuditRow]):
    key = AuditEntry.id
    sorts: ClassVar[Sorts] = {"id": AuditEntry.id}  # the order in time
    filters = AuditFilters

    def select(self) -> Any:
        return AuditEntry.select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                                 AuditEntry.table_name, AuditEntry.record_id, AuditEntry.detail,
                                 AuditEntry.after)

    def where(self, f: AuditFilters) -> list[Expression]:
        conds = equal_to([(AuditEntry.actor, f.actor), (AuditEntry.table_name, f.table),
                          (AuditEntry.action, f.action)])
        if f.date_from is not None:
            conds.append(AuditEntry.at >= dt.datetime.combine(f.date_from, dt.time()))
        if f.date_to is not None:
            conds.append(AuditEntry.at < dt.datetime.combine(f.date_to, dt.time()) + dt.timedelta(days=1))
        return conds

    def row(self, values: tuple[Any, ...], masker: Masker) -> AuditRow:
        key, at, actor, action, table, record, detail, after = values
        return AuditRow(key, at, actor, action, table, record, detail or _readable(after))


def _readable(text: str | None) -> str:
    """The values after a change as the list shows them: numbers masked, birth dates as
    their year (the stored JSON holds them whole)."""
    if not text:
        return ""
    fields = readable_fields(text)
    return text if fields is None else "；".join(f"{k}: {v}" for k, v in fields)


AUDIT_LOG = AuditLog()


@dataclass(frozen=True)
class AuditEntryDetails:
    id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: int | None
    detail: str
    before: str  # the values before the change (JSON), "" when none
    after: str  # the values after it (JSON), "" when none


def audit_entry(entry_id: int) -> AuditEntryDetails:
    e = get_or_fail(AuditEntry, entry_id, "操作日志")
    return AuditEntryDetails(e.id, e.at, e.actor, e.action, e.table_name, e.record_id, e.detail,
                             e.before or "", e.after or "")


def audit_actors() -> list[str]:
    """Who has entries in the log, by name (the choices of the list's User filter)."""
    return [a for (a,) in AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
            .limit(MAX_ACTORS).tuples()]
