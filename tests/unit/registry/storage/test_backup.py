import datetime as dt
from pathlib import Path

import pytest

from registry import ops
from registry.storage import sqlite_library
from registry.storage.backup import backup_to, due, list_backups, quick_check, rotate

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def test_a_backup_is_a_checked_copy_taken_while_the_register_is_open(sqlite_db, tmp_path):
    ops.register_person("clerk", PERSON)
    copy = backup_to(tmp_path / "copy.sqlite3")
    assert quick_check(copy)
    with sqlite_library.connect(copy) as conn:
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


def test_a_backups_file_name_says_which_register_it_is_of(tmp_path):
    from registry.storage.backup import make_backup, read_backup_name
    from registry.storage.lifecycle import close_database, open_database

    open_database(tmp_path / "朝外街道.sqlite3")
    try:
        path = make_backup("manual", dt.datetime(2025, 6, 1, 9, 30))
    finally:
        close_database()
    assert path.name == "朝外街道-20250601-093000-manual.sqlite3"
    assert read_backup_name(path) == ("朝外街道", dt.datetime(2025, 6, 1, 9, 30), "manual")


@pytest.mark.parametrize(("register", "named"), [
    ("registry.sqlite3", "registry"),  # the default register: its backups are named as before
    ("2025年 建外:新|库?.sqlite3", "2025年 建外_新_库_"),  # characters Windows refuses in a name
    ("CON.sqlite3", "CON_"), ("lpt1.db", "lpt1_"),  # device names Windows will not open as files
    ("库. .sqlite3", "库"),  # Windows drops a name's last dots and spaces
    (" .sqlite3", "registry"),
])
def test_the_register_is_named_as_windows_can_keep_a_file(register, named):
    from registry.storage.backup import register_name

    assert register_name(Path(register)) == named
    assert len(register_name(Path("长" * 200 + ".sqlite3"))) <= 60


def test_registers_sharing_a_folder_each_list_and_rotate_their_own_backups(tmp_path):
    from registry.storage.backup import latest_good_backup

    folder = tmp_path / "backups"
    folder.mkdir()
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(40):  # 40 days of two registers' backups, and an older unnamed one
        stamp = start + dt.timedelta(days=day)
        for register in ("朝外", "建外"):
            sqlite_library.connect(folder / f"{register}-{stamp:%Y%m%d-%H%M%S}-auto.sqlite3").close()
    older = folder / "registry-20241231-080000-before-restore.sqlite3"
    sqlite_library.connect(older).close()
    rotate(folder)
    chaowai = list_backups(folder, tmp_path / "朝外.sqlite3")
    jianwai = list_backups(folder, tmp_path / "建外.sqlite3")
    assert older in [p for _, p in chaowai] and older in [p for _, p in jianwai]  # whoseever it was
    assert {p.name.split("-")[0] for _, p in chaowai} == {"朝外", "registry"}
    assert len(chaowai) == len(jianwai) > 12  # each kept its days and weeks: none pushed the other's out
    assert latest_good_backup(tmp_path / "朝外.sqlite3") == chaowai[0][1]
    assert latest_good_backup(tmp_path / "东风.sqlite3") == older  # no backup of its own: the unnamed one
