"""The one page-by-page copy of a SQLite database (SQLite's online backup API): a backup's
snapshot, the copy before an upgrade, a restore's last step into the open register.

Kept in one function so that the database binding is named in one place: whichever binding
opens the register, only this function knows how it copies pages."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from registry.storage.faults import Fault, StorageFault, sentence

Connection = sqlite3.Connection


def copy_pages(source: Connection | Path, target: Connection | Path, *, wait_seconds: float = 0.0) -> None:
    """Copy the whole database `source` into `target`, in one step (one consistent snapshot
    of a register that stays in use). A path is opened for the copy alone: the source read
    only, the target as a new file that ends in rollback-journal mode, so that opening it
    later, read-only too, leaves no -wal or -shm file beside it. A target another program is
    writing is waited for `wait_seconds`, then refused in plain words (StorageFault LOCKED)."""
    deadline = time.monotonic() + wait_seconds

    def give_up_when_locked(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() >= deadline:
            raise StorageFault(sentence(Fault.LOCKED), Fault.LOCKED)

    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) if isinstance(source, Path) else source
    try:
        writer = sqlite3.connect(target) if isinstance(target, Path) else target
        try:
            reader.backup(writer, progress=give_up_when_locked, sleep=0.05)
            if isinstance(target, Path):
                writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            if isinstance(target, Path):
                writer.close()
    finally:
        if isinstance(source, Path):
            reader.close()
