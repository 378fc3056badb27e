"""Work around a PySide6 6.12 binding bug on CPython < 3.12.

Those wheels return None, True and False from wrapped calls (every void method,
Signal.emit, processEvents …) without taking a new reference, as if the singletons were
immortal, which they only are from Python 3.12 on. Each call then takes one reference
away, and after a few thousand calls the interpreter aborts with "deallocating None".
Here the singletons are made effectively immortal, as 3.12 does, before any Qt call;
`needed()` detects the bug so nothing is touched on a fixed PySide or a newer Python.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40
_SINGLETONS = (None, True, False, NotImplemented, Ellipsis)
_done = False


def needed() -> bool:
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none, true, false = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(10):
        probe.setObjectName("probe")
        probe.ping.emit()
    lost = (none - sys.getrefcount(None)) + (true + false - sys.getrefcount(True) - sys.getrefcount(False))
    return lost > 0


def apply() -> None:
    """Idempotent; cheap after the first call."""
    global _done
    if _done:
        return
    _done = True
    if not needed():
        return
    for obj in _SINGLETONS:
        ctypes.c_ssize_t.from_address(id(obj)).value += _BIG
