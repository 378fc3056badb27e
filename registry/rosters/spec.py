"""What every roster is made of: its columns, the filters it takes, and the rows it yields.

A roster's builder returns rows as plain sequences in column order (without 序号, which the
writer numbers). Values may come straight from the database driver: dates as `date` or as
ISO text (SQLite), numbers as int, float or Decimal. The writer does the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from registry.texts import mark

ColumnKind = Literal["text", "code", "id", "phone", "date", "datetime", "birth", "hours", "int", "percent",
                     "ratio", "blank"]
"""text: anything a person typed, wrapped in print; code: an identifier (证明编号, 统一社会信用代码),
text that keeps its width; id / phone: personal numbers, masked by default; date, datetime:
a real Excel date or date and time; hours, int, percent, ratio: numbers; blank: left empty (签名)."""
PERSONAL_KINDS = frozenset({"id", "phone"})

GROUP_BY = {"person": mark("按人员"), "community": mark("按社区"), "organization": mark("按组织")}


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = "text"
    width: float | None = None  # None: the kind's usual width
    total: bool = False  # summed in the total row


@dataclass(frozen=True)
class RosterFilters:
    """Which records a roster lists. None means "not filtered by this"."""

    street_id: int | None = None
    community_id: int | None = None
    organization_id: int | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    training_id: int | None = None
    group_by: str | None = None
    kinds: tuple[str, ...] | None = None  # the deadline list's kinds (rules/deadlines.KIND_LABELS)

    def given(self) -> list[str]:
        """Names of the filters that are set."""
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]

    def period(self) -> tuple[date | None, date | None]:
        """The date range, narrowed to `year` when a year is given too."""
        start, end = self.date_from, self.date_to
        if self.year is not None:
            first, last = date(self.year, 1, 1), date(self.year, 12, 31)
            start = first if start is None else max(start, first)
            end = last if end is None else min(end, last)
        return start, end


@dataclass
class RosterData:
    """One roster, ready to write."""

    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Any]]
    count: int | None  # number of rows, for progress; None when unknown
    unit: str = "条"  # the total row says "共 N {unit}"
    facts: tuple[str, ...] = ()  # extra lines for the title area (统计期间, 标准, ...)
    totals: Sequence[Any] | None = None  # a total row of its own (ratios), not column sums
    row_height: float | None = None  # data row height in points, e.g. room to sign


Builder = Callable[[RosterFilters, date], RosterData]


def always(filters: RosterFilters) -> bool:
    return True


def never(filters: RosterFilters) -> bool:
    return False


@dataclass(frozen=True)
class RosterSpec:
    key: str
    title: str
    build: Builder
    filters: frozenset[str]  # the RosterFilters fields this roster understands
    date_label: str = ""  # what the date range applies to, for the title area
    year_label: str = ""  # what the year means, for the title area
    statuses: tuple[str, ...] = ()  # accepted values of the status filter
    requires: frozenset[str] = frozenset()  # filters that must be given
    # whether the roster, so filtered, holds ID or phone numbers (which --unmasked shows whole)
    personal: Callable[[RosterFilters], bool] = never

