"""A volunteer's service-record history in the detail panel: the lines the core reads
(registry.queries.history), replaced lines greyed and struck through, hours carried over
from earlier records (期初结转) in italics and said apart."""

from __future__ import annotations

import html

from registry.queries.history import SHOWN, HistoryLine, ServiceHistory
from registry.texts import shown
from ui.models.lists import date_text, hours_text
from ui.runtime.i18n import translate

__all__ = ["SHOWN", "history_html"]


def _note(line: HistoryLine) -> str:
    notes = []
    if line.replaced_by is not None:
        notes.append(translate("History", "replaced by entry {number}").format(number=line.replaced_by))
    if line.corrects is not None:
        notes.append(translate("History", "corrects entry {number}").format(number=line.corrects))
    return "; ".join(notes)


def history_html(history: ServiceHistory) -> str:
    """The history as a small HTML table; replaced lines greyed and struck through.

    Each entry takes two rows: its date, hours and status, none of them wrapped, and under
    them what was done and its correction note across the pane's width. The detail pane is
    about 260 px wide on a 1024×768 screen; five columns side by side there wrapped the
    dates a few digits a line."""
    lines = history.lines
    title = html.escape(translate("History", "Service record (newest first)"))
    out = [f"<h4 style='color:#2c5d8f;margin-bottom:2px'>{title}</h4>"]
    if not lines:
        none = html.escape(translate("History", "No service hours recorded yet."))
        return out[0] + f"<p style='color:#666'>{none}</p>"
    headers = (translate("History", "Date"), translate("History", "Hours"), translate("History", "Status"))
    cell = "padding:1px 8px 1px 0;white-space:nowrap"
    out.append("<table cellspacing='0'><tr>" + "".join(
        f"<th align='left' style='{cell}'>{html.escape(h)}</th>" for h in headers) + "</tr>")
    for line in lines:
        status = translate("Lists", "Approved") if line.approved else translate("Lists", "Pending")
        if line.carried:
            status = translate("History", "Carried over")
        look = (";color:#888;text-decoration:line-through" if line.replaced_by is not None
                else ";color:#a05a00" if not line.approved
                else ";color:#2c6e49;font-style:italic" if line.carried else "")
        values = (date_text(line.service_date), hours_text(line.hours), status)
        out.append("<tr>" + "".join(f"<td style='{cell}{look}'>{html.escape(str(v))}</td>"
                                    for v in values) + "</tr>")
        what = " / ".join(map(shown, line.what.split(" / ")))  # the category is a marked word
        what = "；".join(part for part in (what, _note(line)) if part)
        out.append(f"<tr><td colspan='{len(headers)}' style='padding:0 0 4px 12px{look or ';color:#444'}'>"
                   f"{html.escape(what)}</td></tr>")
    out.append("</table>")
    if history.carried:
        carried = translate("History", "Of the hours overall, {hours} h are carried over from the records "
                            "kept before this register (opening balance, in italics): they count toward "
                            "the total and the stars but were not served and recorded here.").format(
            hours=hours_text(history.carried))
        out.append(f"<p style='color:#2c6e49'>{html.escape(carried)}</p>")
    if history.more:
        more = translate("History", "Showing the latest {shown} of {total} entries; the Service "
                         "hours section lists them all.").format(shown=len(lines), total=history.total)
        out.append(f"<p style='color:#666'>{html.escape(more)}</p>")
    return "".join(out)
