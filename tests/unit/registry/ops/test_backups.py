"""Restoring a backup: an administrator's operation that first backs up what it replaces."""

import datetime as dt
import sqlite3

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.backups import restore
from registry.storage.backup import BackupError, make_backup
from registry.storage.models import AuditEntry, Person

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def test_restore_is_for_administrators_and_backs_up_what_it_replaces(sqlite_db):
    ops.register_person("installer", PERSON)
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    backup = make_backup("manual")
    ops.register_person("li", {"id_number": "110105199001010037", "name": "李四"})
    with pytest.raises(Exception, match="管理员"):
        restore("li", backup)
    restored = restore("boss", backup)
    assert restored.changes.everything_changed  # every screen reloads
    saved = restored.saved
    assert [p.name for p in Person.select()] == ["张三"]
    with sqlite3.connect(saved) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (2,)
    conn.close()
    assert AuditEntry.select().where(AuditEntry.action == "restore").get().actor == "boss"


def test_a_damaged_or_foreign_file_is_not_restored(sqlite_db, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(BackupError):
        restore("anyone", junk)


def test_restoring_a_backup_from_the_backups_folder_keeps_it(sqlite_db):
    """The before-restore backup's rotation keeps one backup a day: it must not delete the
    earlier backup of the same day that is being restored."""
    ops.register_person("installer", PERSON)
    chosen = make_backup("manual", now=dt.datetime.now() - dt.timedelta(minutes=5))
    ops.register_person("installer", {"id_number": "110105199001010037", "name": "李四"})
    restore("installer", chosen)
    assert chosen.is_file()
    assert [p.name for p in Person.select()] == ["张三"]
