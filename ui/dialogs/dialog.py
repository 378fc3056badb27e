"""A record dialog: a form, Save (Ctrl+S) and Cancel (Esc); saving runs an operation on
the worker and shows its problems beside the fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from registry.ops import Changes, DuplicatePersonError, ValidationError
from ui.dialogs.form import Form
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate


class RecordDialog(QDialog):
    """Subclasses fill `self.form` and implement operation()."""

    saved = Signal(object)  # Changes

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.resize(720, 620)
        self.form = Form()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("banner")
        self.banner.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("Forms", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        self.form.validity_changed.connect(self._validity)
        self.busy = False
        self.last_changes: Changes | None = None

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _validity(self, valid: bool) -> None:
        self.save_button.setEnabled(valid and not self.busy)

    def show_banner(self, text: str, style: str = "color: #b00020;") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(text))

    def operation(self) -> Callable[[], Changes]:
        raise NotImplementedError

    def save(self) -> None:
        if self.busy or not self.form.is_valid():
            return
        op = self.operation()
        self.busy = True
        self.save_button.setEnabled(False)
        self.show_banner("")
        self.ctx.run_op(self, op, self._saved, self._failed)

    def _saved(self, changes: Changes) -> None:
        self.busy = False
        self.last_changes = changes
        self.saved.emit(changes)
        if changes.warnings:
            QMessageBox.information(self, translate("Forms", "Saved with reminders"),
                                    "\n".join(p.message for p in changes.warnings))
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self.busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            stray = self.form.show_problems(error.problems)
            self.show_banner("\n".join(p.message for p in stray if p.is_error)
                             or translate("Forms", "Please correct the fields marked in red."))
            return True
        if isinstance(error, DuplicatePersonError):
            self.duplicate_person(error.person_id, str(error))
            return True
        self.show_banner(error_text(error))
        return True

    def duplicate_person(self, person_id: int, text: str) -> None:
        """The ID number belongs to someone already registered: open them instead."""
        self.show_banner(text)
        self.ctx.hub.open_person.emit(person_id)
        super().reject()

    def reject(self) -> None:
        """取消, Esc or the window's close: a form the user filled in is not thrown away
        without asking (a form never shown has nothing of the user's to lose)."""
        if self.isVisible() and self.form.edited and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("Forms", "Discard your changes?"),
                          translate("Forms", "What you typed in this form has not been saved. "
                                    "Discard it and close the form?"), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirm_discard")
        discard = box.addButton(translate("Forms", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("Forms", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    """保存 (accepts) and 取消 (rejects) for a small dialog of a field or two."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("Forms", "Save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


__all__ = ["Qt", "RecordDialog", "save_cancel"]
