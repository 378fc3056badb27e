"""Import and export through the dialogs, with real spreadsheet files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from registry.storage.models import AuditEntry, Person

GOOD = ("王小明", "11010519491231002X", "13800138000")
BAD = ("李错号", "110105194912310021", "13900139000")


def test_export_roster_through_the_section(running: Any, qtbot: Any, tmp_path: Path) -> None:
    section = running.section("export")
    section.select_roster("volunteers")
    target = tmp_path / "志愿者花名册.xlsx"
    section.path.setText(str(target))
    section.export_button.click()
    qtbot.waitUntil(lambda: section.last_result is not None, timeout=20_000)
    assert target.exists()
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    text = " ".join(str(c) for row in sheet.iter_rows(max_row=6, values_only=True) for c in row if c)
    assert "姓名" in text and "证件号码" in text
    assert str(section.last_result.rows) in section.result.text()
    running.idle()
    assert running.query(lambda: AuditEntry.select().where(AuditEntry.action == "export").count()) >= 1


def test_import_wizard_previews_every_problem_and_imports_valid_rows(
        running: Any, qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "志愿者.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "联系电话"])
    sheet.append(list(GOOD))
    sheet.append(list(BAD))
    book.save(source)

    section = running.section("import")
    section.kind.setCurrentIndex(section.kind.findData("volunteers"))
    section.file.setText(str(source))
    section.preview_button.click()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 1, timeout=20_000)
    rows = {section.problems.item(r, 0).text() for r in range(section.problems.rowCount())}
    assert "3" in rows  # the bad ID number, reported on its Excel row
    messages = " ".join(section.problems.item(r, 4).text() for r in range(section.problems.rowCount()))
    assert "校验码" in messages
    errors = tmp_path / "错误清单.xlsx"
    section.save_errors_to(str(errors))
    running.idle()
    assert errors.exists()
    section.import_button.click()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 2, timeout=20_000)
    assert "1" in section.done_label.text()
    assert running.query(lambda: Person.select().where(Person.id_number == GOOD[1]).count()) == 1
    assert running.query(lambda: Person.select().where(Person.name == BAD[0]).count()) == 0


def test_import_cancel_writes_nothing(running: Any, qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "志愿者.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号"])
    book.active.append(list(GOOD[:2]))
    book.save(source)
    section = running.section("import")
    section.kind.setCurrentIndex(section.kind.findData("volunteers"))
    section.file.setText(str(source))
    section.preview_button.click()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 1, timeout=20_000)
    section.findChild(type(section.import_button), "cancel_import").click()
    assert section.steps.currentIndex() == 0
    assert running.query(lambda: Person.select().where(Person.id_number == GOOD[1]).count()) == 0


def test_import_problems_are_read_whole_at_1024(running: Any, qtbot: Any, tmp_path: Path) -> None:
    """At 1024×768 a long problem wraps over as many lines as it needs (no "…"), and
    every cell's full text is on hover."""
    from PySide6.QtCore import QRect, Qt

    source = tmp_path / "志愿者.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "联系电话"])
    book.active.append(list(BAD))
    book.active.append(["王多号", "1101051949123100", "1390013900"])
    book.save(source)
    running.window.resize(1008, 729)
    section = running.section("import")
    section.kind.setCurrentIndex(section.kind.findData("volunteers"))
    section.file.setText(str(source))
    section.preview_button.click()
    qtbot.waitUntil(lambda: section.steps.currentIndex() == 1, timeout=20_000)
    table = section.problems
    qtbot.waitUntil(lambda: table.isVisible())
    width = table.columnWidth(4) - 8  # the cell's text margins
    assert table.rowCount() >= 2
    for row in range(table.rowCount()):
        item = table.item(row, 4)
        assert item.toolTip() == item.text()
        needed = table.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                                  item.text()).height()
        assert table.rowHeight(row) >= needed, item.text()
    assert "错误清单" in section.problems_hint.text() or "保存" in section.problems_hint.text()
