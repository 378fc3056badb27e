"""Benchmark: backups of a district's register (1M volunteers / 10M service records), side
by side in one run.

    .venv/bin/python bench/bench_backup.py [--register /work/benchdata/registry-1m.sqlite3] [--dir DIR]

The register is COPIED first (that copy is the "plain file copy" figure; the original is
never opened). Then, on the copy: the page-by-page snapshot alone (what a backup was before
it was compressed, without its quick_check), the backup as made now (snapshot, zstd,
read back into a temporary register, quick_check, named), and a restore from it (written
out, checked as a register at open, the before-restore backup, copied in). Sizes against
the register's own.

Last, a year of backups simulated with small files and fake dates (the 30-minute rhythm
from 8:30 to 17:30 and one at closing, every working day), each file's size standing for
the backup's measured size, rotated after each as make_backup does: the folder's total at
the end of the year and its largest, by count alone and within the default 20 GB budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from registry.storage import backup as backups
from registry.storage.page_copy import copy_pages

MB = 1024 * 1024


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    print(f"  {label:<44} {seconds:7.1f} s", flush=True)
    return result, seconds


def simulate_year(backup_mb: float, limit_mb: float | None, folder: Path) -> tuple[int, float, float]:
    """(backups kept at the end, their total MB, the largest total MB) over a year."""
    folder.mkdir()
    scale = 1 / MB  # a file of one byte per MB of backup
    size = max(1, round(backup_mb))
    largest = 0
    day = dt.datetime(2026, 1, 1)
    register = Path("registry-1m.sqlite3")
    while day.year == 2026:
        if day.weekday() < 5:
            times = [day.replace(hour=8, minute=30) + dt.timedelta(minutes=30 * i) for i in range(19)]
            for when, reason in [*((t, "auto") for t in times), (day.replace(hour=17, minute=40), "close")]:
                path = folder / backups.backup_name(register, when, reason)
                path.write_bytes(b"x" * size)
                backups.rotate(folder, protect=path, now=when,
                               limit=None if limit_mb is None else int(limit_mb / scale / MB))
                largest = max(largest, sum(p.stat().st_size for p in folder.iterdir()))
        day += dt.timedelta(days=1)
    kept = list(folder.iterdir())
    return len(kept), float(sum(p.stat().st_size for p in kept)), float(largest)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--register", type=Path, default=Path("/work/benchdata/registry-1m.sqlite3"))
    parser.add_argument("--dir", type=Path, default=None, help="where to work (needs about 4 times the register)")
    args = parser.parse_args()
    from registry.ops.backups import restore
    from registry.storage.lifecycle import close_database, open_database

    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-backup-", dir=args.dir))
    try:
        register_mb = args.register.stat().st_size / MB
        print(f"register {args.register.name}: {register_mb:,.0f} MB; working in {work}")
        copy = work / "registry.sqlite3"
        _, copy_s = timed("plain file copy (shutil.copyfile)", lambda: shutil.copyfile(args.register, copy))
        open_database(copy)
        try:
            snapshot = work / "snapshot.sqlite3"
            from registry.storage.backup import sqlite_database

            _, snap_s = timed("page-by-page snapshot alone (uncompressed)",
                              lambda: copy_pages(sqlite_database().connection(), snapshot))
            snapshot.unlink()
            made, backup_s = timed("backup now (snapshot, zstd, read back, check)",
                                   lambda: backups.make_backup("manual"))
            backup_mb = made.stat().st_size / MB
            _, restore_s = timed("restore from it (incl. its before-restore backup)",
                                 lambda: restore("bench", made))
        finally:
            close_database()
        print()
        print(f"  backup {backup_mb:,.0f} MB = {backup_mb / register_mb:.1%} of the register "
              f"({register_mb / backup_mb:.1f} times smaller)")
        print(f"  backup time {backup_s:.1f} s = {backup_s / copy_s:.1f} x the plain copy ({copy_s:.1f} s), "
              f"{backup_s / snap_s:.1f} x the bare snapshot ({snap_s:.1f} s)")
        print(f"  restore time {restore_s:.1f} s")
        print()
        print("a year of backups (19 a working day: every 30 minutes 8:30-17:30 and at closing), rotated:")
        for label, limit in (("by count alone (24 h, 12 d, 10 w, 9 m)", None),
                             ("within the default 20 GB budget", backups.DEFAULT_BUDGET / MB)):
            kept, total, largest = simulate_year(backup_mb, limit, work / f"year-{limit}")
            print(f"  {label:<44} {kept:3d} kept, {total / 1024:6.1f} GB at the end, "
                  f"{largest / 1024:6.1f} GB at most")
        old = (backups.KEEP_DAILY + backups.KEEP_WEEKLY + backups.KEEP_MONTHLY) * register_mb / 1024
        print(f"  before (uncompressed, 12 d + 10 w + 9 m, one a day) {old:6.1f} GB at most")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
