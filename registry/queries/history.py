"""A volunteer's service-record history, as the detail pane lists it: the newest lines
first, read in one query by the volunteer/service_date index, each saying whether it was
approved, which entry it corrects and which approved correction replaced it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import JOIN, SQL, fn

from registry.storage.models import Activity, ServiceRecord

SHOWN = 50
CONTENT_CHARS = 24  # of the content (or the activity's name) shown on a line


@dataclass(frozen=True)
class HistoryLine:
    """One entry of a volunteer's service history."""

    id: int
    service_date: dt.date
    hours: Decimal
    what: str  # category / content
    approved: bool
    corrects: int | None  # this line is a correction of that entry
    replaced_by: int | None  # an approved correction replaced this line


@dataclass(frozen=True)
class ServiceHistory:
    """A volunteer's latest service entries, and how many there are in all."""

    lines: tuple[HistoryLine, ...]  # newest first
    total: int  # how many lines the volunteer has in all

    @property
    def more(self) -> bool:
        return self.total > len(self.lines)


def _what(category: str, content: str, activity: str | None) -> str:
    text = (content or activity or "").strip().replace("\n", " ")
    if len(text) > CONTENT_CHARS:
        text = text[:CONTENT_CHARS] + "…"
    return " / ".join(part for part in (category, text) if part)


def service_history(volunteer_id: int, limit: int = SHOWN) -> ServiceHistory:
    """The newest `limit` lines and how many there are in all."""
    r, c = ServiceRecord, ServiceRecord.alias("correction")
    query = (r.select(r.id, r.service_date, r.hours, r.service_category, r.content, Activity.name,
                      r.status, r.corrects, c.id, fn.COUNT(SQL("*")).over())
             .join(c, JOIN.LEFT_OUTER, on=((c.corrects == r.id) & (c.status == "approved")))
             .switch(r).join(Activity, JOIN.LEFT_OUTER)
             .where(r.volunteer == volunteer_id)
             .order_by(r.service_date.desc(), r.id.desc()).limit(limit).tuples())
    lines: list[HistoryLine] = []
    total = 0
    for rid, day, hours, category, content, activity, status, corrects, replaced_by, count in query:
        lines.append(HistoryLine(rid, day, hours, _what(category, content, activity), status == "approved",
                                 corrects, replaced_by))
        total = count
    return ServiceHistory(tuple(lines), total)
