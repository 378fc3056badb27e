"""Logging in to a register that has accounts: user name and password, checked by the core
on the worker (it counts failures and locks the account after five)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.runtime import settings
from ui.runtime.context import error_text
from ui.runtime.i18n import translate
from ui.runtime.worker import Worker


def check_login(name: str, password: str) -> tuple[str, str]:
    """On the worker: (account name, role), or LoginFailed with a Chinese message."""
    from registry.ops.accounts import authenticate

    account = authenticate(name, password)
    return str(account.name), str(account.role)


class LoginDialog(QDialog):
    """On success `account` and `role` hold who logged in."""

    def __init__(self, worker: Worker, parent: QWidget | None = None, *, admin_only: bool = False,
                 note: str = "") -> None:
        super().__init__(parent)
        self.worker, self.admin_only = worker, admin_only
        self.account = ""
        self.role = ""
        self.busy = False
        self.setWindowTitle(translate("Login", "Log in — Street Office Registry"))
        self.setMinimumWidth(380)
        intro = QLabel(note or translate("Login", "This register is protected by accounts. "
                                         "Please log in."))
        intro.setWordWrap(True)
        self.name = QLineEdit(str(settings.settings().value("login/last_user", "")))
        self.name.setObjectName("login_name")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(translate("Login", "User name"), self.name)
        form.addRow(translate("Login", "Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Login", "Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Login", "Cancel"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if self.name.text() else self.name).setFocus()

    def try_login(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if self.busy:
            return
        if not name or not password:
            self.message.setText(translate("Login", "Please enter the user name and the password."))
            return
        self.busy = True
        self.message.setText(translate("Login", "Checking…"))
        self.worker.call(check_login, name, password, on_done=self._done, on_error=self._failed)

    def _done(self, result: tuple[str, str]) -> None:
        self.busy = False
        self.account, self.role = result
        if self.admin_only and self.role != "admin":
            self.message.setText(translate("Login", "This needs an administrator's account."))
            self.password.clear()
            return
        settings.settings().setValue("login/last_user", self.account)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from registry.rules.permissions import LoginFailed

        self.busy = False
        self.message.setText(str(error) if isinstance(error, LoginFailed) else error_text(error))
        self.password.clear()
        self.password.setFocus()


def ask_login(worker: Worker, parent: Any = None, **kwargs: Any) -> tuple[str, str] | None:
    """Show the login dialog; (account, role), or None when the clerk cancelled."""
    dialog = LoginDialog(worker, parent, **kwargs)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.account, dialog.role
