"""The database worker and the paged table model."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ui.runtime.worker import Cancelled, Worker


@pytest.fixture
def worker(qapp: Any) -> Any:
    w = Worker()
    yield w
    w.shutdown()


def test_jobs_run_in_order_on_one_thread(worker: Worker, qtbot: Any) -> None:
    seen: list[tuple[int, str]] = []
    for i in range(20):
        worker.call(lambda i=i: (i, threading.current_thread().name), on_done=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 20)
    assert [i for i, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"registry-db"}


def test_errors_and_cancelling(worker: Worker, qtbot: Any) -> None:
    errors: list[BaseException] = []
    worker.call(lambda: 1 / 0, on_error=errors.append)
    gate = threading.Event()
    worker.call(gate.wait)
    job = worker.call(lambda: "never", on_done=errors.append, on_error=errors.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert isinstance(errors[0], ZeroDivisionError)
    assert isinstance(errors[1], Cancelled)


def test_run_sync(worker: Worker) -> None:
    assert worker.run_sync(lambda: 6 * 7) == 42
    with pytest.raises(ValueError):
        worker.run_sync(lambda: int("x"))


def test_progress_dialog_appears_only_for_slow_work(qtbot: Any, worker: Worker) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.runtime.progress import BackgroundTask

    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[Any] = []
    quick = BackgroundTask(parent, worker, lambda job: 1, "quick", on_done=done.append)
    qtbot.waitUntil(lambda: done == [1])
    assert quick.finished and not quick.shown
    gate = threading.Event()
    slow = BackgroundTask(parent, worker, lambda job: (gate.wait(5), job.check()), "slow",
                          on_done=done.append, on_error=done.append)
    qtbot.waitUntil(lambda: slow.shown, timeout=3000)
    slow.dialog.canceled.emit()  # the Cancel button
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 2)
    assert isinstance(done[1], Cancelled)


def test_pages_by_key_match_sql_order(running: Any, qtbot: Any) -> None:
    """Every row reached by scrolling, jumping to the end and back matches one ORDER BY."""
    from registry.storage.models import Person, Volunteer

    section = running.section("volunteers")
    model = section.model
    for column, descending in ((None, False), (7, True), (0, False)):
        if column is not None:
            model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            qtbot.waitUntil(lambda: model.ready and not model.counting)
            running.idle()
        last = model.rowCount() - 1
        for row in (last, last - 150, 120, 250, 5):  # far jumps, then neighbours
            model.row_values(row)
            qtbot.waitUntil(lambda row=row: model.is_loaded(row))
        for row in range(model.rowCount()):
            model.row_values(row)
            qtbot.waitUntil(lambda row=row: model.is_loaded(row))
        keys = [model.key_at(r) for r in range(model.rowCount())]
        sort = {None: Volunteer.id, 7: Volunteer.total_hours, 0: Person.name}[column]
        order = [sort.desc(), Volunteer.id.desc()] if descending else [sort.asc(), Volunteer.id.asc()]
        expected = running.query(lambda order=order: [v for (v,) in Volunteer.select(Volunteer.id)
                                                      .join(Person).order_by(*order).tuples()])
        assert keys == expected
