"""Spreadsheet cells holding text a person typed: never a formula, a link or a number.

Two guards, both needed. Workbooks are made with WORKBOOK_OPTIONS, so xlsxwriter itself
turns no string into a formula, URL or number. And a text that Excel would read as a
formula once a clerk opens the cell to edit it (one starting with = + - @, their
full-width forms, which a Chinese input method types and Excel reads alike, a tab or a
carriage return) is written with the quote prefix, which keeps it text.

write_text is the one writer of such cells: the importer's workbooks and the rosters go
through it. It takes any xlsxwriter worksheet (it needs only write_string).
"""

from __future__ import annotations

from typing import Any, Protocol

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
MAX_TEXT = 32_767  # Excel's limit, in UTF-16 code units
_SHORT = MAX_TEXT // 2  # a text this short cannot exceed the limit in UTF-16


class Sheet(Protocol):
    def write_string(self, row: int, col: int, string: str, cell_format: Any = None) -> int: ...


def reads_as_formula(text: str) -> bool:
    """Whether Excel would take this text for a formula when the cell is edited."""
    return text.startswith(FORMULA_START)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cut_text(text: str, limit: int = MAX_TEXT) -> str:
    """At most `limit` UTF-16 units, never splitting a character in two."""
    return text.encode("utf-16-le")[:limit * 2].decode("utf-16-le", errors="ignore")


def write_text(sheet: Sheet, row: int, col: int, text: str, plain: Any, quoted: Any) -> None:
    """A text cell in format `plain`, or `quoted` (the same with quote_prefix) when the
    text reads as a formula; an empty text writes nothing, a text over Excel's limit is
    cut to it. Callers that must say a text was cut do so before."""
    if not text:
        return
    if len(text) > _SHORT and utf16_len(text) > MAX_TEXT:
        text = cut_text(text)
    sheet.write_string(row, col, text, quoted if text.startswith(FORMULA_START) else plain)
