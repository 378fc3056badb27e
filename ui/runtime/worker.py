"""The one background thread that does all database work, and the delayed progress dialog.

Every database call (opening, reading pages, searching, operations, imports, exports)
runs here in submission order, so peewee's per-thread connection is only ever used on
this thread and the window never waits on SQL. Results come back to the GUI thread
through a queued signal; a job's callbacks run there.
"""

from __future__ import annotations

import itertools
import queue
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

T = TypeVar("T")
# What a callback returns is ignored, so any return is accepted (a lambda showing a message box).
OnError = Callable[[BaseException], object]


class Cancelled(Exception):
    """Raised inside a job when the clerk cancelled it."""


@dataclass
class Job(Generic[T]):
    """A unit of database work. `fn(job)` runs on the worker thread; its result goes to on_done."""

    fn: Callable[[Job[T]], T]
    on_done: Callable[[T], object] | None = None
    on_error: OnError | None = None
    on_progress: Callable[[int, int, str], None] | None = None
    id: int = 0
    _cancel: threading.Event = field(default_factory=threading.Event)
    _worker: Worker | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, stage: str = "") -> None:
        """Called from the worker thread; delivered to on_progress on the GUI thread."""
        if self._worker is not None:
            self._worker.progressed.emit(self.id, done, total, stage)


class Worker(QObject):
    """A serial job queue on one Python thread, talking back through queued signals."""

    # Only the job id crosses threads: results wait in a dict (a PySide signal carrying
    # Python objects such as None across threads can break reference counts).
    finished = Signal(int)
    progressed = Signal(int, int, int, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job[Any] | None] = queue.Queue()
        self._jobs: dict[int, Job[Any]] = {}
        self._ids = itertools.count(1)
        self._results: dict[int, tuple[object, BaseException | None]] = {}
        self._lock = threading.Lock()
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._report, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="registry-db", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Job[T]], T], on_done: Callable[[T], object] | None = None,
               on_error: OnError | None = None,
               on_progress: Callable[[int, int, str], None] | None = None) -> Job[T]:
        job = Job(fn, on_done, on_error, on_progress, next(self._ids))
        job._worker = self
        self._jobs[job.id] = job
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._queue.put(job)
        return job

    def call(self, fn: Callable[..., T], *args: object, on_done: Callable[[T], object] | None = None,
             on_error: OnError | None = None, **kwargs: object) -> Job[T]:
        """Submit `fn(*args, **kwargs)`, which does not need the job itself.

        Only the result is typed: a ParamSpec cannot check `args` next to the keyword-only
        callbacks."""
        return self.submit(lambda _job: fn(*args, **kwargs), on_done, on_error)

    @property
    def pending(self) -> int:
        return len(self._jobs)

    def run_sync(self, fn: Callable[[], T], timeout: float = 600.0) -> T:
        """Run `fn` on the worker and wait for it, without an event loop (start-up,
        screenshots, tests). Never call from a job."""
        results: list[T] = []
        errors: list[BaseException] = []
        ready = threading.Event()

        def job(_job: Job[None]) -> None:
            try:
                results.append(fn())
            except BaseException as exc:  # handed back to the caller
                errors.append(exc)
            finally:
                ready.set()

        self._queue.put(Job(job, id=0))
        if not ready.wait(timeout):
            raise TimeoutError("database worker did not answer")
        if errors:
            raise errors[0]
        return results[0]

    def shutdown(self, timeout: float = 30.0) -> None:
        for job in self._jobs.values():
            job.cancel()
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            result: object
            error: BaseException | None
            if job.cancelled:
                result, error = None, Cancelled()
            else:
                try:
                    result, error = job.fn(job), None
                except BaseException as exc:
                    result, error = None, exc
                    if not isinstance(exc, Cancelled):
                        exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            if job.id:
                with self._lock:
                    self._results[job.id] = (result, error)
                self.finished.emit(job.id)

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        with self._lock:
            result, error = self._results.pop(job_id, (None, None))
        job = self._jobs.pop(job_id, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        if job is None:
            return
        if error is None and job.cancelled:
            error = Cancelled()
        try:
            if error is None:
                if job.on_done is not None:
                    job.on_done(result)
            elif job.on_error is not None:
                job.on_error(error)
                return
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            return  # the widget waiting for this answer was closed meanwhile
        if error is None:
            return
        if not isinstance(error, Cancelled):
            if sys.excepthook is not sys.__excepthook__:  # the crash dialog (ui/crash.py) is installed
                sys.excepthook(type(error), error, error.__traceback__)
                return
            text = getattr(error, "__traceback_text__", repr(error))
            print(text, file=sys.stderr)

    @Slot(int, int, int, str)
    def _report(self, job_id: int, done: int, total: int, stage: str) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.on_progress is not None:
            job.on_progress(done, total, stage)


def delayed(ms: int, fn: Callable[[], None], parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(fn)
    timer.start(ms)
    return timer
