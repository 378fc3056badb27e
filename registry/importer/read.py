"""Reading a clerk's workbook (.xlsx or .xls) with calamine: find the sheet and its header
row by the header names, skip title rows, blank rows and total rows."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from registry.importer.kinds import Kind, header_key, header_map
from registry.rules.fields import is_blank
from registry.rules.problems import RegistryError
from registry.rules.text import normalize_text

HEADER_SCAN_ROWS = 20
MIN_HEADER_MATCHES = 2
_TOTAL_ROWS = {"合计", "总计", "小计"}


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

    def column_of(self, field_name: str) -> int | None:
        try:
            return self.fields.index(field_name)
        except ValueError:
            return None


def _open(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    if not path.is_file():
        raise RegistryError(f"找不到文件“{path}”。")
    try:
        return CalamineWorkbook.from_path(os.fspath(path))
    except Exception as exc:  # calamine raises several types for unreadable files
        raise RegistryError(f"无法读取“{path.name}”：它不是可以打开的 Excel 文件（.xlsx 或 .xls）。"
                            f"（{exc}）") from exc


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
    workbook = _open(file)
    known = header_map(kind)
    names: list[str] = list(workbook.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise RegistryError(f"“{file.name}”中没有名为“{sheet}”的工作表（有：{'、'.join(names)}）。")
        names = [sheet]
    for name in names:
        data: list[list[Any]] = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        index, score = _find_header(data, known)
        if score >= MIN_HEADER_MATCHES:
            return _table(file, name, data, index, known)
    where = f"工作表“{sheet}”" if sheet is not None else f"“{file.name}”的任何工作表"
    expected = "、".join(c.label for c in kind.columns if c.required) or kind.columns[0].label
    raise RegistryError(f"在{where}的前 {HEADER_SCAN_ROWS} 行中找不到{kind.label}表的表头"
                        f"（应包含 {expected} 等列）。")


def _table(file: Path, sheet: str, data: list[list[Any]], index: int,
           known: dict[str, str]) -> Table:
    headers = tuple(normalize_text(str(c)) if not is_blank(c) else "" for c in data[index])
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
    for number, cells in enumerate(data[index + 1:], start=index + 2):
        cells = cells[:width]
        first = _first_value(cells)
        if first is None:
            continue
        if isinstance(first, str) and normalize_text(first).replace(" ", "") in _TOTAL_ROWS:
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        rows.append((number, cells))
    return Table(file, sheet, index + 1, headers, tuple(fields), rows, tuple(unknown),
                 tuple(repeated))


def _first_value(cells: list[Any]) -> Any:
    for cell in cells:
        if cell != "" and not is_blank(cell):
            return cell
    return None
