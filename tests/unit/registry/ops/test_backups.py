"""Restoring a backup: an administrator's operation that first backs up what it replaces."""

import datetime as dt
from pathlib import Path

import pytest
from helpers.backups import crafted, rows

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
    assert rows(saved, "SELECT count(*) FROM person") == [(2,)]
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
    (['DROP INDEX "person_document"', DUPLICATE], "重复的 id_number"),
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
    before, made = state(sqlite_db), backups_now(sqlite_db)
    with pytest.raises(BackupError, match=said) as refused:
        restore("installer", backup)
    assert "当前登记库保持原样" in str(refused.value)
    assert state(sqlite_db) == before
    assert backups_now(sqlite_db) == made  # refused: nothing backed up or rotated for it
    assert [p.name for p in Person.select()] == ["张三", "李四"]  # still open, still the same
    assert not list(tmp_path.glob("*.restoring*"))


def test_a_backup_missing_ordinary_indexes_is_restored_with_them(sqlite_db):
    ops.register_person("installer", PERSON)
    backup = crafted(make_backup("manual"), 'DROP INDEX "person_name"',
                     'DROP INDEX "service_line_volunteer_id_service_date"')
    restore("installer", backup)
    with sqlite_library.connect(sqlite_db) as conn:
        indexes = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert {"person_name", "service_line_volunteer_id_service_date"} <= indexes


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


# --- the drill: a restore from every kind of backup, and each damaged one refused --------

PASSPHRASE = "街道的备份口令 2026"
LI = {"id_number": "110105199001010037", "name": "李四"}


@pytest.fixture
def cheap_keys(monkeypatch):
    import nacl.pwhash.argon2id as argon2id

    from registry.storage import sealing

    monkeypatch.setattr(sealing, "OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(sealing, "MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)


def every_kind(register, tmp_path):
    """张三 alone, backed up in every form a restore may be given."""
    import shutil

    from registry.ops.copies import export_encrypted
    from registry.storage.backup import backup_to, backups_folder
    from registry.storage.db import database
    from registry.storage.page_copy import copy_pages

    ops.register_person("installer", PERSON)
    usb = tmp_path / "U盘"
    usb.mkdir()
    folder_backup = make_backup("manual")
    older = backups_folder(register) / "registry-20250101-080000-auto.sqlite3"  # as versions before compression
    copy = sqlite_library.connect(older)
    copy_pages(database.connection(), copy)  # in WAL mode, as those were written
    copy.close()
    return {
        "in the backups folder": folder_backup,
        "copied elsewhere": Path(shutil.copy(folder_backup, usb / "备份.sqlite3.zst")),
        "uncompressed, from before": older,
        "a plain copy for another program": backup_to(usb / "copy.sqlite3"),
        "encrypted": export_encrypted("installer", usb / "导出的备份.enc", PASSPHRASE),
    }


def test_restore_drill_from_every_kind_of_backup(sqlite_db, tmp_path, cheap_keys):
    kinds = every_kind(sqlite_db, tmp_path)
    for kind, backup in kinds.items():
        ops.register_person("installer", LI)
        restore("installer", backup, PASSPHRASE if kind == "encrypted" else None)
        assert [p.name for p in Person.select()] == ["张三"], kind
        assert backup.is_file(), kind  # the recovery point stays
        ops.register_person("installer", LI)
        Person.delete().where(Person.name == "李四").execute()
    for folder in {p.parent for p in kinds.values()} | {sqlite_db.parent}:
        assert not [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", ".part", ".restoring"))
                    and not p.name.startswith("registry.sqlite3")], folder


def backups_now(register):
    from registry.storage.backup import backups_folder

    folder = backups_folder(register)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("spoil, said", [
    (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "已损坏或不完整"),
    (lambda p: p.write_bytes(p.read_bytes()[:-20] + bytes(20)), "已损坏或不完整"),
    (lambda p: p.write_bytes(b"\x28\xb5\x2f\xfd" + b"garbage" * 100), "已损坏或不完整"),
    (lambda p: p.unlink(), "找不到这个文件"),
])
def test_a_damaged_compressed_backup_is_refused_with_nothing_changed_or_backed_up(sqlite_db, spoil, said):
    ops.register_person("installer", PERSON)
    backup = make_backup("manual")
    ops.register_person("installer", LI)
    spoil(backup)
    before, made = state(sqlite_db), backups_now(sqlite_db)
    with pytest.raises(BackupError, match=said) as refused:
        restore("installer", backup)
    assert str(refused.value).endswith("没有恢复，当前登记库保持原样。")
    assert state(sqlite_db) == before and backups_now(sqlite_db) == made


@pytest.mark.parametrize("passphrase, spoil, said", [
    (None, None, "需要输入导出时设定的口令"),
    ("别的口令别的口令别的", None, "口令不对"),
    (PASSPHRASE, lambda data: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:], "被改动或已损坏"),
    (PASSPHRASE, lambda data: data[:len(data) // 2], "被改动或已损坏"),
])
def test_an_encrypted_backup_needs_its_passphrase_and_must_be_unchanged(sqlite_db, tmp_path, cheap_keys,
                                                                        passphrase, spoil, said):
    from registry.ops.copies import export_encrypted
    from registry.storage.restoring import RestoreRefused

    ops.register_person("installer", PERSON)
    sealed = export_encrypted("installer", tmp_path / "导出的备份.enc", PASSPHRASE)
    if spoil is not None:
        sealed.write_bytes(spoil(sealed.read_bytes()))
    ops.register_person("installer", LI)
    before, made = state(sqlite_db), backups_now(sqlite_db)
    with pytest.raises(RestoreRefused, match=said) as refused:
        restore("installer", sealed, passphrase)
    assert refused.value.needs_passphrase is (passphrase is None)
    assert refused.value.wrong_passphrase is (passphrase == "别的口令别的口令别的")
    assert state(sqlite_db) == before and backups_now(sqlite_db) == made


def test_an_encrypted_export_is_a_clerks_audited_and_wants_a_real_passphrase(sqlite_db, tmp_path, cheap_keys):
    from registry.ops.copies import export_encrypted
    from registry.rules.problems import RegistryError

    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")
    with pytest.raises(ops.NotAllowedError):
        export_encrypted("wang", tmp_path / "a.enc", PASSPHRASE)
    with pytest.raises(RegistryError, match="至少"):
        export_encrypted("li", tmp_path / "a.enc", "123")
    assert not (tmp_path / "a.enc").exists()
    path = export_encrypted("li", tmp_path / "a.enc", PASSPHRASE)
    entry = AuditEntry.select().where(AuditEntry.detail.contains("导出加密备份")).get()
    assert entry.actor == "li" and str(path.resolve()) in entry.detail
