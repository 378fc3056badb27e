import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.backups import restore
from registry.storage.backup import BackupError, backup_to, due, list_backups, make_backup, quick_check, rotate
from registry.storage.health import DatabaseDamagedError, network_share_warning, sqlite_version_ok
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import AuditEntry, Person

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def test_a_backup_is_a_checked_copy_taken_while_the_register_is_open(sqlite_db, tmp_path):
    ops.register_person("clerk", PERSON)
    copy = backup_to(tmp_path / "copy.sqlite3")
    assert quick_check(copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM person").fetchall() == [("张三",)]
    conn.close()
    assert not list(tmp_path.glob("*.part"))


def test_rotation_keeps_12_daily_10_weekly_9_monthly(tmp_path):
    start = dt.datetime(2025, 1, 1, 8, 0)
    for hours in range(0, 400 * 24, 6):  # four backups a day for 400 days
        stamp = start + dt.timedelta(hours=hours)
        (tmp_path / f"registry-{stamp:%Y%m%d-%H%M%S}-auto.sqlite3").touch()
    (tmp_path / "notes.txt").touch()
    rotate(tmp_path)
    kept = [stamp for stamp, _ in list_backups(tmp_path)]
    newest = kept[0]
    days = {s.date() for s in kept}
    assert len(kept) == len(set(kept)) and len(kept) <= 12 + 10 + 9
    assert all((newest.date() - dt.timedelta(days=d)) in days for d in range(12))
    assert len({s.isocalendar()[:2] for s in kept}) >= 10
    assert len({(s.year, s.month) for s in kept}) == 9
    assert (tmp_path / "notes.txt").exists()


def test_automatic_backups_are_due_every_30_minutes_while_data_changed():
    now = dt.datetime(2026, 1, 1, 12, 0)
    assert due(None, True, now)
    assert not due(now - dt.timedelta(minutes=10), True, now)
    assert due(now - dt.timedelta(minutes=31), True, now)
    assert not due(now - dt.timedelta(hours=5), False, now)


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


def test_a_register_damaged_in_a_crash_is_refused_at_open(tmp_path: Path):
    path = tmp_path / "r.sqlite3"
    open_database(path)
    ops.register_person("clerk", PERSON)
    make_backup("manual")
    close_database()
    (path.parent / (path.name + ".in-use")).touch()  # as if the last session died
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 3 + 200] = b"\xff" * 200  # scribble over a page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError, match="registry-"):
        open_database(path)
    close_database()


def test_sqlite_versions_with_the_wal_bug_are_recognised():
    assert not sqlite_version_ok((3, 44, 5)) and sqlite_version_ok((3, 44, 6))
    assert not sqlite_version_ok((3, 47, 0))
    assert not sqlite_version_ok((3, 50, 6)) and sqlite_version_ok((3, 50, 7))
    assert not sqlite_version_ok((3, 51, 2)) and sqlite_version_ok((3, 51, 3)) and sqlite_version_ok((3, 52, 0))


def test_unc_paths_get_the_network_share_warning(tmp_path):
    assert "PostgreSQL" in network_share_warning(Path("//server/share/registry.sqlite3"))
    assert network_share_warning(tmp_path / "r.sqlite3") is None


def test_restoring_a_backup_from_the_backups_folder_keeps_it(sqlite_db):
    """The before-restore backup's rotation keeps one backup a day: it must not delete the
    earlier backup of the same day that is being restored."""
    ops.register_person("installer", PERSON)
    chosen = make_backup("manual", now=dt.datetime.now() - dt.timedelta(minutes=5))
    ops.register_person("installer", {"id_number": "110105199001010037", "name": "李四"})
    restore("installer", chosen)
    assert chosen.is_file()
    assert [p.name for p in Person.select()] == ["张三"]
