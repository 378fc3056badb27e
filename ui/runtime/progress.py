"""Background work with a progress dialog that appears only when it takes a while."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.runtime.i18n import translate
from ui.runtime.worker import Job, Worker

SHOW_AFTER_MS = 600
T = TypeVar("T")


class BackgroundTask(QObject):
    """Run `fn(job)` on the worker; show a progress dialog after SHOW_AFTER_MS.

    The dialog is window-modal so nothing else is started meanwhile, but the event loop
    keeps running: the window repaints and the clerk can cancel when `cancellable`.
    """

    def __init__(self, parent: QWidget, worker: Worker, fn: Callable[[Job[T]], T], label: str, *,
                 cancellable: bool = True, on_done: Callable[[T], object] | None = None,
                 on_error: Callable[[BaseException], object] | None = None) -> None:
        super().__init__(parent)
        self._on_done: Callable[[Any], object] | None = on_done
        self._on_error = on_error
        self.finished = False
        self.shown = False
        self.dialog = QProgressDialog(label, translate("Progress", "Cancel") if cancellable else "",
                                      0, 0, parent)
        self.dialog.setWindowTitle(translate("Progress", "Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.setMinimumWidth(360)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.hide()
        self.dialog.canceled.connect(self._cancel)
        self.job: Job[Any] = worker.submit(fn, self._done, self._failed, self._progress)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(SHOW_AFTER_MS)

    @Slot()
    def _show(self) -> None:
        if not self.finished:
            self.shown = True
            self.dialog.show()

    @Slot()
    def _cancel(self) -> None:
        self.job.cancel()
        self.dialog.setLabelText(translate("Progress", "Cancelling…"))

    def _progress(self, done: int, total: int, stage: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if stage:
            self.dialog.setLabelText(stage)

    def _close(self) -> None:
        self.finished = True
        self._timer.stop()
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: object) -> None:
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    def _failed(self, error: BaseException) -> None:
        self._close()
        if self._on_error is not None:
            self._on_error(error)
