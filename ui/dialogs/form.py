"""A form: labelled fields, each with a message beside it, checked while typing.

Checks that need no database (ID number, phone, dates, USCC) run on every keystroke on
the GUI thread; they are pure functions of registry/. The operation validates again
when saving, and its problems are shown beside the fields they belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from registry.rules.problems import Problem
from registry.texts import shown

Check = Callable[[str], list[Problem]]
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #a15c00;"
INFO_STYLE = "color: #2c5d8f;"


@dataclass
class Field:
    key: str
    widget: QWidget
    message: QLabel
    check: Check | None = None
    problems: tuple[Problem, ...] = ()


class Form(QWidget):
    """Fields in a QFormLayout; `values()` gives what an operation takes."""

    validity_changed = Signal(bool)  # True when no field has an error

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, Field] = {}
        self.edited = False  # the user typed, chose or ticked something (not the program)

    def _mark_edited(self, *_args: Any) -> None:
        self.edited = True

    def _watch(self, widget: QWidget) -> None:
        """Notice the user's own edits only: these signals are not sent for values the
        program sets (a record loaded, a default filled in)."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._mark_edited)
        elif isinstance(widget, QPlainTextEdit):  # no signal of its own for the user's typing
            widget.textChanged.connect(lambda w=widget: self._mark_edited() if w.hasFocus() else None)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self._mark_edited)
            # typed into an editable list (made editable now or later)
            widget.editTextChanged.connect(
                lambda _text, w=widget: self._mark_edited() if w.hasFocus() else None)
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(self._mark_edited)

    # --- building ---------------------------------------------------------------------

    def _add(self, key: str, label: str, widget: QWidget, check: Check | None = None) -> QWidget:
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName(f"message_{key}")
        message.hide()
        widget.setObjectName(key)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget, 3)
        box.addWidget(message, 2)
        self.layout_.addRow(label, row)
        self.fields[key] = Field(key, widget, message, check)
        self._watch(widget)
        return widget

    def add_text(self, key: str, label: str, check: Check | None = None,
                 placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._add(key, label, edit, check)
        if check is not None:
            edit.textChanged.connect(lambda _text, k=key: self.recheck(k))
        return edit

    def add_multiline(self, key: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(60)
        self._add(key, label, edit)
        return edit

    def add_choice(self, key: str, label: str, choices: Iterable[tuple[Any, str]],
                   empty: str | None = "") -> QComboBox:
        combo = QComboBox()
        if empty is not None:
            combo.addItem(empty, None)
        for value, text in choices:
            combo.addItem(text, value)
        self._add(key, label, combo)
        return combo

    def add_check(self, key: str, label: str) -> QCheckBox:
        box = QCheckBox()
        self._add(key, label, box)
        return box

    def add_info(self, key: str, label: str) -> QLabel:
        info = QLabel()
        info.setStyleSheet(INFO_STYLE)
        self._add(key, label, info)
        return info

    # --- values -------------------------------------------------------------------------

    def value(self, key: str) -> Any:
        widget = self.fields[key].widget
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return data if data is not None or not widget.isEditable() else widget.currentText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return None

    def values(self, keys: Sequence[str] | None = None) -> dict[str, Any]:
        return {k: self.value(k) for k in (keys or self.fields)
                if not isinstance(self.fields[k].widget, QLabel)}

    def set_value(self, key: str, value: Any) -> None:
        widget = self.fields[key].widget
        if isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and value not in (None, ""):
                index = widget.findText(str(value))
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QLabel):
            widget.setText("" if value is None else str(value))

    def set_values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key in self.fields:
                self.set_value(key, value)

    # --- problems -----------------------------------------------------------------------

    def recheck(self, key: str) -> None:
        field = self.fields[key]
        if field.check is None:
            return
        text = self.value(key)
        self.set_problems(key, field.check(text) if text else [])

    def set_problems(self, key: str, problems: Iterable[Problem]) -> None:
        field = self.fields[key]
        field.problems = tuple(problems)
        errors = [p.message for p in field.problems if p.is_error]
        warnings = [p.message for p in field.problems if not p.is_error]
        if errors:
            field.message.setText("✖ " + "；".join(errors))
            field.message.setStyleSheet(ERROR_STYLE)
        elif warnings:
            field.message.setText("⚠ " + "；".join(warnings))
            field.message.setStyleSheet(WARNING_STYLE)
        field.message.setVisible(bool(errors or warnings))
        self.validity_changed.emit(self.is_valid())

    def show_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Put each problem beside its field; returns those that belong to no field."""
        by_field: dict[str, list[Problem]] = {}
        stray: list[Problem] = []
        for problem in problems:
            if problem.field in self.fields:
                by_field.setdefault(problem.field, []).append(problem)
            else:
                stray.append(problem)
        for key, found in by_field.items():
            self.set_problems(key, found)
        return stray

    def clear_problems(self) -> None:
        for key in self.fields:
            if self.fields[key].problems:
                self.set_problems(key, [])

    def is_valid(self) -> bool:
        return not any(p.is_error for f in self.fields.values() for p in f.problems)

    def message(self, key: str) -> str:
        return self.fields[key].message.text()


def choices(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(shown(v), v) for v in values]


__all__ = ["Field", "Form", "Qt", "choices"]
