"""Logging in, what each role may press, and the administrators' account management."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.ui import PASSWORD
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton


def close_next_message_box(seen: list[str]) -> None:
    """Answer the next modal message box (recording its text) once it appears."""
    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close)
    QTimer.singleShot(20, close)


def test_login_dialog_shows_the_chinese_reason_and_then_logs_in(running_as: Any, qtbot: Any) -> None:
    from ui.dialogs.login import LoginDialog

    r = running_as("管理员")
    dialog = LoginDialog(r.worker)
    qtbot.addWidget(dialog)
    dialog.name.setText("办事员")
    dialog.password.setText("wrong-password")
    dialog.try_login()
    qtbot.waitUntil(lambda: "不正确" in dialog.message.text())
    assert dialog.message.text() == "用户名或密码不正确。"  # the same as for a name with no account
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert (dialog.account, dialog.role) == ("办事员", "clerk")


def test_admin_only_login_refuses_a_clerk(running_as: Any, qtbot: Any) -> None:
    from ui.dialogs.login import LoginDialog

    r = running_as("管理员")
    dialog = LoginDialog(r.worker, admin_only=True)
    qtbot.addWidget(dialog)
    dialog.name.setText("办事员")
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    qtbot.waitUntil(lambda: "管理员" in dialog.message.text() or "administrator" in dialog.message.text())
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_viewer_sees_every_changing_action_disabled(running_as: Any) -> None:
    r = running_as("查看员")
    assert r.ctx.role == "viewer"
    assert "查看员" in r.window.where.text()
    for key in ("volunteers", "social_workers", "organizations", "trainings", "hours"):
        section = r.section(key)
        for name in ("new", "edit", "deactivate", "approve", "correct", "activity_hours", "attendance",
                     "inspection", "certificate", "record_hours"):
            for b in section.findChildren(QPushButton, name):
                assert not b.isEnabled(), f"{key}/{name} is enabled for a viewer"
    assert not r.section("import").preview_button.isEnabled()
    assert not r.window.accounts_action.isVisible()
    assert not r.window.sections["volunteers"].reveal_button.isVisible()


def test_the_core_refuses_anyway_and_the_message_is_shown(running_as: Any, qtbot: Any) -> None:
    from registry import ops

    r = running_as("查看员")
    section = r.section("volunteers")
    seen: list[str] = []
    close_next_message_box(seen)
    r.ctx.run_op(section, lambda: ops.deactivate_volunteer("查看员", 1, "测试"))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "查看员账号不能进行此操作" in seen[0]


def test_a_clerk_works_but_has_no_account_management(running_as: Any) -> None:
    r = running_as("办事员")
    section = r.section("volunteers")
    assert section.findChild(QPushButton, "new").isEnabled()
    assert not r.window.accounts_action.isVisible()
    assert not section.reveal_button.isVisible()
    assert not r.section("social_workers").extend_button.isVisibleTo(r.window)


def test_an_administrator_adds_disables_and_resets_accounts(running_as: Any, qtbot: Any,
                                                           monkeypatch: Any) -> None:
    from registry.ops.accounts import authenticate
    from registry.storage.models import Account
    from ui.dialogs.accounts import AccountsDialog, PasswordDialog

    r = running_as("管理员")
    assert r.window.accounts_action.isVisible()
    dialog = AccountsDialog(r.ctx, r.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)

    def fill(self: PasswordDialog) -> int:
        self.name.setText("李四")
        self.role.setCurrentIndex(self.role.findData("clerk"))
        self.password.setText("new-password-1")
        self.again.setText("new-password-1")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(PasswordDialog, "exec", fill)
    dialog.add()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    assert r.query(lambda: authenticate("李四", "new-password-1").role) == "clerk"

    dialog.table.selectRow([dialog.table.item(i, 0).text() for i in range(4)].index("李四"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.disable()
    r.idle()
    assert r.query(lambda: Account.get(Account.name == "李四").active) is False

    dialog.table.selectRow([dialog.table.item(i, 0).text() for i in range(4)].index("李四"))
    dialog.reset()  # the same filled-in dialog gives the new password; resetting re-enables
    r.idle()
    assert r.query(lambda: Account.get(Account.name == "李四").active) is True


def test_an_administrator_changes_the_name_an_account_prints_as_handler(running_as: Any, qtbot: Any,
                                                                        monkeypatch: Any) -> None:
    from registry.queries.certificates import handler_name
    from ui.dialogs.accounts import AccountsDialog, NameDialog

    r = running_as("管理员")
    dialog = AccountsDialog(r.ctx, r.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert dialog.table.horizontalHeaderItem(1).text() == "姓名"
    row = [dialog.table.item(i, 0).text() for i in range(3)].index("办事员")
    dialog.table.selectRow(row)
    before = r.query(lambda: handler_name("办事员"))
    shown: list[str] = []

    def fill(self: NameDialog) -> int:
        shown.append(self.display_name.text())  # what the account prints now
        self.display_name.setText("刘晓燕")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(NameDialog, "exec", fill)
    dialog.findChild(QPushButton, "rename_account").click()
    qtbot.waitUntil(lambda: dialog.table.item(row, 1).text() == "刘晓燕", timeout=5000)
    assert shown == [before], "the form starts from the name the account has"
    assert r.query(lambda: handler_name("办事员")) == "刘晓燕"


def test_a_clerk_changes_their_own_password(running_as: Any, qtbot: Any, monkeypatch: Any) -> None:
    from registry.ops.accounts import authenticate
    from registry.rules.permissions import LoginFailed
    from ui.dialogs.accounts import PasswordDialog

    r = running_as("办事员")
    assert r.window.password_action.isVisible() and not r.window.accounts_action.isVisible()
    answers = iter([PASSWORD, "wrong-password"])

    def fill(self: PasswordDialog) -> int:
        assert self.current.isVisibleTo(self) and not self.name.isVisibleTo(self)
        self.current.setText(next(answers))
        self.password.setText("my-new-password")
        self.again.setText("my-new-password")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(PasswordDialog, "exec", fill)
    seen: list[str] = []
    close_next_message_box(seen)
    r.window.password_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "密码已修改" in seen[0]
    assert r.query(lambda: authenticate("办事员", "my-new-password").name) == "办事员"
    with pytest.raises(LoginFailed):
        r.query(lambda: authenticate("办事员", PASSWORD))

    close_next_message_box(seen)  # the second try gives a wrong current password
    r.window.password_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert "当前密码不正确" in seen[1]
    assert r.query(lambda: authenticate("办事员", "my-new-password").name) == "办事员"


def test_switching_user_changes_what_may_be_done_and_hides_shown_numbers(
        running_as: Any, qtbot: Any, monkeypatch: Any) -> None:
    from registry.storage.models import Volunteer

    r = running_as("管理员")
    section = r.section("volunteers")
    section.view.selectRow(0)
    qtbot.waitUntil(lambda: section.current_key is not None)
    qtbot.waitUntil(lambda: not section._detail_timer.isActive())
    r.idle()
    key = section.current_key
    number = r.query(lambda: Volunteer.get_by_id(key).person.id_number)
    section.reveal_button.click()
    qtbot.waitUntil(lambda: number in section.detail.toPlainText())

    monkeypatch.setattr("ui.dialogs.login.ask_login", lambda *a, **k: None)
    r.window.switch_user_action.trigger()  # cancelled: nothing changes
    assert (r.ctx.actor, r.ctx.role) == ("管理员", "admin")

    monkeypatch.setattr("ui.dialogs.login.ask_login", lambda *a, **k: ("办事员", "clerk"))
    r.window.switch_user_action.trigger()
    qtbot.waitUntil(lambda: r.ctx.role == "clerk")
    r.idle()
    assert r.ctx.actor == "办事员" and "办事员" in r.window.where.text()
    assert not r.window.accounts_action.isVisible() and not section.reveal_button.isVisible()
    qtbot.waitUntil(lambda: number not in section.detail.toPlainText())


def test_without_accounts_there_is_no_password_or_user_to_switch(running: Any) -> None:
    assert running.ctx.role is None
    assert not running.window.password_action.isVisible()
    assert not running.window.switch_user_action.isVisible()
