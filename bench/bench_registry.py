"""Benchmark: a whole district's register, generated and then searched.

Builds the demonstration district (registry.demo.fill_demo) with the given number of
volunteers and service records in a temporary SQLite file, then times about 200 random
lookups of each kind through registry.queries.search.search_people (first page) and the
dashboard figures of registry.queries.stats. Prints one table with targets and PASS/FAIL.

    .venv/bin/python bench/bench_registry.py [--volunteers 1000000] [--records 10000000]
                                             [--db PATH|URL] [--keep] [--existing]

--existing measures the queries on a register already built (with --db) and skips the
generation rows. --mixed SHARE first gives that share of the people other identity documents
(港澳台居民居住证, 港澳通行证, 护照, in turn; numbers of their own forms), as a district
with residents from Hong Kong, Macao, Taiwan and abroad has, and times their lookups too:
it changes the register at --db.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peewee import SQL
from stdnum.cn.ric import calc_check_digit

from registry import demo
from registry.queries import stats
from registry.queries.search import search_people
from registry.rules.documents import HK_MACAO_PERMIT, PASSPORT, RESIDENCE_PERMIT
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Person, Volunteer

LOOKUP_MS = 20.0
FIGURE_MS = 200.0
WARM_UP = 5  # untimed queries of each kind first (their own random people)
PEOPLE_S_PER_MILLION = 120.0
RECORDS_S_PER_TEN_MILLION = 180.0


def generate(volunteers: int, records: int, seed: int) -> tuple[float, float]:
    """Seconds for the people phase (everything before the service-hours stages) and the
    service-records phase."""
    started = time.perf_counter()
    ledger_started: list[float] = []
    last = [""]

    def progress(stage: str, done: int, total: int) -> None:
        if stage == demo.STAGE_ACTIVITIES and not ledger_started:
            ledger_started.append(time.perf_counter())
        if stage != last[0]:
            last[0] = stage
            print(f"  {time.perf_counter() - started:7.1f} s  {stage}", flush=True)

    demo.fill_demo(volunteers=volunteers, service_records=records, seed=seed, progress=progress)
    ended = time.perf_counter()
    middle = ledger_started[0] if ledger_started else ended
    return middle - started, ended - middle


def timed(call: Callable[[], Any], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def timed_each(calls: list[Callable[[], Any]]) -> tuple[float, float]:
    times = []
    for call in calls:
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def sample_people(rng: random.Random, n: int) -> list[tuple[int, str, str, str, str | None]]:
    top = Person.select(Person.id).order_by(Person.id.desc()).limit(1).scalar()
    ids = rng.sample(range(1, top + 1), min(n, top))
    rows = (Person.select(Person.id, Person.id_number, Person.name, Person.initials, Person.phone)
            .where(Person.id.in_(ids)).tuples())
    people = list(rows)
    rng.shuffle(people)
    return people


def other_number(doc_type: str, n: int) -> str:
    """The n-th number of the type's own form (distinct for n below 16.8 million)."""
    if doc_type == RESIDENCE_PERMIT:  # GB 11643 form under Hong Kong's address code
        body = (f"810000{1950 + n % 50}{1 + n // 50 % 12:02d}{1 + n // 600 % 28:02d}"
                f"{n // 16_800 % 1000:03d}")
        return body + calc_check_digit(body)
    if doc_type == HK_MACAO_PERMIT:
        return f"H{n:08d}"
    return f"E{n:08d}"


def mix_documents(share: float) -> int:
    """Give every (1/share)-th person another document; how many were changed."""
    from registry.storage.db import database

    step = max(1, round(1 / share))
    types = (RESIDENCE_PERMIT, HK_MACAO_PERMIT, PASSPORT)
    every = SQL(f'"t1"."id" % {int(step)} = 0')  # peewee's own % is LIKE
    ids = [i for (i,) in Person.select(Person.id).where(every).tuples()]
    rows = []
    for n, pid in enumerate(ids):
        doc_type = types[n % len(types)]
        number = other_number(doc_type, n)
        rows.append((doc_type, number, number[::-1], "法国" if doc_type == PASSPORT else "", pid))
    with database.atomic():
        database.obj.cursor().executemany(
            "UPDATE person SET id_type = ?, id_number = ?, id_number_rev = ?, nationality = ? WHERE id = ?", rows)
    return len(rows)


def name_prefix(name: str) -> str:
    """Surname and the first given character (double surnames keep both characters)."""
    return name[:3] if len(name) >= 4 else name[:2]


def inner_pair(name: str, rng: random.Random) -> str:
    """Any two adjacent characters from the middle or the end of the name."""
    if len(name) <= 2:
        return name
    start = rng.randrange(1, len(name) - 1)
    return name[start:start + 2]


def search(text: str) -> Callable[[], Any]:
    # as an account that may unmask: every index path, tails included (a masked reader's
    # tails are refused before any query)
    return lambda: search_people(text, may_unmask=True)


def totals_of(volunteer_id: int) -> Callable[[], Any]:
    return lambda: stats.volunteer_totals(volunteer_id)


