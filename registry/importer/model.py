"""The values an import passes around: problems, planned rows, the preview, the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from registry.importer.kinds import Kind
from registry.importer.read import Table
from registry.ops.changes import Changes
from registry.rules.problems import Problem, Severity
from registry.texts import mark, msg

_ERROR = Severity.ERROR
CREATE, UPDATE, UNCHANGED, REJECT = "create", "update", "unchanged", "reject"
ACTION_LABELS = {CREATE: mark("新增"), UPDATE: mark("更新"), UNCHANGED: mark("无变化"), REJECT: mark("拒绝")}


def cell_text(value: Any) -> str:
    """A cell as the clerk would read it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return msg("是") if value else msg("否")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e20 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value).strip()


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int  # as Excel shows it
    column: str  # the header text as in the file
    value: str
    message: str
    severity: Severity
    code: str = ""  # the problem's kind (registry.rules.problems.Problem.code)
    rows: tuple[int, ...] = ()  # a summary of one kind of reminder: the rows it stands for

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def line(self) -> str:
        if self.rows:
            return self.message
        column = f" [{self.column}]" if self.column else ""
        value = f" {self.value}" if self.value else ""
        label = "" if self.is_error else msg("（提醒）")
        return msg("第 {row} 行{column}{value}：{label}{message}",
                   row=self.row, column=column, value=value, label=label, message=self.message)


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str


@dataclass
class RowPlan:
    """One data row: its cells, its cleaned values, and what the commit will do with it."""

    number: int
    cells: list[Any]
    values: dict[str, Any]
    problems: list[Problem]  # from checking the row and the file
    match_problems: list[Problem] = field(default_factory=list)  # from comparing with the register
    action: str = ""
    changes: tuple[FieldChange, ...] = ()
    target: dict[str, Any] = field(default_factory=dict)

    @property
    def all_problems(self) -> list[Problem]:
        return self.problems + self.match_problems

    @property
    def has_error(self) -> bool:
        problems = self.problems
        return bool(problems or self.match_problems) and (
            any(p.severity is _ERROR for p in problems)
            or any(p.severity is _ERROR for p in self.match_problems))


class Handler(Protocol):
    """What each kind provides: cleaning one row, keys that must be unique in the file,
    comparing with the register (in bulk), and writing (in bulk)."""

    def clean(self, raw: dict[str, Any], lookups: Any) -> tuple[dict[str, Any], list[Problem]]: ...

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]: ...

    def match(self, rows: list[RowPlan], lookups: Any) -> None: ...

    def write(self, rows: list[RowPlan], ctx: Any) -> None: ...


# Fields whose problems belong to a column that feeds them under another name.
_FED_BY = {"service_categories": "skills_categories", "skills": "skills_categories",
           "street": "community", "employer": "employer_name"}


@dataclass
class ImportPreview:
    kind: Kind
    table: Table
    rows: list[RowPlan]
    lookups: Any
    file_problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the clerk must know before importing
    processes: int = 1  # that checked the rows
    # The register as the last plan found it (db.register_state) and the day it planned on:
    # while both hold, planning again at commit would find the same.
    planned_on: tuple[Any, ...] | None = None

    @property
    def path(self) -> Path:
        return self.table.path

    @property
    def problems(self) -> list[ImportProblem]:
        out = list(self.file_problems)
        for row in self.rows:
            out.extend(self.row_problems(row))
        return out

    def row_problems(self, row: RowPlan) -> list[ImportProblem]:
        """A row's problems as lines that name the row, the column and the value."""
        out = []
        for problem in row.all_problems:
            column, index = self.column_for(problem.field)
            value = cell_text(row.cells[index]) if index is not None else ""
            out.append(ImportProblem(self.table.sheet, row.number, column, value,
                                     problem.message, problem.severity, problem.code))
        return out

    def column_for(self, field: str) -> tuple[str, int | None]:
        """(header text, column index) a field's problems are reported under."""
        for name in (field, _FED_BY.get(field, "")):
            index = self.table.column_of(name) if name else None
            if index is not None:
                return self.table.headers[index], index
        labels = {c.field: c.label for c in self.kind.columns}
        return labels.get(field, ""), None

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def has_errors(self) -> bool:
        return any(r.has_error for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    read: int
    created: int
    updated: int
    rejected: int
    unchanged: int
    changes: Changes = field(default_factory=Changes)
    notes: tuple[str, ...] = ()  # as the preview's, for what was written

    def summary(self) -> str:
        line = summary_line(self.read, self.created, self.updated, self.rejected)
        return "。".join([line, "".join(self.notes)]) if self.notes else line


def summary_line(read: int, created: int, updated: int, rejected: int) -> str:
    return (msg("读取 {read} 行，导入 {value} 行（新增 {created}，更新 {updated}），"
            "拒绝 {rejected} 行", read=read, value=created + updated, created=created, updated=updated,
            rejected=rejected))
