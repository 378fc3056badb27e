"""Statistics: per-community indicators, hours by month and by category, the deadline list
(deadline_list.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QResizeEvent
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


class IndicatorTable(QTableWidget):
    """Per-community indicators, never to be scrolled sideways: the community's name whole
    and its 1‰ verdict always shown; when the table is too narrow for every column, the
    figures the others restate (population, then the shares) are left out, from the least
    needed, and the name's tooltip gives them all."""

    COMMUNITY, POPULATION, VOLUNTEERS, SHARE, SOCIAL_WORKERS, PER_MILLE, AIM = range(7)
    DROPPED_FIRST = (POPULATION, SHARE, PER_MILLE)

    def __init__(self) -> None:
        super().__init__(0, 7)
        self.headers = [
            translate("Stats", "Community"), translate("Stats", "Residents"),
            translate("Stats", "Volunteers"), translate("Stats", "Share"),
            translate("Stats", "Social workers"), translate("Stats", "Per 1,000"),
            translate("Stats", "1‰ aim")]
        self.setHorizontalHeaderLabels(self.headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def set_rows(self, rows: list[list[str]]) -> None:
        headers = self.headers
        self.setRowCount(len(rows))
        for i, values in enumerate(rows):
            whole = "\n".join(translate("Stats", "{label}: {value}").format(label=h, value=v)
                              for h, v in zip(headers[1:], values[1:], strict=True))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == self.COMMUNITY:
                    item.setToolTip(f"{value}\n{whole}")
                self.setItem(i, col, item)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show every column the width allows, leaving out the restating ones first, and
        share what room is left among those shown."""
        room = self.viewport().width()
        header = self.horizontalHeader()
        needed = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c), header.minimumSectionSize())
                  for c in range(self.columnCount())}
        shown = set(range(self.columnCount()))
        for column in self.DROPPED_FIRST:
            if sum(needed[c] for c in shown) <= room:
                break
            shown.discard(column)
        spare = max(0, room - sum(needed[c] for c in shown)) // len(shown)  # shared out
        for column in range(self.columnCount()):
            self.setColumnHidden(column, column not in shown)
            if column in shown:
                self.setColumnWidth(column, needed[column] + spare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


class StatsSection(Section):
    key = "stats"
    tables = frozenset({"volunteer", "social_worker", "service_record", "community", "organization",
                        "evaluation_grade", "annual_inspection"})

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.year = dt.date.today().year
        self.communities = IndicatorTable()
        self.communities.setObjectName("indicators")
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
        rows = []
        for c in data.communities:
            share, per_mille = c.volunteer_share, c.social_workers_per_thousand
            rows.append([c.community, f"{c.population:,}", f"{c.volunteers:,}",
                         "" if share is None else f"{share * 100:.1f}%", f"{c.social_workers:,}",
                         "" if per_mille is None else f"{per_mille:.2f}",
                         translate("Stats", "met") if meets_aim(per_mille) else translate("Stats", "not met")])
        self.communities.set_rows(rows)
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
