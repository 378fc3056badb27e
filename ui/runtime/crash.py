"""The log file and the crash dialog: an unexpected error is written to the log and shown
in plain Chinese (what happened, where the log is) instead of the program vanishing."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.runtime.i18n import translate

LOG_NAME = "street-registry.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
log = logging.getLogger("ui")


def default_log_path() -> Path:
    from registry.storage.paths import data_dir

    return data_dir() / "logs" / LOG_NAME


def setup_logging(path: Path | None = None) -> Path | None:
    """Log to a rotating file (1 MB × 5) in the data folder; None when it cannot be written."""
    path = path or default_log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and \
                Path(handler.baseFilename) == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def crash_text(error: BaseException, log_path: Path | None, thread: str = "") -> str:
    """What the crash dialog says."""
    where = (translate("Crash", "The details were written to the log file:\n{path}").format(path=log_path)
             if log_path else translate("Crash", "The log file could not be written."))
    place = translate("Crash", " (in the background database work)") if thread else ""
    return translate(
        "Crash", "The program met an unexpected error{place} and could not finish what it was "
        "doing:\n\n{error}\n\nYour register was not changed by the unfinished step. Please save "
        "your work, restart the program if it misbehaves, and send the log file to whoever looks "
        "after the program.\n\n{where}").format(place=place, error=f"{type(error).__name__}: {error}",
                                                where=where)


class _Relay(QObject):
    """Carries a crash from any thread to the GUI thread."""

    crashed = Signal(str)

    def __init__(self, show: Callable[[str], None]) -> None:
        super().__init__()
        self._show = show
        self.crashed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _deliver(self, text: str) -> None:
        self._show(text)


def show_crash_dialog(text: str) -> None:
    if QApplication.platformName() in ("offscreen", "minimal"):
        print(text, file=sys.stderr)
        return
    QMessageBox.critical(None, translate("Crash", "Unexpected error"), text)


class CrashHandler:
    """Installs sys.excepthook and threading.excepthook; restore() puts the old ones back."""

    def __init__(self, log_path: Path | None, show: Callable[[str], None] = show_crash_dialog) -> None:
        self.log_path = log_path
        self.shown: list[str] = []
        self._show = show
        self._relay = _Relay(self._display)
        self._old_sys: Any = None
        self._old_thread: Any = None

    def install(self) -> CrashHandler:
        self._old_sys, self._old_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception
        return self

    def restore(self) -> None:
        if self._old_sys is not None:
            sys.excepthook, threading.excepthook = self._old_sys, self._old_thread
            self._old_sys = self._old_thread = None

    def on_exception(self, kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None, thread: str = "") -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        log.error("unexpected error%s:\n%s", f" in {thread}" if thread else "",
                  "".join(traceback.format_exception(kind, error, tb)))
        self._relay.crashed.emit(crash_text(error, self.log_path, thread))

    def on_thread_exception(self, args: Any) -> None:
        if args.exc_value is None:
            return
        self.on_exception(args.exc_type, args.exc_value, args.exc_traceback,
                          args.thread.name if args.thread else "thread")

    def _display(self, text: str) -> None:
        self.shown.append(text)
        self._show(text)
