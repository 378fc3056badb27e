"""What every section is, and the list section: filters, a paged table, a detail panel."""

from __future__ import annotations

import html
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from registry.ops import Changes
from registry.texts import shown
from ui.models.listspec import ListSpec
from ui.models.paged_model import PagedTableModel
from ui.runtime import settings
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.sections.catalog import section_title

ROW_HEIGHT = 26
DETAIL_MIN_WIDTH = 260  # narrower, a Chinese value wraps a character a line
LIST_MIN_WIDTH = 320


class Section(QWidget):
    """One page of the main window."""

    key = ""
    tables: frozenset[str] = frozenset()  # a change to these refreshes the section
    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activated_once = False
        self.guarded: list[tuple[QWidget, str]] = []
        ctx.hub.permissions_changed.connect(self.apply_permissions)

    def guard(self, widget: QWidget, action: str) -> QWidget:
        """Enable `widget` only when the account may take `action`."""
        self.guarded.append((widget, action))
        widget.setEnabled(self.ctx.may(action))
        return widget

    def apply_permissions(self) -> None:
        for widget, action in self.guarded:
            widget.setEnabled(self.ctx.may(action))

    def title(self) -> str:
        return section_title(self.key)

    def activate(self) -> None:
        """Shown for the first time (lazy loading) or again."""
        self.activated_once = True

    def refresh(self) -> None:
        pass

    def new_record(self) -> None:
        pass

    def status_text(self) -> str:
        return ""

    def is_ready(self) -> bool:
        return True

    def on_changes(self, changes: Changes) -> None:
        if self.activated_once and changes.touches(self.tables):
            self.refresh()

    def save_state(self) -> None:
        pass


@dataclass
class FilterDef:
    """A filter box of a list section: its key, label and choices."""

    key: str
    label: str
    options: Callable[[AppContext], list[tuple[Any, str]]]


def button(text: str, icon_name: str, slot: Callable[[], None], name: str = "") -> QPushButton:
    b = QPushButton(icon(icon_name), text)
    b.setObjectName(name or icon_name)
    b.clicked.connect(slot)
    return b


