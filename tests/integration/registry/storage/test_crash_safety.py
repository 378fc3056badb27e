"""Real processes, really killed: the register keeps all or none of the interrupted work."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

from registry import ops
from registry.rules.idnumber import check_id_number
from registry.storage import sqlite_library
from registry.storage.lifecycle import close_database, open_database

pytestmark = pytest.mark.slow


def valid_id(serial: int) -> str:
    body = f"1101051980{(serial // 1000) % 12 + 1:02d}{serial % 28 + 1:02d}{serial % 1000:03d}"
    return next(body + c for c in "0123456789X" if check_id_number(body + c)[0])


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_when(proc: subprocess.Popen[str], ready: Path, delay: float) -> None:
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def integrity(path: Path) -> str:
    with sqlite_library.connect(path) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return str(result)


APPROVE = """
import sys, pathlib
from registry.storage.lifecycle import open_database
from registry.storage.models import ServiceRecord
from registry.ops.hours import approve_records
open_database(sys.argv[1])
ids = [r.id for r in ServiceRecord.select(ServiceRecord.id).where(ServiceRecord.status == "pending")]
pathlib.Path(sys.argv[2]).touch()
approve_records("chief", ids)
print("done")
"""


def test_killing_a_batch_approval_keeps_all_or_none(tmp_path):
    path = tmp_path / "r.sqlite3"
    open_database(path)
    volunteers = [ops.register_volunteer("clerk", {"id_number": valid_id(i), "name": f"志愿者{i}"}).id
                  for i in range(20)]
    day = dt.date.today() - dt.timedelta(days=30)
    for i in range(3000):
        ops.record_hours("clerk", volunteers[i % 20], {"service_date": day - dt.timedelta(days=i // 20),
                                                      "hours": "0.5"})
    close_database()
    outcomes = []
    for attempt, delay in enumerate((0.05, 0.3, 0.8)):
        ready = tmp_path / f"ready{attempt}"
        kill_when(spawn(APPROVE, str(path), str(ready)), ready, delay)
        assert integrity(path) == "ok"
        with sqlite_library.connect(path) as conn:
            approved = conn.execute("SELECT count(*) FROM service_record WHERE status='approved'").fetchone()[0]
            total = conn.execute("SELECT sum(total_hours) FROM volunteer").fetchone()[0]
            yearly = conn.execute("SELECT sum(hours) FROM volunteer_year").fetchone()[0] or 0
        conn.close()
        assert approved in (0, 3000), approved
        assert total == approved * 0.5 and yearly == approved * 0.5
        outcomes.append(approved)
        if approved:
            break
    if not any(outcomes):  # every kill came before the commit: let one run finish
        proc = spawn(APPROVE, str(path), str(tmp_path / "ready-final"))
        assert proc.communicate(timeout=120)[0].strip() == "done"
        with sqlite_library.connect(path) as conn:
            assert conn.execute("SELECT count(*), sum(hours) FROM service_record WHERE status='approved'"
                                ).fetchone() == (3000, 1500)
            assert conn.execute("SELECT sum(total_hours) FROM volunteer").fetchone() == (1500,)
        conn.close()
    print(f"kills: {len(outcomes)}, approved after each: {outcomes}, rows checked: 3000 each")


BACKUP = """
import sys, pathlib
from registry.storage.lifecycle import open_database
from registry.storage.backup import backup_to
open_database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
backup_to(pathlib.Path(sys.argv[3]))
"""


@pytest.fixture
def big_register(tmp_path):
    path = tmp_path / "big.sqlite3"
    open_database(path)
    from registry.storage.db import database

    database.execute_sql("CREATE TABLE filler (x BLOB)")
    database.cursor().executemany("INSERT INTO filler VALUES (?)", [(os.urandom(4000),) for _ in range(40000)])
    ops.register_person("clerk", {"id_number": valid_id(1), "name": "张三"})
    close_database()
    return path


def test_killing_a_backup_midway_leaves_the_register_whole_and_no_backup_file(big_register, tmp_path):
    target = tmp_path / "copy.sqlite3"
    ready = tmp_path / "ready"
    kill_when(spawn(BACKUP, str(big_register), str(ready), str(target)), ready, 0.05)
    assert not target.exists()  # only a .part file may remain, never a half backup under the real name
    assert integrity(big_register) == "ok"


MAKE_BACKUP = """
import sys, pathlib
from registry.storage.lifecycle import open_database
from registry.storage.backup import make_backup
open_database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
make_backup("auto")
"""


def test_a_backup_killed_at_any_step_leaves_no_named_file_and_the_next_clears_what_it_left(big_register, tmp_path):
    """Killed while copying, compressing or reading back: never a file under a backup's name
    that is not whole; the next backup leaves no .part, -journal, -wal or -shm behind."""
    from registry.storage.backup import backups_folder, intact, list_backups, make_backup

    folder = backups_folder(big_register)
    left = []
    for delay in (0.05, 0.4, 0.9, 1.6, 2.5):
        ready = tmp_path / f"ready-{delay}"
        kill_when(spawn(MAKE_BACKUP, str(big_register), str(ready)), ready, delay)
        assert all(intact(path) for _stamp, path in list_backups(folder))
        left.append(sorted(p.name for p in folder.iterdir() if ".part" in p.name))
    assert any(left), "no kill landed in the middle of a backup"
    open_database(big_register)
    try:
        make_backup("manual")
    finally:
        close_database()
    assert [p.name for p in folder.iterdir()
            if p.name.endswith(("-journal", "-wal", "-shm")) or ".part" in p.name] == []
    assert integrity(big_register) == "ok"
    print(f"kills: 5; left behind after each: {[len(names) for names in left]}")


WRITER = """
import sys
from registry.storage.lifecycle import open_database
from registry import ops
from registry.rules.idnumber import check_id_number
open_database(sys.argv[1])
start = int(sys.argv[2])
for serial in range(start, start + 150):
    body = f"1101051980{(serial // 1000) % 12 + 1:02d}{serial % 28 + 1:02d}{serial % 1000:03d}"
    number = next(body + c for c in "0123456789X" if check_id_number(body + c)[0])
    ops.register_person("clerk" + sys.argv[2], {"id_number": number, "name": f"并发{serial}"})
print("ok")
"""


def test_two_processes_writing_at_once_both_succeed(tmp_path):
    path = tmp_path / "r.sqlite3"
    open_database(path)
    close_database()
    procs = [spawn(WRITER, str(path), str(start)) for start in (0, 500)]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
    with sqlite_library.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (300,)
        assert conn.execute("SELECT count(*) FROM audit_entry").fetchone() == (300,)
    conn.close()
    assert integrity(path) == "ok"
