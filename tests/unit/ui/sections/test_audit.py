"""The operation log on screen: after a clerk's export with full numbers, the list and the
entry's detail say it in words, never as the program's codes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

CODE = re.compile(r"export_unmasked|unmasked|filters|roster|\{|True|False")


def test_the_log_says_in_words_who_exported_what(running: Any, tmp_path: Path) -> None:
    from registry.rosters.export import export_roster

    running.query(lambda: export_roster("volunteers", tmp_path / "v.xlsx", actor="测试员", unmasked=True))
    section = running.section("audit")
    model = section.view.model()
    running.qtbot.waitUntil(lambda: model.rowCount() > 0)
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    said = first[columns.index("说明")]
    assert re.fullmatch(r"测试员 导出了志愿者花名册（完整号码，\d+ 行）", said), said
    assert first[columns.index("操作")] != "export_unmasked"
    section.view.selectRow(0)
    running.qtbot.waitUntil(lambda: "导出了志愿者花名册" in section.detail.toPlainText())
    text = section.detail.toPlainText()
    assert not CODE.search(text), text
    assert "完整号码：是" in text and "文件：v.xlsx" in text
    for row in range(min(model.rowCount(), 50)):  # the demonstration's own entries too
        assert not CODE.search(model.index(row, columns.index("说明")).data() or "")


def test_the_demonstrations_entry_shows_no_program_codes(running: Any) -> None:
    """Its detail was stored as JSON ({"seed": 7, "rows": {"search_key": …}}): said in words."""
    section = running.section("audit")
    model = section.view.model()
    running.qtbot.waitUntil(lambda: model.rowCount() > 0)
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [r for r in range(model.rowCount()) if model.index(r, columns.index("操作")).data() == "演示数据"]
    assert rows
    section.view.selectRow(rows[0])
    running.qtbot.waitUntil(lambda: "生成了演示数据" in section.detail.toPlainText())
    text = section.detail.toPlainText()
    assert "名志愿者" in text and not re.search(r"seed|search_key|_year|\{", text), text