class ListSection(Section):
    """Filters above a big table (paged from SQL), details of the selected row beside it."""

    spec: ListSpec[Any]
    filter_defs: tuple[FilterDef, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PagedTableModel(self.spec, ctx.worker, self)
        self.model.loaded.connect(lambda _n: self.status_changed.emit())
        self.model.modelReset.connect(self.status_changed.emit)
        self.view = QTableView()
        self.view.setObjectName(f"{self.key}_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(False)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        vh.setMinimumWidth(56)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(False)
        hh.sectionClicked.connect(self._header_clicked)
        for column, spec in enumerate(self.spec.columns):
            self.view.setColumnWidth(column, spec.width)
        settings.restore_header(self.header_key, hh)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur.row()))
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())

        self.filter_boxes: dict[str, QComboBox] = {}
        filters = QHBoxLayout()
        for fd in self.filter_defs:
            box = QComboBox()
            box.setObjectName(f"filter_{fd.key}")
            box.setMinimumContentsLength(6)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            filters.addWidget(QLabel(translate("Sections", fd.label)))
            filters.addWidget(box)
            box.currentIndexChanged.connect(self._filters_changed)
            self.filter_boxes[fd.key] = box
        filters.addStretch(1)
        self.toolbar = QHBoxLayout()
        self.toolbar.addStretch(1)

        self.detail = QTextBrowser()
        self.detail.setObjectName(f"{self.key}_detail")
        self.detail.setOpenLinks(False)
        self.detail_buttons = QHBoxLayout()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(self.detail_buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.view.setMinimumWidth(LIST_MIN_WIDTH)
        right.setMinimumWidth(DETAIL_MIN_WIDTH)
        self.splitter.setChildrenCollapsible(False)  # a pane dragged shut can't be found again
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 320])
        settings.restore_splitter(self.key, self.splitter)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.current_key: Any = None
        self.wanted_key: Any = None  # a record chosen elsewhere, to select once the list has it
        self.may_clear_filters = False
        self._following_view = False
        self.selection_buttons: list[tuple[QPushButton, str | None]] = []
        self.model.loaded.connect(self._select_wanted)
        self.model.page_arrived.connect(self._page_arrived)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_selection_buttons())
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(80)
        self._detail_timer.timeout.connect(self._load_detail)
        self.set_detail_html(self.empty_detail())
        self._fill_filters()
        ctx.hub.lookups_changed.connect(self._fill_filters)

    # --- toolbar ------------------------------------------------------------------------

    def add_action(self, text: str, icon_name: str, slot: Callable[[], None], name: str = "",
                   needs: str | None = None, *, on_selection: bool = False) -> QPushButton:
        """A toolbar button; `on_selection`: it acts on the selected record, so it is
        disabled (and says why) while none is selected."""
        b = button(text, icon_name, slot, name)
        self.toolbar.insertWidget(self.toolbar.count() - 1, b)
        self._register_button(b, needs, on_selection)
        return b

    def add_detail_action(self, text: str, icon_name: str, slot: Callable[[], None], name: str,
                          needs: str | None = None) -> QPushButton:
        """A button under the detail panel, for the selected record."""
        b = button(text, icon_name, slot, name)
        self.detail_buttons.addWidget(b)
        self._register_button(b, needs, True)
        return b

    def _register_button(self, b: QPushButton, needs: str | None, on_selection: bool) -> None:
        if on_selection:
            self.selection_buttons.append((b, needs))
            self._update_selection_buttons()
        elif needs:
            self.guard(b, needs)

    def has_selection(self) -> bool:
        return self.current_key is not None or self.view.selectionModel().hasSelection()

    def _update_selection_buttons(self) -> None:
        chosen = self.has_selection()
        hint = "" if chosen else translate("Sections", "Select a row in the list first.")
        for b, needs in self.selection_buttons:
            b.setEnabled(chosen and (needs is None or self.ctx.may(needs)))
            b.setToolTip(hint)

    def apply_permissions(self) -> None:
        super().apply_permissions()
        self._update_selection_buttons()

    # --- filters -----------------------------------------------------------------------

    def _fill_filters(self) -> None:
        for fd in self.filter_defs:
            box = self.filter_boxes[fd.key]
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(translate("Sections", "All"), None)
            for value, text in fd.options(self.ctx):
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        return {k: b.currentData() for k, b in self.filter_boxes.items()
                if b.currentData() is not None}

    def _filters_changed(self) -> None:
        if self.activated_once:
            self.model.set_filters(self.filters())
            if self.current_key is not None and self.wanted_key is None:
                self.want(self.current_key, clear_filters=False)
            self.status_changed.emit()

    def set_filter(self, key: str, value: Any) -> None:
        box = self.filter_boxes[key]
        box.setCurrentIndex(max(0, box.findData(value)))

    def active_filter_text(self) -> str:
        parts = [f"{translate('Sections', fd.label)}：{self.filter_boxes[fd.key].currentText()}"
                 for fd in self.filter_defs if self.filter_boxes[fd.key].currentData() is not None]
        return "，".join(parts)

    # --- loading -----------------------------------------------------------------------

    def activate(self) -> None:
        if not self.activated_once:
            self.activated_once = True
            self.model.set_filters(self.filters())

    def refresh(self) -> None:
        self.model.reload()
        if self.current_key is not None:
            self._detail_timer.start()
            if self.wanted_key is None:  # the reload clears the selection: the same row again
                self.want(self.current_key, clear_filters=False)

    def is_ready(self) -> bool:
        return self.model.ready and not self.model.counting

    def status_text(self) -> str:
        if not self.model.ready:
            return translate("Sections", "Loading…")
        if self.model.counting:
            count = translate("Sections", "Counting rows…")
        else:
            count = translate("Sections", "{count} rows").format(count=f"{self.model.rowCount():,}")
        active = self.active_filter_text()
        if active:
            return translate("Sections", "{count}; filters: {filters}").format(count=count, filters=active)
        return count

    def _header_clicked(self, column: int) -> None:
        if self.spec.columns[column].sort is None:
            return
        hh = self.view.horizontalHeader()
        descending = self.model.sort_column == column and not self.model.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(column, order)
        self.model.sort(column, order)

    # --- details -----------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        key = self.model.key_at(row) if row >= 0 else None
        if key is not None and key != self.current_key:
            self._following_view = True  # the clerk's own row: selected already, or just unselected
            try:
                self.show_record(key)
            finally:
                self._following_view = False

    def show_record(self, key: Any) -> None:
        self.current_key = key
        self._detail_timer.start()
        self._update_selection_buttons()
        if not self._following_view and not self._row_shows(key):
            self.want(key, clear_filters=True)

    def want(self, key: Any, clear_filters: bool) -> None:
        """Select `key`'s row when the list has it; `clear_filters`: clear filters that hide it
        (a record chosen from the search) rather than leave it unselected (after a reload)."""
        self.wanted_key, self.may_clear_filters = key, clear_filters
        self._select_wanted()

    def _row_shows(self, key: Any) -> bool:
        index = self.view.currentIndex()
        return index.isValid() and self.model.key_at(index.row()) == key and \
            self.view.selectionModel().isRowSelected(index.row())

    def _select_wanted(self) -> None:
        """Find the wanted record's row (on the worker) once the list is loaded, then select
        it and scroll to it; when the filters hide it, they are cleared first."""
        key = self.wanted_key
        if key is None or not self.activated_once or not self.is_ready():
            return  # the list's next load calls again
        filters, column, descending = self.filters(), self.model.sort_column, self.model.descending
        self.ctx.worker.call(self.spec.position, filters, key, column, descending,
                             on_done=lambda row: self._found(key, filters, row))

    def _found(self, key: Any, filters: dict[str, Any], row: int | None) -> None:
        if key != self.wanted_key or filters != self.filters() or not self.is_ready():
            return  # another record was chosen, or the list changed: asked again
        if row is None:
            if filters and self.may_clear_filters:
                self.clear_filters()  # reloads; _select_wanted runs when loaded
            else:
                self.wanted_key = None  # not in this list at all
            return
        if row >= self.model.rowCount():
            return
        self.wanted_key = None
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.current_key != key:  # another row became current meanwhile (the view's focus)
            self._following_view = True
            try:
                self.show_record(key)
            finally:
                self._following_view = False

    def _page_arrived(self, _page: int) -> None:
        """A row made current before its page was read (a jump, a search) shows its details now."""
        row = self.view.currentIndex().row()
        if row >= 0 and self.view.selectionModel().isRowSelected(row) and self.model.is_loaded(row):
            self._row_changed(row)

    def clear_filters(self) -> None:
        for box in self.filter_boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self._filters_changed()

    def _load_detail(self) -> None:
        key = self.current_key
        if key is None:
            return
        self.ctx.worker.call(self.detail_html, key,
                             on_done=lambda text: self._show_detail(key, text))

    def _show_detail(self, key: Any, text: str) -> None:
        if key == self.current_key:  # not a row the clerk has since left
            self.set_detail_html(text)

    def set_detail_html(self, text: str) -> None:
        self.detail.setHtml(text)

    def empty_detail(self) -> str:
        return "<p style='color:#666'>{}</p>".format(
            html.escape(translate("Sections", "Select a row to see its details.")))

    def detail_html(self, key: Any) -> str:
        """On the worker: the details of one record as HTML."""
        return ""

    def selected_keys(self) -> list[Any]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [k for k in (self.model.key_at(r) for r in rows) if k is not None]

    def edit_selected(self) -> None:
        pass

    @property
    def header_key(self) -> str:
        """Where the columns' widths are remembered: with the columns they were for, so a
        list whose columns changed in a new version starts from its defaults, not from
        widths that belonged to other columns."""
        titles = "\n".join(c.title for c in self.spec.columns)
        return f"{self.key}-{zlib.crc32(titles.encode()):08x}"

    def save_state(self) -> None:
        settings.save_header(self.header_key, self.view.horizontalHeader())
        settings.save_splitter(self.key, self.splitter)


