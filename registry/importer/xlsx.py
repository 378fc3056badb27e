"""Writing workbooks safely: no cell a person typed ever becomes a formula, a link or a
number."""

from __future__ import annotations

import os
from typing import Any

SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def new_workbook(path: str | os.PathLike[str]) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(os.fspath(path), SAFE_OPTIONS)


def write_text(sheet: Any, row: int, col: int, text: str, plain: Any, quoted: Any) -> None:
    """A string cell; text that Excel would read as a formula keeps its quote prefix."""
    if text:
        sheet.write_string(row, col, text[:32_767], quoted if text.startswith(_RISKY_START) else plain)
