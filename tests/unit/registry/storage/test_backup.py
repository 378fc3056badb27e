import datetime as dt
import sqlite3

from registry import ops
from registry.storage.backup import backup_to, due, list_backups, quick_check, rotate

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
