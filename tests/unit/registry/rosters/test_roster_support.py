"""Helpers shared by the roster tests (this module holds no tests itself).

The demo register is built once per session and copied for each test that needs it."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from python_calamine import CalamineWorkbook
from stdnum.cn.ric import calc_check_digit

from registry.demo import fill_demo
from registry.storage.lifecycle import close_database, open_database

TODAY = date(2024, 6, 30)
HEAD = 3  # title, facts, header rows above the data
_built: dict[str, Path] = {}


def open_demo(factory: Any, tmp_path: Path) -> Path:
    """A fresh copy of a 200-volunteer demo register, opened."""
    if "demo" not in _built:
        folder = factory.mktemp("roster-demo")
        path = folder / "demo.sqlite3"
        open_database(path)
        fill_demo(volunteers=200, seed=7, today=TODAY)
        close_database()
        _built["demo"] = path
    copy = tmp_path / "registry.sqlite3"
    shutil.copy(_built["demo"], copy)
    open_database(copy)
    return copy


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
