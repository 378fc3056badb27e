"""Real faults of the database in plain words: a full disk, a register locked by another
program, a read-only or damaged file, a server that is gone. The CLI and the program both
turn a database or file error into a sentence here, so a clerk never reads "disk I/O error"
or "cannot rollback - no transaction is active".

The error that reaches the surface is often not the fault itself: when SQLite runs out of
space mid-transaction it rolls back on its own, and the rollback peewee then asks for fails
with "no transaction is active". So the whole chain (cause, context, peewee's wrapped
original) is searched, and the most telling fault in it wins.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from enum import IntEnum
from pathlib import Path

from peewee import SqliteDatabase

from registry.rules.problems import RegistryError
from registry.storage import sqlite_library as sqlite
from registry.storage.db import database
from registry.texts import mark, msg

ASK_ADMIN = mark("如果仍然不行，请联系本街道登记台的管理员（或单位的电脑管理员）。")
LOW_SPACE_BYTES = 4 * 1024 * 1024  # less than this free beside the register: "the disk is full"


class Fault(IntEnum):
    """What went wrong, most telling first (a full disk explains a failed rollback)."""

    FULL = 1
    READONLY = 2
    LOCKED = 3
    CORRUPT = 4
    CANTOPEN = 5
    SERVER = 6
    IO = 7


class StorageFault(RegistryError):
    """A fault of the disk, the file or the server, said plainly; `fault` says which."""

    def __init__(self, message: str, fault: Fault) -> None:
        super().__init__(message)
        self.fault = fault


_SQLITE_PRIMARY = {
    sqlite.SQLITE_FULL: Fault.FULL,
    sqlite.SQLITE_READONLY: Fault.READONLY,
    sqlite.SQLITE_PERM: Fault.READONLY,
    sqlite.SQLITE_BUSY: Fault.LOCKED,
    sqlite.SQLITE_LOCKED: Fault.LOCKED,
    sqlite.SQLITE_CORRUPT: Fault.CORRUPT,
    sqlite.SQLITE_NOTADB: Fault.CORRUPT,
    sqlite.SQLITE_CANTOPEN: Fault.CANTOPEN,
    sqlite.SQLITE_IOERR: Fault.IO,
}
_SQLITE_WORDS = (  # for errors raised without a code (peewee's own)
    ("database or disk is full", Fault.FULL),
    ("readonly database", Fault.READONLY),
    ("database is locked", Fault.LOCKED),
    ("database table is locked", Fault.LOCKED),
    ("malformed", Fault.CORRUPT),
    ("file is not a database", Fault.CORRUPT),
    ("unable to open database", Fault.CANTOPEN),
    ("disk i/o error", Fault.IO),
)
_OS_ERRNO = {
    errno.ENOSPC: Fault.FULL,
    errno.EDQUOT: Fault.FULL,
    errno.EROFS: Fault.READONLY,
    errno.EACCES: Fault.READONLY,
    errno.EPERM: Fault.READONLY,
    errno.EIO: Fault.IO,
}
_PG_SQLSTATE = {  # by class (two characters) or exact code
    "53100": Fault.FULL,  # disk_full
    "53": Fault.SERVER,  # insufficient resources
    "55P03": Fault.LOCKED,  # lock_not_available
    "40P01": Fault.LOCKED,  # deadlock_detected
    "57014": Fault.LOCKED,  # query_canceled: lock_timeout / statement_timeout
    "25006": Fault.READONLY,  # read_only_sql_transaction
    "42501": Fault.READONLY,  # insufficient_privilege
    "XX001": Fault.CORRUPT,  # data_corrupted
    "XX002": Fault.CORRUPT,  # index_corrupted
    "08": Fault.SERVER,  # connection exceptions
    "57P": Fault.SERVER,  # the server shut down
}


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo = [error]
    while todo:
        item = todo.pop(0)
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend(a for a in item.args[:1] if isinstance(a, BaseException))  # peewee's wrapped original
        todo.extend(e for e in (item.__cause__, item.__context__) if e is not None)


def _fault_of_one(error: BaseException) -> Fault | None:
    if isinstance(error, StorageFault):
        return error.fault
    code = sqlite.primary_code(error)
    if code is not None and code in _SQLITE_PRIMARY:
        return _SQLITE_PRIMARY[code]
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if isinstance(state, str):
        for key in (state, state[:3], state[:2]):
            if key in _PG_SQLSTATE:
                return _PG_SQLSTATE[key]
    if isinstance(error, OSError) and error.errno in _OS_ERRNO:
        return _OS_ERRNO[error.errno]
    if isinstance(error, sqlite.Error) or type(error).__module__.startswith("peewee"):
        text = str(error).lower()
        for words, fault in _SQLITE_WORDS:
            if words in text:
                return fault
    if type(error).__module__.startswith("psycopg") and "connect" in str(error).lower():
        return Fault.SERVER
    return None


def fault_of(error: BaseException, where: Path | None = None) -> Fault | None:
    """The fault behind `error`, or None when it is not one of the disk, file or server.
    An I/O error or a read-only file on a disk with almost no space left is a full disk."""
    found = [f for f in map(_fault_of_one, _chain(error)) if f is not None]
    if not found:
        return None
    fault = min(found)
    if fault in (Fault.IO, Fault.READONLY, Fault.CANTOPEN) and where is not None and disk_nearly_full(where):
        return Fault.FULL
    return fault


def disk_nearly_full(where: Path) -> bool:
    folder = where if where.is_dir() else where.parent
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def sentence(fault: Fault, where: Path | None = None) -> str:
    place = f"（{where.parent if where and not where.is_dir() else where}）" if where else ""
    if fault is Fault.FULL:
        return (msg("磁盘已满：登记库所在的磁盘{place}没有剩余空间，这次操作没有完成，登记库保持原样。"
                "请删除不需要的文件、清空回收站后重试。", place=place) + ASK_ADMIN)
    if fault is Fault.LOCKED:
        return (msg("登记库正被另一个程序或另一位同事使用（已锁定），等待后仍未释放，这次操作没有完成。"
                "请关闭其他打开了这个登记库的窗口或程序，稍后重试。") + ASK_ADMIN)
    if fault is Fault.READONLY:
        return (msg("登记库文件或所在的文件夹{place}不允许写入（只读或没有权限），这次操作没有完成。"
                "请联系单位的电脑管理员给这个文件夹写入权限。", place=place))
    if fault is Fault.CORRUPT:
        return msg("登记库文件已损坏，或者不是数据库文件，程序不会写入它。请由管理员从最近的备份恢复。")
    if fault is Fault.CANTOPEN:
        return msg("无法打开登记库文件{place}：请检查文件的位置和读写权限。", place=place) + ASK_ADMIN
    if fault is Fault.SERVER:
        return msg("无法连接共享服务器（PostgreSQL），或服务器拒绝了操作。请检查网络，稍后重试；" \
               "如果仍然不行，请联系区里管理服务器的人员。")
    return (msg("读写登记库时磁盘出错{place}。请检查磁盘（或网络共享）后重试；"
            "如果反复出现，请由管理员从最近的备份恢复。", place=place))


def describe(error: BaseException, where: Path | None = None) -> str | None:
    """One plain Chinese sentence for a fault of the disk, file or server behind `error`;
    None when it is none of those (the caller says what else went wrong). `where` is the
    register's file (default: the open one), to tell a full disk from another I/O error."""
    where = where if where is not None else _open_register_file()
    fault = fault_of(error, where)
    return None if fault is None else sentence(fault, where)


def as_fault(error: BaseException, where: Path | None = None) -> StorageFault | None:
    """`error` as a StorageFault to raise in its place (from it), or None."""
    where = where if where is not None else _open_register_file()
    fault = fault_of(error, where)
    return None if fault is None else StorageFault(sentence(fault, where), fault)


def _open_register_file() -> Path | None:
    db = database.obj
    if isinstance(db, SqliteDatabase) and db.database != ":memory:":
        return Path(db.database)
    return None
