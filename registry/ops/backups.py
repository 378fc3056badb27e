"""Restoring the register from a backup: an administrator's audited operation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from registry.ops.base import audit, transaction
from registry.queries.access import check_permission
from registry.storage.backup import BackupError, make_backup, quick_check, sqlite_database
from registry.storage.lifecycle import open_database
from registry.storage.migrations import CURRENT_VERSION


def restore(actor: str, source: Path) -> Path:
    """Replace the open register with a backup; returns the backup of what was replaced."""
    check_permission(actor, "restore")
    db = sqlite_database()
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
