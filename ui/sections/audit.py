"""The audit-log section (操作日志): every change, who made it and when; exported as the
"audit" roster with the section's date range."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtWidgets import QLabel

from registry.queries.audit_log import audit_entry
from registry.rosters import RosterFilters
from registry.rules.audit_fields import parsed, readable_fields
from ui.dialogs.roster_export import ask_target, default_target, failure_text, result_text, start_export
from ui.models.audit_list import ACTIONS, TABLES, AuditList, action_label, table_label
from ui.models.lists import date_text
from ui.runtime.context import AppContext
from ui.runtime.i18n import tr_noop, translate
from ui.runtime.progress import BackgroundTask
from ui.sections.base import FilterDef, ListSection, detail_table


def _actors(ctx: AppContext) -> list[tuple[Any, str]]:
    return [(a, a) for a in ctx.lookups.get("actors", [])]  # type: ignore[misc]


def _tables(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(k, table_label(k)) for k in TABLES]


def _actions(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(k, action_label(k)) for k in ACTIONS]


def _periods(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(1, translate("Sections", "Today")), (7, translate("Sections", "Last 7 days")),
            (30, translate("Sections", "Last 30 days")), (365, translate("Sections", "Last year"))]


def audit_html(entry_id: int) -> str:
    e = audit_entry(entry_id)

    def pretty(text: str) -> str:
        if not text:
            return ""
        fields = readable_fields(text, e.table)
        if fields is None:
            return html.escape(text)
        return "<br>".join(f"{html.escape(k)}：{html.escape(v)}" for k, v in fields)

    # A detail older versions kept as JSON (a demonstration's counts) is what the sentence
    # says in words: not shown again as program codes.
    details = "" if parsed(e.detail) is not None else e.detail

    before, after = translate("Sections", "Before"), translate("Sections", "After")
    extra = "".join(f"<h4>{html.escape(heading)}</h4><p>{pretty(text)}</p>"
                    for heading, text in ((before, e.before), (after, e.after)) if text)
    rows = [(translate("Sections", "What was done"), e.sentence),
            (translate("Sections", "Time"), date_text(e.at)), (translate("Sections", "User"), e.actor),
            (translate("Sections", "Action"), action_label(e.action)),
            (translate("Sections", "Table"), table_label(e.table)),
            (translate("Sections", "Record"), e.record_id or ""),
            (translate("Sections", "Details"), details)]
    return detail_table(translate("Sections", "Log entry {number}").format(number=e.id), rows, extra)


class AuditSection(ListSection):
    key = "audit"
    spec = AuditList()
    tables = frozenset()  # every change is logged: refreshed on any change once shown
    filter_defs = (
        FilterDef("actor", tr_noop("Sections", "User"), _actors),
        FilterDef("table", tr_noop("Sections", "Table"), _tables),
        FilterDef("action", tr_noop("Sections", "Action"), _actions),
        FilterDef("days", tr_noop("Sections", "Date"), _periods),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.export_button = self.add_action(translate("Sections", "Export"), "export", self.export,
                                             "export_audit", "export")
        self.export_result = QLabel()
        self.export_result.setObjectName("audit_export_result")
        self.toolbar.insertWidget(self.toolbar.count() - 1, self.export_result)
        self.task: BackgroundTask | None = None
        self.last_result: Any = None

    def export_filters(self) -> RosterFilters:
        """The section's date range, as the audit roster takes it."""
        values = self.filters()
        return RosterFilters(date_from=values.get("date_from"), date_to=values.get("date_to"))

    def export(self) -> None:
        target = ask_target(self, default_target("audit"))
        if target is None:
            return
        self.export_button.setEnabled(False)
        self.export_result.setText("")
        self.task = start_export(self, self.ctx, "audit", target, self.export_filters(),
                                 on_done=self._exported, on_error=self._export_failed)

    def _exported(self, result: Any) -> None:
        self.export_button.setEnabled(self.ctx.may("export"))
        self.last_result = result
        self.export_result.setText(result_text(result))

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(self.ctx.may("export"))
        self.export_result.setText(failure_text(error))

    def filters(self) -> dict[str, Any]:
        values = super().filters()
        days = values.pop("days", None)
        if days:
            values["date_from"] = dt.date.today() - dt.timedelta(days=int(days) - 1)
        return values

    def on_changes(self, changes: Any) -> None:
        if self.activated_once:
            self.refresh()

    def detail_html(self, key: Any) -> str:
        return audit_html(key)
