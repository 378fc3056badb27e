"""The storage half of a restore (ops/backups.py is the other): the backup is copied beside
the register, checked there like a register at open, brought up to date and given its
audit entry; only then is it copied into the live register, in one SQLite transaction.

So a restore is whole or not at all: killed at any point before that last commit, the
register is as it was (a leftover staging copy is cleared by the next restore); after it,
the register is the backup *with* the entry that says so. The last copy goes through
SQLite's backup API into the open connection, inside SQLite's own locks, so another
program that has the register open sees either the old register or the new one (never a
file swapped under it, as os.replace would do to its WAL and shared-memory files), and it
waits for that program's write at most as long as any writer does (the busy timeout).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import Database, DatabaseError

from registry.storage import migrations
from registry.storage import sqlite_library as sqlite
from registry.storage.backup import BackupError
from registry.storage.backup_files import UnreadableBackup, unpack
from registry.storage.db import BUSY_TIMEOUT_MS, database, sqlite_file
from registry.storage.faults import Fault, as_fault
from registry.storage.health import DatabaseDamagedError, NotARegisterError, recognize
from registry.storage.page_copy import copy_pages
from registry.storage.schema_check import UntrustedSchemaError, check_schema
from registry.texts import msg

STAGING_SUFFIX = ".restoring"
_SIDE_FILES = ("", "-journal", "-wal", "-shm")


def staging_path(register: Path) -> Path:
    return register.with_name(register.name + STAGING_SUFFIX)


def discard(staging: Path) -> None:
    for side in _SIDE_FILES:
        Path(f"{staging}{side}").unlink(missing_ok=True)


class RestoreRefused(BackupError):
    """A backup that may not replace the register; `needs_passphrase`/`wrong_passphrase`
    say when asking (again) for the passphrase of an encrypted one may help."""

    def __init__(self, message: str, unreadable: UnreadableBackup | None = None) -> None:
        super().__init__(message)
        self.needs_passphrase = unreadable is not None and unreadable.needs_passphrase
        self.wrong_passphrase = unreadable is not None and unreadable.wrong_passphrase


def _refused(source: Path, why: str, unreadable: UnreadableBackup | None = None) -> RestoreRefused:
    return RestoreRefused(msg("“{name}”不能用来恢复：{why}。没有恢复，当前登记库保持原样。", name=source.name,
                              why=why.rstrip("。")), unreadable)


def stage(source: Path, register: Path, passphrase: str | None = None) -> Path:
    """Write the register the backup at `source` holds (compressed, encrypted with
    `passphrase`, or a plain SQLite file) beside `register`, and check the copy whole
    (integrity check: pages, indexes and their unique entries) and ours; returns its path.
    Checking the copy, not the source, means what is checked is what is restored; the
    source is only read, never opened as a database."""
    source = Path(source)
    if not source.is_file():
        raise _refused(source, msg("找不到这个文件"))
    staging = staging_path(register)
    discard(staging)
    try:
        unpack(source, staging, passphrase)
        recognize(staging)  # another program's file or a cut-short one stops here
        copy = sqlite.connect(staging)
        try:
            verdict = _first(copy, "PRAGMA integrity_check(1)")
            page_size = _page_size(register)
            if verdict == "ok" and page_size and _first(copy, "PRAGMA page_size") != page_size:
                # SQLite copies into a WAL register only page for page of one size
                copy.execute(f"PRAGMA page_size = {int(page_size)}")
                copy.execute("VACUUM")
        finally:
            copy.close()
    except UnreadableBackup as exc:
        discard(staging)
        raise _refused(source, exc.why, exc) from exc
    except (NotARegisterError, DatabaseDamagedError) as exc:
        discard(staging)
        raise _refused(source, msg("它不是完好的街道社会工作登记台备份")) from exc
    except (sqlite.Error, OSError) as exc:
        discard(staging)
        fault = as_fault(exc, register)
        if fault is not None and fault.fault is not Fault.CORRUPT:
            raise fault from exc
        raise _refused(source, msg("它已损坏，读不出来")) from exc
    if verdict != "ok":
        discard(staging)
        raise _refused(source, msg("它没有通过完整性校验，可能已损坏"))
    return staging


def _first(conn: sqlite.Connection, sql: str) -> object:
    row = conn.execute(sql).fetchone()
    return None if row is None else row[0]


def _page_size(register: Path) -> int | None:
    try:
        with register.open("rb") as file:
            size = int.from_bytes(file.read(18)[16:18], "big")
    except OSError:
        return None
    return 65536 if size == 1 else size or None


@contextmanager
def staged(staging: Path, source: Path) -> Iterator[Database]:
    """The staged copy, bound as the register for the block (its audit entry is written
    there), after the checks at open: schema version, upgrade, structure."""
    live = database.obj
    db = sqlite_file(staging, pragmas={"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS})
    database.initialize(db)
    try:
        db.connect()
        try:
            version = migrations.schema_version(db)
            if version is None:
                raise _refused(source, msg("它是一个空的数据库，不是登记库的备份"))
            if version > migrations.CURRENT_VERSION:
                raise _refused(source, msg("它来自较新版本的程序，请先升级程序再恢复"))
            migrations.ensure_schema(db, aside=False)  # the backup itself stays as it was
            check_schema(db)
        except UntrustedSchemaError as exc:
            raise _refused(source, msg("它的结构与本程序不符（{reason}），可能被改动过", reason=exc.reason)) from exc
        except migrations.SchemaError as exc:
            raise _refused(source, str(exc).rstrip("。")) from exc
        except DatabaseError as exc:
            raise as_fault(exc) or _refused(source, msg("读不出它的内容")) from exc
        yield db
    finally:
        db.close()
        database.initialize(live)


def copy_into(target: sqlite.Connection, staging: Path, wait_seconds: float | None = None) -> None:
    """Copy the staged register into the open one, in one transaction. A register another
    program is writing is waited for `wait_seconds` (default: the connection's busy timeout,
    as long as any writer waits), then refused in plain words."""
    if wait_seconds is None:
        busy_ms = _first(target, "PRAGMA busy_timeout")
        wait_seconds = (busy_ms if isinstance(busy_ms, int) else 0) / 1000
    try:
        copy_pages(staging, target, wait_seconds=wait_seconds)
    except sqlite.Error as exc:
        fault = as_fault(exc)
        if fault is not None:
            raise fault from exc
        raise BackupError(msg("恢复没有完成（数据库报告：{exc}），当前登记库保持原样。", exc=exc)) from exc
