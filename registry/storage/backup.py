"""Backups of a SQLite register: made online (SQLite's backup API), checked with
quick_check and rotated (restoring one is an operation: ops/backups.py). A PostgreSQL
register is backed up by its server (pg_dump), not here."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from registry.rules.problems import RegistryError
from registry.storage.db import database
from registry.storage.faults import as_fault
from registry.texts import msg

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
AUTO_INTERVAL = dt.timedelta(minutes=30)
_NAME = re.compile(r"^registry-(\d{8}-\d{6})-([a-z-]+)\.sqlite3$")


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


def backups_folder(db_path: Path | None = None) -> Path:
    """Backups live beside the register, in a folder of their own."""
    path = db_path or Path(sqlite_database().database)
    return path.parent / "backups"


def quick_check(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError:
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
        copy = sqlite3.connect(partial)
        try:
            db.connection().backup(copy)
        finally:
            copy.close()
    except (sqlite3.Error, OSError) as exc:  # a full disk, a folder that may not be written, ...
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
    folder = backups_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = backup_to(folder / f"registry-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3")
    rotate(folder, protect=path, spare=keep)
    log.info("backup written: %s", path)
    return path


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """Backups in the folder, newest first."""
    found = []
    for path in folder.glob("registry-*.sqlite3"):
        match = _NAME.match(path.name)
        if match:
            found.append((dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path))
    return sorted(found, reverse=True)


def rotate(folder: Path, protect: Path | None = None, spare: Path | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 12 days, 10 weeks and 9 months, and
    always `protect` (the backup just made) and `spare`."""
    keep: set[Path] = {p.resolve() for p in (protect, spare) if p is not None}
    for period, count in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for stamp, path in list_backups(folder):
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
    for _stamp, path in list_backups(backups_folder(db_path)):
        if quick_check(path):
            return path
    return None


def due(last_backup: dt.datetime | None, changed_since: bool, now: dt.datetime | None = None) -> bool:
    """Whether an automatic backup is due: data changed and none in the last 30 minutes."""
    now = now or dt.datetime.now()
    return changed_since and (last_backup is None or now - last_backup >= AUTO_INTERVAL)
