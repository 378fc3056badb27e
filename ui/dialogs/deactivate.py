"""Asking for confirmation and a reason before a change that needs one (deactivating a
record, merging two): OK stays disabled until the reason is typed."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.runtime.i18n import translate


class ReasonDialog(QDialog):
    """"Deactivate X?" with a required reason. A dialog that asks for more puts its widgets
    between the question and the reason (`insert`) and says when it is complete (`ready`)."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None, *,
                 ok_text: str | None = None, size: tuple[int, int] = (420, 220)) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(*size)
        self._layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        self._reason_label = QLabel(translate("Forms", "Reason (required):"))
        self._layout.addWidget(self._reason_label)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self._layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text or translate("Forms", "Confirm"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self.update_ok)
        self.update_ok()

    def insert(self, widget: QWidget) -> None:
        """Add `widget` above the reason."""
        self._layout.insertWidget(self._layout.indexOf(self._reason_label), widget)

    def ready(self) -> bool:
        return bool(self.text())

    @Slot()
    def update_ok(self) -> None:
        self.ok.setEnabled(self.ready())

    def text(self) -> str:
        return self.reason.toPlainText().strip()
