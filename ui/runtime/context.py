"""What every section shares: the worker, who is working, the choice lists, the one way to
run an operation, and the hub through which operations announce what they changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from registry.ops import Changes, HasChanges, RegistryError, ValidationError, changes_of
from registry.rules.permissions import Action
from registry.storage.faults import describe as describe_fault
from ui.runtime.i18n import translate
from ui.runtime.progress import BackgroundTask
from ui.runtime.worker import Job, Worker

Result = TypeVar("Result", bound=Changes | HasChanges)


class Hub(QObject):
    changed = Signal(object)  # Changes, after any operation succeeded
    open_person = Signal(int)  # person id: show this person wherever they are
    lookups_changed = Signal()
    navigate = Signal(str)  # section key
    open_record = Signal(str, int)  # table ("organization", "social_worker", …), record id
    permissions_changed = Signal()


@dataclass
class AppContext:
    """What every part of the window shares: the worker, who is working and what they may do, the lookups."""

    worker: Worker
    actor: str
    hub: Hub
    lookups: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    database_label: str = ""
    open_folders: bool = True  # open the folder after an export (off in tests)
    role: str | None = None  # the logged-in account's role; None: a register without accounts
    permissions: dict[Action, bool] = field(default_factory=dict)  # asked on the worker; empty: all

    def may(self, action: str) -> bool:
        """What the core allows this actor (asked once on the worker; the core checks again).
        An action outside Action is a programming error, as in the core."""
        return self.permissions.get(Action(action), True)

    @overload
    def run_op(self, parent: QWidget, op: Callable[[], Result],
               on_done: Callable[[Result], object] | None = None,
               on_error: Callable[[BaseException], bool] | None = None) -> None: ...

    @overload
    def run_op(self, parent: QWidget, op: Callable[[Job[Result]], Result],
               on_done: Callable[[Result], object] | None = None,
               on_error: Callable[[BaseException], bool] | None = None, *,
               progress: str, cancellable: bool = False) -> BackgroundTask: ...

    def run_op(self, parent: QWidget, op: Callable[..., Any],
               on_done: Callable[[Any], object] | None = None,
               on_error: Callable[[BaseException], bool] | None = None, *,
               progress: str | None = None, cancellable: bool = False) -> BackgroundTask | None:
        """Run a registry operation on the worker, then announce the Changes it returns
        (itself, or its `changes`) and call `on_done(result)`; show a failure unless
        `on_error` handles it (returns True). With `progress`, the text of a progress dialog that
        appears when the operation takes a while, `op` gets the job, to report progress
        and, when `cancellable`, to see the clerk cancel."""

        def done(result: Any) -> None:
            self.announce(changes_of(result))  # first: the views refresh behind any message
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            if on_error is not None and on_error(error):
                return
            show_error(parent, error)

        if progress is None:
            self.worker.call(op, on_done=done, on_error=failed)
            return None
        return BackgroundTask(parent, self.worker, op, progress, cancellable=cancellable,
                              on_done=done, on_error=failed)

    def announce(self, changes: Changes) -> None:
        """Tell every view what changed, so each refreshes what it shows of it; when nothing
        changed there is nothing to tell."""
        if not changes.nothing_changed:
            self.hub.changed.emit(changes)

    def community_name(self, community_id: Any) -> str:
        return dict(self.lookups.get("communities", [])).get(community_id, "")


def error_text(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(p.message for p in error.problems if p.is_error) or str(error)
    if isinstance(error, RegistryError):  # a DuplicatePersonError too
        return str(error)
    fault = describe_fault(error)  # a full disk, a locked register, ...: in plain words
    if fault is not None:
        return fault
    return translate("Errors", "Something went wrong: {error}").format(error=repr(error))


def show_error(parent: QWidget, error: BaseException) -> None:
    QMessageBox.warning(parent, translate("Errors", "Could not finish"), error_text(error))
