"""Kills per write path: a process restoring a backup, upgrading an older register, migrating
to PostgreSQL or writing a backup is killed with SIGKILL at a random moment, ≥ 20 times each.

After each kill the invariant is checked from outside: the register (or the server, or the
backup file) is either exactly as before or exactly as after, *with* the audit entry that
says what happened; it passes its integrity check; the work can be run again. An attempt
that finds anything else is a failure; rows or files gone or damaged are data lost.

Used by bench/attack (the table) and by tests/integration/registry/storage/test_kills.py
(a handful of kills per path)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from registry.storage import sqlite_library

ROOT = Path(__file__).resolve().parents[2]
PER_PATH = 20
POSTGRES_ENV = "REGISTRY_TEST_POSTGRES_URL"

try:
    from attack import Row
except ImportError:  # imported by the tests, where bench/ is on the path but not as `attack`
    from bench.attack import Row  # type: ignore[no-redef]


Outcome = tuple[bool, int, str]  # (ok, data lost, what was found)

# --- running and killing a child -----------------------------------------------------------


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_to_end(code: str, *args: str) -> float:
    """Run a child to completion; returns how long its work took (it prints the seconds)."""
    proc = spawn(code, *args)
    out, err = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"child failed: {err[-2000:]}")
    return float(out.strip().splitlines()[-1])


def kill_after(proc: subprocess.Popen[str], ready: Path, delay: float) -> bool:
    """Kill the child `delay` seconds after it says it starts; False if it had finished."""
    deadline = time.monotonic() + 120
    while not ready.exists():
        if proc.poll() is not None:
            proc.communicate()
            return False
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("child never started its work")
        time.sleep(0.002)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    return not finished


def fresh_copy(pristine: Path, path: Path) -> None:
    for side in ("", "-wal", "-shm", ".in-use"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    shutil.copy(pristine, path)


def integrity(path: Path) -> str:
    conn = sqlite_library.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite_library.Error as exc:
        return str(exc)
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite_library.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def attempts(kind: str, n: int, duration: float, attempt: Callable[[int, float], Outcome]) -> Row:
    rng = random.Random(kind)
    failures = lost = 0
    notes: list[str] = []
    states: dict[str, int] = {}
    for i in range(n):
        ok, data_lost, found = attempt(i, rng.uniform(0, duration * 1.1))
        failures += not ok
        lost += data_lost
        if ok:
            states[found] = states.get(found, 0) + 1
        elif len(notes) < 3:
            notes.append(found)
    seen = ", ".join(f"{state} {count}" for state, count in sorted(states.items()))
    return Row(f"kills: {kind}", n, failures, lost,
               "; ".join(notes) or f"left {seen}; rerun fine (work {duration:.2f} s)")


# --- building the registers --------------------------------------------------------------

BUILD = """
import sys, time
from pathlib import Path
from registry.storage.lifecycle import open_database, close_database
from registry.storage.backup import backup_to
from registry.demo import fill_demo
path, backup, volunteers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
open_database(backup)
fill_demo(volunteers=volunteers // 2, seed=2)
close_database()
open_database(path)
fill_demo(volunteers=volunteers, seed=1)
close_database()
print(0)
"""


def registers(workdir: Path, volunteers: int = 3000) -> tuple[Path, Path]:
    """A register and a (different, smaller) backup of the same program."""
    path, backup = workdir / "pristine.sqlite3", workdir / "backup-to-restore.sqlite3"
    if not path.exists():
        run_to_end(BUILD, str(path), str(backup), str(volunteers))
    return path, backup


def people(path: Path) -> list[tuple[object, ...]]:
    return query(path, "SELECT id_number FROM person ORDER BY id")


# --- restore -------------------------------------------------------------------------------

RESTORE = """
import sys, time, pathlib
from registry.storage.lifecycle import open_database
from registry.ops.backups import restore
open_database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
started = time.perf_counter()
restore("administrator", pathlib.Path(sys.argv[3]))
print(time.perf_counter() - started)
"""


def kills_restore(workdir: Path, n: int = PER_PATH) -> Row:
    pristine, backup = registers(workdir)
    before, after = people(pristine), people(backup)
    audits_after = query(backup, "SELECT count(*) FROM audit_entry")[0][0] + 1  # + the restore's own
    path = workdir / "restore" / "registry.sqlite3"
    path.parent.mkdir(exist_ok=True)
    fresh_copy(pristine, path)
    duration = run_to_end(RESTORE, str(path), str(workdir / "r-ready"), str(backup))

    def attempt(i: int, delay: float) -> Outcome:
        fresh_copy(pristine, path)
        ready = workdir / f"r-ready{i}"
        kill_after(spawn(RESTORE, str(path), str(ready), str(backup)), ready, delay)
        check = integrity(path)
        if check != "ok":
            return False, 1, f"integrity: {check}"
        now = people(path)
        restores = query(path, "SELECT count(*) FROM audit_entry WHERE action = 'restore'")[0][0]
        audits = query(path, "SELECT count(*) FROM audit_entry")[0][0]
        if now == before and restores == 0:
            state = "before"
        elif now == after and restores == 1 and audits == audits_after:
            state = "after"
        else:
            return False, int(now not in (before, after)), f"between: {len(now)} people, {restores} restore entries"
        again = spawn(RESTORE, str(path), str(workdir / f"r-again{i}"), str(backup))  # and it can be run again
        _, err = again.communicate(timeout=300)
        if again.returncode != 0 or people(path) != after:
            return False, 0, f"no retry after a kill ({state}): {err.strip()[-300:]}"
        return True, 0, state

    return attempts("restore", n, duration, attempt)


# --- upgrade ---------------------------------------------------------------------------------

UPGRADE = """
import sys, time, pathlib
pathlib.Path(sys.argv[2]).touch()
started = time.perf_counter()
from registry.storage.lifecycle import open_database, close_database
open_database(sys.argv[1])
close_database()
print(time.perf_counter() - started)
"""


def old_register(workdir: Path, people_count: int = 30_000, line_count: int = 20_000) -> Path:
    """The version-1 register of tests/data, grown to `people_count` people and
    `line_count` more lines of hours (in 500 places) so that an upgrade takes long enough to
    be killed in the middle, the ledger's move into its compact tables (version 10) too."""
    path = workdir / "v1-pristine.sqlite3"
    if path.exists():
        return path
    shutil.copy(ROOT / "tests" / "data" / "registry-v1.sqlite3", path)
    conn = sqlite_library.connect(path)
    columns = [c[1] for c in conn.execute("PRAGMA table_info(person)") if c[1] not in ("id", "id_number", "name")]
    names = "张王李赵刘陈杨黄周吴"
    conn.executemany(
        f"INSERT INTO person (id_number, name, {', '.join(columns)}) "
        f"SELECT ?, ?, {', '.join(columns)} FROM person WHERE id = 1",
        [(f"9{n:017d}", names[n % 10] + names[(n // 10) % 10] + "明", ) for n in range(people_count)])
    ledger = [c[1] for c in conn.execute("PRAGMA table_info(service_record)") if c[1] not in ("id", "place")]
    conn.executemany(f"INSERT INTO service_record (place, {', '.join(ledger)}) "
                     f"SELECT ?, {', '.join(ledger)} FROM service_record WHERE id = 1",
                     [(f"第{n % 500}活动室",) for n in range(line_count)])
    conn.close()
    return path


def kills_upgrade(workdir: Path, n: int = PER_PATH) -> Row:
    from registry.storage.migrations import CURRENT_VERSION

    CURRENT = str(CURRENT_VERSION)  # a kill leaves the old version 1 or the current one, never between
    pristine = old_register(workdir)
    rows = query(pristine, "SELECT count(*) FROM person")[0][0]
    lines = query(pristine, "SELECT count(*) FROM service_record")[0][0]
    folder = workdir / "upgrade"
    folder.mkdir(exist_ok=True)
    path = folder / "registry.sqlite3"
    fresh_copy(pristine, path)
    duration = run_to_end(UPGRADE, str(path), str(workdir / "u-ready"))

    def attempt(i: int, delay: float) -> Outcome:
        for old in folder.glob("registry.before-upgrade*"):
            old.unlink()
        fresh_copy(pristine, path)
        ready = workdir / f"u-ready{i}"
        kill_after(spawn(UPGRADE, str(path), str(ready)), ready, delay)
        check = integrity(path)
        if check != "ok":
            return False, 1, f"integrity: {check}"
        version = query(path, "SELECT value FROM registry_meta WHERE key = 'schema_version'")[0][0]
        count = query(path, "SELECT count(*) FROM person")[0][0]
        if count != rows:
            return False, abs(rows - count), f"{count} of {rows} people after the kill"
        held = query(path, "SELECT count(*) FROM service_record")[0][0]  # the table, or the view over two
        if held != lines:
            return False, abs(lines - held), f"{held} of {lines} lines of hours after the kill"
        for copy in folder.glob("registry.before-upgrade-*.sqlite3"):  # never an empty or half copy
            try:
                whole = integrity(copy) == "ok" and query(copy, "SELECT count(*) FROM person")[0][0] == rows
            except sqlite_library.Error:
                whole = False
            if not whole:
                return False, 0, f"a before-upgrade copy that is not whole: {copy.name}"
        if version == CURRENT and not list(folder.glob("registry.before-upgrade-*.sqlite3")):
            return False, 0, "upgraded without its before-upgrade copy"
        if version not in ("1", CURRENT):
            return False, 0, f"schema version {version}"
        again = spawn(UPGRADE, str(path), str(workdir / f"u-again{i}"))
        _, err = again.communicate(timeout=300)
        if again.returncode != 0 or query(path, "SELECT value FROM registry_meta")[0][0] != CURRENT:
            return False, 0, f"no retry after a kill at version {version}: {err.strip()[-300:]}"
        return True, 0, f"version {version}"

    return attempts("upgrade", n, duration, attempt)


# --- migrate-to ------------------------------------------------------------------------------

MIGRATE = """
import sys, time, pathlib
from registry.storage.lifecycle import open_database
from registry.ops.copies import copy_register_to_server as migrate
open_database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
started = time.perf_counter()
checks = migrate("administrator", sys.argv[3])
assert all(c.ok for c in checks)
print(time.perf_counter() - started)
"""


def _server_tables(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        names = [n for (n,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # type: ignore[index]


def _empty_server(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


def kills_migrate(workdir: Path, n: int = PER_PATH) -> Row:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        return Row("kills: migrate-to", 0, 0, 0, f"not run: {POSTGRES_ENV} names no PostgreSQL server")
    pristine, _ = registers(workdir)
    source = workdir / "migrate-source.sqlite3"
    fresh_copy(pristine, source)
    def counts() -> dict[str, int]:
        return {t: query(source, f'SELECT count(*) FROM "{t}"')[0][0]
                for (t,) in query(source, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                          "AND name NOT LIKE 'sqlite_%' "  # not the planner's statistics
                                          "AND name NOT IN ('service_line', 'service_detail')")}  # the view's

    _empty_server(url)
    duration = run_to_end(MIGRATE, str(source), str(workdir / "m-ready"), url)
    expected: dict[str, int] = {}

    def complete(found: dict[str, int]) -> bool:
        # the server holds the source's rows as they were when the copy began, plus the
        # migration's own audit entry (the source records the copy in its log afterwards)
        return all(found.get(t, -1) == c + (t == "audit_entry") for t, c in expected.items())

    def attempt(i: int, delay: float) -> Outcome:
        _empty_server(url)
        expected.update(counts())
        ready = workdir / f"m-ready{i}"
        kill_after(spawn(MIGRATE, str(source), str(ready), url), ready, delay)
        time.sleep(0.05)  # the server notices its client is gone and rolls back
        found = _server_tables(url)
        if found and not complete(found):
            return False, 0, f"a server half migrated: {sum(found.values())} rows in {len(found)} tables"
        state = "after" if found else "before"
        if not found:
            expected.update(counts())
            again = spawn(MIGRATE, str(source), str(workdir / f"m-again{i}"), url)
            _, err = again.communicate(timeout=300)
            if again.returncode != 0 or not complete(_server_tables(url)):
                return False, 0, f"no retry after a kill: {err.strip()[-300:]}"
        return True, 0, state

    row = attempts("migrate-to", n, duration, attempt)
    _empty_server(url)
    return row


# --- backup ----------------------------------------------------------------------------------

BACKUP = """
import sys, time, pathlib
from registry.storage.lifecycle import open_database
from registry.storage.backup import backup_to
open_database(sys.argv[1])
pathlib.Path(sys.argv[2]).touch()
started = time.perf_counter()
backup_to(pathlib.Path(sys.argv[3]))
print(time.perf_counter() - started)
"""


def kills_backup(workdir: Path, n: int = PER_PATH) -> Row:
    pristine, _ = registers(workdir)
    path = workdir / "backup" / "registry.sqlite3"
    path.parent.mkdir(exist_ok=True)
    fresh_copy(pristine, path)
    before = people(pristine)
    target = path.parent / "copy.sqlite3"
    duration = run_to_end(BACKUP, str(path), str(workdir / "b-ready"), str(target))

    def attempt(i: int, delay: float) -> Outcome:
        target.unlink(missing_ok=True)
        ready = workdir / f"b-ready{i}"
        kill_after(spawn(BACKUP, str(path), str(ready), str(target)), ready, delay)
        if integrity(path) != "ok" or people(path) != before:
            return False, 1, "the register changed"
        if target.exists() and (integrity(target) != "ok" or people(target) != before):
            return False, 1, "a backup file that is not whole"
        return True, 0, "whole" if target.exists() else "none"

    return attempts("backup", n, duration, attempt)


def run(workdir: Path) -> list[Row]:
    return [kills_restore(workdir), kills_upgrade(workdir), kills_migrate(workdir), kills_backup(workdir)]
