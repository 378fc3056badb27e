"""Statistics: per-community indicators, hours by month and by category, the deadline list
(deadline_list.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from registry.queries.deadlines import DueItem
from registry.queries.overview import Overview, meets_aim, overview
from registry.texts import shown
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.sections.base import ROW_HEIGHT, Section
from ui.sections.deadline_list import DeadlineList
from ui.widgets.charts import BarChart


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
    tables = frozenset({"volunteer", "social_worker", "service_record", "community", "organization",
                        "evaluation_grade", "annual_inspection"})

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
        self.worklist = DeadlineList(ctx)
        self.deadlines = self.worklist.table
        self.within = self.worklist.within
        self.months = BarChart(translate("Stats", "Approved hours by month, {year}").format(year=self.year))
        self.categories = BarChart(translate("Stats", "Approved hours by service category, {year}").format(
            year=self.year), horizontal=True)
        self.summary = QLabel()
        self.summary.setObjectName("stats_summary")
        grid = QGridLayout(self)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(QLabel(translate("Stats", "Indicators by community")), 1, 0)
        grid.addWidget(self.communities, 2, 0)
        grid.addWidget(self.worklist, 1, 1, 2, 1)
        grid.addWidget(self.months, 3, 0)
        grid.addWidget(self.categories, 3, 1)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 2)
        self.loaded = False

    def activate(self) -> None:
        if not self.activated_once:
            self.activated_once = True
            self.worklist.activate()
            self.refresh()

    def refresh(self) -> None:
        self.summary.setText(translate("Stats", "Calculating…"))
        self.ctx.worker.call(overview, self.year, self.days(), on_done=self._show)

    def days(self) -> int:
        return self.worklist.days()

    @property
    def due_items(self) -> tuple[DueItem, ...]:
        return self.worklist.items

    def refresh_deadlines(self) -> None:
        self.worklist.refresh()

    def open_deadline(self, row: int, _column: int = 0) -> None:
        self.worklist.open_item(row)

    def is_ready(self) -> bool:
        return self.loaded

    def _show(self, data: Overview) -> None:
        rows = data.communities
        self.communities.setRowCount(len(rows))
        for i, c in enumerate(rows):
            share, per_mille = c.volunteer_share, c.social_workers_per_thousand
            values = [c.community, f"{c.population:,}", f"{c.volunteers:,}",
                      "" if share is None else f"{share * 100:.1f}%", f"{c.social_workers:,}",
                      "" if per_mille is None else f"{per_mille:.2f}",
                      translate("Stats", "met") if meets_aim(per_mille) else translate("Stats", "not met")]
            for col, v in enumerate(values):
                self.communities.setItem(i, col, QTableWidgetItem(v))
        if self.worklist.is_default():
            self.worklist.show_items(data.deadlines)
        else:  # the overview's list is not filtered: the worklist asks for its own
            self.worklist.refresh()
        self.months.set_items([(str(m + 1), float(v)) for m, v in enumerate(data.hours_by_month)])
        self.categories.set_items([(shown(name), float(hours)) for name, hours in data.hours_by_category[:8]])
        t = data.totals
        self.summary.setText(translate(
            "Stats", "Residents {pop}; volunteers {vol} ({share:.1f}%); social workers {sw} "
            "({pm:.2f} per 1,000, aim 1‰)").format(pop=f"{t.population:,}", vol=f"{t.volunteers:,}",
                                                   share=t.volunteer_share * 100, sw=f"{t.social_workers:,}",
                                                   pm=t.social_workers_per_thousand))
        self.loaded = True
        self.status_changed.emit()

    def status_text(self) -> str:
        return translate("Stats", "{count} communities").format(count=self.communities.rowCount())


__all__ = ["QWidget", "StatsSection"]
