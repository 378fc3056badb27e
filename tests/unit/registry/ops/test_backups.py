"""Restoring a backup: an administrator's operation that first backs up what it replaces."""

import datetime as dt

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.backups import restore
from registry.storage import sqlite_library
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
    with sqlite_library.connect(saved) as conn:
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


# --- a backup is checked like a register before it replaces one -------------------------


def crafted(backup, *sql):
    conn = sqlite_library.connect(backup)
    for statement in sql:
        conn.execute(statement)
    conn.close()
    return backup


def state(path):
    with sqlite_library.connect(path) as conn:
        rows = (conn.execute("SELECT id_number, name FROM person ORDER BY id").fetchall(),
                conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0])
    conn.close()
    return rows


DUPLICATE = ("INSERT INTO person (id_number, id_number_rev, name, initials, sex, region_code, address, ethnicity,"
             " political_status, education, notes, active, deactivated_reason, created_at, updated_at)"
             " SELECT id_number, id_number_rev, '冒名', initials, sex, region_code, address, ethnicity,"
             " political_status, education, notes, active, deactivated_reason, created_at, updated_at FROM person")


@pytest.mark.parametrize("sql, said", [
    (["DROP TRIGGER audit_entry_no_delete", "DROP TRIGGER audit_entry_no_update"], "audit_entry_no_"),
    (["DROP TRIGGER service_record_approved_is_final"], "service_record_approved_is_final"),
    (['DROP INDEX "person_id_number"', DUPLICATE], "重复的 id_number"),
    (["ALTER TABLE person DROP COLUMN notes"], "缺少 notes"),
    (['DROP INDEX "person_name"', 'CREATE INDEX "person_name" ON volunteer (skills)', "DROP TABLE rule_preset"],
     "缺少表 rule_preset"),
    (["UPDATE registry_meta SET value = 'v2' WHERE key = 'schema_version'"], "无法识别"),
    (["UPDATE registry_meta SET value = '99' WHERE key = 'schema_version'"], "较新版本"),
    (["DROP TABLE registry_meta"], "不是完好的"),
])
def test_a_crafted_backup_is_refused_and_the_register_left_as_it_was(sqlite_db, tmp_path, sql, said):
    ops.register_person("installer", PERSON)
    backup = crafted(make_backup("manual"), *sql)
    ops.register_person("installer", {"id_number": "110105199001010037", "name": "李四"})
    before = state(sqlite_db)
    with pytest.raises(BackupError, match=said) as refused:
        restore("installer", backup)
    assert "当前登记库保持原样" in str(refused.value)
    assert state(sqlite_db) == before
    assert [p.name for p in Person.select()] == ["张三", "李四"]  # still open, still the same
    assert not list(tmp_path.glob("*.restoring*"))


def test_a_backup_missing_ordinary_indexes_is_restored_with_them(sqlite_db):
    ops.register_person("installer", PERSON)
    backup = crafted(make_backup("manual"), 'DROP INDEX "person_name"', 'DROP INDEX "service_record_volunteer_id"')
    restore("installer", backup)
    with sqlite_library.connect(sqlite_db) as conn:
        indexes = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert {"person_name", "service_record_volunteer_id"} <= indexes


def test_an_older_backup_is_restored_upgraded_with_its_audit_entry(sqlite_db, tmp_path):
    import shutil

    from helpers import DATA

    old = tmp_path / "old-backup.sqlite3"
    shutil.copy(DATA / "registry-v1.sqlite3", old)
    data = old.read_bytes()
    restore("installer", old)
    assert old.read_bytes() == data  # the backup itself is never changed
    assert AuditEntry.select().where(AuditEntry.action == "restore").count() == 1
    assert not list(tmp_path.glob("old-backup.before-upgrade*"))
