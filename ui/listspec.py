"""What a list section shows: its columns, its SQL and its filters (read-only queries).

A ListSpec is used on the worker thread only. It builds a peewee query whose first
column is the unique key (the record id) and whose next columns are the shown values;
filters and sorting are done in SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

Filters = Mapping[str, Any]


def equal_to(filters: Filters, columns: Mapping[str, Any]) -> list[Any]:
    """`column == value` for each of the columns whose filter has a value (the lists'
    choice filters: community, status, organization …)."""
    return [column == filters[key] for key, column in columns.items() if filters.get(key)]


def where_all(query: Any, conditions: list[Any]) -> Any:
    return query.where(*conditions) if conditions else query


@dataclass(frozen=True)
class Column:
    title: str  # marked with tr_noop("Columns", ...)
    width: int = 110
    sort: Any = None  # peewee expression to ORDER BY, never NULL; None: not sortable
    numeric: bool = False

    def header(self) -> str:
        return QCoreApplication.translate("Columns", self.title)


class ListSpec:
    """Subclasses set `key` and `columns` and implement query() and conditions()."""

    key: Any
    columns: tuple[Column, ...] = ()

    def query(self, filters: Filters) -> Any:
        """SELECT key, shown values… WHERE filters (no ORDER BY)."""
        raise NotImplementedError

    def count(self, filters: Filters) -> int:
        return int(self.query(filters).count())

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """Turn the stored values of one row (after the key) into shown values."""
        return row
