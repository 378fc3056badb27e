"""What support staff ask first: the program's version, the register's schema version and
the database library in use (python -m registry --version, the program's 关于 dialog).

A register not yet open is only read, never changed: a SQLite file is opened read-only (no
upgrade, no switch to WAL), a server is asked with one connection that writes nothing.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from peewee import Database, DatabaseError, SqliteDatabase

import registry
from registry.storage import sqlite_library
from registry.storage.db import make_database, sqlite_file
from registry.storage.faults import describe
from registry.storage.migrations import CURRENT_VERSION, VERSION_KEY, SchemaError, parse_version
from registry.texts import msg


@dataclass(frozen=True)
class Versions:
    program: str
    register: str  # the file or the server's address (without its password)
    schema: int | None  # None: no register there
    library: str  # "APSW 3.54.1.0, SQLite 3.54.1"; "psycopg 3.2.3, PostgreSQL 16.4"
    problem: str | None = None  # why the register could not be read, in words

    def lines(self) -> list[str]:
        """The versions in words, one a line, for support staff."""
        if self.problem is not None:
            schema = self.problem
        elif self.schema is None:
            schema = msg("没有登记库")
        else:
            schema = msg("第 {schema} 版（本程序使用第 {current} 版）", schema=self.schema, current=CURRENT_VERSION)
        return [msg("街道社会工作登记台 {version}", version=self.program),
                msg("登记库：{register}", register=self.register),
                msg("登记库结构版本：{schema}", schema=schema),
                msg("数据库组件：{library}", library=self.library)]


def of_open(db: Database, where: str) -> Versions:
    """The versions of the register open in `db`."""
    library = _library(db)
    try:
        return Versions(registry.__version__, where, _schema(db), library)
    except (SchemaError, DatabaseError) as exc:
        return Versions(registry.__version__, where, None, library, _said(exc))


def of_target(target: str | os.PathLike[str]) -> Versions:
    """The versions of the register at `target` (a file or a postgresql:// URL), read
    without opening it for work."""
    text = os.fspath(target)
    db = make_database(text)
    if isinstance(db, SqliteDatabase):
        path = Path(db.database)
        if not path.is_file() or path.stat().st_size == 0:
            return Versions(registry.__version__, str(path), None, sqlite_library.description())
        db = sqlite_file(path, pragmas={}, readonly=True)
    where = str(db.database) if isinstance(db, SqliteDatabase) else _without_password(text)
    try:
        db.connect()
    except DatabaseError as exc:
        return Versions(registry.__version__, where, None, _library(db), _said(exc))
    try:
        return of_open(db, where)
    finally:
        db.close()


def where_of(db: Database) -> str:
    """The register's file, or the server's address and database."""
    if isinstance(db, SqliteDatabase):
        return str(db.database)
    params = getattr(db, "connect_params", {})
    host, port = params.get("host") or "localhost", params.get("port")
    return f"postgresql://{host}{f':{port}' if port else ''}/{db.database}"


def _schema(db: Database) -> int | None:
    tables = set(db.get_tables())
    if "registry_meta" not in tables:
        if tables:
            raise SchemaError(msg("这个数据库不是街道社会工作登记台的登记库"))
        return None
    row = db.execute_sql(f"SELECT value FROM registry_meta WHERE key = {db.param}", (VERSION_KEY,)).fetchone()
    if row is None:
        raise SchemaError(msg("数据库缺少结构版本信息"))
    return parse_version(row[0])


def _library(db: Database) -> str:
    """The SQLite library, or for a server the driver and the server's version (asked of
    it when connected)."""
    if isinstance(db, SqliteDatabase):
        return sqlite_library.description()
    import psycopg

    server = msg("PostgreSQL 服务器（未连接）")
    if not db.is_closed():
        with contextlib.suppress(DatabaseError):  # the server went away: the problem says so
            server = f"PostgreSQL {db.execute_sql('SHOW server_version').fetchone()[0]}"
    return f"psycopg {psycopg.__version__}, {server}"


def _said(exc: BaseException) -> str:
    return describe(exc) or str(exc).rstrip("。") or msg("读不出来")


def _without_password(url: str) -> str:
    parts = urlparse(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunparse(parts._replace(netloc=netloc + (f":{parts.port}" if parts.port else "")))
