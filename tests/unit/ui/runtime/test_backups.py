"""Backups: automatic while data changes and at close, before imports, by hand; restore by
an administrator after a confirmation; a damaged register restored at start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from registry.ops import Changes


def backups_of(path: Path) -> list[str]:
    folder = path.parent / "backups"
    return sorted(p.name for p in folder.glob("registry-*.sqlite3.zst")) if folder.is_dir() else []


def test_automatic_backup_only_after_changes_and_every_30_minutes(running: Any, demo_path: Path) -> None:
    auto = running.window.backups
    now = dt.datetime.now()
    assert not auto.check(now + dt.timedelta(hours=1))  # nothing changed
    running.ctx.hub.changed.emit(Changes(frozenset({"volunteer"})))
    assert not auto.check(now + dt.timedelta(minutes=5))  # changed, but the last is recent
    assert auto.check(now + dt.timedelta(minutes=31))
    running.idle()
    assert [n for n in backups_of(demo_path) if n.endswith("-auto.sqlite3.zst")]
    assert not auto.changed and not auto.check(now + dt.timedelta(hours=2))


def test_closing_backs_up_when_data_changed(running: Any, demo_path: Path) -> None:
    running.ctx.hub.changed.emit(Changes(frozenset({"person"})))
    running.window.close()
    assert [n for n in backups_of(demo_path) if n.endswith("-close.sqlite3.zst")]


def test_backup_page_lists_backs_up_and_restores_after_confirming(running: Any, qtbot: Any,
                                                                  demo_path: Path, monkeypatch: Any) -> None:
    from registry.ops import update_person
    from registry.storage.models import Person
    from ui.dialogs.backups import BackupDialog

    dialog = BackupDialog(running.ctx, running.window.backups, running.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "registry.sqlite3" in dialog.info.text())
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "手动"
    name = running.query(lambda: Person.get_by_id(1).name)
    running.query(lambda: update_person("测试员", 1, {"name": "改过的名字"}))

    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "warning", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert str(demo_path) in asked[0] and "全部数据" in asked[0]
    assert running.query(lambda: Person.get_by_id(1).name) == name
    assert any(n.endswith("-before-restore.sqlite3.zst") for n in backups_of(demo_path))


def test_an_encrypted_export_is_restored_from_its_file_with_its_passphrase(running: Any, qtbot: Any, demo_path: Path,
                                                                        tmp_path: Path, monkeypatch: Any) -> None:
    """导出加密备份 to a USB stick, then 从文件恢复 from it: the passphrase set twice, asked once."""
    import nacl.pwhash.argon2id as argon2id
    from PySide6.QtWidgets import QFileDialog

    from registry.ops import update_person
    from registry.storage import sealing
    from registry.storage.models import Person
    from ui.dialogs import passphrase
    from ui.dialogs.backups import BackupDialog

    monkeypatch.setattr(sealing, "OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(sealing, "MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)
    usb = tmp_path / "U盘" / "导出.enc"
    usb.parent.mkdir()
    dialog = BackupDialog(running.ctx, running.window.backups, running.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "registry.sqlite3" in dialog.info.text())
    typed: list[tuple[str, str]] = [("短", "短"), ("街道的备份口令 2026", "街道的备份口令 2025"),
                                    ("街道的备份口令 2026", "街道的备份口令 2026")]
    problems: list[str] = []

    def type_passphrase(self: Any) -> int:  # the clerk types, presses OK, reads what is wrong, types again
        for first, second in typed:
            self.first.setText(first)
            self.second.setText(second)
            self.check()
            if self.result() == 1:
                typed.clear()
                return 1
            problems.append(self.problem.text())
        return 0
    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", type_passphrase)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(usb), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: usb.is_file() and dialog.export_button.isEnabled(), timeout=20_000)
    assert "10" in problems[0] and "不一致" in problems[1]
    name = running.query(lambda: Person.get_by_id(1).name)
    running.query(lambda: update_person("测试员", 1, {"name": "改过的名字"}))
    typed.append(("街道的备份口令 2026", ""))
    dialog.restore_file_button.click()
    qtbot.waitUntil(lambda: running.query(lambda: Person.get_by_id(1).name) == name, timeout=20_000)
    assert usb.is_file()


def test_restore_is_for_administrators_only(running_as: Any, qtbot: Any) -> None:
    from ui.dialogs.backups import BackupDialog

    r = running_as("办事员")
    dialog = BackupDialog(r.ctx, None, r.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.state))
    assert dialog.backup_button.isEnabled() and not dialog.restore_button.isVisibleTo(dialog)


def test_a_viewer_cannot_back_up_and_is_told_why_if_it_is_reached(running_as: Any, qtbot: Any,
                                                                 monkeypatch: Any) -> None:
    from ui.dialogs.backups import BackupDialog, QMessageBox

    r = running_as("查看员")
    dialog = BackupDialog(r.ctx, None, r.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.state))
    assert not dialog.backup_button.isEnabled() and not dialog.restore_button.isVisibleTo(dialog)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    dialog.backup_now()  # reached anyway (a stale button, a shortcut)
    assert told == ["查看员账号不能进行此操作，需要办事员权限。"] and dialog.task is None


def test_a_postgresql_register_is_backed_up_by_its_server(running: Any, qtbot: Any) -> None:
    from ui.dialogs.backups import BackupDialog

    dialog = BackupDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    running.idle()
    dialog._show({"sqlite": False, "register": "", "folder": None, "backups": []})
    assert "服务器" in dialog.info.text() and not dialog.backup_button.isEnabled()


def test_the_backups_list_says_which_register_each_backup_is_of(running: Any, qtbot: Any,
                                                               tmp_path: Path) -> None:
    from ui.dialogs.backups import BackupDialog

    dialog = BackupDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    running.idle()
    made = dt.datetime(2025, 6, 1, 9, 30)
    own, older = (tmp_path / "朝外街道-20250601-093000-auto.sqlite3",
                  tmp_path / "registry-20250501-093000-close.sqlite3")
    dialog._show({"sqlite": True, "register": str(tmp_path / "朝外街道.sqlite3"), "name": "朝外街道",
                  "folder": tmp_path, "backups": [(made, own, 2048, "朝外街道"), (made, older, 2048, "registry")]})
    header = dialog.table.horizontalHeaderItem(2).text()
    assert header == "所属登记库"
    assert [dialog.table.item(row, 2).text() for row in range(2)] == ["朝外街道", "未注明（旧备份）"]
    assert [dialog.table.item(row, 1).text() for row in range(2)] == ["自动", "关闭程序时"]


def test_import_commits_only_after_a_backup(running: Any, qtbot: Any, demo_path: Path, tmp_path: Path) -> None:
    from registry.importer import write_template

    section = running.section("import")
    sheet = tmp_path / "vol.xlsx"
    running.query(lambda: write_template("volunteers", sheet))
    section.kind.setCurrentIndex(section.kind.findData("volunteers"))
    section.file.setText(str(sheet))
    section.start_preview()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 1, timeout=10_000)
    section.commit()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 2 or "import" in " ".join(backups_of(demo_path)),
                    timeout=10_000)
    running.idle()
    assert any(n.endswith("-import.sqlite3.zst") for n in backups_of(demo_path))


def damage(path: Path) -> None:
    (path.parent / (path.name + ".in-use")).touch()  # as if the last session died
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_a_damaged_register_is_replaced_by_its_latest_good_backup(tmp_path: Path, monkeypatch: Any) -> None:
    from registry import ops
    from registry.ops.backups import record_recovery
    from registry.storage.backup import make_backup
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import AuditEntry, Person
    from ui.app import open_register
    from ui.runtime.worker import Worker

    path = tmp_path / "r.sqlite3"
    open_database(path)
    ops.register_person("clerk", {"id_number": "11010519491231002X", "name": "张三"})
    make_backup("manual")
    close_database()
    damage(path)
    texts: list[str] = []

    def clicked(box: QMessageBox) -> int:
        texts.append(box.text())
        box.clickedButton = lambda: box.buttons()[0]  # "Restore the backup"
        return 0
    monkeypatch.setattr(QMessageBox, "exec", clicked)
    worker = Worker()
    try:
        opened, recovered = open_register(worker, str(path))
        assert opened and recovered is not None and recovered.actor == ""
        assert "校验" in texts[0] or "integrity" in texts[0]
        assert recovered.damaged.exists() and recovered.backup.name in texts[0]
        worker.run_sync(lambda: record_recovery("clerk", recovered.backup, recovered.damaged))
        assert worker.run_sync(lambda: [p.name for p in Person.select()]) == ["张三"]
        assert worker.run_sync(lambda: AuditEntry.select().where(AuditEntry.action == "restore").count()) == 1
    finally:
        worker.run_sync(close_database)
        worker.shutdown()


def test_open_warnings_are_gathered_once(running: Any) -> None:
    """Each warning the checks at open found, once (what is shown of them: test_startup.py)."""
    from registry.storage import lifecycle as db
    from ui.startup import opening_warnings

    running.query(db.open_warnings.clear)
    db.open_warnings.extend(["登记库放在网络共享文件夹上。", "登记库放在网络共享文件夹上。"])
    warnings = running.query(opening_warnings)
    assert warnings == ["登记库放在网络共享文件夹上。"] and db.open_warnings == []
