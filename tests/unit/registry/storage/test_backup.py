import datetime as dt
from pathlib import Path

import pytest

from registry import ops
from registry.storage import sqlite_library
from registry.storage.backup import backup_to, due, list_backups, quick_check, rotate

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def tiny_register(path: Path) -> Path:
    conn = sqlite_library.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path


def side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", "-wal", "-shm", "-journal"))
                  or ".part-" in p.name)


def test_a_backup_is_a_checked_copy_taken_while_the_register_is_open(sqlite_db, tmp_path):
    ops.register_person("clerk", PERSON)
    (tmp_path / "usb").mkdir()
    copy = backup_to(tmp_path / "usb" / "copy.sqlite3")
    assert quick_check(copy)
    with sqlite_library.connect(copy, readonly=True) as conn:  # read-only: as from a USB stick
        assert conn.execute("SELECT name FROM person").fetchall() == [("张三",)]
    conn.close()
    assert side_files(tmp_path / "usb") == []  # a plain copy in rollback mode: opening it leaves no -wal, -shm


def test_a_backup_is_compressed_read_back_and_checked(sqlite_db, tmp_path):
    from helpers.backups import rows

    from registry.storage.backup import intact, make_backup
    from registry.storage.backup_files import Kind, kind_of
    from registry.storage.db import database

    database.execute_sql("CREATE TABLE filler (x TEXT)")  # texts repeated, as a register's are
    database.cursor().executemany("INSERT INTO filler VALUES (?)", [(f"朝外街道第{i % 50}社区",) for i in range(20000)])
    ops.register_person("clerk", PERSON)
    backup = make_backup("manual")
    assert backup.name.endswith(".sqlite3.zst") and kind_of(backup) is Kind.COMPRESSED
    assert backup.stat().st_size * 3 < sqlite_db.stat().st_size
    assert intact(backup)
    assert rows(backup, "SELECT name FROM person") == [("张三",)]
    assert side_files(backup.parent) == []
    damaged = bytearray(backup.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # one byte changed: the frame's checksum no longer matches
    backup.write_bytes(bytes(damaged))
    assert not intact(backup)


def test_a_backup_that_fails_its_check_takes_no_name(sqlite_db, tmp_path, monkeypatch):
    from registry.storage import backup as module

    monkeypatch.setattr(module, "quick_check", lambda _path: False)
    with pytest.raises(module.BackupError, match="校验失败"):
        module.make_backup("manual")
    folder = module.backups_folder(sqlite_db)
    assert list(folder.iterdir()) == []


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
    assert path.name == "朝外街道-20250601-093000-manual.sqlite3.zst"
    assert read_backup_name(path) == ("朝外街道", dt.datetime(2025, 6, 1, 9, 30), "manual")
    older = path.with_name("朝外街道-20250601-093000-manual.sqlite3")  # before backups were compressed
    assert read_backup_name(older) == read_backup_name(path)


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
            tiny_register(folder / f"{register}-{stamp:%Y%m%d-%H%M%S}-auto.sqlite3")
    older = tiny_register(folder / "registry-20241231-080000-before-restore.sqlite3")
    rotate(folder)
    chaowai = list_backups(folder, tmp_path / "朝外.sqlite3")
    jianwai = list_backups(folder, tmp_path / "建外.sqlite3")
    assert older in [p for _, p in chaowai] and older in [p for _, p in jianwai]  # whoseever it was
    assert {p.name.split("-")[0] for _, p in chaowai} == {"朝外", "registry"}
    assert len(chaowai) == len(jianwai) > 12  # each kept its days and weeks: none pushed the other's out
    assert latest_good_backup(tmp_path / "朝外.sqlite3") == chaowai[0][1]
    assert latest_good_backup(tmp_path / "东风.sqlite3") == older  # no backup of its own: the unnamed one


# --- rotation: the last 24 hours whole, then days, weeks, months, within a size --------


def fake_backups(folder: Path, stamps, register="朝外", size=1) -> list[Path]:
    made = []
    for stamp in stamps:
        path = folder / f"{register}-{stamp:%Y%m%d-%H%M%S}-auto.sqlite3.zst"
        path.write_bytes(b"x" * size)
        made.append(path)
    return made


def test_rotation_keeps_every_backup_of_the_last_24_hours(tmp_path):
    now = dt.datetime(2026, 3, 10, 17, 0)
    half_hours = [now - dt.timedelta(minutes=30 * i) for i in range(60)]  # 30 hours at the 30-minute rhythm
    fake_backups(tmp_path, half_hours)
    rotate(tmp_path, now=now, limit=10**9)
    kept = {stamp for stamp, _ in list_backups(tmp_path)}
    assert {s for s in half_hours if now - s < dt.timedelta(hours=24)} <= kept  # the 10:00 one before a mistake too
    older = [s for s in half_hours if now - s >= dt.timedelta(hours=24)]
    assert [s for s in older if s in kept] == []  # that day's newest is one of the last 24 hours


def test_rotation_within_its_size_drops_the_oldest_monthly_first_and_keeps_the_newest_of_each(tmp_path):
    now = dt.datetime(2026, 12, 31, 18, 0)
    days = [now - dt.timedelta(days=d) for d in range(365)]
    fake_backups(tmp_path, days, size=100)
    rotate(tmp_path, now=now, limit=10**9)
    counted = [stamp for stamp, _ in list_backups(tmp_path)]
    assert len(counted) <= 12 + 10 + 9
    rotate(tmp_path, now=now, limit=1500)  # room for 15 of them
    kept = [stamp for stamp, _ in list_backups(tmp_path)]
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) <= 1500
    dropped = sorted(set(counted) - set(kept))
    assert dropped == sorted(counted)[:len(dropped)]  # the oldest (monthly) first
    rotate(tmp_path, now=now, limit=1)  # no room at all: the newest daily, weekly and monthly stay
    kept = [stamp for stamp, _ in list_backups(tmp_path)]
    assert len(kept) == 3
    newest, weekly, monthly = kept
    assert newest == now and now - weekly > dt.timedelta(days=11)  # beyond the 12 daily ones
    assert (monthly.year, monthly.month) < (weekly.year, weekly.month)


