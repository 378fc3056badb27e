"""Automatic backups of a SQLite register: every 30 minutes while data changed, and when
the window closes; all on the worker. A PostgreSQL register is backed up by its server."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from registry.ops import Changes
from ui.runtime.context import AppContext

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


def backup_state() -> dict[str, Any]:
    """On the worker: is it SQLite, the register's path and the name its backups carry, its
    backups (newest first: when, file, size, the register's name in the file's)."""
    from registry.storage.backup import backups_folder, list_backups, read_backup_name, register_file, register_name

    register = register_file()
    if register is None:
        return {"sqlite": False, "register": "", "name": "", "folder": None, "backups": []}
    folder = backups_folder(register)
    found = [(stamp, path, path.stat().st_size, (read_backup_name(path) or ("",))[0])
             for stamp, path in list_backups(folder, register)] if folder.is_dir() else []
    return {"sqlite": True, "register": str(register), "name": register_name(register), "folder": folder,
            "backups": found}


def backup_if_sqlite(reason: str) -> Path | None:
    """On the worker: a rotated, checked backup; None for a PostgreSQL register."""
    from registry.storage.backup import make_backup, register_file

    return make_backup(reason) if register_file() is not None else None


class AutoBackup(QObject):
    """Watches the hub for changes and backs up when registry.storage.backup.due says so."""

    backed_up = Signal(str)  # the backup's path

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 interval_ms: int = CHECK_EVERY_MS, enabled: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.last: dt.datetime | None = dt.datetime.now()  # a backup is made at close anyway
        self.running = False
        self.enabled = enabled
        ctx.hub.changed.connect(self.on_changes)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if enabled:
            self.timer.start()

    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        if not changes.nothing_changed:
            self.changed = True

    @Slot()
    def check(self, now: dt.datetime | None = None) -> bool:
        """Start a backup when one is due; True when one was started."""
        from registry.storage.backup import due

        if self.running or not due(self.last, self.changed, now):
            return False
        self.backup("auto")
        return True

    def backup(self, reason: str, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self.running, self.changed = True, False

        def done(path: Path | None) -> None:
            self.mark_done(path)
            if on_done is not None:
                on_done(path)

        def failed(error: BaseException) -> None:
            self.running, self.changed = False, True
            log.warning("automatic backup failed: %s", error)
            if on_error is not None:
                on_error(error)

        self.ctx.worker.call(backup_if_sqlite, reason, on_done=done, on_error=failed)

    def mark_done(self, path: Path | None) -> None:
        self.running = False
        self.last = dt.datetime.now()
        if path is not None:
            self.backed_up.emit(str(path))

    def at_close(self) -> Path | None:
        """The window is closing: back up now (waiting) when anything changed."""
        self.timer.stop()
        if not (self.enabled and self.changed):
            return None
        try:
            path = self.ctx.worker.run_sync(lambda: backup_if_sqlite("close"), timeout=300)
        except Exception as exc:  # closing goes on; the log says why
            log.warning("backup at close failed: %s", exc)
            return None
        self.changed = False
        return Path(path) if path else None
