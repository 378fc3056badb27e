"""Python's cycle collector, run on the GUI thread only.

A collection runs in whichever thread happens to allocate when a threshold is crossed. On the
database worker it can free a widget that only a reference cycle kept, and Qt may destroy its
objects only on the GUI thread: the program crashes ("Fatal Python error: Segmentation fault",
"Garbage-collecting" in the worker's stack). So automatic collection is switched off and a
timer on the GUI thread collects instead, by the interpreter's own thresholds.

Importing this module loads no Qt: the test suite collects with `collect_due` too."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
TIMER_NAME = "gui-thread-collector"


def collect_due() -> int:
    """Collect the oldest generation whose threshold was crossed; the objects found."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


def collect_on_gui_thread(app: QObject) -> QTimer:
    """Switch automatic collection off for good and collect from `app`'s thread (once)."""
    from PySide6.QtCore import QTimer

    gc.disable()
    found = app.findChild(QTimer, TIMER_NAME)
    if isinstance(found, QTimer):
        return found
    timer = QTimer(app)
    timer.setObjectName(TIMER_NAME)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(collect_due)
    timer.start()
    return timer
