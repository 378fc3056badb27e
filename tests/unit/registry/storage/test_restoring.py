"""The storage half of a restore: the staged copy, and the last copy that waits for a lock
no longer than any writer does."""

import time
from pathlib import Path

import apsw
import pytest

from registry import ops
from registry.storage.backup import make_backup
from registry.storage.db import database
from registry.storage.faults import Fault, StorageFault
from registry.storage.restoring import copy_into, discard, stage


def test_a_restore_waits_for_another_programs_write_only_as_long_as_a_writer_does(sqlite_db: Path):
    ops.register_person("installer", {"id_number": "11010519491231002X", "name": "张三"})
    staging = stage(make_backup("manual"), sqlite_db)
    other = apsw.Connection(str(sqlite_db))  # the same SQLite library: its locks are seen
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    database.execute_sql("PRAGMA busy_timeout = 200")
    started = time.monotonic()
    try:
        with pytest.raises(StorageFault, match="另一个程序") as caught:
            copy_into(database.connection(), staging, wait_seconds=0.5)
        assert caught.value.fault is Fault.LOCKED
        assert time.monotonic() - started < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
        discard(staging)


def test_a_staged_copy_left_by_a_killed_restore_is_cleared_by_the_next(sqlite_db: Path):
    leftover = sqlite_db.with_name(sqlite_db.name + ".restoring")
    leftover.write_bytes(b"half a copy")
    staging = stage(make_backup("manual"), sqlite_db)
    assert staging == leftover and staging.read_bytes()[:16] == b"SQLite format 3\x00"
    discard(staging)
