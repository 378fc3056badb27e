"""Benchmark: a register of an earlier schema brought up to date, as the program does at
open: the backup before the upgrade, then every step in one transaction. A script, not a
test:

    .venv/bin/python bench/bench_upgrade.py --db /work/benchdata/district.sqlite3

The register at --db is copied first (it is never changed); the copy is opened in a process
of its own, so its peak memory is the upgrade's. Prints the schema versions, the time of
the backup and of the steps, the whole open, the peak memory and the file sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from registry.storage import migrations
from registry.storage.lifecycle import close_database, open_database
from registry.storage import sqlite_library

path = sys.argv[1]
with sqlite_library.connect(path) as conn:
    before = conn.execute("SELECT value FROM registry_meta WHERE key = 'schema_version'").fetchone()[0]
conn.close()
spent = {"backup": 0.0, "steps": 0.0, "backup_mb": 0.0}
made_backups = []
backup = migrations.backup_before_upgrade
def timed_backup(*args, **kwargs):
    started = time.perf_counter()
    made = backup(*args, **kwargs)
    spent["backup"] += time.perf_counter() - started
    spent["backup_mb"] = made.stat().st_size / 1e6 if made else 0.0
    if made:
        made_backups.append(made)
    return made
migrations.backup_before_upgrade = timed_backup
for step, upgrade in list(migrations.UPGRADES.items()):
    def timed_step(db, upgrade=upgrade):
        started = time.perf_counter()
        try:
            upgrade(db)
        finally:
            spent["steps"] += time.perf_counter() - started
    migrations.UPGRADES[step] = timed_step
started = time.perf_counter()
open_database(path)
opened = time.perf_counter() - started
close_database()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
for made in made_backups:
    made.unlink(missing_ok=True)  # the copy's: not a backup anyone needs
print(json.dumps({"from": before, "to": migrations.CURRENT_VERSION, "open": opened, "peak_mb": peak, **spent}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a SQLite register of an earlier schema")
    parser.add_argument("--work", type=Path, help="folder for the copy (default: beside --db)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-upgrade-", dir=args.work or args.db.parent))
    copy = folder / "registry.sqlite3"
    try:
        started = time.perf_counter()
        shutil.copyfile(args.db, copy)
        copied = time.perf_counter() - started
        size_before = copy.stat().st_size
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", CHILD, str(copy)], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        size_after = copy.stat().st_size
        print(f"register {args.db} ({size_before / 1e6:,.0f} MB), schema {figures['from']} → {figures['to']}")
        print(f"{'plain copy of the file':34} {copied:8.1f} s   (for scale)")
        print(f"{'backup before the upgrade':34} {figures['backup']:8.1f} s   "
              f"({figures['backup_mb']:,.0f} MB, compressed)")
        print(f"{'upgrade steps (one transaction)':34} {figures['steps']:8.1f} s")
        print(f"{'whole open, upgrade included':34} {figures['open']:8.1f} s")
        print(f"{'peak memory of the process':34} {figures['peak_mb']:8.0f} MB")
        print(f"{'file after':34} {size_after / 1e6:8,.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
