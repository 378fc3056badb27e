"""Restoring the register from a backup: an administrator's audited operation, and the
audit entry of a register recovered after a crash."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from registry.ops.changes import Changes, Table
from registry.ops.kernel import allow, write
from registry.rules.permissions import Action
from registry.storage.backup import BackupError, make_backup, quick_check, sqlite_database
from registry.storage.lifecycle import open_database
from registry.storage.migrations import CURRENT_VERSION


@dataclass(frozen=True)
class Restored:
    saved: Path  # the backup of what the restore replaced
    changes: Changes = field(default_factory=Changes.everything)


def restore(actor: str, source: Path) -> Restored:
    """Replace the open register with a backup, after backing up what it replaces."""
    permit = allow(actor, Action.RESTORE)  # here: the register it replaces is the one that says who may
    db = sqlite_database()
    source = Path(source)
    if not source.is_file() or not quick_check(source):
        raise BackupError(f"“{source.name}”不是完好的登记库备份，没有恢复。")
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
        try:
            version = int(conn.execute("SELECT value FROM registry_meta WHERE key='schema_version'")
                          .fetchone()[0])
        except (sqlite3.DatabaseError, TypeError, ValueError) as exc:  # a text version too
            raise BackupError(f"“{source.name}”不是街道社会工作登记台的备份。") from exc
    conn.close()
    if version > CURRENT_VERSION:
        raise BackupError("这个备份来自较新版本的程序，请先升级程序再恢复。")
    saved = make_backup("before-restore", keep=source)  # the rotation must not delete what we restore
    target = Path(db.database)
    incoming = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        incoming.backup(db.connection())  # page by page into the live file, inside SQLite's locks
    finally:
        incoming.close()
    db.close()
    open_database(target)  # upgrades an older backup's schema, after its own backup
    with permit.write() as w:  # into the restored register, so its history says what happened
        w.log("registry", None, detail=f"从 {source.name} 恢复；原数据已备份到 {saved.name}")
    return Restored(saved)


def record_recovery(actor: str, backup: Path, damaged: Path) -> Changes:
    """In a register put back from its latest good backup after it failed its check at open
    (ui/recovery.py): the audit log says what happened."""
    with write(actor, Action.RESTORE) as w:
        w.log("registry", None,
              detail=f"登记库校验未通过，已从 {backup.name} 恢复；损坏的文件保留为 {damaged.name}")
        w.changed(Table.AUDIT_ENTRY)
    return w.changes
