"""账号管理 (administrators): the accounts of the register; add, disable, reset a password,
change the own name an account prints as 经办人. And 修改密码, which anyone logged in may do
for their own account."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry.ops.accounts import (
    add_account,
    change_own_password,
    disable_account,
    reset_password,
    set_display_name,
)
from registry.queries.accounts import AccountLine, account_lines
from ui.dialogs.dialog import save_cancel
from ui.models.lists import date_text
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.runtime.icons import icon


class PasswordDialog(QDialog):
    """A new account (name, role, password), a new password for one, or (with `current`)
    one's own new password after the current one."""

    def __init__(self, title: str, parent: QWidget | None = None, *, new_account: bool = True,
                 current: bool = False) -> None:
        from registry.rules.permissions import ROLE_LABELS, ROLES

        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("account_name")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("account_display_name")
        self.display_name.setPlaceholderText(translate("Accounts", "e.g. 张敏"))
        self.role = QComboBox()
        self.role.setObjectName("account_role")
        for role in ROLES:
            self.role.addItem(ROLE_LABELS[role], role)
        self.role.setCurrentIndex(ROLES.index("clerk"))
        self.password = QLineEdit()
        self.password.setObjectName("account_password")
        self.again = QLineEdit()
        self.again.setObjectName("account_again")
        self.current = QLineEdit()
        self.current.setObjectName("account_current")
        for edit in (self.password, self.again, self.current):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if new_account:
            form.addRow(translate("Accounts", "User name"), self.name)
            form.addRow(translate("Accounts", "Name (printed as handler)"), self.display_name)
            form.addRow(translate("Accounts", "Role"), self.role)
        if current:
            form.addRow(translate("Accounts", "Current password"), self.current)
        form.addRow(translate("Accounts", "Password (at least 8 characters)"), self.password)
        form.addRow(translate("Accounts", "Password again"), self.again)
        self.message = QLabel()
        self.message.setObjectName("account_message")
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def check(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(translate("Accounts", "The two passwords differ."))
            return
        self.accept()


class NameDialog(QDialog):
    """The own name of one account: what certificates it issues print as 经办人."""

    def __init__(self, account: AccountLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Accounts", "Name of {name}").format(name=account.name))
        self.setMinimumWidth(380)
        note = QLabel(translate("Accounts", "The person's own name, printed as the handler on the certificates "
                                "this account issues from now on. The user name to log in with stays "
                                "“{name}”.").format(name=account.name))
        note.setWordWrap(True)
        self.display_name = QLineEdit(account.display_name)
        self.display_name.setObjectName("account_display_name")
        self.display_name.selectAll()
        form = QFormLayout()
        form.addRow(translate("Accounts", "Name (printed as handler)"), self.display_name)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self))


class AccountsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("Accounts", "Accounts"))
        self.resize(640, 400)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([
            translate("Accounts", "User name"), translate("Accounts", "Name"), translate("Accounts", "Role"),
            translate("Accounts", "State"), translate("Accounts", "Last login")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((120, 100, 80, 80)):
            self.table.setColumnWidth(col, width)
        row = QHBoxLayout()
        for name, text, slot, icon_name in (
                ("add_account", translate("Accounts", "Add account…"), self.add, "new"),
                ("rename_account", translate("Accounts", "Change name…"), self.rename, "edit"),
                ("disable_account", translate("Accounts", "Disable"), self.disable, "deactivate"),
                ("reset_password", translate("Accounts", "Reset password…"), self.reset, "edit")):
            b = QPushButton(icon(icon_name), text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(translate("Accounts", "Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.accounts: tuple[AccountLine, ...] = ()
        self.reload()

    def reload(self) -> None:
        self.ctx.worker.call(account_lines, on_done=self._show)

    def _show(self, accounts: tuple[AccountLine, ...]) -> None:
        from registry.rules.permissions import ROLE_LABELS

        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for i, a in enumerate(accounts):
            state = (translate("Accounts", "disabled") if not a.active
                     else translate("Accounts", "locked") if a.locked else translate("Accounts", "active"))
            for c, text in enumerate((a.name, a.display_name, ROLE_LABELS.get(a.role, a.role), state,
                                      date_text(a.last_login))):
                self.table.setItem(i, c, QTableWidgetItem(text))

    def selected(self) -> AccountLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def selected_name(self) -> str | None:
        account = self.selected()
        return account.name if account is not None else None

    def _run(self, fn: Any) -> None:
        self.ctx.run_op(self, fn, on_done=lambda _c: self.reload())

    def add(self) -> None:
        dialog = PasswordDialog(translate("Accounts", "Add account"), self)
        if dialog.exec():
            actor, name, role, password = (self.ctx.actor, dialog.name.text().strip(),
                                           dialog.role.currentData(), dialog.password.text())
            own = dialog.display_name.text().strip()
            self._run(lambda: add_account(actor, name, role, password, display_name=own))

    def rename(self) -> None:
        account, actor = self.selected(), self.ctx.actor
        if account is None:
            return
        dialog = NameDialog(account, self)
        if dialog.exec():
            own = dialog.display_name.text()
            self._run(lambda: set_display_name(actor, account.name, own))

    def disable(self) -> None:
        name, actor = self.selected_name(), self.ctx.actor
        if name and QMessageBox.question(
                self, translate("Accounts", "Disable account"),
                translate("Accounts", "Disable the account “{name}”? It can no longer log in; its "
                          "entries in the log stay.").format(name=name)) == QMessageBox.StandardButton.Yes:
            self._run(lambda: disable_account(actor, name))

    def reset(self) -> None:
        name, actor = self.selected_name(), self.ctx.actor
        if not name:
            return
        dialog = PasswordDialog(translate("Accounts", "New password for {name}").format(name=name), self,
                                new_account=False)
        if dialog.exec():
            password = dialog.password.text()
            self._run(lambda: reset_password(actor, name, password))


def change_my_password(ctx: AppContext, parent: QWidget) -> None:
    """Ask for the current and the new password; the core checks the current one (a wrong
    one counts towards the account's lock) and says why it refused."""
    dialog = PasswordDialog(translate("Accounts", "Change my password ({name})").format(name=ctx.actor),
                            parent, new_account=False, current=True)
    if not dialog.exec():
        return
    actor, current, new = ctx.actor, dialog.current.text(), dialog.password.text()
    ctx.run_op(parent, lambda: change_own_password(actor, current, new),
               on_done=lambda _changes: QMessageBox.information(
                   parent, translate("Accounts", "Change my password"),
                   translate("Accounts", "Your password has been changed. Use the new one from "
                                         "the next login.")))
