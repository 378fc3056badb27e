"""A date field that may also say "any" (不限): the lowest date stands for no date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from ui.runtime.i18n import translate

ANY = QDate(1900, 1, 1)
SEPARATORS = frozenset("-/.")


class OptionalDateEdit(QDateEdit):
    """`value()` is a date or None; `clear_value()` goes back to "any"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(ANY)
        self.setSpecialValueText(translate("Dates", "Any"))
        self.clear_value()

    def value(self) -> dt.date | None:
        day = self.date()
        return None if day == ANY else dt.date(day.year(), day.month(), day.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.clear_value()
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.value() is None:  # opening the calendar on "any" starts from today, not 1900
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Dates typed as a clerk writes them (2027-01-16, 2027/1/6, 20270116). Typed over
        不限 or over the whole text selected, they start at the year (Qt put the digits after
        不限, or into whichever part the cursor was in); a separator typed right after a part
        the field left by itself once full is that step, not one more (Qt skipped the next
        part too); / and . stand for -."""
        typed, line = event.text(), self.lineEdit()
        if typed in SEPARATORS and typed != "-":
            event = QKeyEvent(event.type(), Qt.Key.Key_Minus, event.modifiers(), "-")
        if typed.isdigit() and (self.value() is None or line.selectedText() == line.text()):
            if self.value() is None:
                self.setDate(QDate.currentDate())
            self.setSelectedSection(self.sectionAt(0))
        elif typed in SEPARATORS and line.hasSelectedText() and line.selectionStart() > 0 \
                and line.text()[line.selectionStart() - 1] in SEPARATORS:
            event.accept()
            return
        super().keyPressEvent(event)

    def clear_value(self) -> None:
        self.setDate(ANY)
        today = QDate.currentDate()  # the calendar opens on this month, not on 1900
        self.calendarWidget().setCurrentPage(today.year(), today.month())
