"""Measuring a workbook before calamine reads it: the sheet named in the sentence, its size
as Excel would show it, and files that are not what their name says."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from helpers.hostile_files import HEADER_ROW, workbook

from registry.importer import xlsx_check
from registry.importer.kinds import VOLUNTEERS
from registry.importer.limits import SheetSize
from registry.importer.read import read_table
from registry.rules.problems import RegistryError


def test_the_refusal_names_the_sheet_and_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("registry.importer.limits.READ_BUDGET", 1_000_000)
    path = workbook(tmp_path / "a.xlsx", HEADER_ROW + '<row r="40000"><c r="C40000"><v>1</v></c></row>')
    with pytest.raises(RegistryError, match="工作表“志愿者”用到了 40,000 行 × 3 列（最后一个有内容的单元格是 C40000）"):
        read_table(path, VOLUNTEERS)


def test_formatted_empty_cells_far_away_are_harmless(tmp_path: Path) -> None:
    rows = HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c></row>' \
        '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    table = read_table(workbook(tmp_path / "a.xlsx", rows), VOLUNTEERS)
    assert [cells[0] for _n, cells in table.rows] == ["张三"]


def test_cells_without_positions_follow_the_one_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("registry.importer.limits.READ_BUDGET", 100_000)
    rows = HEADER_ROW + "<row><c><v>1</v></c></row>" * 400  # rows 2…401, as calamine counts them
    with pytest.raises(RegistryError, match="401 行 × 2 列"):
        read_table(workbook(tmp_path / "a.xlsx", rows), VOLUNTEERS)


def test_data_away_from_a1_and_a_workbook_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("名单")
    sheet.write_row(3, 2, ["姓名", "身份证号"])
    sheet.write_row(4, 2, ["张三", "11010519491231002X"])
    book.close()
    renamed = tmp_path / "b.xls"
    shutil.copy(path, renamed)
    for file in (path, renamed):
        table = read_table(file, VOLUNTEERS)
        assert (table.header_row, table.rows[0][0]) == (4, 5)
        assert table.rows[0][1][table.column_of("id_number") or 0] == "11010519491231002X"


def _measured(path: Path, regular: bool, monkeypatch: pytest.MonkeyPatch) -> list[SheetSize]:
    """Every part's measure, with the whole-buffer searches or token by token only."""
    sizes: list[SheetSize] = []
    scan = xlsx_check._scan_sheet

    def keep(chunks: Any, sheet: SheetSize, shared: Any) -> None:
        scan(chunks, sheet, shared)
        sizes.append(sheet)

    with monkeypatch.context() as patch:
        patch.setattr(xlsx_check, "_scan_sheet", keep)
        patch.setattr(xlsx_check, "CHUNK", 4096)  # many segments, so the two ways alternate
        patch.setattr(xlsx_check, "_TAIL", 512)
        if not regular:
            patch.setattr(xlsx_check, "_scan_regular", lambda *_args: False)
        xlsx_check.check_xlsx(path)
    return sizes


@pytest.mark.parametrize("inline", [True, False])
def test_the_fast_scan_measures_as_the_token_scan(tmp_path: Path, inline: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Shared and inline strings, styled empty cells, gaps, long texts, a row without a
    position: the figures the budget is checked on are the same either way."""
    path = tmp_path / "m.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": inline})
    sheet = book.add_worksheet("名单")
    styled = book.add_format({"bold": True})
    for r in range(600):
        sheet.write_row(r, 0, [f"张{r}", r * 1.5, "备注" * (r % 40), None if r % 7 else "x"])
        if r % 50 == 0:
            sheet.write_blank(r, 9, None, styled)
            sheet.write_string(r, 27, "远处")
    book.close()
    sizes = _measured(path, True, monkeypatch)
    assert sizes == _measured(path, False, monkeypatch)
    assert max(s.cells for s in sizes) > 1_500
    odd = workbook(tmp_path / "odd.xlsx", HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t>'
                   '</is></c></row>' + "<row><c><v>1</v></c></row>" * 300
                   + '<row r="900" spans="1:3"><c r="C900" s="1"/><c r="B900"><v>2</v></c></row>')
    assert _measured(odd, True, monkeypatch) == _measured(odd, False, monkeypatch)
