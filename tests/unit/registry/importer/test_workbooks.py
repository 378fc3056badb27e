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
from registry.queries.masking import masker_for
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
    # a register without accounts: everyone may unmask, the file comes back as it was
    assert write_error_workbook(preview, target, masker_for("clerk", reveal=True)) == 2
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[0] == ["姓名", "身份证号", "联系电话", "所在社区", "注册日期", "错误原因", "原文件行号"]
    assert [r[6] for r in rows[1:]] == ["5", "6"]  # where to find each row in the file (under its title)
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
    ws.delete_cols(6, 2)
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


def test_a_clerks_error_workbook_masks_what_the_file_held_and_adds_nothing_from_the_register(
        area: dict[str, int], sheet: Callable[..., Path], tmp_path: Path) -> None:
    from registry import ops
    from registry.ops.accounts import add_account
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    ops.register_person("li", {"id_number": ONE, "name": "张三", "phone": "13900000000"})
    path = sheet(["姓名", "身份证号", "联系电话", "出生日期", "所在社区"], [
        ["张三", ONE, "13800138000", dt.date(1980, 1, 1), "幸福里"],  # registered: file's phone only
        ["李四", TWO[:-1] + ("0" if TWO[-1] != "0" else "1"), "010-62345678", "1981.1.1", "幸福里"],
    ])
    preview = preview_import("volunteers", path)
    target = tmp_path / "errors.xlsx"
    assert write_error_workbook(preview, target, masker_for("li", reveal=True)) == 2
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[1][1:4] == ["110105**********" + ONE[-2:], "138****8000", "1980年"]
    assert rows[2][2:4] == ["010-*****678", "1981年"] and rows[2][1].startswith("110105****")
    text = "".join(str(c) for r in rows for c in r)
    assert ONE not in text and "13900000000" not in text and "139****0000" not in text
    assert "19800101" not in text and "62345678" not in text
    # the administrator's is the file as it was, to fix and import again
    assert write_error_workbook(preview, target, masker_for("boss", reveal=True)) == 2
    assert CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()[1][1] == ONE
