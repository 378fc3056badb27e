"""The rejected rows, as the clerk had them, with a 错误原因 column: fix and import again.

Only what the file held is written, and the reasons (which name no number from the
register). The workbook is a copy of personal data that gets passed around to be fixed, so
it follows the masking rule (rules/disclosure.py) for whoever writes it: for an account
without the unmask right the ID and phone numbers are masked and birth dates show their
year; the 原文件行号 column finds each row in the original file, where it is fixed. An
account that may unmask gets the values as the file had them (they are its own)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from typing import Any

from registry.importer.model import REJECT, ImportPreview, cell_text
from registry.importer.xlsx import new_workbook, write_text
from registry.queries.masking import MASKED, Masker
from registry.rules.disclosure import HIDDEN
from registry.texts import mark, msg

REASON_HEADER = mark("错误原因")
REMINDERS_SHEET = mark("提醒")
REMINDER_HEADERS = (mark("原文件行号"), mark("列"), mark("内容"), mark("提醒"))
ROW_HEADER = mark("原文件行号")
_YEAR = re.compile(r"\s*((?:19|20)\d\d)")
_NUMBER_IN_TEXT = re.compile(r"\d{5,}[\dXx]*")  # a number a reason quotes: masked like the cells


def _birth(masker: Masker) -> Callable[[Any], str]:
    def shown(value: Any) -> str:
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return masker.birth_date(day)
        text = cell_text(value)
        if masker.full or not text:
            return text
        year = _YEAR.match(text)  # "1980.1.1", "1980年1月": the year only; anything else hidden
        return msg("{year}年", year=year.group(1)) if year else HIDDEN * len(text)
    return shown


def _cell_masks(fields: tuple[str, ...], masker: Masker) -> list[Callable[[Any], str]]:
    """How each column's cells are written: as text, numbers through the masker."""
    def through(mask: Callable[[str], str]) -> Callable[[Any], str]:
        return lambda value: mask(cell_text(value))
    masks: dict[str, Callable[[Any], str]] = {
        "id_number": through(masker.id_number), "phone": through(masker.phone),
        "birth_date": _birth(masker)}
    return [masks.get(field, cell_text) for field in fields]


def write_error_workbook(preview: ImportPreview, path: str | os.PathLike[str],
                         masker: Masker = MASKED) -> int:
    """Write the rejected rows (original headers, values as text, same column order), a
    reason column and the row's number in the file; numbers through `masker` (see above).
    Returns how many rows were written."""
    headers = list(preview.table.headers)
    while headers and not headers[-1]:
        headers.pop()
    rejected = [r for r in preview.rows if r.action == REJECT]
    workbook = new_workbook(path)
    try:
        sheet = workbook.add_worksheet((preview.table.sheet or "Sheet1")[:31])
        head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        reason_head = workbook.add_format({"bold": True, "font_color": "#C00000", "border": 1})
        text = workbook.add_format({"num_format": "@"})
        quoted = workbook.add_format({"num_format": "@", "quote_prefix": True})
        reason = workbook.add_format({"num_format": "@", "font_color": "#C00000", "text_wrap": True})
        for col, header in enumerate(headers):
            write_text(sheet, 0, col, header, head, head)
            sheet.set_column(col, col, max(10, min(30, len(header) * 2 + 4)), text)
        sheet.write_string(0, len(headers), REASON_HEADER, reason_head)
        sheet.set_column(len(headers), len(headers), 60, reason)
        sheet.write_string(0, len(headers) + 1, ROW_HEADER, head)
        fields = tuple(preview.table.fields) + ("",) * len(headers)
        shown = _cell_masks(fields[:len(headers)], masker)
        for index, row in enumerate(rejected, start=1):
            for col in range(len(headers)):
                write_text(sheet, index, col, shown[col](row.cells[col]), text, quoted)
            sheet.write_string(index, len(headers) + 1, str(row.number), text)
            reasons = "；".join(f"[{p.column}] {p.message}" if p.column else p.message
                               for p in preview.row_problems(row) if p.is_error)
            if not masker.full:
                reasons = _NUMBER_IN_TEXT.sub(lambda m: HIDDEN * len(m.group()), reasons)
            write_text(sheet, index, len(headers), reasons, reason, reason)
        sheet.freeze_panes(1, 0)
        _write_reminders(workbook, preview, masker, (head, text, quoted, reason))
    finally:
        workbook.close()
    return len(rejected)


def _write_reminders(workbook: Any, preview: ImportPreview, masker: Masker,
                     formats: tuple[Any, Any, Any, Any]) -> None:
    """Every reminder, one row each: the preview names how many rows a kind of reminder
    is on, this sheet says which and why. Values masked as the rejected rows' are."""
    head, text, quoted, reason = formats
    fields = {header: field for header, field in zip(preview.table.headers, preview.table.fields,
                                                     strict=True) if header}
    masks = dict(zip(fields, _cell_masks(tuple(fields.values()), masker), strict=True))
    reminders = [p for p in preview.problems if not p.is_error]
    if not reminders:
        return
    sheet = workbook.add_worksheet(REMINDERS_SHEET)
    for col, (header, width) in enumerate(zip(REMINDER_HEADERS, (10, 16, 22, 80), strict=True)):
        sheet.write_string(0, col, header, head)
        sheet.set_column(col, col, width, reason if col == 3 else text)
    for index, problem in enumerate(reminders, start=1):
        value = masks.get(problem.column, cell_text)(problem.value) if problem.value else ""
        message = problem.message
        if not masker.full:
            message = _NUMBER_IN_TEXT.sub(lambda m: HIDDEN * len(m.group()), message)
        sheet.write_string(index, 0, str(problem.row), text)
        write_text(sheet, index, 1, problem.column, text, quoted)
        write_text(sheet, index, 2, value, text, quoted)
        write_text(sheet, index, 3, message, reason, reason)
    sheet.freeze_panes(1, 0)
