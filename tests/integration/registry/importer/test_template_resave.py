"""Import templates survive an office suite: LibreOffice re-saves them as .xlsx, as a clerk
editing in another suite would, and the dropdowns (the register's communities among them)
still cover every row typed in, the identifier columns are still text.

We write dropdowns on TEMPLATE_ROWS rows; LibreOffice, saving, keeps a dropdown down to a
thousand rows below the last row holding anything, so an empty template comes back with
1,000 rows of dropdowns and a filled one with its rows and 1,000 more."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from helpers.office import convert, need_office

from registry.importer import KINDS, write_template
from registry.importer.templates import LISTS_SHEET, TEMPLATE_ROWS

need_office()


def _validations(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, tuple[int, str]]:
    """Column letter: (last row the dropdown covers, its list formula)."""
    out = {}
    for v in sheet.data_validations.dataValidation:
        for cells in str(v.sqref).split():
            first, _, last = cells.partition(":")
            letter = "".join(ch for ch in first if ch.isalpha())
            out[letter] = (int("".join(ch for ch in (last or first) if ch.isdigit())), v.formula1)
    return out


def _column_format(sheet: openpyxl.worksheet.worksheet.Worksheet, index: int) -> str:
    """The number format of column `index` (from 1); LibreOffice writes neighbouring
    columns alike as one <col min max> entry."""
    for dim in sheet.column_dimensions.values():
        if dim.min <= index <= dim.max:
            return str(dim.number_format)
    return "General"


TYPED_DOWN_TO = 8_000  # a row a clerk fills far down the template


def test_dropdowns_and_text_columns_survive_a_resave(area: dict[str, int], tmp_path: Path) -> None:
    written = []
    for kind in KINDS:
        target = tmp_path / f"{kind}.xlsx"
        write_template(kind, target)
        assert all(last == TEMPLATE_ROWS + 1 >= 10_001
                   for last, _ in _validations(openpyxl.load_workbook(target).worksheets[0]).values())
        if kind == "hours":  # filled far down, in the office suite's way of a typed row
            book = openpyxl.load_workbook(target)
            book.worksheets[0].cell(TYPED_DOWN_TO, 1, "张三")
            book.save(target)
        written.append(target)
    resaved = convert(written, "xlsx", tmp_path / "resaved", tmp_path / "profile")
    for kind, path in zip(KINDS, resaved, strict=True):
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        headers = [c.value for c in sheet[1]]
        validations = _validations(sheet)
        reach = (TYPED_DOWN_TO if kind == "hours" else 1) + 1_000
        for i, column in enumerate(c for c in KINDS[kind].columns if c.in_template):
            letter = openpyxl.utils.get_column_letter(i + 1)
            assert headers[i] == column.label
            if column.choices:
                last, formula = validations[letter]
                assert last >= reach, (kind, column.label, last)
                assert LISTS_SHEET in formula
            if column.text:  # identifiers and phone numbers: text, so no digit is lost
                assert _column_format(sheet, i + 1) == "@", (kind, column.label)
        if kind == "volunteers":
            last, formula = validations[openpyxl.utils.get_column_letter(headers.index("所在社区") + 1)]
            first_cell, last_cell = formula.split("!")[1].replace("$", "").split(":")
            lists = book[LISTS_SHEET]
            assert [c.value for row in lists[f"{first_cell}:{last_cell}"] for c in row] == ["永安里社区", "建华南社区"]
            assert lists.sheet_state == "hidden"


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_identifier_column_is_text(kind: str) -> None:
    for column in KINDS[kind].columns:
        if column.in_template and any(column.label.endswith(s) for s in ("号", "号码", "编号", "代码", "电话")):
            assert column.text, column.label
