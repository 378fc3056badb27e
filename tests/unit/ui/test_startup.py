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
        changes, problems = apply_bundled_district("clerk")  # no file bundled in the source tree
        assert changes.nothing_changed and problems == []
        monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(CHAOYANG))
        changes, problems = apply_bundled_district("clerk")
        assert problems == [] and changes.touches({"community", "street"})
        assert Community.select().count() == 7
        changes, problems = apply_bundled_district("clerk")  # again: only adds, nothing to add
        assert changes.nothing_changed and problems == []
        bad = tmp_path / "bad.toml"
        bad.write_text("[district\n", encoding="utf-8")
        monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(bad))
        changes, problems = apply_bundled_district("clerk")
        assert changes.nothing_changed and problems and "bad.toml" in problems[0]
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
        assert apply_bundled_district("li")[1] == [] and Community.select().count() == 0
        assert apply_bundled_district("boss")[1] == [] and Community.select().count() == 7
        assert AuditEntry.select().where((AuditEntry.action == "apply_district")
                                         & (AuditEntry.actor == "boss")).count() >= 1
    finally:
        close_database()


def test_district_problems_are_shown_not_fatal(running: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.startup import after_show

    bad = tmp_path / "bad.toml"
    bad.write_text("[district\n", encoding="utf-8")
    monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(bad))
    after_show(running.window, [])  # checked on the worker, once the window is up
    running.qtbot.waitUntil(lambda: running.window.findChild(QMessageBox, "startup_warnings") is not None)
    box = running.window.findChild(QMessageBox, "startup_warnings")
    assert "bad.toml" in box.text()
    box.close()


def _start(worker: Any, register: Path) -> tuple[Any, list[str]]:
    from ui.app import parse_args, start_window

    started = start_window(worker, parse_args(["--db", str(register), "--exit-after-show"]))
    assert not isinstance(started, int)
    return started


def test_the_window_is_shown_before_the_filters_choices_which_then_reach_it(qtbot: Any, demo_path: Path,
                                                                           monkeypatch: Any) -> None:
    """The first screen (the list, its first rows, its status) does not wait for the
    filter boxes' choices: they are read once the window is shown, behind the first rows."""
    from registry.queries.lookups import communities
    from registry.storage.lifecycle import close_database
    from ui.runtime.worker import Worker
    from ui.startup import after_show

    monkeypatch.delenv("STREET_REGISTRY_DISTRICT", raising=False)
    worker = Worker()
    try:
        window, warnings = _start(worker, demo_path)
        section = window.current_section()
        box = section.filter_boxes["community"]
        assert section.key == "volunteers" and window.isVisible() and box.count() == 1  # "All" alone
        after_show(window, warnings)
        qtbot.waitUntil(lambda: section.is_ready() and worker.pending == 0, timeout=10_000)
        assert section.model.rowCount() > 0 and "行" in window.status_label.text()
        expected = [name for _, name in worker.run_sync(communities)]
        assert expected and [box.itemText(i) for i in range(1, box.count())] == expected
        window.close()
    finally:
        worker.run_sync(close_database)
        worker.shutdown()


def test_the_district_file_is_applied_once_the_window_is_shown(qtbot: Any, tmp_path: Path,
                                                               monkeypatch: Any) -> None:
    """The installer's district file is checked and applied on the worker after the window
    is up; what it adds reaches the open window as any change does."""
    from registry.storage.lifecycle import close_database
    from ui.runtime.worker import Worker
    from ui.startup import after_show

    monkeypatch.setenv("STREET_REGISTRY_DISTRICT", str(CHAOYANG))
    worker = Worker()
    try:
        window, warnings = _start(worker, tmp_path / "new.sqlite3")
        box = window.sections["volunteers"].filter_boxes["community"]
        assert box.count() == 1
        after_show(window, warnings)
        qtbot.waitUntil(lambda: box.count() == 1 + 7 and worker.pending == 0, timeout=10_000)
        assert "永安里社区" in {box.itemText(i) for i in range(box.count())}
        qtbot.waitUntil(lambda: "建外街道" in window.windowTitle(), timeout=5_000)
        window.close()
    finally:
        worker.run_sync(close_database)
        worker.shutdown()


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
    after_show(r.window, [notice])
    box = r.window.findChild(QMessageBox, "storage_notices")
    assert box is not None and box.isVisible() and notice in box.informativeText()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # before the work, not over it
    assert r.window.statusBar().currentMessage() == ""
    box.close()
    r.qtbot.waitUntil(lambda: r.window.findChild(QMessageBox, "storage_notices") is None)
    after_show(r.window, [notice])  # the next start: already read
    assert r.window.findChild(QMessageBox, "storage_notices") is None
    after_show(r.window, [notice, "登记库缺少 2 个索引，已经自动补上。"])  # a new one is shown, alone
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
        after_show(r.window, [notice])
    assert r.window.findChild(QMessageBox, "storage_notices") is None
    assert r.window.statusBar().currentMessage() == ""
    assert any(notice in rec.getMessage() for rec in caplog.records)
