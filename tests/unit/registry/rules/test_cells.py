"""No text written through write_text becomes a formula, whatever it starts with: the
cell holds the text, and a text Excel would read as a formula on edit has the quote
prefix. The rosters write their cells through it too."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from registry.rosters.spec import Column
from registry.rosters.writer import RosterWriter, open_workbook
from registry.rules.cells import MAX_TEXT, WORKBOOK_OPTIONS, cut_text, utf16_len, write_text

# what Excel takes for the start of a formula, written out here rather than imported
RISKY = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]
# printable text and the XML-safe control characters (xlsxwriter escapes the others)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
               | st.sampled_from(["\t", "\r", "\n"]), max_size=30)
TEXTS = st.lists(st.one_of(TEXT, st.builds(str.__add__, st.sampled_from(RISKY), TEXT),
                           st.sampled_from(['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0",
                                            "＝1+1", "@SUM(A1)", "-2+3", " =1", "'=1"])),
                 min_size=1, max_size=25)


def formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                      if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    return re.findall(r"<f[ >]", xml)


def check(path: Path, texts: list[str], first_row: int, column: int) -> None:
    assert formulas(path) == []
    cells = openpyxl.load_workbook(path).worksheets[0]
    book = CalamineWorkbook.from_path(str(path))
    read = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    for i, text in enumerate(texts):
        cell = cells.cell(row=first_row + i, column=column)
        if not text:
            assert cell.value is None
            continue
        assert cell.data_type == "s"
        assert cell.quotePrefix == (text[0] in RISKY), repr(text)
        assert read[first_row - 1 + i][column - 1] == text


@settings(max_examples=60, deadline=None)
@given(texts=TEXTS)
def test_write_text_never_writes_a_formula(tmp_path_factory: pytest.TempPathFactory,
                                           texts: list[str]) -> None:
    path = tmp_path_factory.mktemp("cells") / "cells.xlsx"
    book = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    sheet = book.add_worksheet()
    plain = book.add_format({"num_format": "@"})
    quoted = book.add_format({"num_format": "@", "quote_prefix": True})
    for row, text in enumerate(texts):
        write_text(sheet, row, 0, text, plain, quoted)
    book.close()
    check(path, texts, 1, 1)


@settings(max_examples=30, deadline=None)
@given(texts=TEXTS)
def test_rosters_write_their_texts_through_it(tmp_path_factory: pytest.TempPathFactory,
                                              texts: list[str]) -> None:
    folder = tmp_path_factory.mktemp("roster")
    path = folder / "roster.xlsx"
    book = open_workbook(path, str(folder))
    writer = RosterWriter(book, title="测试", facts="", columns=[Column("内容")], unit="条",
                          unmasked=False)
    writer.write([(t,) for t in texts])
    writer.finish()
    book.close()
    check(path, texts, 4, 2)  # under the title, facts and header rows, after 序号


def test_a_text_over_excels_limit_is_cut_without_splitting_a_character(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    book = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    sheet = book.add_worksheet()
    write_text(sheet, 0, 0, "=" + "长" * MAX_TEXT, None, None)
    write_text(sheet, 1, 0, "😀" * MAX_TEXT, None, None)
    book.close()
    first, second = (row[0] for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert first == "=" + "长" * (MAX_TEXT - 1)
    assert second == "😀" * (MAX_TEXT // 2) and utf16_len(second) == MAX_TEXT - 1
    assert cut_text("a😀", 2) == "a"
