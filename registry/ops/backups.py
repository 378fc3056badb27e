"""Restoring the register from a backup: an administrator's audited operation, and the
audit entry of a register recovered after a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from registry.ops.changes import Changes, Table
from registry.ops.kernel import allow, write
from registry.rules.permissions import Action
from registry.storage.backup import make_backup, sqlite_database
from registry.storage.lifecycle import open_database
from registry.storage.restoring import copy_into, discard, stage, staged


@dataclass(frozen=True)
class Restored:
    saved: Path  # the backup of what the restore replaced
    changes: Changes = field(default_factory=Changes.everything)


def restore(actor: str, source: Path, passphrase: str | None = None) -> Restored:
    """Replace the open register with a backup (compressed, plain, or encrypted with
    `passphrase`), after backing up what it replaces.

    Whole or not at all (storage/restoring.py): the backup is written out beside the register
    and checked there as a register is at open (a crafted or damaged one is refused, the
    register untouched, and nothing backed up or rotated for a restore that did not happen);
    then what it replaces is backed up, its audit entry is written into that copy, and the
    copy replaces the register's content in one transaction."""
    permit = allow(actor, Action.RESTORE)  # here: the register it replaces is the one that says who may
    db = sqlite_database()
    target = Path(db.database)
    source = Path(source)
    staging = stage(source, target, passphrase)
    try:
        with staged(staging, source):  # the checks at open, on the copy
            # the rotation must not delete what we restore
            saved = make_backup("before-restore", keep=source, db=db)
            with permit.write() as w:  # its history says what happened
                w.log("registry", None, detail=f"从 {source.name} 恢复；原数据已备份到 {saved.name}")
        copy_into(db.connection(), staging)
    finally:
        discard(staging)
    db.close()
    open_database(target)  # the checks at open, on what is now the register
    return Restored(saved)


def record_recovery(actor: str, backup: Path, damaged: Path) -> Changes:
    """In a register put back from its latest good backup after it failed its check at open
    (ui/recovery.py): the audit log says what happened."""
    with write(actor, Action.RESTORE) as w:
        w.log("registry", None,
              detail=f"登记库校验未通过，已从 {backup.name} 恢复；损坏的文件保留为 {damaged.name}")
        w.changed(Table.AUDIT_ENTRY)
    return w.changes
