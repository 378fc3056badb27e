"""The main window's 系统 menu: 关于 tells support staff which versions are in use."""

from typing import Any

import apsw
from helpers.message_boxes import answering

import registry
from registry.storage.migrations import CURRENT_VERSION


def test_about_shows_the_program_schema_and_database_library(running: Any, qtbot: Any) -> None:
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
