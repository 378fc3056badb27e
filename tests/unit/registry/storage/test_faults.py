"""Real faults in plain words: the error that reaches the surface is often not the fault
(a full disk ends in "cannot rollback - no transaction is active"), so the whole chain counts."""

import errno
from pathlib import Path

import apsw
import peewee
import pytest

from registry import ops
from registry.cli import main
from registry.storage import db as storage_db
from registry.storage.backup import make_backup
from registry.storage.faults import Fault, describe, fault_of


def sqlite_error(code: int) -> apsw.Error:
    """The error the shipped SQLite library raises for result code `code`."""
    return apsw.exception_for(code)


def test_a_real_full_database_is_a_full_disk(tmp_path: Path):
    conn = apsw.Connection(str(tmp_path / "small.sqlite3"))
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 3")  # as if the disk were full after three pages
    with pytest.raises(apsw.Error) as raised:
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    assert fault_of(raised.value) is Fault.FULL


def test_a_failed_rollback_after_a_full_disk_is_a_full_disk():
    try:
        try:
            raise peewee.OperationalError(sqlite_error(apsw.SQLITE_FULL))
        except peewee.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from None
    except peewee.OperationalError as exc:
        surfaced = exc
    surfaced.__context__ = sqlite_error(apsw.SQLITE_FULL)
    assert fault_of(surfaced) is Fault.FULL
    assert "磁盘已满" in describe(surfaced, Path("/tmp/r.sqlite3"))


@pytest.mark.parametrize("error, fault", [
    (OSError(errno.ENOSPC, "No space left on device"), Fault.FULL),
    (OSError(errno.EROFS, "Read-only file system"), Fault.READONLY),
    (sqlite_error(apsw.SQLITE_BUSY), Fault.LOCKED),
    (sqlite_error(apsw.SQLITE_READONLY), Fault.READONLY),
    (sqlite_error(apsw.SQLITE_CORRUPT), Fault.CORRUPT),
    (sqlite_error(apsw.SQLITE_IOERR_WRITE), Fault.IO),
    (peewee.OperationalError("database is locked"), Fault.LOCKED),
    (ValueError("not a fault"), None),
])
def test_each_fault_is_recognized(error: BaseException, fault: Fault | None):
    assert fault_of(error) is fault
    if fault is not None:
        said = describe(error)
        assert said and "error" not in said.lower() and "。" in said


def test_an_io_error_on_a_disk_without_space_is_a_full_disk(monkeypatch, tmp_path: Path):
    from registry.storage import faults

    monkeypatch.setattr(faults, "disk_nearly_full", lambda where: True)
    assert fault_of(sqlite_error(apsw.SQLITE_IOERR_WRITE), tmp_path / "r.sqlite3") is Fault.FULL


def test_postgresql_faults_by_their_sqlstate():
    class ServerError(Exception):
        def __init__(self, sqlstate: str) -> None:
            super().__init__("server said no")
            self.sqlstate = sqlstate

    assert fault_of(ServerError("53100")) is Fault.FULL
    assert fault_of(ServerError("55P03")) is Fault.LOCKED
    assert fault_of(ServerError("08006")) is Fault.SERVER
    assert fault_of(ServerError("42501")) is Fault.READONLY


def test_a_register_another_program_is_writing_says_so_and_who_to_ask(sqlite_db: Path, monkeypatch, capsys):
    ops.register_person("installer", {"id_number": "11010519491231002X", "name": "张三"})
    backup = make_backup("manual")
    from registry.storage.lifecycle import close_database

    close_database()
    monkeypatch.setitem(storage_db.SQLITE_PRAGMAS, "busy_timeout", 300)
    other = apsw.Connection(str(sqlite_db))
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        code = main(["--db", str(sqlite_db), "restore", str(backup), "--yes"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    said = capsys.readouterr().err
    assert code == 2
    assert "另一个程序" in said and "管理员" in said and "--db" not in said, said
