"""Cycle collections happen on the GUI thread, never on the database worker."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from ui.application import create_app
from ui.runtime.worker import Worker


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """The thread of every collection while the test runs."""
    seen: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)
    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_the_worker_never_collects_and_the_gui_thread_does(qtbot: Any, collections: list[str]) -> None:
    gc.enable()  # as a program starts; the suite itself runs with collections off
    app = create_app([], "zh_CN")
    assert not gc.isenabled()
    worker = Worker()
    try:
        done: list[int] = []
        # far past every threshold: with automatic collection on, the worker would collect here
        worker.call(lambda: len([Cycle() for _ in range(50_000)]), on_done=done.append)
        qtbot.waitUntil(lambda: bool(done))
        assert threading.main_thread().name not in {"registry-db"}
        assert "registry-db" not in collections
        qtbot.waitUntil(lambda: bool(collections), timeout=3000)
        assert set(collections) == {threading.main_thread().name}
    finally:
        worker.shutdown()
    assert app is not None
