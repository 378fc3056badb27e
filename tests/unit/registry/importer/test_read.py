"""Finding the data in a workbook: the right sheet, the header row, .xls as well as .xlsx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter
from helpers.importer import id_number

from registry.importer import preview_import
from registry.importer.kinds import VOLUNTEERS
from registry.importer.read import read_table
from registry.rules.problems import RegistryError

ONE = id_number("110105", "19800101", "011")


def test_first_matching_sheet_and_a_named_sheet(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("说明").write_string(0, 0, "本表由社区填写")
    first = book.add_worksheet("一月")
    second = book.add_worksheet("二月")
    for ws, name in ((first, "张三"), (second, "李四")):
        ws.write_row(0, 0, ["姓名", "身份证号"])
        ws.write_row(1, 0, [name, ONE])
    book.close()
    assert read_table(path, VOLUNTEERS).sheet == "一月"
    table = read_table(path, VOLUNTEERS, sheet="二月")
    assert (table.sheet, table.rows[0][1][0]) == ("二月", "李四")
    with pytest.raises(RegistryError, match="没有名为“三月”的工作表"):
        read_table(path, VOLUNTEERS, sheet="三月")


def test_total_rows_and_blank_rows_are_skipped(sheet: Callable[..., Path]) -> None:
    path = sheet(["序号", "姓名", "身份证号", "累计时长"],
                 [[1, "张三", ONE, 5], None, None, ["合计", None, None, 5]])
    table = read_table(path, VOLUNTEERS)
    assert [number for number, _ in table.rows] == [2]


def test_a_sheet_without_the_header_is_refused(sheet: Callable[..., Path]) -> None:
    path = sheet(["甲", "乙"], [["1", "2"]])
    with pytest.raises(RegistryError, match="找不到志愿者表的表头"):
        read_table(path, VOLUNTEERS)


def test_missing_required_column_and_unknown_columns(area: dict[str, int],
                                                     sheet: Callable[..., Path]) -> None:
    with pytest.raises(RegistryError, match="缺少必填列：姓名"):
        preview_import("volunteers", sheet(["身份证号", "联系电话"], [[ONE, ""]]))
    preview = preview_import("volunteers", sheet(["姓名", "身份证号", "血型"], [["张三", ONE, "A"]],
                                                 name="extra.xlsx"))
    assert [(p.row, p.column, p.is_error) for p in preview.problems] == [(1, "血型", False)]


def test_not_an_excel_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("hello")  # text, whatever its name: read as a CSV, which has no header
    with pytest.raises(RegistryError, match="找不到志愿者表的表头"):
        read_table(path, VOLUNTEERS)
    path.write_bytes(b"\x00\x01\x02binary" * 10)
    with pytest.raises(RegistryError, match=r"不是 Excel 工作簿（\.xlsx 或 \.xls），也不是 CSV 文本"):
        read_table(path, VOLUNTEERS)
    with pytest.raises(RegistryError, match="找不到文件"):
        read_table(tmp_path / "missing.xlsx", VOLUNTEERS)


def test_xls_files_are_read_like_xlsx(area: dict[str, int], tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt", reason="xlwt writes the .xls test file")
    book = xlwt.Workbook()
    ws = book.add_sheet("志愿者")
    ws.write_merge(0, 0, 0, 3, "志愿者名单")
    for col, text in enumerate(["姓名", "身份证号码", "手机", "注册日期"]):
        ws.write(2, col, text)
    ws.write(3, 0, "张三 ")
    ws.write(3, 1, ONE.lower())
    ws.write(3, 2, 13800138000)
    ws.write(3, 3, dt.date(2020, 1, 2), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    ws.write(4, 0, "李四")
    ws.write(4, 1, 110105198001010000)
    path = tmp_path / "old.xls"
    book.save(str(path))
    preview = preview_import("volunteers", path)
    assert preview.table.header_row == 3
    first, _second = preview.rows
    assert (first.number, first.action) == (4, "create")
    person, role = first.values["person"], first.values["role"]
    assert (person["name"], person["id_number"], person["phone"]) == ("张三", ONE, "13800138000")
    assert role["registered_on"] == dt.date(2020, 1, 2)
    assert [(p.row, p.column) for p in preview.errors] == [(5, "身份证号码")]
