from pathlib import Path

import pytest

from registry.storage import db as registry_db
from registry.storage.db import DatabaseTargetError, database, default_database_path, demo_database_path, make_database
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import AuditEntry


def test_sqlite_is_opened_with_wal_foreign_keys_and_a_busy_timeout(sqlite_db: Path):
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == registry_db.BUSY_TIMEOUT_MS


def test_default_and_demo_registers_live_apart_in_the_user_data_folder(user_folders: Path):
    real, demo = default_database_path(), demo_database_path()
    assert str(real).startswith(str(user_folders))
    assert real.parent != demo.parent
    open_database(demo)  # the data folder is made on first use
    close_database()
    assert demo.exists() and not real.exists()


def test_urls_choose_the_backend():
    assert type(make_database("postgresql://clerk@127.0.0.1:5433/registry")).__name__ == "PostgresqlDatabase"
    assert make_database("sqlite:///tmp/x.sqlite3").database == "/tmp/x.sqlite3"
    with pytest.raises(DatabaseTargetError, match="mysql"):
        make_database("mysql://x/y")
    with pytest.raises(DatabaseTargetError):
        make_database("  ")


def test_a_mistyped_folder_is_not_created(tmp_path: Path):
    with pytest.raises(DatabaseTargetError, match="不存在"):
        open_database(tmp_path / "no-such-folder" / "r.sqlite3")
    assert not (tmp_path / "no-such-folder").exists()


def test_the_audit_log_is_append_only(db: Path):
    from peewee import IntegrityError

    from registry.ops.changes import Table
    from registry.ops.kernel import write
    from registry.rules.permissions import Action

    with write("clerk", Action.CREATE) as w:
        w.log(Table.PERSON, 1)
    entry = AuditEntry.get().id
    with pytest.raises(IntegrityError):
        AuditEntry.update(actor="x").where(AuditEntry.id == entry).execute()
    with pytest.raises(IntegrityError):
        AuditEntry.delete().execute()


def test_opening_the_open_register_again_is_not_taken_for_a_crash(tmp_path: Path):
    path = tmp_path / "r.sqlite3"
    first = open_database(path)
    assert open_database(path) is first  # e.g. the command line logs in, then the command opens
    other = open_database(tmp_path / "other.sqlite3")  # leaving one register for another
    assert other is not first and not (tmp_path / "r.sqlite3.in-use").exists()
    close_database()
    assert not (tmp_path / "other.sqlite3.in-use").exists()
