"""The deadline list as a worklist (统计 section): what falls due, narrowed by kind, street,
community and "due between"; exported as 到期事项清单; registrations and evaluation grades
extended in bulk, after a policy change, for the items selected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry.queries.deadlines import EXTENDABLE_KINDS, DueFilter, DueItem
from registry.queries.lookups import community_streets, streets
from registry.queries.overview import due_within
from registry.rosters.spec import RosterFilters
from registry.rules.deadlines import KIND_LABELS
from registry.texts import shown
from ui.dialogs.roster_export import ask_target, default_target, failure_text, result_text, start_export
from ui.dialogs.worklist_extend import WorklistExtendDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.sections.base import ROW_HEIGHT
from ui.widgets.optional_date import OptionalDateEdit

DEADLINE_DAYS = (30, 90, 180)
ROSTER = "deadlines"


def _choices() -> dict[str, Any]:
    """On the worker: the street box's choices and each community's street."""
    return {"streets": streets(), "community_streets": community_streets()}


class DeadlineList(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.active = False  # the section was shown: the list may ask the worker
        self.items: tuple[DueItem, ...] = ()
        self.community_street: dict[int, int] = {}
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            translate("Stats", "Due"), translate("Stats", "Days left"), translate("Stats", "What"),
            translate("Stats", "Whose"), translate("Stats", "Community")])
        self.table.setObjectName("deadlines")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        for col, width in enumerate((90, 56, 132, 90)):  # 所在社区 whole at 1024×768, no sideways scrolling
            self.table.setColumnWidth(col, width)
        self.table.setToolTip(translate("Stats", "Double-click to open the organization or social worker"))
        self.table.cellDoubleClicked.connect(self.open_item)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.within = QComboBox()
        self.within.setObjectName("deadline_days")
        for days in DEADLINE_DAYS:
            self.within.addItem(translate("Stats", "{days} days").format(days=days), days)
        self.within.setCurrentIndex(DEADLINE_DAYS.index(90))
        self.kinds = QPushButton()  # its menu's arrow has room of its own (a tool button's covered 满)
        self.kinds.setObjectName("deadline_kinds")
        menu = QMenu(self.kinds)
        self.kind_actions: dict[str, QAction] = {}
        for kind, label in KIND_LABELS.items():
            if kind == "reregistration_window":
                continue  # not an item of the list: the registration's own detail says it
            action = menu.addAction(shown(label))
            action.setCheckable(True)
            action.toggled.connect(self._kinds_changed)
            self.kind_actions[kind] = action
        self.kinds.setMenu(menu)
        self.street = self._combo("deadline_street")
        self.community = self._combo("deadline_community")
        self._fill_communities()
        self.due_from = OptionalDateEdit()
        self.due_from.setObjectName("deadline_from")
        self.due_to = OptionalDateEdit()
        self.due_to.setObjectName("deadline_to")
        self.export_button = QPushButton(icon("export"), translate("Stats", "Export…"))
        self.export_button.setObjectName("deadline_export")
        self.export_button.clicked.connect(self.export)
        self.extend_button = QPushButton(translate("Stats", "Extend selected…"))
        self.extend_button.setObjectName("deadline_extend")
        self.extend_button.setToolTip(translate(
            "Stats", "After a policy change: extend the selected registrations or evaluation grades"))
        self.extend_button.clicked.connect(self.extend)
        self.extend_button.setVisible(ctx.may("extend_registration") or ctx.may("extend_grade"))
        self.result = QLabel()
        self.result.setObjectName("deadline_result")
        self.result.setWordWrap(True)
        # its width from the row, not from the text: a long path exported took the section's
        # columns for itself, and the lists beside and above jumped
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._kinds_changed()
        self._selection_changed()

        head = QHBoxLayout()
        head.addWidget(QLabel(translate("Stats", "Upcoming deadlines within")))
        head.addWidget(self.within)
        head.addWidget(self.kinds)
        head.addStretch(1)
        area = QHBoxLayout()
        area.addWidget(self.street)
        area.addWidget(self.community)
        area.addWidget(QLabel(translate("Stats", "Due")))
        area.addWidget(self.due_from)
        area.addWidget(QLabel(translate("Stats", "to")))
        area.addWidget(self.due_to)
        area.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.extend_button)
        actions.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(area)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        for signal in (self.within.currentIndexChanged, self.community.currentIndexChanged,
                       self.due_from.dateChanged, self.due_to.dateChanged):
            signal.connect(self.refresh)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.due_to.dateChanged.connect(  # a closing date given: the horizon no longer applies
            lambda _day: self.within.setEnabled(self.due_to.value() is None))

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(translate("Stats", "All streets") if name == "deadline_street"
                    else translate("Stats", "All communities"), None)
        return box

    # filters

    def activate(self) -> None:
        if not self.active:
            self.active = True
            self.ctx.worker.call(_choices, on_done=self._show_choices)

    def _show_choices(self, found: dict[str, Any]) -> None:
        self.community_street = found["community_streets"]
        self.street.blockSignals(True)
        for value, text in found["streets"]:
            self.street.addItem(text, value)
        self.street.blockSignals(False)
        self.street.setVisible(self.street.count() > 2)  # one street: the community says it all

    def _fill_communities(self) -> None:
        street, current = self.street.currentData(), self.community.currentData()
        self.community.blockSignals(True)
        while self.community.count() > 1:
            self.community.removeItem(1)
        for value, text in self.ctx.lookups.get("communities", []):
            if street is None or self.community_street.get(value) == street:
                self.community.addItem(text, value)
        self.community.setCurrentIndex(max(0, self.community.findData(current)))
        self.community.blockSignals(False)

    def _street_changed(self) -> None:
        self._fill_communities()
        self.refresh()

    def selected_kinds(self) -> frozenset[str] | None:
        chosen = frozenset(k for k, a in self.kind_actions.items() if a.isChecked())
        return chosen or None

    def _kinds_changed(self) -> None:
        chosen = self.selected_kinds()
        if chosen is None:
            self.kinds.setText(translate("Stats", "All kinds"))
        elif len(chosen) == 1:
            self.kinds.setText(shown(KIND_LABELS[next(iter(chosen))]))
        else:
            self.kinds.setText(translate("Stats", "{count} kinds").format(count=len(chosen)))
        self.refresh()

    def days(self) -> int:
        return int(self.within.currentData())

    def due_filter(self) -> DueFilter:
        """The filters as the core takes them; a "due between" bound replaces the horizon's."""
        return DueFilter(kinds=self.selected_kinds(), street_id=self.street.currentData(),
                         community_id=self.community.currentData(),
                         due_from=self.due_from.value(), due_to=self.due_to.value())

    def is_default(self) -> bool:
        return self.due_filter() == DueFilter()

    def roster_filters(self) -> RosterFilters:
        """The same list for 到期事项清单: the horizon as its closing date when none is given."""
        f = self.due_filter()
        kinds = tuple(k for k in KIND_LABELS if k in f.kinds) if f.kinds else None
        until = f.due_to or dt.date.today() + dt.timedelta(days=self.days())
        return RosterFilters(street_id=f.street_id, community_id=f.community_id, date_from=f.due_from,
                             date_to=until, kinds=kinds)

    def refresh(self) -> None:
        if self.active:
            self.ctx.worker.call(due_within, self.days(), None, self.due_filter(), on_done=self.show_items)

    # the list

    def show_items(self, due: tuple[DueItem, ...]) -> None:
        self.items = tuple(due)
        self.table.clearSelection()
        self.table.setRowCount(len(due))
        for i, d in enumerate(due):
            for c, v in enumerate([d.due.isoformat(), str(d.days_left), shown(d.label), d.subject, d.community]):
                item = QTableWidgetItem(v)
                tip = "\n".join(t for t in (d.subject if c == 3 else "", d.detail) if t)  # a long name elided
                if tip:
                    item.setToolTip(tip)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, c, item)
        self._selection_changed()

    def open_item(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.items):
            item = self.items[row]
            self.ctx.hub.open_record.emit(item.table, item.record_id)

    def selected(self) -> list[DueItem]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.items[r] for r in rows if r < len(self.items)]

    def extendable(self) -> tuple[str, list[DueItem]] | None:
        """The kind and items to extend: the selection, when all of one kind a policy extends."""
        chosen = self.selected()
        kinds = {i.kind for i in chosen}
        if len(kinds) != 1 or next(iter(kinds)) not in EXTENDABLE_KINDS:
            return None
        return next(iter(kinds)), chosen

    def _selection_changed(self) -> None:
        found = self.extendable()
        allowed = found is not None and self.ctx.may(
            "extend_registration" if found[0] == "registration_expiry" else "extend_grade")
        self.extend_button.setEnabled(allowed)

    # export and extension

    def export(self) -> None:
        target = ask_target(self, default_target(ROSTER))
        if target is not None:
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        # disabled, it would hand the keys on to the search field (its window's focus, also
        # while the save dialog just closed has not given the window back its keys yet)
        if self.window().focusWidget() is self.export_button:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.export_button.setEnabled(False)
        self.result.setText("")
        start_export(self, self.ctx, ROSTER, target, self.roster_filters(),
                     on_done=self._exported, on_error=self._export_failed)

    def _exported(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        self.result.setText(result_text(result))

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.result.setText(failure_text(error))

    def extend(self) -> None:
        found = self.extendable()
        if found is None:
            QMessageBox.information(self, translate("Stats", "Extend"), translate(
                "Stats", "Select registrations expiring, or evaluation grades expiring (one kind at a time)."))
            return
        dialog = WorklistExtendDialog(self.ctx, found[0], found[1], self)
        dialog.saved.connect(self._extended)
        dialog.exec()

    @Slot(object)
    def _extended(self, _changes: object) -> None:
        self.result.setText("")  # what was exported is no longer the list shown
        self.refresh()
