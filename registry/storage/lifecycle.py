"""Opening and closing the register: the checks at open, the schema brought up to date, the
models bound to it."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from peewee import Database, DatabaseError, SqliteDatabase

from registry.storage import migrations, rule_upgrades, statistics
from registry.storage.db import DatabaseTargetError, data_dir, database, make_database
from registry.storage.faults import describe
from registry.storage.health import check_at_open, closed_cleanly, recognize
from registry.storage.schema_check import check_before_open, check_schema
from registry.texts import msg


class DatabaseOpenError(Exception):
    """The database could not be opened or read (a server that refuses, a disk that is full,
    a file locked by another program); str() says so in plain Chinese."""


def open_failure(exc: BaseException) -> str:
    return describe(exc) or msg("无法打开登记库（数据库报告：{exc}）。请检查登记库文件的位置或服务器地址。", exc=exc)


open_warnings: list[str] = []  # what the checks at open found, for the program to show
_opened: str | None = None  # the path or URL of the register open in this process


def open_database(target: str | os.PathLike[str], *, upgrade: bool = True) -> Database:
    """Open the register at `target`, make or upgrade its schema, and bind the models."""
    global _opened
    key = os.fspath(target)
    if database.obj is not None and not database.is_closed():
        if key == _opened:
            current: Database = database.obj
            return current  # already open here: a second open must not look like a crash
        close_database()  # leaving one register for another
    db = make_database(target)
    if isinstance(db, SqliteDatabase) and db.database != ":memory:":
        folder = Path(db.database).parent
        if data_dir() in (folder, *folder.parents):
            folder.mkdir(parents=True, exist_ok=True)  # our own folder: made on first use
        elif not folder.is_dir():
            raise DatabaseTargetError(msg("文件夹“{folder}”不存在，请检查数据库文件的位置。", folder=folder))
        recognize(Path(db.database))  # before a pragma writes to a file that may not be ours
        check_before_open(Path(db.database))  # and one that is ours but not to be trusted
        open_warnings[:] = check_at_open(Path(db.database))
    else:
        open_warnings.clear()
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        migrations.ensure_schema(db, upgrade=upgrade)
        if (moved := rule_upgrades.upgrade_rules(db)) is not None:
            open_warnings.append(msg("星级标准已按北京现行标准更新，{moved} 名志愿者的星级随之改变，"
                                     "详见操作日志。", moved=moved))
        open_warnings.extend(check_schema(db).notes)
        if not isinstance(db, SqliteDatabase):
            open_warnings.extend(_check_server(db))
        statistics.at_open(db)
    except DatabaseError as exc:
        db.close()
        raise DatabaseOpenError(_connect_refusal(db, exc) or open_failure(exc)) from exc
    except BaseException:
        db.close()
        raise
    _opened = key
    return db


def _check_server(db: Database) -> list[str]:
    """A server's version, encoding and search support (imported for a server only)."""
    from registry.storage import server_check

    try:
        return server_check.check_server(db)
    except server_check.ServerRefused as exc:
        raise DatabaseOpenError(str(exc)) from exc


def _connect_refusal(db: Database, exc: DatabaseError) -> str | None:
    """A server that turned the account or the database down: what IT must do."""
    if isinstance(db, SqliteDatabase):
        return None
    from registry.storage import server_account

    return server_account.connect_refusal(db, exc)


def close_database() -> None:
    global _opened
    _opened = None
    server_check = sys.modules.get("registry.storage.server_check")  # loaded: what it knows of a server
    if server_check is not None:
        server_check.forget()
    if database.obj is not None and not database.is_closed():
        with contextlib.suppress(DatabaseError):  # a read-only or full disk: next time, then
            statistics.at_close(database.obj)
        database.close()
    if isinstance(database.obj, SqliteDatabase) and database.obj.database != ":memory:":
        closed_cleanly(Path(database.obj.database))
