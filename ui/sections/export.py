"""Roster export (花名册导出): choose the roster, its filters, masked or not, where to save;
written in the background with a delayed, cancellable progress dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from registry.queries.lookups import Choice, recent_trainings
from registry.rosters import GROUP_BY, ROSTERS, RosterFilters
from registry.texts import shown
from ui.dialogs.roster_export import ask_target, default_target, failure_text, result_text, start_export
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.runtime.progress import BackgroundTask
from ui.sections.base import Section
from ui.widgets.choice_box import make_searchable
from ui.widgets.optional_date import OptionalDateEdit


class ExportSection(Section):
    key = "export"
    tables = frozenset({"training"})

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout()
        self.roster = QComboBox()
        self.roster.setObjectName("roster")
        for key, spec in ROSTERS.items():
            self.roster.addItem(shown(spec.title), key)
        self.community = self._combo("community", ctx.lookups.get("communities", []))
        self.organization = self._combo("organization", ctx.lookups.get("organizations", []))
        self.status = self._combo("status", [])
        self.year = self._combo("year", [(y, str(y)) for y in range(dt.date.today().year,
                                                                   dt.date.today().year - 10, -1)])
        self.group_by = self._combo("group_by", [(key, shown(text)) for key, text in GROUP_BY.items()])
        self.training = make_searchable(self._combo("training", []))  # newest first; type to find
        self.date_from = OptionalDateEdit()
        self.date_from.setObjectName("export_date_from")
        self.date_to = OptionalDateEdit()
        self.date_to.setObjectName("export_date_to")
        self.any_dates = QPushButton(translate("Export", "Any date"))
        self.any_dates.setObjectName("export_any_dates")
        self.any_dates.clicked.connect(self.clear_dates)
        self.date_label = QLabel()
        self.date_label.setObjectName("export_date_label")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(translate("Export", "to")))
        dates.addWidget(self.date_to)
        dates.addWidget(self.any_dates)
        dates.addWidget(self.date_label, 1)
        self.unmasked = QCheckBox(translate("Export", "Full ID and phone numbers (the export is logged)"))
        self.unmasked.setObjectName("unmasked")
        self.path = QLineEdit()
        self.path.setObjectName("path")
        browse = QPushButton(icon("folder"), translate("Export", "Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.rows: dict[str, QWidget] = {}
        form.addRow(translate("Export", "Roster"), self.roster)
        for name, widget, label in (
                ("community_id", self.community, translate("Export", "Community")),
                ("organization_id", self.organization, translate("Export", "Organization")),
                ("status", self.status, translate("Export", "Status")),
                ("year", self.year, translate("Export", "Year")),
                ("group_by", self.group_by, translate("Export", "Group by")),
                ("training_id", self.training, translate("Export", "Training"))):
            form.addRow(label, widget)
            self.rows[name] = widget
        form.addRow(translate("Export", "Dates"), dates)
        self.rows["date_from"], self.rows["date_to"] = self.date_from, self.date_to
        form.addRow("", self.unmasked)
        self.guard(self.unmasked, "export_unmasked")  # administrators only; the core checks again
        form.addRow(translate("Export", "Save as"), path_row)
        self.export_button = QPushButton(icon("export"), translate("Export", "Export"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        intro = QLabel(translate("Export", "Rosters are written as Excel workbooks with Chinese headers; "
                                 "ID and phone numbers are masked unless you choose otherwise."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.export_button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.roster.currentIndexChanged.connect(self._roster_changed)
        self._roster_changed()
        self.task: BackgroundTask | None = None
        self.last_result: Any = None

    def _combo(self, name: str, options: list[tuple[Any, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"export_{name}")
        box.addItem(translate("Export", "All"), None)
        for value, text in options:
            box.addItem(text, value)
        return box

    def status_text(self) -> str:
        return self.roster.currentText()

    def activate(self) -> None:
        if not self.activated_once:
            self.activated_once = True
            self.refresh()

    def refresh(self) -> None:
        self.ctx.worker.call(recent_trainings, on_done=self._trainings)

    def _trainings(self, rows: list[Choice]) -> None:
        current = self.training.currentData()
        self.training.clear()
        self.training.addItem(translate("Export", "Choose a training"), None)
        for value, text in rows:
            self.training.addItem(text, value)
        self.training.setCurrentIndex(max(0, self.training.findData(current)))

    def select_roster(self, key: str, community: Any = None) -> None:
        self.roster.setCurrentIndex(max(0, self.roster.findData(key)))
        if community is not None:
            self.community.setCurrentIndex(max(0, self.community.findData(community)))

    def clear_dates(self) -> None:
        self.date_from.clear_value()
        self.date_to.clear_value()

    def _roster_changed(self) -> None:
        spec = ROSTERS[self.roster.currentData()]
        for name, widget in self.rows.items():
            widget.setEnabled(name in spec.filters)
        self.any_dates.setEnabled(bool({"date_from", "date_to"} & spec.filters))
        self.date_label.setText(translate("Export", "(applies to: {what})").format(what=shown(spec.date_label))
                                if spec.date_label else "")
        self.status.clear()
        self.status.addItem(translate("Export", "All"), None)
        for s in spec.statuses:
            self.status.addItem(shown(s), s)
        self.path.setText(str(default_target(spec.key)))
        self.status_changed.emit()

    def _browse(self) -> None:
        path = ask_target(self, Path(self.path.text()))
        if path is not None:
            self.path.setText(str(path))

    def filters(self) -> RosterFilters:
        spec = ROSTERS[self.roster.currentData()]
        values = {"community_id": self.community.currentData(),
                  "organization_id": self.organization.currentData(),
                  "status": self.status.currentData(), "year": self.year.currentData(),
                  "group_by": self.group_by.currentData(), "training_id": self.training.currentData(),
                  "date_from": self.date_from.value(), "date_to": self.date_to.value()}
        return RosterFilters(**{k: v for k, v in values.items() if k in spec.filters and v is not None})

    def export(self) -> None:
        roster, target = self.roster.currentData(), Path(self.path.text().strip())
        filters = self.filters()
        unmasked = self.unmasked.isChecked() and ROSTERS[roster].personal(filters)  # else nothing to show
        if unmasked and QMessageBox.question(
                self, translate("Export", "Full numbers"),
                translate("Export", "Export full ID and phone numbers? This is personal information; "
                          "the export will be recorded in the audit log.")) != QMessageBox.StandardButton.Yes:
            return
        self.export_button.setEnabled(False)
        self.result.setText("")
        self.task = start_export(self, self.ctx, roster, target, filters, unmasked=unmasked,
                                 on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        self.last_result = result
        self.result.setText(result_text(result))

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.result.setText(failure_text(error))
