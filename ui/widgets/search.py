"""The search box always at hand (Ctrl+F): people by name, part of a name, pinyin initials,
ID number or its last digits, and phone; results as you type.

A key starts a search on the worker at once when none is running (so results follow the
last key by the query time, not by a fixed delay); keys typed while one runs are
coalesced into a single search for the latest text when it finishes, which debounces
fast typing and pasting. Each search carries a generation number and results of older
searches are dropped, so a slow answer never overwrites a newer one.

Searches go through registry.ops.search for the logged-in account: a search by number
follows the masking rule and is logged; what it may not search for is said in the list,
and a number the account may not search by part is not sent while it is being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from registry.rules.problems import RegistryError
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.runtime.worker import Job, Worker

if TYPE_CHECKING:  # the searches' modules are imported at the first search, not at start
    from registry.queries.search import PersonMatch

COALESCE_MS = 15  # lets a paste or an input-method commit arrive as one text
RESULTS_WIDTH = 600  # name, sex, birth year, community, masked number and roles on one line


class SearchBox(QLineEdit):
    person_chosen = Signal(int)  # person id
    results_shown = Signal(int)  # number of results, after each search

    def __init__(self, worker: Worker, overlay_parent: QWidget, actor: Callable[[], str] = lambda: "",
                 may_unmask: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.worker = worker
        self.actor, self.may_unmask = actor, may_unmask
        self.setObjectName("search")
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setPlaceholderText(translate("Search", "Find a person: name, initials, ID number, phone (Ctrl+F)"))
        self.setMinimumWidth(380)
        self.results = QListWidget(overlay_parent)
        self.results.setObjectName("search_results")
        self.results.hide()
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._search)
        self.textChanged.connect(self._typed)
        self._generation = 0
        self._job: Job[list[PersonMatch]] | None = None
        self._running = False
        self.last_results: list[PersonMatch] = []
        self.installEventFilter(self)

    def _typed(self, text: str) -> None:
        self._generation += 1
        if not text.strip():
            self._timer.stop()
            self.results.hide()
            return
        self._timer.start()

    def _search(self) -> None:
        if self._running:
            return  # the running search's end starts one for the latest text
        text, generation = self.text(), self._generation
        if not text.strip():
            return
        from registry.ops.search import find_matches
        from registry.queries.search import number_query

        number = number_query(text, may_unmask=self.may_unmask())
        if number is not None and number[1].refusal:
            self._say(number[1].refusal)  # said here: a part typed on the way is no search
            return
        self._running = True

        def finished() -> None:
            self._running = False
            if generation != self._generation:
                self._search()  # typed on meanwhile: search the latest text

        def done(rows: list[PersonMatch]) -> None:
            if generation == self._generation:
                self._show(rows)
            finished()

        def failed(error: BaseException) -> None:
            if generation == self._generation and isinstance(error, RegistryError):
                self._say(str(error))
            finished()

        actor = self.actor()
        self._job = self.worker.call(lambda: find_matches(actor, text), on_done=done, on_error=failed)

    def _say(self, message: str) -> None:
        """A sentence in place of results: why nothing was searched."""
        self.last_results = []
        self.results.clear()
        item = QListWidgetItem(message)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(message)
        self.results.addItem(item)
        self.results.setWordWrap(True)
        self._place(2)
        self.results_shown.emit(0)

    def _show(self, rows: list[PersonMatch]) -> None:
        from registry.queries.identities import SEPARATOR

        self.last_results = rows
        self.results.clear()
        if not rows:
            item = QListWidgetItem(translate("Search", "Nobody found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        for row in rows:
            roles = []
            if row.roles.volunteer:
                roles.append(translate("Search", "volunteer"))
            if row.roles.social_worker:
                roles.append(translate("Search", "social worker"))
            # namesakes (eight 胡素雪) are told apart by sex, birth year, community, masked number
            text = SEPARATOR.join(part for part in (row.who.label(), "、".join(roles)) if part)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        self._place(len(rows))
        self.results_shown.emit(len(rows))

    def _place(self, lines: int) -> None:
        parent = self.results.parentWidget() or self.window()
        pos = self.mapTo(parent, QPoint(0, self.height()))
        height = min(360, 28 * max(1, lines) + 8)
        width = min(max(self.width(), RESULTS_WIDTH), max(parent.width() - pos.x() - 8, self.width()))
        self.results.setGeometry(pos.x(), pos.y() + 2, width, height)
        self.results.show()
        self.results.raise_()

    def _chosen(self, item: QListWidgetItem) -> None:
        person = item.data(Qt.ItemDataRole.UserRole)
        if person is not None:
            self.results.hide()
            self.person_chosen.emit(int(person))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.results.isVisible() and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key == Qt.Key.Key_Escape:
                self.results.hide()
                return False
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                item = self.results.item(0)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
                    self._chosen(item)
                return True
        return super().eventFilter(watched, event)
