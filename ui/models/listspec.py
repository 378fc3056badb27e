"""What a list section shows of one of the core's lists: its columns, and each row as
the texts of its cells.

The rows, their order, their filters and their masked numbers come from the core (a
registry.queries ListQuery); a ListSpec only names the columns, their widths and the
core's sort behind each sortable one, and turns a typed row into text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from registry.queries.paging import ListQuery, Page, PageRequest
from registry.texts import shown

R = TypeVar("R")
Filters = Mapping[str, Any]  # the filter boxes' values, by the names of the core's filters
Line = tuple[Any, ...]  # a row as the table model keeps it: (key, sort value, cell texts…)


@dataclass(frozen=True)
class Column:
    """A column of a list section's table."""

    title: str  # marked with tr_noop("Columns", ...)
    width: int = 110
    sort: str | None = None  # the name of the core list's sort; None: not sortable
    numeric: bool = False

    def header(self) -> str:
        return QCoreApplication.translate("Columns", self.title)


class ListSpec(Generic[R]):
    """Subclasses set `query` and `columns` and write cells()."""

    query: ListQuery[Any, R]
    columns: tuple[Column, ...] = ()
    default_descending = False

    def cells(self, row: R) -> tuple[str, ...]:
        """The texts of a row's cells, one per column."""
        raise NotImplementedError

    # --- on the worker ------------------------------------------------------------------

    def sort_of(self, column: int | None) -> str | None:
        return self.columns[column].sort if column is not None else None

    def count(self, filters: Filters) -> int:
        return self.query.count(self.query.filters(**filters))

    def page(self, filters: Filters, request: PageRequest) -> list[Line]:
        return self.lines(self.query.page(self.query.filters(**filters), request))

    def position(self, filters: Filters, record: Any, column: int | None, descending: bool) -> int | None:
        """The row of `record` in the list as sorted by `column`; None: filtered out."""
        return self.query.position(self.query.filters(**filters), record, self.sort_of(column), descending)

    def lines(self, page: Page[R]) -> list[Line]:
        return [(anchor.key, anchor.value, *map(shown, self.cells(row)))
                for anchor, row in zip(page.anchors, page.rows, strict=True)]