def detail_table(title: str, rows: list[tuple[str, Any]], extra: str = "") -> str:
    """HTML for the detail panel: a heading and label/value rows."""
    cells = "".join(
        f"<tr><td style='color:#555;padding:2px 10px 2px 0;white-space:nowrap'>{html.escape(label)}</td>"
        f"<td style='padding:2px 0'>{html.escape('' if value is None else shown(str(value)))}</td></tr>"
        for label, value in rows)
    return (f"<h3 style='color:#2c5d8f'>{html.escape(title)}</h3>"
            f"<table cellspacing='0'>{cells}</table>{extra}")


def small_table(title: str, headers: list[str], rows: list[list[Any]]) -> str:
    """A titled HTML table for the detail panel; a dash when there are no rows."""
    none = translate("Sections", "none")
    head = "".join(f"<th align='left' style='padding:1px 8px 1px 0'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td style='padding:1px 8px 1px 0'>{html.escape(shown(str(v)))}</td>"
                                    for v in row) + "</tr>" for row in rows) or \
        f"<tr><td style='color:#666'>{html.escape(none)}</td></tr>"
    return (f"<h4 style='color:#2c5d8f;margin-bottom:2px'>{html.escape(title)}</h4>"
            f"<table cellspacing='0'><tr>{head}</tr>{body}</table>")
