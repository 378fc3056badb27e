"""A table model over a big list of the core: rows come in pages, read on the worker by key.

Only the row count and the pages the view asks for are ever loaded. A page next to a
loaded one is asked for by key (the row just before or after it), a page far away by its
row number; the core (registry.queries.paging) answers both, with the list's sort and
filters. The model keeps each page as the rows' keys, sort values and cell texts.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from registry.queries.paging import PAGE_SIZE, Anchor, PageRequest
from ui.models.listspec import Line, ListSpec
from ui.runtime.worker import Job, Worker

MAX_PAGES = 60  # pages kept in memory; the oldest used are dropped
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows from `spec`, fetched in pages through `worker`."""

    loaded = Signal(int)  # the row count, once known after a reload
    page_arrived = Signal(int)  # page number

    def __init__(self, spec: ListSpec[Any], worker: Worker, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.worker = worker
        self.filters: dict[str, Any] = {}
        self.sort_column: int | None = None
        self.descending = spec.default_descending
        self._count = 0
        self.counting = False
        self._pages: OrderedDict[int, list[Line]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.ready = False

    # --- Qt overrides ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].header()
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.spec.columns[index.column()].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.row_values(index.row())
        if row is None:
            return "…" if index.column() == 0 else None
        return row[index.column() + 2]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= 0 and self.spec.columns[column].sort is None:
            return
        self.sort_column = column if column >= 0 else None
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- paging -------------------------------------------------------------------------

    def row_values(self, row: int) -> Line | None:
        """(key, sort value, shown…) of a row, or None while its page is being fetched."""
        if row < 0 or row >= self._count:
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        offset = row - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def key_at(self, row: int) -> Any:
        values = self.row_values(row)
        return values[0] if values is not None else None

    def is_loaded(self, row: int) -> bool:
        page = self._pages.get(row // PAGE_SIZE)
        return page is not None and row - (row // PAGE_SIZE) * PAGE_SIZE < len(page)

    def set_filters(self, filters: dict[str, Any]) -> None:
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def reload(self) -> None:
        """Fetch the first page, then the count (after a change, F5, a new filter): the
        first rows show before the count of a big table is known. The count is asked for
        with the page, so the worker counts while the window is still being built and
        painted; a short first page is the whole list, and then nothing is counted."""
        self._generation += 1
        generation = self._generation
        self._pending.clear()
        self.counting = True
        spec, filters = self.spec, dict(self.filters)
        first = PageRequest(spec.sort_of(self.sort_column), self.descending)
        first_rows: list[list[Line]] = []  # the page job's answer, for the count job behind it

        def page(_job: Job[list[Line]]) -> list[Line]:
            first_rows.append(spec.page(filters, first))
            return first_rows[0]

        def count(_job: Job[int | None]) -> int | None:
            if generation != self._generation or not first_rows or len(first_rows[0]) < PAGE_SIZE:
                return None  # reloaded meanwhile, the page failed, or the page is every row
            return spec.count(filters)

        def first_done(first: list[Line]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._pages.clear()
            self._count = len(first)
            if first:
                self._pages[0] = first
            self.endResetModel()
            if len(first) < PAGE_SIZE:
                self._counted(len(first))

        def count_done(count: int | None) -> None:
            if count is not None and generation == self._generation:
                self._counted(count)

        self.worker.submit(page, first_done, self._failed)
        self.worker.submit(count, count_done, self._failed)

    def _counted(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.counting = False
        self.ready = True
        self.loaded.emit(count)

    def _failed(self, error: BaseException) -> None:
        import sys

        print(f"list query failed: {error!r}", file=sys.stderr)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        start = page * PAGE_SIZE
        size = min(PAGE_SIZE, self._count - start)
        before_rows, after_rows = self._pages.get(page - 1), self._pages.get(page + 1)
        after = Anchor(*before_rows[-1][:2]) if before_rows and len(before_rows) == PAGE_SIZE else None
        before = Anchor(*after_rows[0][:2]) if after_rows else None
        req = PageRequest(self.spec.sort_of(self.sort_column), self.descending, start, size,
                          self._count, after, before)
        generation, spec, filters = self._generation, self.spec, dict(self.filters)

        def run(job: Job[list[Line]]) -> list[Line]:
            if generation != self._generation:  # the list was reloaded meanwhile
                return []
            return spec.page(filters, req)

        def done(rows: list[Line]) -> None:
            self._pending.discard(page)
            if generation != self._generation or not rows:
                return
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            last = min(start + len(rows), self._count) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole])
            self.page_arrived.emit(page)

        def failed(error: BaseException) -> None:
            self._pending.discard(page)
            self._failed(error)

        self.worker.submit(run, done, failed)
