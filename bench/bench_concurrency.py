"""Street offices sharing one PostgreSQL register: throughput and latency of recording and
approving hours with 1, 8 and 16 office processes writing at once, with deadlocks, retries
and refused stale edits counted, and the register checked afterwards (summaries against the
ledger, rules, audit). A script, not a test:

    .venv/bin/python bench/bench_concurrency.py --db postgresql://registry@127.0.0.1:5432/bench
    .venv/bin/python bench/bench_concurrency.py --db … --before /path/to/an/older/checkout

The register at --db is emptied first (its public schema dropped). With --before, the same
load also runs on the program at that path (a checkout of an earlier commit) and both are
printed side by side. The load is tests/helpers/concurrency.py's: 40 % recording, 30 %
approving up to 4 pending lines of other offices, 15 % editing a volunteer (skills or phone,
from a form read just before), 15 % recording an activity's attendance, on --volunteers
shared volunteers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from helpers.concurrency import check, percentile, run  # noqa: E402

_PREPARE = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from pathlib import Path
from helpers.concurrency import prepare
print(prepare(sys.argv[3], Path(sys.argv[4]), volunteers=int(sys.argv[5])))
"""


def empty(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


def one(url: str, root: Path, offices: int, seconds: float, volunteers: int) -> dict[str, object]:
    empty(url)
    folder = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    setup = Path(subprocess.run([sys.executable, "-c", _PREPARE, str(root), str(ROOT / "tests"), url,
                                 str(folder), str(volunteers)], check=True, capture_output=True,
                                text=True).stdout.strip().splitlines()[-1])
    result = run(url, folder, setup, offices, seconds, root)
    found = check(url, result)
    row: dict[str, object] = {"offices": offices}
    for op in ("record", "approve"):
        ms = result.latencies(op)
        row[f"{op}/s"] = f"{len(ms) / seconds:.1f}"
        row[f"{op} median ms"] = f"{statistics.median(ms):.0f}" if ms else "-"
        row[f"{op} p95 ms"] = f"{percentile(ms, 0.95):.0f}" if ms else "-"
    row["deadlocks reaching the clerk"] = result.count("record", "deadlock") + result.count("approve", "deadlock") \
        + result.count("edit", "deadlock") + result.count("activity", "deadlock") \
        + sum(result.count(op, "contention") for op in ("record", "approve", "edit", "activity"))
    row["retries"] = result.retries
    row["stale edits refused"] = result.count("edit", "conflict")
    row["crashed offices"] = len(result.crashed)
    row["summary mismatches"] = len(found.summaries)
    row["rules broken"] = len(found.rules)
    row["audit mismatches"] = len(found.audit)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a postgresql:// URL (emptied first)")
    parser.add_argument("--offices", default="1,8,16")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--volunteers", type=int, default=300)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier program, run side by side")
    args = parser.parse_args()
    programs = [("now", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    rows = []
    for offices in (int(n) for n in args.offices.split(",")):
        for name, root in programs:
            row = {"program": name, **one(args.db, root, offices, args.seconds, args.volunteers)}
            rows.append(row)
            print(" | ".join(f"{k}: {v}" for k, v in row.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
