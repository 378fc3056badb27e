"""Start-up: the bundled district file, logging in before the window, the section it
reopens (the self-test, a real process, is in tests/integration/ui/test_app.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import ROOT

CHAOYANG = ROOT / "packaging" / "districts" / "110105-chaoyang.toml"


def test_the_bundled_district_is_applied_and_its_problems_shown(tmp_path: Path, monkeypatch: Any) -> None:
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Community
    from ui.startup import apply_bundled_district

    open_database(tmp_path / "r.sqlite3")
    try:
        monkeypatch.delenv("STREET_REGISTRY_DISTRICT", raising=False)
        assert apply_bundled_district("clerk") == []  # no file bundled in the source tree
        monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(CHAOYANG))
        assert apply_bundled_district("clerk") == []
        assert Community.select().count() == 7
        assert apply_bundled_district("clerk") == []  # again: only adds, nothing to add
        bad = tmp_path / "bad.toml"
        bad.write_text("[district\n", encoding="utf-8")
        monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(bad))
        problems = apply_bundled_district("clerk")
        assert problems and "bad.toml" in problems[0]
    finally:
        close_database()


def test_with_accounts_the_bundled_district_waits_for_an_administrator(tmp_path: Path, monkeypatch: Any) -> None:
    """Applying it changes the register's settings: a clerk's start leaves it, unsaid; the
    administrator's start applies it, audited."""
    from registry.ops.accounts import add_account
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import AuditEntry, Community
    from ui.startup import apply_bundled_district

    open_database(tmp_path / "r.sqlite3")
    try:
        add_account("installer", "boss", "admin", "correct horse")
        add_account("boss", "li", "clerk", "clerk-password")
        monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(CHAOYANG))
        assert apply_bundled_district("li") == [] and Community.select().count() == 0
        assert apply_bundled_district("boss") == [] and Community.select().count() == 7
        assert AuditEntry.select().where((AuditEntry.action == "apply_district")
                                         & (AuditEntry.actor == "boss")).count() >= 1
    finally:
        close_database()


def test_district_problems_are_shown_not_fatal(running: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.startup import after_show

    after_show(running.window, [], ["区县配置文件“bad.toml”：TOML 格式错误"])
    box = running.window.findChild(QMessageBox, "startup_warnings")
    assert box is not None and "bad.toml" in box.text()
    box.close()


def test_login_comes_first_when_the_register_has_accounts(running_as: Any, monkeypatch: Any) -> None:
    import ui.dialogs.login
    from ui.startup import login

    r = running_as("管理员")
    asked: list[Any] = []
    monkeypatch.setattr(ui.dialogs.login, "ask_login", lambda worker, *a, **k: asked.append(1) or ("办事员", "clerk"))
    assert login(r.worker, "系统用户") == ("办事员", "clerk") and asked


def test_a_register_without_accounts_needs_no_login(running: Any, monkeypatch: Any) -> None:
    import ui.dialogs.login
    from ui.startup import login

    monkeypatch.setattr(ui.dialogs.login, "ask_login", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    assert login(running.worker, "系统用户") == ("系统用户", None)


def test_settings_remember_the_section(running: Any, qtbot: Any) -> None:
    from ui.runtime import settings

    running.window.show_section("stats")
    running.idle()
    running.window.close()
    assert settings.settings().value("main/section") == "stats"
    assert settings.settings().value("geometry/main") is not None


def test_a_storage_notice_goes_to_the_administrator_once_and_never_to_the_status_bar(running_as: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from registry.storage.health import network_share_warning
    from ui.startup import after_show

    notice = network_share_warning(Path("//server/share/registry.sqlite3"))
    assert notice is not None
    r = running_as("管理员")
    after_show(r.window, [notice], [])
    box = r.window.findChild(QMessageBox, "storage_notices")
    assert box is not None and box.isVisible() and notice in box.informativeText()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # before the work, not over it
    assert r.window.statusBar().currentMessage() == ""
    box.close()
    r.qtbot.waitUntil(lambda: r.window.findChild(QMessageBox, "storage_notices") is None)
    after_show(r.window, [notice], [])  # the next start: already read
    assert r.window.findChild(QMessageBox, "storage_notices") is None
    after_show(r.window, [notice, "登记库缺少 2 个索引，已经自动补上。"], [])  # a new one is shown, alone
    box = r.window.findChild(QMessageBox, "storage_notices")
    assert box is not None and box.informativeText() == "登记库缺少 2 个索引，已经自动补上。"
    box.close()


def test_a_clerk_never_sees_storage_notices_they_are_logged(running_as: Any, caplog: Any) -> None:
    import logging

    from PySide6.QtWidgets import QMessageBox

    from registry.storage.health import network_share_warning
    from ui.startup import after_show

    notice = network_share_warning(Path("//server/share/registry.sqlite3"))
    r = running_as("办事员")
    with caplog.at_level(logging.INFO, logger="ui.startup"):
        after_show(r.window, [notice], [])
    assert r.window.findChild(QMessageBox, "storage_notices") is None
    assert r.window.statusBar().currentMessage() == ""
    assert any(notice in rec.getMessage() for rec in caplog.records)
