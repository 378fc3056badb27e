"""Reading a clerk's workbook (.xlsx or .xls, with calamine) or CSV file: find the sheet and
its header row by the header names, skip title rows, blank rows and total rows.

A file is measured before calamine sees it (limits.py, xlsx_check.py, xls_check.py): what
calamine cannot read within the memory budget is refused with one sentence, since a failed
allocation in calamine aborts the whole program. Rows are taken one at a time, cut to the
header's width, so only the cells that can be imported are held."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from registry.importer.csv_read import csv_rows
from registry.importer.formats import content_refusal, is_text_table, looks_like_text
from registry.importer.kinds import Kind, header_key, header_map
from registry.importer.limits import MAX_ROWS, check_file, damaged
from registry.rules.fields import is_blank
from registry.rules.problems import RegistryError
from registry.rules.text import normalize_text
from registry.texts import msg

HEADER_SCAN_ROWS = 20
MIN_HEADER_MATCHES = 2
_TOTAL_ROWS = {"合计", "总计", "小计"}  # zh-data
GRID_ROWS = {"xls": 65_536, "xlsx": MAX_ROWS, "csv": MAX_ROWS}  # a CSV from Excel stops where it does


@dataclass(frozen=True)
class Table:
    """One sheet's data below its header row."""

    path: Path
    sheet: str
    header_row: int  # as Excel numbers it, 1-based
    headers: tuple[str, ...]  # the header texts as in the file, one per column
    fields: tuple[str, ...]  # the field each column feeds, "" when none
    rows: list[tuple[int, list[Any]]]  # (Excel row number, cells)
    unknown_headers: tuple[str, ...] = ()  # columns the kind does not know
    repeated_headers: tuple[str, ...] = ()  # second columns for a field already read
    above: tuple[str, ...] = ()  # the text of the rows above the header (a title, a roster's facts)
    format: str = ""  # xlsx / xls / csv, as read_table found the file to be
    last_row: int = 0  # the last row the sheet holds, blank or total rows included

    @property
    def likely_truncated(self) -> bool:
        """Whether the sheet fills its format's last row: what an office suite keeps of a
        longer sheet it saved as .xls (65,536 rows) or .xlsx (1,048,576)."""
        return self.last_row >= GRID_ROWS.get(self.format, MAX_ROWS + 1)

    def column_of(self, field_name: str) -> int | None:
        try:
            return self.fields.index(field_name)
        except ValueError:
            return None