def test_the_size_budget_never_exceeds_half_of_what_the_disk_could_give(tmp_path, monkeypatch):
    import shutil

    from registry.storage.backup import BUDGET_ENV, budget

    # the disk as the budget sees it, fixed: other programs write to a shared disk meanwhile
    free = shutil.disk_usage(tmp_path).free
    usage = shutil.disk_usage(tmp_path)._replace(free=free)
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage)
    monkeypatch.setenv(BUDGET_ENV, "100")
    assert budget(tmp_path, 0) == min(100 * 1024**2, free // 2)
    monkeypatch.setenv(BUDGET_ENV, str(10**9))
    assert budget(tmp_path, 4000) == (free + 4000) // 2


def test_a_restored_or_just_made_backup_is_never_rotated_away(tmp_path):
    now = dt.datetime(2026, 3, 10, 17, 0)
    old = fake_backups(tmp_path, [dt.datetime(2020, 1, 1, 9, 0), dt.datetime(2020, 1, 1, 8, 0)])
    fake_backups(tmp_path, [now - dt.timedelta(days=d) for d in range(1, 400)])
    rotate(tmp_path, protect=old[1], spare=old[1], now=now, limit=1)
    assert old[1].exists()


# --- names and leftovers, with several programs at once ---------------------------------


def test_backups_made_in_the_same_second_each_get_their_own_name(sqlite_db):
    from registry.storage.backup import make_backup

    made = dt.datetime(2026, 3, 10, 9, 30)
    paths = [make_backup("auto", made) for _ in range(3)]
    assert [p.name for p in paths] == ["registry-20260310-093000-auto.sqlite3.zst",
                                       "registry-20260310-093000-2-auto.sqlite3.zst",
                                       "registry-20260310-093000-3-auto.sqlite3.zst"]
    assert [p for _s, p in list_backups(paths[0].parent)][:3] == paths[::-1]  # newest first


PARALLEL = """
import datetime as dt, sys
from registry.storage.lifecycle import open_database
from registry.storage.backup import make_backup
open_database(sys.argv[1])
print(make_backup("import", dt.datetime.fromisoformat(sys.argv[2])).name)
"""


def test_parallel_backups_in_the_same_second_neither_collide_nor_fail(sqlite_db):
    import subprocess
    import sys

    from helpers import ROOT

    from registry.storage.backup import backups_folder, intact
    from registry.storage.lifecycle import close_database

    ops.register_person("clerk", PERSON)
    close_database()
    # one second for all six, and a recent one: rotation keeps every backup of the last 24
    # hours (an old date would let one process's rotation thin out another's)
    moment = dt.datetime.now().replace(microsecond=0).isoformat()
    procs = [subprocess.Popen([sys.executable, "-c", PARALLEL, str(sqlite_db), moment], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(6)]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 6, [err for _out, err in results]
    names = [out.strip() for out, _err in results]
    assert len(set(names)) == 6, results
    folder = backups_folder(sqlite_db)
    broken = {name: (folder / name).exists() for name in names if not intact(folder / name)}
    assert broken == {}, sorted(p.name for p in folder.iterdir())
    assert side_files(folder) == []


def test_leftovers_of_killed_backups_are_cleared_and_a_running_ones_kept(sqlite_db, tmp_path):
    import subprocess
    import sys

    from registry.storage.backup import backups_folder, make_backup

    folder = backups_folder(sqlite_db)
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = [folder / f"registry-20260310-093000-auto.sqlite3.zst.{gone}-abcdef{side}"
                for side in (".part", ".check.part", ".check.part-journal", ".check.part-wal", ".check.part-shm")]
        older = [folder / f"registry-20250101-080000-auto.sqlite3.part{side}" for side in ("", "-wal", "-shm")]
        alive = folder / f"registry-20260310-093000-auto.sqlite3.zst.{running.pid}-123abc.part"
        others = folder / "notes.txt.part"  # not ours, whatever its name
        for path in (*dead, *older, alive, others):
            path.write_bytes(b"half")
        make_backup("manual")
        assert not any(p.exists() for p in (*dead, *older))
        assert alive.exists() and others.exists()
    finally:
        running.kill()
        running.wait()
