"""区划设置 (administrators): the streets and communities of the register, each community's
population in a chosen year (the indicators of that year use it), and this office's street.
Every change goes through registry/ops (audited) and the tree reloads from the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry import ops
from registry.ops import Changes
from registry.queries.areas import Areas, areas
from ui.dialogs.dialog import save_cancel
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate

KIND = Qt.ItemDataRole.UserRole  # "street" / "community"
ID = Qt.ItemDataRole.UserRole + 1
MAX_PEOPLE = 100_000_000


class AreaForm(QDialog):
    """A few fields: code (new areas only), name, population."""

    def __init__(self, title: str, parent: QWidget, *, code: bool, name: str = "",
                 population: int | None = None, population_label: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("area_code")
        self.name = QLineEdit(name)
        self.name.setObjectName("area_name")
        self.population = QSpinBox()
        self.population.setObjectName("area_population")
        self.population.setRange(0, MAX_PEOPLE)
        self.population.setGroupSeparatorShown(True)
        if code:
            form.addRow(translate("Areas", "Code (administrative division)"), self.code)
        form.addRow(translate("Areas", "Name"), self.name)
        if population is not None:
            self.population.setValue(population)
            form.addRow(population_label or translate("Areas", "Residents"), self.population)
        self.message = QLabel()
        self.message.setObjectName("area_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self))


class AreasDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Areas | None = None
        self.setObjectName("areas_dialog")
        self.setWindowTitle(translate("Areas", "Area settings"))
        self.setMinimumSize(600, 420)
        self.resize(760, 520)
        self.district = QLabel()
        self.district.setObjectName("areas_district")
        self.year = QSpinBox()
        self.year.setObjectName("areas_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.district, 1)
        top.addWidget(QLabel(translate("Areas", "Population of the year")))
        top.addWidget(self.year)
        self.tree = QTreeWidget()
        self.tree.setObjectName("areas_tree")
        self.tree.setHeaderLabels([translate("Areas", "Street / community"), translate("Areas", "Code"),
                                   translate("Areas", "Residents"), translate("Areas", "Figure")])
        self.tree.setColumnWidth(0, 260)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (
                ("add_street", translate("Areas", "Add street…"), self.add_street),
                ("add_community", translate("Areas", "Add community…"), self.add_community),
                ("edit_area", translate("Areas", "Edit name and population…"), self.edit_selected),
                ("office_street", translate("Areas", "This is our street"), self.make_office)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("areas_message")
        self.message.setWordWrap(True)
        note = QLabel(translate("Areas", "A year without its own figure uses the latest earlier year's, or the "
                                "district file's. Every change is recorded in the operation log."))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(translate("Areas", "Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._selection_changed()
        self.reload()

    # --- reading ----------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self.ctx.worker.call(areas, self.year.value(), on_done=self._show)

    def _show(self, data: Areas) -> None:
        self.data = data
        chosen = self.selected()
        self.district.setText(data.district or translate("Areas", "No district yet"))
        self.tree.clear()
        for street in data.streets:
            label = street.name + (translate("Areas", " (this office)") if street.office else "")
            item = QTreeWidgetItem([label, street.code, "", ""])
            item.setData(0, KIND, "street")
            item.setData(0, ID, street.id)
            if street.office:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            for c in street.communities:
                own = (translate("Areas", "district file") if c.figure_year is None
                       else translate("Areas", "{year}'s own").format(year=data.year) if c.figure_year == data.year
                       else translate("Areas", "as in {year}").format(year=c.figure_year))
                child = QTreeWidgetItem([c.name, c.code, f"{c.population:,}", own])
                child.setData(0, KIND, "community")
                child.setData(0, ID, c.id)
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.addChild(child)
                if chosen == ("community", c.id):
                    self.tree.setCurrentItem(child)
            if chosen == ("street", street.id):
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._selection_changed()

    def selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return (str(item.data(0, KIND)), int(item.data(0, ID))) if item is not None else None

    def _street_of_selection(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        street = item if item.data(0, KIND) == "street" else item.parent()
        return int(street.data(0, ID)) if street is not None else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        has_district = self.data is not None and self.data.district_id is not None
        self.buttons["add_street"].setEnabled(has_district)
        self.buttons["add_community"].setEnabled(self._street_of_selection() is not None)
        self.buttons["edit_area"].setEnabled(chosen is not None)
        self.buttons["office_street"].setEnabled(chosen is not None and chosen[0] == "street")
        if not has_district and self.data is not None:
            self.message.setText(translate("Areas", "The register has no district yet: an administrator applies "
                                           "the district file (set-up at first start, or the command "
                                           "“district apply”)."))

    # --- changing -----------------------------------------------------------------------

    def _run(self, op: Callable[[], Changes], done_text: str) -> None:
        def done(_changes: Changes) -> None:
            self.message.setStyleSheet("")
            self.message.setText(done_text)
            self.reload()

        def failed(error: BaseException) -> bool:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(error))
            return True

        self.ctx.run_op(self, op, done, failed)

    def _ask(self, form: AreaForm) -> bool:
        return form.exec() == QDialog.DialogCode.Accepted

    @Slot()
    def add_street(self) -> None:
        if self.data is None or self.data.district_id is None:
            return
        form = AreaForm(translate("Areas", "Add street"), self, code=True)
        if self._ask(form):
            actor, district = self.ctx.actor, self.data.district_id
            code, name = form.code.text(), form.name.text()
            self._run(lambda: ops.add_area(actor, "street", code, name, 0, parent=district),
                      translate("Areas", "Street {name} added.").format(name=name))

    @Slot()
    def add_community(self) -> None:
        street = self._street_of_selection()
        if street is None:
            return
        year = self.year.value()
        form = AreaForm(translate("Areas", "Add community"), self, code=True, population=0,
                        population_label=translate("Areas", "Residents in {year}").format(year=year))
        if not self._ask(form):
            return
        actor, code, name, people = self.ctx.actor, form.code.text(), form.name.text(), form.population.value()

        def add() -> Changes:
            changes = ops.add_area(actor, "community", code, name, people, parent=street)
            if people:  # the year's own figure too, so changing the base later does not move it
                ops.set_population(actor, changes.ids[0], year, people)
            return changes
        self._run(add, translate("Areas", "Community {name} added.").format(name=name))

    @Slot()
    def edit_selected(self) -> None:
        chosen, item = self.selected(), self.tree.currentItem()
        if chosen is None or item is None:
            return
        kind, area_id = chosen
        year = self.year.value()
        name = item.text(0) if kind == "community" else self._street_name(area_id)
        population = int(item.text(2).replace(",", "") or 0) if kind == "community" else None
        form = AreaForm(translate("Areas", "Edit {name}").format(name=name), self, code=False, name=name,
                        population=population,
                        population_label=translate("Areas", "Residents in {year}").format(year=year))
        if not self._ask(form):
            return
        actor, new_name, people = self.ctx.actor, form.name.text(), form.population.value()

        def change() -> Changes:
            changes = ops.update_area(actor, kind, area_id, name=new_name)
            if kind == "community" and people != population:
                changes = ops.set_population(actor, area_id, year, people)
            return changes
        self._run(change, translate("Areas", "Saved."))

    def _street_name(self, street_id: int) -> str:
        found = [s.name for s in (self.data.streets if self.data else ()) if s.id == street_id]
        return found[0] if found else ""

    @Slot()
    def make_office(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[0] != "street":
            return
        actor, street = self.ctx.actor, chosen[1]
        self._run(lambda: ops.set_office_street(actor, street),
                  translate("Areas", "This office's street is now {name}: certificates name it as issuer.").format(
                      name=self._street_name(street)))