_ZIP, _OLE2 = (b"PK\x03\x04", b"PK\x05\x06"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def file_format(path: Path) -> str:
    """"xlsx", "xls" or "csv", from what the file holds (its name may say otherwise), after
    the checks that let it be read within the budget; or a sentence refusing it."""
    check_file(path)
    with open(path, "rb") as handle:
        head = handle.read(64)
    start = head[:8]
    if start.startswith(_ZIP):
        from registry.importer.xlsx_check import check_xlsx

        check_xlsx(path)
        return "xlsx"
    if start == _OLE2:
        from registry.importer.xls_check import check_xls

        check_xls(path)
        return "xls"
    refused = content_refusal(path.name, head)
    if refused is not None:
        raise refused
    if is_text_table(path) or looks_like_text(path):  # a web system's ".xls" is often text
        return "csv"
    raise RegistryError(msg("无法读取“{name}”：它不是 Excel 工作簿（.xlsx 或 .xls），也不是 CSV 文本；请用"
                            "制作它的程序打开它，另存为 Excel 工作簿（.xlsx）后再导入。", name=path.name))


def _open(path: Path, kind: str) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        if path.suffix.lower().lstrip(".") == kind:
            return CalamineWorkbook.from_path(os.fspath(path))
        with open(path, "rb") as handle:  # named .xls but an .xlsx, or the other way round
            return CalamineWorkbook.from_filelike(handle)
    except Exception as exc:  # calamine raises several types, with English messages
        raise damaged(path.name) from exc


def _sheet_rows(workbook: Any, file: Path, name: str) -> Iterator[list[Any]]:
    """The sheet's rows from row 1, each from column A (calamine starts them at the first
    column used)."""
    try:
        sheet = workbook.get_sheet_by_name(name)
        pad = [""] * sheet.start[1] if sheet.start else []
        for row in sheet.iter_rows():
            yield pad + row if pad else row
    except Exception as exc:  # XmlError and the like, for a sheet whose XML is broken
        raise RegistryError(msg("文件“{name}”已损坏，无法读取工作表“{name2}”；请在 Excel 中打开它、"
                            "另存为新文件后再导入。", name=file.name, name2=name)) from exc


def _sheets(file: Path) -> tuple[str, list[str], Any]:
    """The file's format, its sheet names and a function giving a sheet's rows."""
    kind = file_format(file)
    if kind == "csv":
        return kind, [file.stem], lambda _name: csv_rows(file)
    workbook = _open(file, kind)
    try:
        names = list(workbook.sheet_names)
    except Exception as exc:
        raise damaged(file.name) from exc
    return kind, names, lambda name: _sheet_rows(workbook, file, name)


def _score(cells: list[Any], known: dict[str, str]) -> int:
    matched = {known[key] or key for key in (header_key(c) for c in cells if isinstance(c, str))
               if key in known}
    return len(matched)


def _find_header(data: list[list[Any]], known: dict[str, str]) -> tuple[int, int]:
    """(row index, score) of the row among the first rows that matches most headers."""
    best, best_score = -1, 0
    for index, cells in enumerate(data[:HEADER_SCAN_ROWS]):
        score = _score(cells, known)
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def read_table(path: str | os.PathLike[str], kind: Kind, *, sheet: str | None = None) -> Table:
    """The first sheet whose header matches the kind (or the sheet named), read whole."""
    file = Path(path)
    found, names, rows_of = _sheets(file)
    known = header_map(kind)
    if sheet is not None:
        if sheet not in names:
            raise RegistryError(msg("“{name}”中没有名为“{sheet}”的工作表（有：{names}）。",
                                    name=file.name, sheet=sheet, names='、'.join(names)))
        names = [sheet]
    for name in names:
        rows = iter(rows_of(name))
        head = list(islice(rows, HEADER_SCAN_ROWS))
        index, score = _find_header(head, known)
        if score >= MIN_HEADER_MATCHES:
            return replace(_table(file, name, head, rows, index, known), format=found)
    where = msg("工作表“{sheet}”", sheet=sheet) if sheet is not None else msg("“{name}”的任何工作表", name=file.name)
    expected = "、".join(c.label for c in kind.columns if c.required) or kind.columns[0].label
    raise RegistryError(msg("在{where}的前 {header_scan_rows} 行中找不到{label}表的表头"
                        "（应包含 {expected} 等列）。", where=where, header_scan_rows=HEADER_SCAN_ROWS,
                        label=kind.label, expected=expected))


def _table(file: Path, sheet: str, head: list[list[Any]], more: Iterator[list[Any]], index: int,
           known: dict[str, str]) -> Table:
    headers = tuple(normalize_text(str(c)) if not is_blank(c) else "" for c in head[index])
    fields: list[str] = []
    unknown: list[str] = []
    repeated: list[str] = []
    for text in headers:
        target = known.get(header_key(text), "") if text else ""
        if text and header_key(text) not in known:
            unknown.append(text)
        if target and target in fields:
            repeated.append(text)
            target = ""
        fields.append(target)
    width = len(headers)
    rows: list[tuple[int, list[Any]]] = []
    data = iter(head[index + 1:])
    number = index + 1
    for number, cells in enumerate(_chain(data, more), start=index + 2):
        cells = cells[:width]
        first = _first_value(cells)
        if first is None:
            continue
        if isinstance(first, str) and normalize_text(first).replace(" ", "") in _TOTAL_ROWS:
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        rows.append((number, cells))
    above = tuple(str(c) for cells in head[:index] for c in cells if isinstance(c, str) and c)
    return Table(file, sheet, index + 1, headers, tuple(fields), rows, tuple(unknown),
                 tuple(repeated), above=above, last_row=number)


def _chain(first: Iterator[list[Any]], then: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from first
    yield from then


def _first_value(cells: list[Any]) -> Any:
    for cell in cells:
        if cell != "" and not is_blank(cell):
            return cell
    return None
