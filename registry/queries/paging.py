"""A big list a page at a time, by key: what every list section of the program reads.

A ListQuery is one list: its SELECT, its filters and the columns it may be sorted by.
A page next to one already read is read by key (WHERE (sort, id) > (last sort, last id)
ORDER BY sort, id LIMIT n), which walks the sort column's index from where the last
page ended; a page far from any read one (a jump) is read with OFFSET from whichever
end of the list is nearer, so the last row is as quick to reach as the first. The
record id breaks ties in the sort column, so every row has one place in the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from peewee import CharField, Expression, Field, Select, TextField, Tuple

from registry.queries.masking import MASKED, Masker
from registry.storage.db import database, is_sqlite

PAGE_SIZE = 100
UNKNOWN_COUNT = 1 << 62  # the first page is asked for before the list is counted

Sorts = Mapping[str, Field]  # a list's sort columns, named as the row's field; none NULL
F = TypeVar("F")  # a list's filters (a frozen dataclass)
R = TypeVar("R")  # a list's row (a frozen dataclass)


@dataclass(frozen=True)
class Anchor:
    """A row's place in the order: its key (record id) and its value in the sort column
    (the key again when the list is sorted by key)."""

    key: int
    value: Any


@dataclass(frozen=True)
class PageRequest:
    """Which page of a list to read: its sort, its first row and size, and what is known of the list."""

    sort: str | None = None  # one of the list's `sorts`; None: by key
    descending: bool = False
    start: int = 0  # the page's first row
    size: int = PAGE_SIZE
    count: int = UNKNOWN_COUNT  # rows in the list, as last counted
    after: Anchor | None = None  # the row just before `start`, when known
    before: Anchor | None = None  # the row just after the page, when known


@dataclass(frozen=True)
class Page(Generic[R]):
    """A page of a list's rows, with the anchors to ask for the pages beside it."""

    rows: tuple[R, ...]
    anchors: tuple[Anchor, ...]  # one per row: the next or previous page is asked from these


def equal_to(pairs: Iterable[tuple[Field, Any]]) -> list[Expression]:
    """`column == value` for each choice filter that was given (community, status …)."""
    return [column == value for column, value in pairs if value is not None]


class ListQuery(Generic[F, R]):
    """One list: subclasses set `key`, `sorts` and `filters`, and write select(),
    where() and row()."""

    key: ClassVar[Field]  # the unique record id, the first column of select()
    sorts: ClassVar[Sorts] = {}
    filters: type[F]

    def select(self) -> Any:
        """SELECT key, the row's values … FROM … JOIN … (no WHERE, no ORDER BY)."""
        raise NotImplementedError

    def where(self, filters: F) -> list[Expression]:
        return []

    def counted(self) -> Any:
        """What count() counts: select() unless a list has a cheaper query of the same rows."""
        return self.select()

    def keyed(self) -> Any:
        """What page() orders and cuts to a page before it reads the rows, or None to read
        them in one query. A list whose filters and sorts need none of select()'s joins
        gives its table's keys alone: a big filtered list then sorts a few thousand keys
        instead of that many joined rows (the hours list of one community at 10M lines:
        a page in 3 ms instead of 196 ms)."""
        return None

    def row(self, values: tuple[Any, ...], masker: Masker) -> R:
        """One row of select() as the list's row, its numbers masked by `masker`."""
        raise NotImplementedError

    def count(self, filters: F) -> int:
        return int(_where(self.counted(), self.where(filters)).count())

    def page(self, filters: F, request: PageRequest, masker: Masker = MASKED) -> Page[R]:
        """The rows [start, start + size) in the requested order."""
        key = self.key
        sort = self.sorts[request.sort] if request.sort is not None else key
        by_key = sort is key
        keyed = self.keyed()
        query = _where(self.select() if keyed is None else keyed, self.where(filters))
        if not by_key:
            query = query.select_extend(sort.alias("_sort_value"))
        forward, anchor, offset = _way_to(request)
        ascending = forward != request.descending  # the direction in SQL
        if anchor is not None and by_key:
            query = query.where(key > anchor.key if ascending else key < anchor.key)
        elif anchor is not None:
            pair, given = Tuple(sort, key), Tuple(_bindable(anchor.value), anchor.key)
            query = query.where(pair > given if ascending else pair < given)
        if by_key:
            order = [key.asc() if ascending else key.desc()]
        else:
            order = [sort.asc(), key.asc()] if ascending else [sort.desc(), key.desc()]
        found = _fetch(query.order_by(*order).limit(request.size).offset(offset or None))
        if not forward:
            found.reverse()
        if keyed is not None:
            found = self._rows_of(found)
        if by_key:
            return Page(tuple(self.row(values, masker) for values in found),
                        tuple(Anchor(values[0], values[0]) for values in found))
        return Page(tuple(self.row(values[:-1], masker) for values in found),
                    tuple(Anchor(values[0], values[-1]) for values in found))

    def _rows_of(self, keys: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """select()'s rows of the keys (each followed by what else its tuple holds), in
        their order; one deleted since the keys were read is left out."""
        rows = {values[0]: values for values in _fetch(self.select().where(self.key.in_([k[0] for k in keys])))}
        return [rows[k[0]] + k[1:] for k in keys if k[0] in rows]

    def position(self, filters: F, record: int, sort: str | None = None,
                 descending: bool = False) -> int | None:
        """The row number of `record` in the list in this order, None when the filters
        leave it out: where the program selects a record chosen elsewhere (a search)."""
        key = self.key
        field = self.sorts[sort] if sort is not None else key
        query = _where(self.select(), self.where(filters))
        found = _fetch(query.select_extend(field.alias("_position_value")).where(key == record).limit(1))
        if not found:
            return None
        value = _bindable(found[0][-1])
        if field is key:
            before = key > record if descending else key < record
        else:
            pair, given = Tuple(field, key), Tuple(value, record)
            before = pair > given if descending else pair < given
        return int(query.where(before).count())


def _way_to(request: PageRequest) -> tuple[bool, Anchor | None, int]:
    """How to read the page: forward or backward in the order shown, from a neighbouring
    row (an anchor) or else past a number of rows from the nearer end (an offset)."""
    if request.after is not None:
        return True, request.after, 0
    if request.before is not None:
        return False, request.before, 0
    from_end = request.count - request.start - request.size
    if from_end < request.start:  # nearer the end: read backwards from there
        return False, None, max(0, from_end)
    return True, None, request.start


def _fetch(query: Select) -> list[tuple[Any, ...]]:
    """The query's rows as .tuples() gives them, only quicker: the drivers already return
    text columns as str, so those skip peewee's per-value conversion (on a list of mostly
    text, a fifth of the page's time) and the rows come in one fetchall()."""
    converters = [None if isinstance(column, CharField | TextField) else column.python_value
                  for column in (node.unwrap() for node in query.selected_columns)]
    return [tuple([value if convert is None or value is None else convert(value)
                   for convert, value in zip(converters, row, strict=True)])
            for row in database.execute(query).fetchall()]


def _where(query: Select, conditions: list[Expression]) -> Select:
    return query.where(*conditions) if conditions else query


def _bindable(value: Any) -> Any:
    """A sort value as the driver binds it (sqlite3 cannot bind Decimal; SQLite stores
    these columns as numbers, so the float round-trips exactly)."""
    if isinstance(value, Decimal) and is_sqlite():
        return float(value)
    return value
