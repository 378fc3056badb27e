"""Backups of a SQLite register: made online (SQLite's backup API, through
sqlite_library.copy_pages), checked with
quick_check and rotated (restoring one is an operation: ops/backups.py). A PostgreSQL
register is backed up by its server (pg_dump), not here.

A backup's file name says which register it is of: 朝外街道-20250601-093000-auto.sqlite3 is
a backup of 朝外街道.sqlite3 (registers kept in one folder share its backups folder). Backups
made before they were named so are all registry-…: the register of that folder, whichever
it was, so each register lists them beside its own (the default register is registry.sqlite3,
whose backups are named so still)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from peewee import SqliteDatabase

from registry.rules.problems import RegistryError
from registry.storage import sqlite_library as sqlite
from registry.storage.db import database
from registry.storage.faults import as_fault
from registry.texts import msg

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
AUTO_INTERVAL = dt.timedelta(minutes=30)
_NAME = re.compile(r"^(?P<register>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*)\.sqlite3$")
UNNAMED = "registry"  # what every backup was named after before backups named their register
_NOT_IN_WINDOWS_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                              *(f"LPT{i}" for i in range(1, 10))})
NAME_CHARS = 60  # of the register's name in a backup's: the whole path stays short for Windows


class BackupError(RegistryError):
    pass


def sqlite_database() -> SqliteDatabase:
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise BackupError(msg("共享服务器（PostgreSQL）上的登记库由服务器管理员备份，本程序不做文件备份。"))
    return db


def register_file() -> Path | None:
    """The open register's file; None when it is kept on a PostgreSQL server."""
    db = database.obj
    return Path(db.database) if isinstance(db, SqliteDatabase) else None


def register_name(register: Path) -> str:
    """The register's file name without its ending, as a file name on Windows may carry
    it: the characters Windows refuses replaced, no dot or space at its end, no device
    name (CON, NUL, ...); "registry" when nothing is left."""
    name = _NOT_IN_WINDOWS_NAMES.sub("_", register.stem)[:NAME_CHARS].rstrip(" .").lstrip(" ")
    if not name:
        return UNNAMED
    return f"{name}_" if name.split(".")[0].upper() in _WINDOWS_DEVICES else name


def backup_name(register: Path, made: dt.datetime, reason: str) -> str:
    return f"{register_name(register)}-{made:%Y%m%d-%H%M%S}-{reason}.sqlite3"


def read_backup_name(path: Path) -> tuple[str, dt.datetime, str] | None:
    """(the register's name, when it was made, why) from a backup's file name; None for a
    file that is no backup."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return match["register"], made, match["reason"]


def backups_folder(db_path: Path | None = None) -> Path:
    """Backups live beside the register, in a folder of their own."""
    path = db_path or Path(sqlite_database().database)
    return path.parent / "backups"


def quick_check(path: Path) -> bool:
    """Whether the SQLite file at `path` passes quick_check, read without changing it."""
    try:
        conn = sqlite.connect(path, readonly=True)
    except sqlite.Error:
        return False
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        return row is not None and row[0] == "ok"
    except sqlite.Error:
        return False
    finally:
        conn.close()


def backup_to(target: Path) -> Path:
    """Copy the open register to `target` while it stays in use; the copy is checked
    before it takes its name, so a backup file is always whole."""
    db = sqlite_database()
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        sqlite.copy_to_file(db.connection(), partial)
    except (sqlite.Error, OSError) as exc:  # a full disk, a folder that may not be written, ...
        partial.unlink(missing_ok=True)
        raise as_fault(exc, partial) or BackupError(msg("备份没有完成（{exc}），没有保存。", exc=exc)) from exc
    if not quick_check(partial):
        partial.unlink(missing_ok=True)
        raise BackupError(msg("备份文件校验失败，没有保存。请检查磁盘空间后重试。"))
    partial.replace(target)
    return target


def make_backup(reason: str, now: dt.datetime | None = None, *, keep: Path | None = None) -> Path:
    """A rotated backup in the backups folder; reason: auto, close, import, restore, ...
    The rotation spares `keep` too (the backup a restore is about to read)."""
    now = now or dt.datetime.now()
    register = Path(sqlite_database().database)
    folder = backups_folder(register)
    folder.mkdir(parents=True, exist_ok=True)
    path = backup_to(folder / backup_name(register, now, reason))
    rotate(folder, protect=path, spare=keep)
    log.info("backup written: %s", path)
    return path


def list_backups(folder: Path, register: Path | None = None) -> list[tuple[dt.datetime, Path]]:
    """Backups in the folder, newest first: all, or those of `register` (named after it, and
    those made before backups were named)."""
    names = None if register is None else {register_name(register), UNNAMED}
    found = []
    for path in folder.glob("*-*.sqlite3"):
        read = read_backup_name(path)
        if read is not None and (names is None or read[0] in names):
            found.append((read[1], path))
    return sorted(found, reverse=True)


def rotate(folder: Path, protect: Path | None = None, spare: Path | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 12 days, 10 weeks and 9 months of each
    register (the unnamed older backups as one more), and always `protect` (the backup just
    made) and `spare`: one register's many backups never push out another's."""
    keep: set[Path] = {p.resolve() for p in (protect, spare) if p is not None}
    registers: dict[str, list[tuple[dt.datetime, Path]]] = {}
    for stamp, path in list_backups(folder):
        read = read_backup_name(path)
        if read is not None:
            registers.setdefault(read[0], []).append((stamp, path))
    for backups in registers.values():
        for period, count in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                              (lambda t: (t.year, t.month), KEEP_MONTHLY)):
            seen: list[object] = []
            for stamp, path in backups:
                key = period(stamp)
                if key not in seen:
                    seen.append(key)
                    if len(seen) <= count:
                        keep.add(path.resolve())
    removed = [path for _, path in list_backups(folder) if path.resolve() not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def latest_good_backup(db_path: Path) -> Path | None:
    """The register's newest whole backup: of those named after it first, then of the older
    unnamed ones (which may be another register's of the same folder)."""
    backups = [path for _stamp, path in list_backups(backups_folder(db_path), db_path)]
    own = [path for path in backups if path.name.startswith(f"{register_name(db_path)}-")]
    for path in [*own, *(path for path in backups if path not in own)]:
        if quick_check(path):
            return path
    return None


def due(last_backup: dt.datetime | None, changed_since: bool, now: dt.datetime | None = None) -> bool:
    """Whether an automatic backup is due: data changed and none in the last 30 minutes."""
    now = now or dt.datetime.now()
    return changed_since and (last_backup is None or now - last_backup >= AUTO_INTERVAL)
