"""Benchmark: what the schema check adds to start-up on a 1M-volunteer register.

Builds (once, then reuses) the demonstration district with a million volunteers in
/work/benchdata/registry-1m.sqlite3 (or --db), then times, cold and warm:
- the whole open (open_database: recognition, checks at open, schema check);
- the check alone: check_before_open (read-only, before the file is opened for writing)
  plus check_schema on the open register (catalog queries only);
and, with --rebuild, the repair a killed demo needs: the ledger's indexes dropped
and rebuilt by the next open. Target: the check adds at most 100 ms.

    .venv/bin/python bench/bench_schema_check.py [--db PATH] [--volunteers N] [--records N] [--rebuild]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from registry import demo
from registry.storage import lifecycle
from registry.storage.db import database
from registry.storage.lifecycle import close_database, open_database
from registry.storage.schema_check import check_before_open, check_schema, expected

TARGET_MS = 100.0
DEFAULT_DB = Path("/work/benchdata/registry-1m.sqlite3")
# the indexes of the ledger's two tables (service_record is a view over them)
LEDGER_INDEXES = tuple(name for name, shape in expected(True).indexes.items()
                       if shape.table in ("service_line", "service_detail"))


def build(path: Path, volunteers: int, records: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for side in ("", "-wal", "-shm", ".in-use"):
        Path(f"{partial}{side}").unlink(missing_ok=True)
    started = time.perf_counter()
    open_database(partial)
    demo.fill_demo(volunteers=volunteers, service_records=records, seed=1)
    close_database()
    partial.replace(path)
    print(f"built {path} ({volunteers:,} volunteers, {records:,} records) in {time.perf_counter() - started:.0f} s")


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def check_alone(path: Path) -> float:
    open_database(path)
    close_database()  # warm the file's first pages as a normal start would

    def both() -> None:
        check_before_open(path)
        open_database(path)
        ms_inside.append(timed(lambda: check_schema(database.obj)))
        close_database()

    ms_inside: list[float] = []
    whole = [timed(lambda: check_before_open(path)) for _ in range(10)]
    for _ in range(10):
        both()
    return statistics.median(whole) + statistics.median(ms_inside)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--volunteers", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.volunteers, args.records)
    size_mb = args.db.stat().st_size / 1e6
    first_expected = timed(lambda: (expected.cache_clear(), expected(True)))
    cold_open = timed(lambda: open_database(args.db))
    people = database.execute_sql("SELECT count(*) FROM volunteer").fetchone()[0]
    close_database()
    opens = [timed(lambda: (open_database(args.db), close_database())) for _ in range(10)]
    check_ms = check_alone(args.db)
    rows = [("deriving the expected shape from the models (once per process)", first_expected, None),
            ("first open of the register (cold)", cold_open, None),
            ("open (median of 10)", statistics.median(opens), None),
            ("schema check added to an open (median of 10)", check_ms, TARGET_MS)]
    if args.rebuild:
        open_database(args.db)
        for name in LEDGER_INDEXES:
            database.execute_sql(f'DROP INDEX "{name}"')
        close_database()
        rebuild_ms = timed(lambda: open_database(args.db))
        notes = list(lifecycle.open_warnings)
        close_database()
        said = "; ".join(n for n in notes if "索引" in n)[:40]
        rows.append((f"open rebuilding the ledger's {len(LEDGER_INDEXES)} indexes ({said}…)",
                     rebuild_ms, None))
    print(f"register: {args.db} ({people:,} volunteers, {size_mb:,.0f} MB)")
    failed = False
    for what, ms, target in rows:
        verdict = "" if target is None else ("PASS" if ms <= target else "FAIL")
        failed |= verdict == "FAIL"
        goal = f"target ≤ {target:.0f} ms" if target else ""
        print(f"{what:<70} {ms:10.1f} ms  {goal} {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
