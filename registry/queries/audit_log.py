"""The audit log (操作日志) as the program lists it: the entries, newest first, filtered by
who, what table, what action and a date range; one entry in full; who has written in it.

Entries are listed by id, which is also their order in time (each one is written as its
change is made), so the list sorted by time is the list sorted by id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from peewee import Expression

from registry.queries.audit_text import Entry, sentence, sentences
from registry.queries.masking import MASKED, Masker
from registry.queries.paging import ListQuery, Page, PageRequest, Sorts, equal_to
from registry.storage.models import AuditEntry, get_or_fail
from registry.texts import msg


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
    detail: str  # what was done, in words: "李明 修改了志愿者 张三：联系电话、住址"
    # The entry as stored, numbers whole: only between row() and page(), which words it.
    stored: Entry | None = field(default=None, repr=False, compare=False)


class AuditLog(ListQuery[AuditFilters, AuditRow]):
    key = AuditEntry.id
    sorts: ClassVar[Sorts] = {"id": AuditEntry.id}  # the order in time
    filters = AuditFilters

    def select(self) -> Any:
        return AuditEntry.select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                                 AuditEntry.table_name, AuditEntry.record_id, AuditEntry.detail,
                                 AuditEntry.before, AuditEntry.after)

    def counted(self) -> Any:
        return AuditEntry.select(AuditEntry.id)

    def where(self, f: AuditFilters) -> list[Expression]:
        conds = equal_to([(AuditEntry.actor, f.actor), (AuditEntry.table_name, f.table),
                          (AuditEntry.action, f.action)])
        if f.date_from is not None:
            conds.append(AuditEntry.at >= dt.datetime.combine(f.date_from, dt.time()))
        if f.date_to is not None:
            conds.append(AuditEntry.at < dt.datetime.combine(f.date_to, dt.time()) + dt.timedelta(days=1))
        return conds

    def row(self, values: tuple[Any, ...], masker: Masker) -> AuditRow:
        """The row with its entry's stored parts in `detail`, until page() words them."""
        key, at, actor, action, table, record, detail, before, after = values
        return AuditRow(key, at, actor, action, table, record, detail or "",
                        Entry(actor, action, table, record, before, after, detail or ""))

    def page(self, filters: AuditFilters, request: PageRequest, masker: Masker = MASKED) -> Page[AuditRow]:
        """The page, each entry in words; the records they name are read once for the page."""
        found = super().page(filters, request, masker)
        return Page(self.worded(found.rows), found.anchors)

    @staticmethod
    def worded(rows: Sequence[AuditRow]) -> tuple[AuditRow, ...]:
        """Rows as row() made them, each entry in words and the stored entry let go."""
        words = sentences([r.stored for r in rows if r.stored is not None])
        return tuple(dataclasses.replace(r, detail=w, stored=None) for r, w in zip(rows, words, strict=True))


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
    sentence: str = ""  # what was done, in words, as the list shows it


def audit_entry(entry_id: int) -> AuditEntryDetails:
    e = get_or_fail(AuditEntry, entry_id, msg("操作日志"))
    words = sentence(Entry(e.actor, e.action, e.table_name, e.record_id, e.before, e.after, e.detail))
    return AuditEntryDetails(e.id, e.at, e.actor, e.action, e.table_name, e.record_id, e.detail,
                             e.before or "", e.after or "", words)