def other_documents(rng: random.Random, n: int) -> list[str]:
    numbers = [number for (number,) in Person.select(Person.id_number).where(Person.id_type != "居民身份证")
               .limit(20 * n).tuples()]  # zh-data
    return rng.sample(numbers, min(n, len(numbers)))


def query_rows(rng: random.Random, runs: int) -> list[tuple[str, float, float, float]]:
    people = sample_people(rng, runs + WARM_UP)
    others = other_documents(rng, runs + WARM_UP)
    vids = Volunteer.select(Volunteer.id).order_by(Volunteer.id.desc()).limit(1).scalar() or 0
    lookups: list[tuple[str, list[Callable[[], Any]]]] = [
        ("whole ID number", [search(p[1]) for p in people]),
        ("ID number, last 4 digits", [search(p[1][-4:]) for p in people]),
        ("ID number, last 6 digits", [search(p[1][-6:]) for p in people]),
        ("whole name (2-4 chars)", [search(p[2]) for p in people]),
        ("name prefix (surname + 1)", [search(name_prefix(p[2])) for p in people]),
        ("2-char part of a name", [search(inner_pair(p[2], rng)) for p in people]),
        ("1-char part of a name", [search(rng.choice(p[2])) for p in people]),
        ("pinyin initials (2-3)", [search(p[3][:rng.choice((2, 3))]) for p in people]),
        ("phone number", [search(p[4]) for p in people if p[4]]),
    ]
    if others:  # a register with other identity documents (--mixed)
        lookups += [("other document, whole number", [search(n) for n in others]),
                    ("other document, last 4 characters", [search(n[-4:]) for n in others])]
    out = []
    for label, calls in lookups:
        for call in calls[:WARM_UP]:  # the first few read cold pages from disk
            call()
        median, worst = timed_each(calls[WARM_UP:])
        out.append((label, median, worst, LOOKUP_MS))
    if vids:
        chosen = [rng.randrange(1, vids + 1) for _ in range(runs)]
        median, worst = timed_each([totals_of(v) for v in chosen])
        out.append(("volunteer_totals", median, worst, FIGURE_MS))
    median, worst = timed(lambda: stats.top_communities(10), runs)
    out.append(("top_communities(10)", median, worst, FIGURE_MS))
    median, worst = timed(stats.community_indicators, max(10, runs // 4))
    out.append(("community_indicators", median, worst, FIGURE_MS))
    median, worst = timed(stats.table_counts, max(10, runs // 4))
    out.append(("table_counts", median, worst, FIGURE_MS))
    return out


def status(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--db", help="a file or a postgresql:// URL to build in (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--existing", action="store_true",
                        help="only time the queries, on the register at --db")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mixed", type=float, default=0.0, metavar="SHARE",
                        help="give this share of the people other identity documents first (changes --db)")
    args = parser.parse_args(argv)
    if args.existing and not args.db:
        parser.error("--existing needs --db")

    folder = None
    path: str | Path
    if args.db:
        path = args.db if "://" in args.db else Path(args.db)
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-registry-"))
        path = folder / "registry.sqlite3"
    lines: list[str] = []
    failed = False
    try:
        open_database(path)
        if not args.existing:
            print(f"building {args.volunteers:,} volunteers and {args.records:,} service "
                  f"records in {path}")
            people_s, records_s = generate(args.volunteers, args.records, args.seed)
            people_target = PEOPLE_S_PER_MILLION * max(args.volunteers, 1) / 1_000_000
            records_target = RECORDS_S_PER_TEN_MILLION * max(args.records, 1) / 10_000_000
            failed |= people_s >= people_target or records_s >= records_target
            lines.append(f"{'generate people + volunteers':34} {people_s:10.1f} s "
                         f"{'':10}   < {people_target:6.0f} s  {status(people_s < people_target)}")
            lines.append(f"{'generate service records':34} {records_s:10.1f} s "
                         f"{'':10}   < {records_target:6.0f} s  {status(records_s < records_target)}")
            close_database()  # checkpoints the WAL, so the file size is the whole register
            open_database(path)
        if args.mixed:
            started = time.perf_counter()
            changed = mix_documents(args.mixed)
            lines.append(f"{'people given other documents':34} {changed:10,}    "
                         f"({time.perf_counter() - started:.1f} s)")
        if isinstance(path, Path):
            lines.append(f"{'database file':34} {os.path.getsize(path) / 1e6:10.0f} MB")
        rng = random.Random(args.seed)
        print(f"timing queries ({args.runs} each) ...", flush=True)
        lines.append(f"{'query':34} {'median':>10}   {'max':>8}   target")
        for label, median, worst, target in query_rows(rng, args.runs):
            ok = median < target and worst < target
            failed |= not ok
            lines.append(f"{label:34} {median:8.2f} ms {worst:8.2f} ms  < {target:4.0f} ms  "
                         f"{status(ok)}")
    finally:
        close_database()
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print()
    print("\n".join(lines))
    if folder is not None and args.keep:
        print(f"kept {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
