"""The one page-by-page copy of a SQLite database (SQLite's online backup API): a backup's
snapshot, the copy before an upgrade, a restore's last step into the open register.

Kept in one function so that the database binding is named in one place: the register is
opened through the SQLite the program ships (sqlite_library.py: APSW), and only this
function knows how that binding copies pages."""

from __future__ import annotations

import time
from pathlib import Path

from registry.storage import sqlite_library as sqlite
from registry.storage.faults import Fault, StorageFault, sentence

Connection = sqlite.Connection
RETRY_SLEEP_S = 0.05  # between tries of a copy that found the other file locked


def copy_pages(source: Connection | Path, target: Connection | Path, *, wait_seconds: float = 0.0) -> None:
    """Copy the whole database `source` into `target`, in one step (one consistent snapshot
    of a register that stays in use). A path is opened for the copy alone: the source read
    only, the target as a new file that ends in rollback-journal mode, so that opening it
    later, read-only too, leaves no -wal or -shm file beside it. A target another program is
    writing is waited for `wait_seconds`, then refused in plain words (StorageFault LOCKED);
    it is then as it was."""
    deadline = time.monotonic() + wait_seconds
    reader = sqlite.connect(source, readonly=True) if isinstance(source, Path) else source
    try:
        writer = sqlite.connect(target) if isinstance(target, Path) else target
        try:
            _copy(reader, writer, deadline)
            if isinstance(target, Path):
                writer.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            if isinstance(target, Path):
                writer.close()
    finally:
        if isinstance(source, Path):
            reader.close()


def _copy(reader: Connection, writer: Connection, deadline: float) -> None:
    with writer.backup("main", reader, "main") as job:
        while not job.done:
            try:
                job.step(-1)  # all pages in one step: one snapshot of the source
            except (sqlite.BusyError, sqlite.LockedError) as exc:
                if time.monotonic() >= deadline:
                    raise StorageFault(sentence(Fault.LOCKED), Fault.LOCKED) from exc
                time.sleep(RETRY_SLEEP_S)
