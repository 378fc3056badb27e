"""Backups of a SQLite register: made online (SQLite's backup API), checked with
quick_check, rotated, and restored only by an administrator after a backup of what the
restore replaces. A PostgreSQL register is backed up by its server (pg_dump), not here."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from registry.accounts import check_permission
from registry.db import database
from registry.ops.base import RegistryError, audit, transaction

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
AUTO_INTERVAL = dt.timedelta(minutes=30)
_NAME = re.compile(r"^registry-(\d{8}-\d{6})-([a-z-]+)\.sqlite3$")


class BackupError(RegistryError):
    pass


def _sqlite() -> SqliteDatabase:
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise BackupError("共享服务器（PostgreSQL）上的登记库由服务器管理员备份，本程序不做文件备份。")
    return db


def backups_folder(db_path: Path | None = None) -> Path:
    """Backups live beside the register, in a folder of their own."""
    path = db_path or Path(_sqlite().database)
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
    db = _sqlite()
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        db.connection().backup(copy)
    finally:
        copy.close()
    if not quick_check(partial):
        partial.unlink(missing_ok=True)
        raise BackupError("备份文件校验失败，没有保存。请检查磁盘空间后重试。")
    partial.replace(target)
    return target


def make_backup(reason: str, now: dt.datetime | None = None) -> Path:
    """A rotated backup in the backups folder; reason: auto, close, import, restore, ..."""
    now = now or dt.datetime.now()
    folder = backups_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = backup_to(folder / f"registry-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3")
    rotate(folder, protect=path)
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


def rotate(folder: Path, protect: Path | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 12 days, 10 weeks and 9 months, and
    always `protect` (the backup just made)."""
    keep: set[Path] = {protect} if protect else set()
    for period, count in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for stamp, path in list_backups(folder):
            key = period(stamp)
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    keep.add(path)
    removed = [path for _, path in list_backups(folder) if path not in keep]
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


def restore(actor: str, source: Path) -> Path:
    """Replace the open register with a backup; returns the backup of what was replaced."""
    from registry.db import open_database
    from registry.migrations import CURRENT_VERSION

    check_permission(actor, "restore")
    db = _sqlite()
    source = Path(source)
    if not source.is_file() or not quick_check(source):
        raise BackupError(f"“{source.name}”不是完好的登记库备份，没有恢复。")
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
        try:
            version = int(conn.execute("SELECT value FROM registry_meta WHERE key='schema_version'")
                          .fetchone()[0])
        except (sqlite3.DatabaseError, TypeError) as exc:
            raise BackupError(f"“{source.name}”不是街道社会工作登记台的备份。") from exc
    conn.close()
    if version > CURRENT_VERSION:
        raise BackupError("这个备份来自较新版本的程序，请先升级程序再恢复。")
    saved = make_backup("before-restore")
    target = Path(db.database)
    incoming = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        incoming.backup(db.connection())  # page by page into the live file, inside SQLite's locks
    finally:
        incoming.close()
    db.close()
    open_database(target)  # upgrades an older backup's schema, after its own backup
    with transaction():  # written into the restored register, so the history says what happened
        audit(actor, "restore", "registry", None,
              detail=f"从 {source.name} 恢复；原数据已备份到 {saved.name}")
    return saved
