"""The register's database: one deferred peewee database, made from a path or a URL.

SQLite is the default (one file in the user's data folder), through the SQLite the program
ships (sqlite_library.py: APSW), not Python's own; a district that shares one server uses
PostgreSQL through a `postgresql://` URL. Opening one (lifecycle.py) also checks it and
brings its schema up to date.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from peewee import Database, DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.apsw_ext import APSWDatabase

from registry.storage import postgres_driver, sqlite_library
from registry.storage.paths import URL_ENV as URL_ENV  # where registers live: paths.py, re-exported
from registry.storage.paths import DatabaseTargetError as DatabaseTargetError
from registry.storage.paths import data_dir as data_dir
from registry.storage.paths import default_database_path as default_database_path
from registry.storage.paths import demo_database_path as demo_database_path
from registry.texts import msg

BUSY_TIMEOUT_MS = 10_000

database = DatabaseProxy()

SQLITE_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "synchronous": "normal",  # safe with WAL: a power cut loses at most the last commit
    "cache_size": -64_000,  # 64 MB
    "temp_store": "memory",
}


def make_database(target: str | os.PathLike[str]) -> Database:
    """A peewee database (not yet connected) for a file path or a database URL."""
    text = os.fspath(target).strip()
    if not text:
        raise DatabaseTargetError(msg("没有指定数据库位置。"))
    if "://" not in text:
        return _sqlite(Path(text))
    url = urlparse(text)
    if url.scheme == "sqlite":
        return _sqlite(Path(unquote(url.path)))
    if url.scheme in ("postgres", "postgresql"):
        postgres_driver.load()
        return PostgresqlDatabase(
            (url.path or "/").lstrip("/") or None,
            user=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
            host=url.hostname or None,
            port=url.port or None,
            prefer_psycopg3=True,
        )
    raise DatabaseTargetError(msg("不认识的数据库地址类型“{scheme}”：请用文件路径或 postgresql:// 地址。",
                                  scheme=url.scheme))


class ShippedSqliteDatabase(APSWDatabase):  # type: ignore[misc]
    """peewee's SQLite database on the shipped library's connections (sqlite_library.py):
    busy timeout, values stored as text as before, and read-only when asked."""

    def __init__(self, database: str, *, readonly: bool = False, **kwargs: Any) -> None:
        self.readonly = readonly
        super().__init__(database, **kwargs)

    def _connect(self) -> sqlite_library.Connection:
        conn = sqlite_library.connect(self.database, readonly=self.readonly, busy_ms=BUSY_TIMEOUT_MS)
        try:
            self._add_conn_hooks(conn)
        except BaseException:
            conn.close()
            raise
        return conn


def sqlite_file(path: str | os.PathLike[str], *, pragmas: dict[str, object] | None = None,
                readonly: bool = False) -> SqliteDatabase:
    """A peewee database (not yet connected) on the SQLite file at `path`: the register's
    pragmas unless others are given. Read-only opens it so that it cannot be changed."""
    # BEGIN IMMEDIATE: a transaction that first reads and then writes would otherwise fail at
    # once with "database is locked" when another process wrote in between, busy_timeout or not.
    return ShippedSqliteDatabase(os.fspath(path), readonly=readonly,
                                 pragmas=SQLITE_PRAGMAS if pragmas is None else pragmas, lock_type="IMMEDIATE")


def _sqlite(path: Path) -> SqliteDatabase:
    if path.is_dir():
        raise DatabaseTargetError(msg("“{path}”是一个文件夹，不是数据库文件。", path=path))
    return sqlite_file(path)


def is_sqlite(db: Database | DatabaseProxy | None = None) -> bool:
    target = db if db is not None else database
    if isinstance(target, DatabaseProxy):
        target = target.obj
    return isinstance(target, SqliteDatabase)


def register_state() -> tuple[Any, ...] | None:
    """A token equal at two moments only if nothing was written to the register in between:
    on SQLite, the connection, the rows it has changed and SQLite's count of the other
    connections' commits (PRAGMA data_version). None where no such token can be had
    (PostgreSQL, or no connection yet): the caller must then assume a change."""
    if not is_sqlite() or database.is_closed():
        return None
    connection = database.connection()
    (other_commits,) = database.execute_sql("PRAGMA data_version").fetchone()
    return connection, connection.total_changes(), other_commits
