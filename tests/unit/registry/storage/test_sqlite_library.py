"""The SQLite the program ships (APSW): the version it brings, values stored as before,
read-only that cannot write, the one page-by-page copy (page_copy.py) through it, and no
second SQLite in the program."""

import ast
import datetime as dt
import decimal
import sqlite3
import threading
import time
from pathlib import Path

import apsw
import peewee  # noqa: F401  (registers the adapters Python's sqlite3 stored peewee's values with)
import pytest

from registry.storage import sqlite_library
from registry.storage.faults import Fault, StorageFault
from registry.storage.health import sqlite_version_ok
from registry.storage.page_copy import copy_pages

ROOT = Path(__file__).resolve().parents[4]


def test_the_shipped_sqlite_has_no_known_wal_reset_bug_and_names_itself():
    assert tuple(int(p) for p in apsw.sqlite_lib_version().split(".")) == sqlite_library.SQLITE_VERSION
    assert sqlite_version_ok(sqlite_library.SQLITE_VERSION)
    assert sqlite_library.description() == f"APSW {apsw.apsw_version()}, SQLite {apsw.sqlite_lib_version()}"


@pytest.mark.parametrize("value", [
    dt.date(2025, 6, 1),
    dt.datetime(2025, 6, 1, 9, 30, 0, 123456),
    dt.datetime(2025, 6, 1, 9, 30),
    dt.time(9, 30),
    decimal.Decimal("12.50"),
    True,
])
def test_values_are_stored_as_pythons_sqlite3_stored_them(value: object):
    """A register written before the change reads the same after it, and the other way round."""
    before = sqlite3.connect(":memory:").execute("SELECT ?, typeof(?)", (value, value)).fetchone()
    conn = sqlite_library.connect(":memory:")
    after = conn.execute("SELECT ?, typeof(?)", (value, value)).fetchone()
    assert after == before


def test_a_value_sqlite_cannot_hold_is_refused_not_stored_as_something_else():
    conn = sqlite_library.connect(":memory:")
    with pytest.raises(TypeError):
        conn.execute("SELECT ?", (object(),))


def test_a_read_only_connection_cannot_change_the_file(tmp_path: Path):
    path = tmp_path / "r.sqlite3"
    conn = sqlite_library.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    before = path.read_bytes()
    reader = sqlite_library.connect(path, readonly=True)
    with pytest.raises(apsw.ReadOnlyError):
        reader.execute("INSERT INTO t VALUES (2)")
    assert reader.execute("SELECT count(*) FROM t").fetchone() == (1,)
    reader.close()
    assert path.read_bytes() == before


def test_a_file_whose_path_looks_like_a_uri_is_opened_as_the_file_it_names(tmp_path: Path):
    """A path is a path: "#", "%20" or "?mode=rw" in a folder's name mean nothing to SQLite."""
    folder = tmp_path / "朝外街道 #2 %20 file:x?mode=rw"
    folder.mkdir()
    conn = sqlite_library.connect(folder / "r.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    reader = sqlite_library.connect(folder / "r.sqlite3", readonly=True)
    assert reader.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]


def _register(path: Path, rows: int) -> apsw.Connection:
    conn = sqlite_library.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE t (x)")
    with conn:
        conn.executemany("INSERT INTO t VALUES (?)", ((i,) for i in range(rows)))
    return conn


def test_a_copy_is_one_snapshot_of_a_register_another_connection_goes_on_writing(tmp_path: Path):
    source = _register(tmp_path / "r.sqlite3", 20_000)
    writer = sqlite_library.connect(tmp_path / "r.sqlite3")
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            with writer:
                writer.execute("INSERT INTO t VALUES (-1)")

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copy_pages(source, tmp_path / "copy.sqlite3")
    finally:
        stop.set()
        thread.join()
    copy = sqlite_library.connect(tmp_path / "copy.sqlite3", readonly=True)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM t WHERE x >= 0").fetchone() == (20_000,)


def test_a_copy_into_a_register_another_program_writes_waits_then_leaves_it_as_it_was(tmp_path: Path):
    target = _register(tmp_path / "r.sqlite3", 10)
    incoming = _register(tmp_path / "backup.sqlite3", 3)
    other = sqlite_library.connect(tmp_path / "r.sqlite3")
    other.execute("BEGIN IMMEDIATE")
    target.set_busy_timeout(50)
    started = time.monotonic()
    try:
        with pytest.raises(StorageFault) as refused:
            copy_pages(incoming, target, wait_seconds=0.3)
        assert refused.value.fault is Fault.LOCKED
        assert 0.3 <= time.monotonic() - started < 3
    finally:
        other.execute("ROLLBACK")
    assert target.execute("SELECT count(*) FROM t").fetchone() == (10,)
    copy_pages(incoming, target)
    assert other.execute("SELECT count(*) FROM t").fetchone() == (3,)  # the other program sees the copy


def test_the_program_never_opens_a_file_with_pythons_own_sqlite():
    """Two SQLite libraries in one process do not see each other's locks (POSIX locks belong
    to the process; closing one library's handle drops the other's): a register opened by
    both may be corrupted. So registry/ and ui/ import no sqlite3."""
    importing = []
    for path in [*ROOT.joinpath("registry").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] in ("sqlite3", "_sqlite3") for name in names):
                importing.append(str(path.relative_to(ROOT)))
    assert importing == []
