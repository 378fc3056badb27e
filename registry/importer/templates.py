"""Empty import templates: the expected headers (required ones in bold red), a 填写说明
sheet, dropdown lists, and ID number and phone columns formatted as text."""

from __future__ import annotations

import os
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from registry.importer.kinds import Column, Kind, get_kind
from registry.importer.xlsx import new_workbook
from registry.rules.documents import DOC_TYPES
from registry.rules.vocab import (
    EDUCATION_LEVELS,
    ORG_STATUSES,
    ORG_TYPES,
    POLITICAL_STATUSES,
    SERVICE_CATEGORIES,
    SEXES,
    SOCIAL_WORKER_LEVELS,
)
from registry.storage.db import database

TEMPLATE_ROWS = 10_000  # rows below the header with dropdowns and text formats: a street's whole register
LISTS_SHEET = "下拉选项"
NOTES_SHEET = "填写说明"
CHOICES: dict[str, tuple[str, ...]] = {
    "sex": SEXES, "political": POLITICAL_STATUSES, "education": EDUCATION_LEVELS,
    "level": SOCIAL_WORKER_LEVELS, "org_type": ORG_TYPES, "category": SERVICE_CATEGORIES,
    "yesno": ("是", "否"), "passed": ("合格", "不合格"), "org_status": ORG_STATUSES,
    "id_type": DOC_TYPES,
}


def _communities() -> tuple[str, ...]:
    """The register's communities when a database is open, else none."""
    if database.obj is None or database.is_closed():
        return ()
    from registry.storage.models import Community

    return tuple(name for (name,) in Community.select(Community.name).order_by(Community.code).tuples())


def write_template(kind: str | Kind, path: str | os.PathLike[str]) -> None:
    spec = get_kind(kind) if isinstance(kind, str) else kind
    columns = [c for c in spec.columns if c.in_template]
    choices = {**CHOICES, "community": _communities()}
    workbook = new_workbook(path)
    try:
        sheet = workbook.add_worksheet(f"{spec.label}导入")
        notes = workbook.add_worksheet(NOTES_SHEET)
        lists = workbook.add_worksheet(LISTS_SHEET)
        head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        required = workbook.add_format({"bold": True, "font_color": "#C00000", "bg_color": "#DDEBF7",
                                        "border": 1})
        text = workbook.add_format({"num_format": "@"})
        list_columns: dict[str, str] = {}
        for col, column in enumerate(columns):
            sheet.write_string(0, col, column.label, required if column.required else head)
            sheet.set_column(col, col, 22 if column.text else max(10, len(column.label) * 2 + 4),
                             text if column.text else None)
            values = choices.get(column.choices, ())
            if not values:
                continue
            if column.choices not in list_columns:
                list_col = len(list_columns)
                lists.write_string(0, list_col, column.choices)
                for i, value in enumerate(values, start=1):
                    lists.write_string(i, list_col, value)
                letter = xl_col_to_name(list_col)
                list_columns[column.choices] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            sheet.data_validation(1, col, TEMPLATE_ROWS, col, {
                "validate": "list", "source": list_columns[column.choices], "error_type": "warning",
                "error_title": column.label, "error_message": "不在下拉列表中，请确认后再保存。"})
        sheet.freeze_panes(1, 0)
        lists.hide()
        _notes(workbook, notes, spec, columns, choices)
    finally:
        workbook.close()


def _notes(workbook: Any, notes: Any, spec: Kind, columns: list[Column],
           choices: dict[str, tuple[str, ...]]) -> None:
    head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    notes.write_string(0, 0, f"{spec.label}导入模板填写说明：红色列为必填；从第 2 行起每行填一条；"
                             "表头不要改动，可以删去不用的列；日期写成 2024-05-12 或 2024.5.12 均可。")
    for col, title in enumerate(("列名", "是否必填", "说明", "可选值")):
        notes.write_string(2, col, title, head)
    for row, column in enumerate(columns, start=3):
        notes.write_string(row, 0, column.label, wrap)
        notes.write_string(row, 1, "必填" if column.required else "选填", wrap)
        if column.note:
            notes.write_string(row, 2, column.note, wrap)
        values = choices.get(column.choices, ())
        if values:
            notes.write_string(row, 3, "、".join(values)[:32_767], wrap)
    notes.set_column(0, 0, 22)
    notes.set_column(1, 1, 10)
    notes.set_column(2, 2, 60)
    notes.set_column(3, 3, 50)
