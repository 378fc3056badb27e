"""The error workbook the clerk fixes and imports again, and the empty templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from helpers.importer import id_number
from python_calamine import CalamineWorkbook

from registry.importer import KINDS, commit_import, preview_import, write_error_workbook, write_template
from registry.storage.lifecycle import close_database

ONE, TWO = id_number("110105", "19800101", "011"), id_number("110105", "19810101", "022")


def test_error_workbook_holds_the_rejected_rows_with_reasons(
        area: dict[str, int], sheet: Callable[..., Path], tmp_path: Path) -> None:
    path = sheet(["姓名", "身份证号", "联系电话", "所在社区", "注册日期"], [
        ["张三", ONE, "13800138000", "永安里社区", dt.date(2020, 1, 2)],
        ["=HYPERLINK(\"http://x\",\"y\")", TWO[:-1] + "0" if TWO[-1] != "0" else TWO[:-1] + "1",
         13800138001.0, "幸福里", dt.date(2021, 3, 4)],
        ["王五", 110105198001010000.0, "", "永安里社区", "2021.3.4"],
    ], title="志愿者名单")
    preview = preview_import("volunteers", path)
    target = tmp_path / "errors.xlsx"
    assert write_error_workbook(preview, target) == 2
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[0] == ["姓名", "身份证号", "联系电话", "所在社区", "注册日期", "错误原因"]
    assert rows[1][:5] == ["=HYPERLINK(\"http://x\",\"y\")", rows[1][1], "13800138001", "幸福里",
                           "2021-03-04"]
    assert "[身份证号]" in rows[1][5] and "校验码" in rows[1][5] and "幸福里" in rows[1][5]
    assert rows[2][1] == "110105198001010000" and "Excel 存成了数字" in rows[2][5]
    book = openpyxl.load_workbook(target)
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)  # text only: no formula, no number
    # fixed by the clerk, the workbook imports again
    ws = book.active
    ws["B2"], ws["D2"], ws["A2"] = ONE[:-4] + "0000", "永安里", "李四"
    ws["B2"] = TWO
    ws["B3"] = id_number("110105", "19800101", "033")
    ws.delete_cols(6)
    book.save(target)
    again = preview_import("volunteers", target)
    assert [r.action for r in again.rows] == ["create", "create"]
    assert commit_import(again, actor="clerk").created == 2


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_has_headers_notes_lists_and_text_id_column(kind: str, area: dict[str, int],
                                                             tmp_path: Path) -> None:
    target = tmp_path / f"{kind}.xlsx"
    write_template(kind, target)
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    expected = [c.label for c in KINDS[kind].columns if c.in_template]
    assert headers == expected
    required = {c.label for c in KINDS[kind].columns if c.required}
    assert {c.value for c in sheet[1] if c.font.bold and c.font.color and c.font.color.rgb == "FFC00000"} \
        == required
    assert "填写说明" in book.sheetnames
    notes = [row[0].value for row in book["填写说明"].iter_rows(min_row=4)]
    assert notes == expected
    if "身份证号" in headers:
        letter = openpyxl.utils.get_column_letter(headers.index("身份证号") + 1)
        assert sheet.column_dimensions[letter].number_format == "@"
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    if kind == "volunteers":
        col = openpyxl.utils.get_column_letter(headers.index("性别") + 1)
        assert f"{col}2" in validations
        community = openpyxl.utils.get_column_letter(headers.index("所在社区") + 1)
        formula = validations[f"{community}2"]
        lists = book["下拉选项"]
        first, last = formula.split("!")[1].replace("$", "").split(":")
        assert [c.value for row in lists[f"{first}:{last}"] for c in row] == ["永安里社区", "建华南社区"]
        assert headers.index("政治面貌") >= 0 and len(validations) >= 5
    # the template itself reads as an (empty) import of its kind
    assert preview_import(kind, target).rows == []


def test_template_without_a_database_has_no_community_list(tmp_path: Path) -> None:
    close_database()
    target = tmp_path / "t.xlsx"
    write_template("volunteers", target)
    book = openpyxl.load_workbook(target)
    assert "community" not in [c.value for c in book["下拉选项"][1]]
    assert "sex" in [c.value for c in book["下拉选项"][1]]
