"""A long list to choose from (activities, trainings) that one can type into: the list opens
on a click anywhere in the box, not only on the arrow (the arrow opens it as always);
what is typed filters it by any part
of an item ("清洁" finds "2025-09-13 社区清洁"); leaving the box with text that names no
item puts the chosen item back, so the box never shows one thing and means another."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class ChoiceBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_searchable(self)


def make_searchable(combo: QComboBox) -> QComboBox:
    """Make `combo` editable, filtered by any part of an item, opening on a click."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCompletionColumn(combo.modelColumn())
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    line = combo.lineEdit()
    if line is not None:
        line.installEventFilter(_OpenOnClick(combo))
    combo.setProperty("searchable", True)
    return combo


class _OpenOnClick(QObject):
    """On the box's text: a click shows the whole list with the text selected, so typing
    replaces it and filters the list; leaving the box restores the choice."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self.combo.isEnabled() and self.combo.count():
            QTimer.singleShot(0, self.open)  # after the press has placed the cursor
        elif kind == QEvent.Type.FocusOut:
            self._restore()
        return False

    def open(self) -> None:
        line, completer = self.combo.lineEdit(), self.combo.completer()
        if line is None or completer is None:
            return
        line.selectAll()
        completer.setCompletionPrefix("")  # the whole list, whatever the box shows now
        completer.complete()

    def _restore(self) -> None:
        combo = self.combo
        found = combo.findText(combo.currentText(), Qt.MatchFlag.MatchExactly)
        if found >= 0:
            if found != combo.currentIndex():
                combo.setCurrentIndex(found)
        else:
            combo.setEditText(combo.itemText(combo.currentIndex()) if combo.currentIndex() >= 0 else "")
