"""Measuring a workbook before calamine reads it: the sheet named in the sentence, its size
as Excel would show it, and files that are not what their name says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import xlsxwriter
from helpers.hostile_files import HEADER_ROW, workbook

from registry.importer.kinds import VOLUNTEERS
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
