"""Step one of an import: read the file, check every row, compare with the register.
Nothing is written."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from typing import Any

from registry.importer.bulk import no_gc
from registry.importer.carried import carried_note, file_year
from registry.importer.checking import check_rows, worker_count
from registry.importer.handlers import handler_for
from registry.importer.kinds import Kind, get_kind
from registry.importer.lookups import Lookups
from registry.importer.model import CREATE, REJECT, Handler, ImportPreview, ImportProblem, RowPlan
from registry.importer.read import Table, read_table
from registry.rules.problems import RegistryError, Severity, error
from registry.storage.db import register_state
from registry.texts import msg


def preview_import(kind: str, path: str | os.PathLike[str], *, sheet: str | None = None,
                   workers: int | None = None) -> ImportPreview:
    """`workers`: processes checking the rows (1: this one alone); every core for a big
    file when not given."""
    with no_gc():
        return _preview(get_kind(kind), path, sheet, workers)


def _preview(spec: Kind, path: str | os.PathLike[str], sheet: str | None,
             workers: int | None) -> ImportPreview:
    handler = handler_for(spec.name)
    table = read_table(path, spec, sheet=sheet)
    _require_columns(table, spec.name)
    lookups = Lookups.load()
    lookups.file_year = file_year(table.above)
    fields = [(i, f) for i, f in enumerate(table.fields) if f]
    processes = worker_count(len(table.rows), workers)
    checked = check_rows(spec.name, fields, [cells for _number, cells in table.rows], lookups,
                         workers=processes)
    rows = [RowPlan(number, cells, values, problems)
            for (number, cells), (values, problems) in zip(table.rows, checked, strict=True)]
    preview = ImportPreview(spec, table, rows, lookups, _header_problems(table))
    preview.processes = processes
    flag_duplicates(preview, handler)
    plan(preview, handler)
    return preview


def _require_columns(table: Table, kind: str) -> None:
    spec = get_kind(kind)
    missing = [c.label for c in spec.columns if c.required and c.field not in table.fields]
    if kind == "hours" and not {"id_number", "volunteer_number"} & set(table.fields):
        missing.append(msg("身份证号或志愿者编号"))
    if missing:
        raise RegistryError(msg("工作表“{sheet}”第 {header_row} 行的表头中缺少必填列："
                            "{missing}。", sheet=table.sheet, header_row=table.header_row, missing='、'.join(missing)))


def _header_problems(table: Table) -> list[ImportProblem]:
    out = [ImportProblem(table.sheet, table.header_row, text, "", msg("这一列不认识，不会导入。"),
                         Severity.WARNING) for text in table.unknown_headers]
    out += [ImportProblem(table.sheet, table.header_row, text, "",
                          msg("与前面的列是同一项内容，只导入前面那一列。"), Severity.WARNING)
            for text in table.repeated_headers]
    if table.likely_truncated:
        out.append(ImportProblem(table.sheet, table.last_row, "", "", msg(
            "工作表正好用到第 {row:,} 行，这是 .{suffix} 文件能容纳的最后一行：原来的表格"
            "很可能更长，多出的行在另存为 .{suffix} 时已被办公软件丢掉。请用原始文件（或另存为 .xlsx）"
            "导入，或核对最后一行之后是否还有数据。", row=table.last_row, suffix=table.format),
            Severity.WARNING, "file.truncated"))
    return out


def flag_duplicates(preview: ImportPreview, handler: Handler) -> None:
    """Rows that share a key which must be unique in the file: reported on every one of them,
    naming the others."""
    labels = {c.field: c.label for c in preview.kind.columns}
    first: dict[tuple[str, str], RowPlan] = {}
    repeated: dict[tuple[str, str], list[RowPlan]] = defaultdict(list)
    for row in preview.rows:
        for field, key in handler.keys(row.values):
            if not key:
                continue
            seen = first.setdefault((field, key), row)
            if seen is not row:
                group = repeated[(field, key)]
                if not group:
                    group.append(seen)
                group.append(row)
    for (field, _key), rows in repeated.items():
        for row in rows:
            others = "、".join(str(r.number) for r in rows if r is not row)
            row.problems.append(error("duplicate_in_file", field,
                                      msg("{labels}与第 {others} 行重复，"
                                      "同一条记录在文件中出现了多次，请只保留一行。", labels=labels.get(field,
                                                                                  field), others=others)))


def plan(preview: ImportPreview, handler: Handler) -> None:
    """Compare the rows without errors with the register as it is now; the others are
    rejected. Run again at commit time inside the transaction, unless still_planned."""
    preview.planned_on = None
    state = _planning_state()  # before reading: a write during the plan makes it differ
    _plan_rows(preview, handler)
    preview.notes = _notes(preview)
    preview.planned_on = state


def still_planned(preview: ImportPreview) -> bool:
    """Whether planning now would find what the preview's plan found: nothing written to
    the register since, on the same day (carried hours are dated from today)."""
    return preview.planned_on is not None and _planning_state() == preview.planned_on


def _planning_state() -> tuple[Any, ...] | None:
    state = register_state()
    return None if state is None else (*state, dt.date.today())


def _notes(preview: ImportPreview) -> list[str]:
    if preview.kind.name == "volunteers":
        note = carried_note(preview.rows)
        return [note] if note else []
    if preview.kind.name != "hours":
        return []
    from registry.importer.hours import approval_note

    note = approval_note(preview.count(CREATE))
    return [note] if note else []


def _plan_rows(preview: ImportPreview, handler: Handler) -> None:
    valid = []
    for row in preview.rows:
        row.match_problems = []
        row.changes = ()
        row.target = {}
        if not row.has_error:
            valid.append(row)
    handler.match(valid, preview.lookups)
    for row in preview.rows:
        if row.has_error:
            row.action = REJECT
