"""The rejected rows, as the clerk had them, with a 错误原因 column: fix and import again."""

from __future__ import annotations

import os

from registry.importer.model import REJECT, ImportPreview, cell_text
from registry.importer.xlsx import new_workbook, write_text

REASON_HEADER = "错误原因"


def write_error_workbook(preview: ImportPreview, path: str | os.PathLike[str]) -> int:
    """Write the rejected rows (original headers, values as text, same column order) and a
    reason column; returns how many rows were written."""
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
        for index, row in enumerate(rejected, start=1):
            for col in range(len(headers)):
                write_text(sheet, index, col, cell_text(row.cells[col]), text, quoted)
            reasons = "；".join(f"[{p.column}] {p.message}" if p.column else p.message
                               for p in preview.row_problems(row) if p.is_error)
            write_text(sheet, index, len(headers), reasons, reason, reason)
        sheet.freeze_panes(1, 0)
    finally:
        workbook.close()
    return len(rejected)
