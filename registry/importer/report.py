"""Turning a row's problems into lines that name the row, the column and the value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from registry.importer.model import ImportProblem, RowPlan, cell_text

if TYPE_CHECKING:
    from registry.importer.model import ImportPreview

# Fields whose problems belong to a column that feeds them under another name.
_FED_BY = {"service_categories": "skills_categories", "skills": "skills_categories",
           "street": "community", "employer": "employer_name"}


def column_for(preview: ImportPreview, field: str) -> tuple[str, int | None]:
    """(header text, column index) a field's problems are reported under."""
    table = preview.table
    for name in (field, _FED_BY.get(field, "")):
        index = table.column_of(name) if name else None
        if index is not None:
            return table.headers[index], index
    labels = {c.field: c.label for c in preview.kind.columns}
    return labels.get(field, ""), None


def row_problems(preview: ImportPreview, row: RowPlan) -> list[ImportProblem]:
    out = []
    for problem in row.all_problems:
        column, index = column_for(preview, problem.field)
        value = cell_text(row.cells[index]) if index is not None else ""
        out.append(ImportProblem(preview.table.sheet, row.number, column, value,
                                 problem.message, problem.severity))
    return out
