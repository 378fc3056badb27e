"""One clerk's single operations on a big register: record hours, approve a line, edit a
volunteer, register a volunteer, each timed as a call (median and p95 of --runs), on the
register at --db (a SQLite file or a postgresql:// URL). A script, not a test:

    .venv/bin/python bench/bench_operations.py --db /work/benchdata/registry-1m.sqlite3
    .venv/bin/python bench/bench_operations.py --db postgresql://registry@127.0.0.1:5432/district

It writes to that register (a few hundred lines and people, by the actor "bench"): use a
copy or a bench register. Target: every operation ≤ 50 ms at 1M volunteers / 10M lines.
--no-statistics drops SQLite's sqlite_stat1 first and keeps it from being rebuilt at open,
to show what the planner does without it (the register as it was before statistics were kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 50.0


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-statistics", action="store_true")
    args = parser.parse_args()

    from stdnum.cn.ric import calc_check_digit

    from registry import ops
    from registry.queries.editing import volunteer_values
    from registry.storage import statistics as planner_statistics
    from registry.storage.db import database
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Community, ServiceRecord, Volunteer

    if args.no_statistics:
        planner_statistics.at_open = lambda db: None  # type: ignore[assignment]
        planner_statistics.at_close = lambda db: None  # type: ignore[assignment]
    started = time.perf_counter()
    open_database(args.db)
    opened_s = time.perf_counter() - started
    if args.no_statistics:
        database.execute_sql("DROP TABLE IF EXISTS sqlite_stat1")
    rng = random.Random(7)
    top = Volunteer.select(Volunteer.id).order_by(Volunteer.id.desc()).scalar()
    community = Community.select(Community.id).scalar()
    day = dt.date.today() - dt.timedelta(days=3)

    def volunteer() -> int:
        while True:
            vid = rng.randint(1, top)
            v = Volunteer.get_or_none(Volunteer.id == vid)
            if v is not None and v.status == "在册":
                return vid

    def record() -> object:
        return ops.record_hours("bench", volunteer(), {"service_date": day, "hours": Decimal("0.5")})

    def approve() -> object:
        line = (ServiceRecord.select(ServiceRecord.id)
                .where((ServiceRecord.status == "pending") & (ServiceRecord.recorder == "bench"))
                .order_by(ServiceRecord.id.desc()).scalar())
        return ops.approve_records("bench-approver", [line])

    def edit() -> object:
        vid = volunteer()
        return ops.update_volunteer("bench", vid, {"skills": f"急救{rng.randint(0, 10**6)}"},
                                    seen=volunteer_values(vid, "bench").seen)

    serial = [rng.randint(10**6, 9 * 10**6)]

    def register() -> object:
        serial[0] += 1
        day_of_birth = dt.date(1950, 1, 1) + dt.timedelta(days=serial[0] % 18000)
        body = f"110105{day_of_birth:%Y%m%d}{serial[0] % 1000:03d}"
        number = body + calc_check_digit(body + "0")  # it ignores the last character
        try:
            return ops.register_volunteer("bench", {"name": "测试员", "id_number": number, "community": community})
        except ops.RegistryError:  # a demo person holds that number already: timed all the same
            return None

    people = Volunteer.select().count()
    lines = ServiceRecord.select().count()
    print(f"register: {args.db} — {people:,} volunteers, {lines:,} lines; "
          f"statistics {'dropped' if args.no_statistics else 'kept'}; opened in {opened_s:.2f} s")
    for name, call in (("record hours", record), ("approve one line", approve), ("edit a volunteer", edit),
                       ("register a volunteer", register)):
        median, p95 = timed(call, args.runs)
        verdict = "PASS" if p95 <= TARGET_MS else "FAIL"
        print(f"{name:22s} median {median:7.1f} ms   p95 {p95:7.1f} ms   target ≤ {TARGET_MS:.0f} ms  {verdict}",
              flush=True)
    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
