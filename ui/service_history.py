"""A volunteer's service-record history for the detail panel: newest first, read in one
query on the worker (by the volunteer/service_date index), with which lines were corrected
and which are corrections."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, SQL, fn

from registry.storage.models import Activity, ServiceRecord
from ui.i18n import translate
from ui.lists import date_text, hours_text

SHOWN = 50
CONTENT_CHARS = 24


@dataclass(frozen=True)
class HistoryLine:
    id: int
    service_date: Any
    hours: Any
    what: str  # category / content
    approved: bool
    corrects: int | None  # this line is a correction of that entry
    replaced_by: int | None  # an approved correction replaced this line


def service_history(volunteer_id: int, limit: int = SHOWN) -> tuple[list[HistoryLine], int]:
    """On the worker: the newest `limit` lines and how many there are in all."""
    r, c = ServiceRecord, ServiceRecord.alias("correction")
    query = (r.select(r.id, r.service_date, r.hours, r.service_category, r.content, Activity.name,
                      r.status, r.corrects, c.id, fn.COUNT(SQL("*")).over())
             .join(c, JOIN.LEFT_OUTER, on=((c.corrects == r.id) & (c.status == "approved")))
             .switch(r).join(Activity, JOIN.LEFT_OUTER)
             .where(r.volunteer == volunteer_id)
             .order_by(r.service_date.desc(), r.id.desc()).limit(limit).tuples())
    lines, total = [], 0
    for rid, day, hours, category, content, activity, status, corrects, replaced_by, count in query:
        text = (content or activity or "").strip().replace("\n", " ")
        if len(text) > CONTENT_CHARS:
            text = text[:CONTENT_CHARS] + "…"
        what = " / ".join(part for part in (category, text) if part)
        lines.append(HistoryLine(rid, day, hours, what, status == "approved", corrects, replaced_by))
        total = count
    return lines, total


def _note(line: HistoryLine) -> str:
    notes = []
    if line.replaced_by is not None:
        notes.append(translate("History", "replaced by entry {number}").format(number=line.replaced_by))
    if line.corrects is not None:
        notes.append(translate("History", "corrects entry {number}").format(number=line.corrects))
    return "; ".join(notes)


def history_html(lines: list[HistoryLine], total: int) -> str:
    """The history as a small HTML table; replaced lines greyed and struck through."""
    title = html.escape(translate("History", "Service record (newest first)"))
    out = [f"<h4 style='color:#2c5d8f;margin-bottom:2px'>{title}</h4>"]
    if not lines:
        none = html.escape(translate("History", "No service hours recorded yet."))
        return out[0] + f"<p style='color:#666'>{none}</p>"
    headers = (translate("History", "Date"), translate("History", "Hours"),
               translate("History", "Category / content"), translate("History", "Status"),
               translate("History", "Correction"))
    cell = "padding:1px 8px 1px 0"
    out.append("<table cellspacing='0'><tr>" + "".join(
        f"<th align='left' style='{cell}'>{html.escape(h)}</th>" for h in headers) + "</tr>")
    for line in lines:
        status = translate("Lists", "Approved") if line.approved else translate("Lists", "Pending")
        style = cell + (";color:#888;text-decoration:line-through" if line.replaced_by is not None
                        else ";color:#a05a00" if not line.approved else "")
        values = (date_text(line.service_date), hours_text(line.hours), line.what, status, _note(line))
        out.append("<tr>" + "".join(f"<td style='{style}'>{html.escape(str(v))}</td>"
                                    for v in values) + "</tr>")
    out.append("</table>")
    if total > len(lines):
        more = translate("History", "Showing the latest {shown} of {total} entries; the Service "
                         "hours section lists them all.").format(shown=len(lines), total=total)
        out.append(f"<p style='color:#666'>{html.escape(more)}</p>")
    return "".join(out)
