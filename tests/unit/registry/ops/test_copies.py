"""Copying the whole register is an administrator's, and the audit log says where it went —
never with a password; applying a district file is an administrator's and audited."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.copies import backup_register, copy_register_to_file, copy_register_to_server, shown_url
from registry.ops.district import apply_district, check_district
from registry.storage.models import AuditEntry


@pytest.fixture
def accounts(sqlite_db):
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")


def test_a_copy_to_a_chosen_file_is_an_administrators_and_names_the_file(accounts, tmp_path):
    with pytest.raises(ops.NotAllowedError):
        copy_register_to_file("li", tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
    copy_register_to_file("boss", tmp_path / "copy.sqlite3")
    entry = AuditEntry.select().where(AuditEntry.action == "copy_register").get()
    assert entry.actor == "boss" and str((tmp_path / "copy.sqlite3").resolve()) in entry.detail


def test_a_backup_into_the_backups_folder_is_a_clerks(accounts):
    with pytest.raises(ops.NotAllowedError):
        backup_register("wang")
    path = backup_register("li")
    assert path.parent.name == "backups"
    assert AuditEntry.get(AuditEntry.action == "backup").detail.endswith(path.name)


def test_migrate_to_is_refused_to_a_clerk_before_any_connection_and_its_entry_hides_the_password(accounts):
    with pytest.raises(ops.NotAllowedError):
        copy_register_to_server("li", "postgresql://u:secret@127.0.0.1:9/x")
    assert shown_url("postgresql://u:secret@db.example:5433/reg") == "postgresql://u@db.example:5433/reg"


def test_district_apply_is_an_administrators_and_every_setting_it_changes_is_audited(accounts):
    config, _ = check_district(ROOT / "packaging" / "districts" / "110105-chaoyang.toml")
    for actor in ("wang", "li"):
        with pytest.raises(ops.NotAllowedError):
            apply_district(actor, config)
    assert not AuditEntry.select().where(AuditEntry.action == "apply_district").exists()
    apply_district("boss", config, "110105-chaoyang.toml")
    entries = list(AuditEntry.select().where(AuditEntry.action == "apply_district"))
    assert any("110105-chaoyang.toml" in e.detail for e in entries)
    settings = [e for e in entries if e.table_name == "setting"]
    assert {next(iter(json.loads(e.after))) for e in settings} >= {"district_full_name", "default_street"}
