"""The passphrase of an encrypted backup: set (typed twice, long enough) when exporting one,
asked for when restoring one."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.runtime.i18n import translate


class PassphraseDialog(QDialog):
    def __init__(self, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(translate("Backups", "Passphrase of the encrypted backup"))
        self.note = QLabel(translate(
            "Backups", "Choose a passphrase of at least 10 characters, for example a sentence no one would "
            "guess. Keep it apart from the file (not on the same USB stick): without it no one, not even "
            "this program, can restore the backup.") if new else translate(
            "Backups", "This backup is encrypted. Type the passphrase it was exported with."))
        self.note.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.second = QLineEdit()
        self.second.setObjectName("passphrase_again")
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Backups", "Passphrase"), self.first)
        if new:
            form.addRow(translate("Backups", "Once more"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def passphrase(self) -> str:
        return self.first.text()

    @Slot()
    def check(self) -> None:
        from registry.storage.sealing import passphrase_problem

        problem = None
        if not self.passphrase():
            problem = translate("Backups", "Type the passphrase.")
        elif self.new:
            problem = passphrase_problem(self.passphrase())
            if problem is None and self.second.text() != self.passphrase():
                problem = translate("Backups", "The two passphrases differ. Type them again.")
        if problem is not None:
            self.problem.setText(problem)
            return
        self.accept()


def ask_passphrase(parent: QWidget | None, *, new: bool) -> str | None:
    dialog = PassphraseDialog(new, parent)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
