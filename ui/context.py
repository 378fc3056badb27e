"""What every section shares: the worker, who is working, the choice lists, and the
hub through which operations announce what they changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from registry.ops import Changes, DuplicatePersonError, RegistryError, ValidationError
from ui.i18n import translate
from ui.worker import Worker


class Hub(QObject):
    changed = Signal(object)  # Changes, after any operation succeeded
    open_person = Signal(int)  # person id: show this person wherever they are
    lookups_changed = Signal()
    navigate = Signal(str)  # section key
    open_record = Signal(str, int)  # table ("organization", "social_worker", …), record id
    permissions_changed = Signal()


@dataclass
class AppContext:
    worker: Worker
    actor: str
    hub: Hub
    lookups: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    database_label: str = ""
    open_folders: bool = True  # open the folder after an export (off in tests)
    role: str | None = None  # the logged-in account's role; None: a register without accounts
    permissions: dict[str, bool] = field(default_factory=dict)  # action -> allowed (asked on the worker)

    def may(self, action: str) -> bool:
        """What the core allows this actor (asked once on the worker; the core checks again)."""
        return self.permissions.get(action, True)

    def run_op(self, parent: QWidget, fn: Callable[[], Changes],
               on_done: Callable[[Changes], None] | None = None,
               on_error: Callable[[BaseException], bool] | None = None) -> None:
        """Run a registry operation on the worker; announce its Changes; show failures.
        `on_error` may handle a failure itself by returning True."""

        def done(changes: Changes) -> None:
            if on_done is not None:
                on_done(changes)
            self.hub.changed.emit(changes)

        def failed(error: BaseException) -> None:
            if on_error is not None and on_error(error):
                return
            show_error(parent, error)

        self.worker.call(fn, on_done=done, on_error=failed)

    def community_name(self, community_id: Any) -> str:
        return dict(self.lookups.get("communities", [])).get(community_id, "")


def error_text(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(p.message for p in error.problems if p.is_error) or str(error)
    if isinstance(error, RegistryError | DuplicatePersonError):
        return str(error)
    return translate("Errors", "Something went wrong: {error}").format(error=repr(error))


def show_error(parent: QWidget, error: BaseException) -> None:
    QMessageBox.warning(parent, translate("Errors", "Could not finish"), error_text(error))
