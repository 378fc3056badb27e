"""Building the workbooks the importer tests read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from stdnum.cn.ric import calc_check_digit

from registry.ops.base import snapshot
from registry.ops.kernel import to_json
from registry.storage.models import AuditEntry, BaseModel


def id_number(region: str, born: str, sequence: str) -> str:
    """A valid 18-digit ID number from a region code, yyyymmdd birth date and 3-digit sequence."""
    body = region + born + sequence
    return body + calc_check_digit(body + "0")


def creation_entry(record: BaseModel, action: str = "create") -> AuditEntry:
    """The audit entry that says the record was created."""
    return AuditEntry.get((AuditEntry.table_name == record._meta.table_name)
                          & (AuditEntry.record_id == record.id) & (AuditEntry.action == action))


def logged_as_stored(record: BaseModel, action: str = "create") -> bool:
    """Whether the record's creation entry holds it exactly as snapshot() of the stored
    record reads, as the operations log a record made by hand."""
    entry = creation_entry(record, action)
    return bool(json.loads(entry.after) == json.loads(to_json(snapshot(record)) or ""))


def write_sheet(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any] | None], *,
                title: str | None = None, sheet: str = "Sheet1", date_cells: bool = True) -> Path:
    """One sheet: an optional merged title row and a blank row, the header, the rows.
    Dates are written as Excel dates; strings with write_string, numbers as numbers."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                               "strings_to_formulas": False})
    ws = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    start = 0
    if title is not None:
        ws.merge_range(0, 0, 0, max(1, len(header) - 1), title)
        start = 2
    for col, text in enumerate(header):
        ws.write_string(start, col, text)
    for r, row in enumerate(rows, start=start + 1):
        for col, value in enumerate(row or ()):
            if value is None:
                continue
            if isinstance(value, dt.date) and date_cells:
                ws.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, str):
                ws.write_string(r, col, value)
            else:
                ws.write(r, col, value)
    workbook.close()
    return path
