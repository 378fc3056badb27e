"""The SQLite the program ships with: APSW, which carries a current SQLite of its own.

Python's sqlite3 uses the SQLite its Python was built with (3.40.1 in Python 3.11 here, with
the WAL-reset corruption bug), which the program cannot choose; APSW's version names the
SQLite it bundles (APSW 3.54.1.0 is SQLite 3.54.1), on Windows and Linux alike. Every
connection to a SQLite file goes through here: the register's own (db.py), the read-only
checks of a file before it is opened (health.py, schema_check.py), backups, copies before
an upgrade and restores (whose pages page_copy.py copies), so one library writes and reads
each file.

Values are stored as Python's sqlite3 stored them for peewee, text for text, so registers
written before and after read alike: a date as 2025-06-01, a time of day as 09:30:00, a
moment as 2025-06-01 09:30:00.123456, an amount as its decimal digits.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os

import apsw

Connection = apsw.Connection
Error = apsw.Error  # the base of every error APSW raises: one class per SQLite result code
BusyError = apsw.BusyError
LockedError = apsw.LockedError

NAME = "APSW"
VERSION = apsw.apsw_version()
SQLITE_VERSION_TEXT = apsw.sqlite_lib_version()
_MAJOR, _MINOR, _PATCH = (int(part) for part in SQLITE_VERSION_TEXT.split(".")[:3])
SQLITE_VERSION = (_MAJOR, _MINOR, _PATCH)

DEFAULT_BUSY_MS = 10_000

# SQLite's primary result codes (https://sqlite.org/rescode.html), the same in every binding
SQLITE_PERM = apsw.SQLITE_PERM
SQLITE_BUSY = apsw.SQLITE_BUSY
SQLITE_LOCKED = apsw.SQLITE_LOCKED
SQLITE_READONLY = apsw.SQLITE_READONLY
SQLITE_IOERR = apsw.SQLITE_IOERR
SQLITE_CORRUPT = apsw.SQLITE_CORRUPT
SQLITE_FULL = apsw.SQLITE_FULL
SQLITE_CANTOPEN = apsw.SQLITE_CANTOPEN
SQLITE_NOTADB = apsw.SQLITE_NOTADB


def description() -> str:
    """The library in use, for support staff: "APSW 3.54.1.0, SQLite 3.54.1"."""
    return f"{NAME} {VERSION}, SQLite {SQLITE_VERSION_TEXT}"


def _as_text(_cursor: apsw.Cursor, _number: int, value: object) -> apsw.SQLiteValue:
    """A value APSW does not bind itself, as Python's sqlite3 stored it for peewee."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date | dt.time | decimal.Decimal):
        return str(value)
    raise TypeError(f"a {type(value).__name__} cannot be stored in SQLite")


def connect(path: str | os.PathLike[str], *, readonly: bool = False, busy_ms: int = DEFAULT_BUSY_MS) -> Connection:
    """A connection to the SQLite file at `path` (made when missing, unless `readonly`).
    Read-only opens the file so that this connection cannot change it: no write, and no
    checkpoint of its WAL either."""
    flags = apsw.SQLITE_OPEN_READONLY if readonly else apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE
    conn = apsw.Connection(os.fspath(path), flags=flags)
    try:
        conn.set_busy_timeout(busy_ms)
        conn.convert_binding = _as_text
    except BaseException:
        conn.close()
        raise
    return conn


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind an APSW error (SQLITE_FULL, ...), else None."""
    if isinstance(error, apsw.Error):
        code = getattr(error, "result", None)
        if isinstance(code, int) and code > 0:
            return code & 0xFF
    return None
