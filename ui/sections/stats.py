"""Statistics: per-community indicators, hours by month and by category, deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.charts import BarChart
from ui.context import AppContext
from ui.i18n import translate
from ui.sections.base import ROW_HEIGHT, Section
from ui.stats_data import all_stats, deadlines

DEADLINE_DAYS = (30, 90, 180)

AIM_PER_MILLE = 1.0


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    t.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.setAlternatingRowColors(True)
    return t


class StatsSection(Section):
    key = "stats"
    tables = frozenset({"volunteer", "social_worker", "service_record", "community"})

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.year = dt.date.today().year
        self.communities = _table([
            translate("Stats", "Community"), translate("Stats", "Residents"),
            translate("Stats", "Volunteers"), translate("Stats", "Share"),
            translate("Stats", "Social workers"), translate("Stats", "Per 1,000"),
            translate("Stats", "1‰ aim")])
        self.communities.setObjectName("indicators")
        for col, width in enumerate((130, 80, 80, 70, 80, 80)):
            self.communities.setColumnWidth(col, width)
        self.deadlines = _table([translate("Stats", "Due"), translate("Stats", "Days left"),
                                 translate("Stats", "What"), translate("Stats", "Whose")])
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadlines.setToolTip(translate("Stats", "Double-click to open the organization or social worker"))
        self.deadlines.cellDoubleClicked.connect(self.open_deadline)
        self.due_items: list[Any] = []
        self.within = QComboBox()
        self.within.setObjectName("deadline_days")
        for days in DEADLINE_DAYS:
            self.within.addItem(translate("Stats", "{days} days").format(days=days), days)
        self.within.setCurrentIndex(DEADLINE_DAYS.index(90))
        self.within.currentIndexChanged.connect(self.refresh_deadlines)
        due_head = QHBoxLayout()
        due_head.addWidget(QLabel(translate("Stats", "Upcoming deadlines within")))
        due_head.addWidget(self.within)
        due_head.addStretch(1)
        for col, width in enumerate((90, 60, 200)):
            self.deadlines.setColumnWidth(col, width)
        self.months = BarChart(translate("Stats", "Approved hours by month, {year}").format(year=self.year))
        self.categories = BarChart(translate("Stats", "Approved hours by service category, {year}").format(
            year=self.year), horizontal=True)
        self.summary = QLabel()
        self.summary.setObjectName("stats_summary")
        grid = QGridLayout(self)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(QLabel(translate("Stats", "Indicators by community")), 1, 0)
        grid.addLayout(due_head, 1, 1)
        grid.addWidget(self.communities, 2, 0)
        grid.addWidget(self.deadlines, 2, 1)
        grid.addWidget(self.months, 3, 0)
        grid.addWidget(self.categories, 3, 1)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 2)
        self.loaded = False

    def title(self) -> str:
        return translate("Stats", "Statistics")

    def activate(self) -> None:
        if not self.activated_once:
            self.activated_once = True
            self.refresh()

    def refresh(self) -> None:
        self.summary.setText(translate("Stats", "Calculating…"))
        self.ctx.worker.call(all_stats, self.year, self.days(), on_done=self._show)

    def days(self) -> int:
        return int(self.within.currentData())

    def refresh_deadlines(self) -> None:
        if self.activated_once:
            self.ctx.worker.call(deadlines, self.days(), on_done=self._show_deadlines)

    def _show_deadlines(self, due: list[Any]) -> None:
        self.due_items = list(due)
        self.deadlines.setRowCount(len(due))
        for i, d in enumerate(due):
            for c, v in enumerate([d.due.isoformat(), str(d.days_left), d.label, d.subject]):
                item = QTableWidgetItem(v)
                if d.detail:
                    item.setToolTip(d.detail)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.deadlines.setItem(i, c, item)

    def open_deadline(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.due_items):
            item = self.due_items[row]
            self.ctx.hub.open_record.emit(item.table, item.record_id)

    def is_ready(self) -> bool:
        return self.loaded

    def _show(self, data: dict[str, Any]) -> None:
        rows = data["communities"]
        self.communities.setRowCount(len(rows))
        total_pop = sum(r["population"] for r in rows)
        total_v = sum(r["volunteers"] for r in rows)
        total_w = sum(r["workers"] for r in rows)
        for i, r in enumerate(rows):
            meets = r["per_mille"] is not None and r["per_mille"] >= AIM_PER_MILLE
            values = [r["name"], f"{r['population']:,}", f"{r['volunteers']:,}",
                      "" if r["share"] is None else f"{r['share']:.1f}%", f"{r['workers']:,}",
                      "" if r["per_mille"] is None else f"{r['per_mille']:.2f}",
                      translate("Stats", "met") if meets else translate("Stats", "not met")]
            for c, v in enumerate(values):
                self.communities.setItem(i, c, QTableWidgetItem(v))
        self._show_deadlines(data["deadlines"])
        self.months.set_items([(str(m + 1), v) for m, v in enumerate(data["months"])])
        self.categories.set_items(data["categories"][:8])
        per_mille = total_w / total_pop * 1000 if total_pop else 0
        share = total_v / total_pop * 100 if total_pop else 0
        self.summary.setText(translate(
            "Stats", "Residents {pop}; volunteers {vol} ({share:.1f}%); social workers {sw} "
            "({pm:.2f} per 1,000, aim 1‰)").format(pop=f"{total_pop:,}", vol=f"{total_v:,}",
                                                   share=share, sw=f"{total_w:,}", pm=per_mille))
        self.loaded = True
        self.status_changed.emit()

    def status_text(self) -> str:
        return translate("Stats", "{count} communities").format(count=self.communities.rowCount())


__all__ = ["QWidget", "StatsSection"]
