"""The main window lists every section but builds one only when it is first shown; its 系统
menu's 关于 tells support staff which versions are in use."""

from __future__ import annotations

from typing import Any

import apsw
from helpers.message_boxes import answering
from PySide6.QtCore import Qt

import registry
from registry.storage.migrations import CURRENT_VERSION
from ui.sections.catalog import SECTION_KEYS


def built(window: Any) -> list[str]:
    return [section.key for section in window.sections.built()]


def then(start: str, *keys: str) -> list[str]:
    """The section the window opened on (the volunteers, or the one used last), then `keys`."""
    return list(dict.fromkeys([start, *keys]))


def test_the_first_paint_builds_only_the_section_shown(running: Any) -> None:
    window = running.window
    nav = [window.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.nav.count())]
    assert nav == list(SECTION_KEYS)  # every section is listed, with its icon …
    assert all(not window.nav.item(row).icon().isNull() for row in range(window.nav.count()))
    shown = window.current_section()
    assert built(window) == [shown.key]  # … only the one shown is built
    assert window.stack.currentWidget() is shown
    assert window.stack.count() == 1  # that section alone: a register with records has no welcome page


def test_visiting_a_section_builds_it_then_and_once(running: Any) -> None:
    window = running.window
    start = window.current_section().key
    other = "stats" if start != "stats" else "audit"
    section = running.section(other)
    assert built(window) == then(start, other)
    assert window.stack.currentWidget() is section and section.is_ready()
    assert window.status_label.text().startswith(section.title())
    running.section(start)
    assert running.section(other) is section and built(window) == then(start, other)


def test_asking_for_a_section_builds_it_and_every_key_is_known(running: Any) -> None:
    window = running.window
    start = window.current_section().key
    assert list(window.sections) == list(SECTION_KEYS) and len(window.sections) == len(SECTION_KEYS)
    other = "audit" if start != "audit" else "stats"
    assert other in window.sections and other not in built(window)  # asking "in" builds nothing
    section = window.sections[other]
    assert section.key == other and built(window) == then(start, other)
    assert window.stack.currentWidget() is not section  # built, not shown
    assert "nowhere" not in window.sections


def test_a_change_reaches_only_the_sections_built(running: Any, monkeypatch: Any) -> None:
    from registry.ops import Changes, Table

    window = running.window
    running.section("volunteers")
    before = built(window)
    refreshed: list[str] = []
    for section in window.sections.built():
        monkeypatch.setattr(section, "refresh", lambda key=section.key: refreshed.append(key))
    window.on_changes(Changes(tables=frozenset({Table.VOLUNTEER, Table.AUDIT_ENTRY})))
    assert "volunteers" in refreshed and set(refreshed) <= set(before)
    assert built(window) == before  # the others are built when shown, with the change in them


def test_about_shows_the_program_schema_and_database_library(running: Any, qtbot: Any) -> None:
    """系统 › 关于: what support staff ask first."""
    window = running.window
    assert window.about_action in window.admin_menu.actions() and window.about_action.isVisible()
    with answering(lambda _box: None) as boxes:
        window.about_action.trigger()
        qtbot.waitUntil(lambda: bool(boxes.seen), timeout=10_000)
    seen = boxes.seen[0]
    assert seen.object_name == "about_box"
    assert f"街道社会工作登记台 {registry.__version__}" in seen.text
    assert f"登记库：{running.ctx.database_label}" in seen.text
    assert f"登记库结构版本：第 {CURRENT_VERSION} 版" in seen.text
    assert f"APSW {apsw.apsw_version()}, SQLite {apsw.sqlite_lib_version()}" in seen.text
