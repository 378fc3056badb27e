"""Reading back the rosters' files; the ID numbers the roster tests register. The roster
tests read the shared demonstration register (the `demo` fixture, helpers.demo.DEMO)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from python_calamine import CalamineWorkbook
from stdnum.cn.ric import calc_check_digit

from helpers.demo import DEMO_DAY

TODAY = DEMO_DAY  # the rosters are made on the day the demonstration register is dated
HEAD = 3  # title, facts, header rows above the data


def make_id(serial: int, birth: str = "19800101", region: str = "110105") -> str:
    body = f"{region}{birth}{serial:03d}"
    return body + calc_check_digit(body + "0")  # it ignores the last character


def sheet(path: Path, index: int = 0) -> Any:
    return openpyxl.load_workbook(path).worksheets[index]


def values(path: Path, index: int = 0) -> list[tuple[Any, ...]]:
    return list(sheet(path, index).iter_rows(values_only=True))


def data_rows(path: Path, index: int = 0) -> list[tuple[Any, ...]]:
    """The numbered rows under the header (序号 is an int), without totals and notes."""
    return [r for r in values(path, index)[HEAD:] if isinstance(r[0], int)]


def calamine(path: Path, index: int = 0) -> list[list[Any]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[index]).to_python(skip_empty_area=False)


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist()
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)}
