"""The people an activity's hours go to: one row each, with what tells namesakes apart
(sex, birth year, community, the masked ID number) in columns side by side.

A pasted line naming exactly one active volunteer is ticked. A line naming several (four
张冬霞) is a group of unticked rows under a line that says so: the clerk ticks the one who
took part, or nobody gets hours by mistake (approved hours cannot be edited)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from registry.queries.choices import Choice, Namesakes
from ui.runtime.i18n import translate

VALUE = Qt.ItemDataRole.UserRole
GROUP = Qt.ItemDataRole.UserRole + 1  # on a group's line: the text pasted
GROUP_BACKGROUND = QColor("#fff4d6")


class AttendeeList(QTreeWidget):
    ticked_changed = Signal(int)  # how many people are ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendees")
        self.setColumnCount(5)
        self.setHeaderLabels([translate("Attendees", "Name"), translate("Attendees", "Sex"),
                              translate("Attendees", "Born"), translate("Attendees", "Community"),
                              translate("Attendees", "ID number")])
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.setRootIsDecorated(False)
        self.setIndentation(16)
        self.setUniformRowHeights(True)
        self.itemChanged.connect(self._changed)

    # --- filling --------------------------------------------------------------------------

    def add_found(self, choices: tuple[Choice, ...]) -> None:
        """People named without doubt: ticked (an unticked row of theirs is ticked)."""
        for choice in choices:
            existing = self.item_for(choice.value)
            if existing is not None:
                existing.setCheckState(0, Qt.CheckState.Checked)
            else:
                self.addTopLevelItem(self._person(choice, Qt.CheckState.Checked))

    def add_namesakes(self, group: Namesakes) -> None:
        """A line naming several people: they are listed unticked under a line that says so."""
        new = [c for c in group.candidates if self.item_for(c.value) is None]
        if not new:
            return
        head = QTreeWidgetItem([self._group_text(group)])
        head.setData(0, GROUP, group.text)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        head.setBackground(0, QBrush(GROUP_BACKGROUND))
        head.setToolTip(0, head.text(0))
        self.addTopLevelItem(head)
        head.setFirstColumnSpanned(True)
        for choice in new:
            head.addChild(self._person(choice, Qt.CheckState.Unchecked))
        head.setExpanded(True)

    @staticmethod
    def _group_text(group: Namesakes) -> str:
        count = len(group.candidates)
        if group.exact:
            text = translate("Attendees", "“{name}” is {count} volunteers: tick the one who took part").format(
                name=group.text, count=count)
        else:
            text = translate("Attendees", "Nobody is named “{name}”; {count} names contain it: tick "
                             "the one who took part").format(name=group.text, count=count)
        if group.more:
            text += translate("Attendees", " (only the first {count} are listed: paste the ID number "
                              "instead)").format(count=count)
        return text

    @staticmethod
    def _person(choice: Choice, state: Qt.CheckState) -> QTreeWidgetItem:
        who = choice.who
        cells = [who.name, who.sex, who.born, who.community, who.id_number] if who else [choice.label]
        item = QTreeWidgetItem(cells)
        item.setData(0, VALUE, choice.value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, state)
        item.setToolTip(0, choice.label)
        return item

    # --- reading --------------------------------------------------------------------------

    def _top(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is not None:
                yield top

    @staticmethod
    def _children(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
        for j in range(item.childCount()):
            child = item.child(j)
            if child is not None:
                yield child

    def people(self) -> Iterator[QTreeWidgetItem]:
        for top in self._top():
            if top.data(0, GROUP) is None:
                yield top
            yield from self._children(top)

    def item_for(self, value: int) -> QTreeWidgetItem | None:
        return next((item for item in self.people() if item.data(0, VALUE) == value), None)

    def checked(self) -> list[int]:
        return list(dict.fromkeys(int(item.data(0, VALUE)) for item in self.people()
                                  if item.checkState(0) == Qt.CheckState.Checked))

    def undecided(self) -> list[str]:
        """The pasted names of namesakes none of whom is ticked."""
        return [str(top.data(0, GROUP)) for top in self._top()
                if top.data(0, GROUP) is not None
                and not any(c.checkState(0) == Qt.CheckState.Checked for c in self._children(top))]

    def person_count(self) -> int:
        return sum(1 for _ in self.people())

    @Slot(QTreeWidgetItem, int)
    def _changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.ticked_changed.emit(len(self.checked()))
