"""Street offices writing at once: separate processes recording, approving, editing and
recording activity attendance on the same volunteers of one register, then everything the
register holds checked against its own ledger and audit log. Used by
tests/integration/registry/test_concurrency.py and bench/bench_concurrency.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DAYS = 3  # the days hours are recorded on: few, so that volunteers' days fill up and collide

# One street office: a loop of random operations for `seconds`, each outcome one JSON line.
_OFFICE = r"""
import datetime as dt, json, random, sys, time
from decimal import Decimal
from registry import ops
from registry.ops import kernel
try:  # the program before edits were versioned and contention retried: the bench's "before"
    from registry.ops.edits import EditConflict
    Contention = kernel.Contention
except ImportError:
    EditConflict = Contention = type("Never", (Exception,), {})
from registry.queries.editing import volunteer_values
from registry.rules.problems import RegistryError
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import ServiceRecord

target, actor, seconds, seed, out, start, setup_file = sys.argv[1:8]
seconds, seed = float(seconds), int(seed)
setup = json.load(open(setup_file))
rng = random.Random(seed)
open_database(target)
while time.time() < float(start):
    time.sleep(0.001)
log = open(out, "w")
end = time.time() + seconds
days = [dt.date.fromisoformat(d) for d in setup["days"]]
while time.time() < end:
    roll = rng.random()
    started = time.perf_counter()
    try:
        if roll < 0.40:
            op = "record"
            v = rng.choice(setup["volunteers"])
            hours = Decimal(rng.choice(["1", "2", "3.5", "4", "6"]))
            ops.record_hours(actor, v, {"service_date": rng.choice(days), "hours": hours})
            detail = {"volunteer": v}
        elif roll < 0.70:
            op = "approve"
            pending = [r for (r,) in ServiceRecord.select(ServiceRecord.id).where(
                (ServiceRecord.status == "pending") & (ServiceRecord.recorder != actor)).tuples()]
            if not pending:
                continue
            chosen = rng.sample(pending, min(len(pending), rng.randint(1, 4)))
            ops.approve_records(actor, chosen)
            detail = {"records": sorted(chosen)}
        elif roll < 0.85:
            op = "edit"
            v = rng.choice(setup["volunteers"])
            form = volunteer_values(v, actor)
            if rng.random() < 0.5:
                data = {"skills": f"{actor}-{rng.randint(0, 10**6)}"}
            else:
                data = {"phone": f"139{rng.randint(0, 10**8 - 1):08d}"}
            time.sleep(rng.uniform(0, 0.02))  # the clerk types
            seen = {"seen": form.seen} if hasattr(form, "seen") else {}
            changes = ops.update_volunteer(actor, v, data, **seen)
            detail = {"volunteer": v, "data": data, "changed": not changes.nothing_changed}
        else:
            op = "activity"
            a = rng.choice(setup["activities"])
            chosen = rng.sample(setup["volunteers"], 3)
            ops.record_activity_hours(actor, a, chosen)
            detail = {"activity": a, "volunteers": chosen}
        outcome = "ok"
    except EditConflict:
        outcome, detail = "conflict", {}
    except Contention:
        outcome, detail = "contention", {}
    except RegistryError as exc:
        outcome, detail = "refused", {"why": str(exc)[:80]}
    except Exception as exc:  # the program before: a deadlock reached the caller as it came
        if "deadlock" not in str(exc):
            raise
        outcome, detail = "deadlock", {}
    log.write(json.dumps({"op": op, "outcome": outcome, "ms": (time.perf_counter() - started) * 1000,
                          **detail}, ensure_ascii=False) + "\n")
log.write(json.dumps({"op": "retries", "count": len(getattr(kernel, "retries", []))}) + "\n")
log.close()
close_database()
"""


@dataclass
class Run:
    """What the offices did, as each reported it."""

    lines: list[dict] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)  # the stderr of offices that ended badly
    retries: int = 0
    seconds: float = 0.0

    def count(self, op: str, outcome: str = "ok") -> int:
        return sum(1 for line in self.lines if line["op"] == op and line["outcome"] == outcome)

    def latencies(self, op: str) -> list[float]:
        return sorted(line["ms"] for line in self.lines if line["op"] == op and line["outcome"] == "ok")


def prepare(target: str, folder: Path, volunteers: int = 30, activities: int = 4) -> Path:
    """A register at `target` with one community, `volunteers` volunteers and `activities`
    activities on the recorded days; returns the file naming them for the offices."""
    from helpers.rosters import make_id
    from registry import ops
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Activity, Volunteer

    open_database(target)
    district = ops.add_area("setup", "district", "110105", "朝阳区").id
    street = ops.add_area("setup", "street", "110105001", "建外街道", parent=district).id
    community = ops.add_area("setup", "community", "110105001001", "永安里社区", parent=street).id
    ids = []
    for n in range(volunteers):
        changes = ops.register_volunteer("setup", {"name": f"志愿者{n}", "id_number": make_id(n + 1),
                                                   "community": community})
        ids.append(Volunteer.get(Volunteer.id.in_(changes.ids)).id)
    today = dt.date.today()
    days = [today - dt.timedelta(days=d + 1) for d in range(DAYS)]
    acts = []
    for n in range(activities):
        day = days[n % DAYS]
        starts = dt.datetime.combine(day, dt.time(9 + n))
        ops.create_activity("setup", {"name": f"活动{n}", "starts_at": starts,
                                      "ends_at": starts + dt.timedelta(hours=2), "community": community})
        acts.append(Activity.select(Activity.id).order_by(Activity.id.desc()).scalar())
    close_database()
    setup = folder / "setup.json"
    setup.write_text(json.dumps({"volunteers": ids, "activities": acts, "days": [d.isoformat() for d in days]}))
    return setup


def run(target: str, folder: Path, setup: Path, offices: int, seconds: float, root: Path = ROOT) -> Run:
    """`offices` processes of the program at `root`, connected first, then let go together
    for `seconds`."""
    start = time.time() + 3.0 + offices * 0.3  # time for every process to import and connect
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(ROOT / "tests")])}
    procs = []
    for n in range(offices):
        out = folder / f"office{n}.jsonl"
        procs.append((out, subprocess.Popen(
            [sys.executable, "-c", _OFFICE, target, f"office{n}", str(seconds), str(n), str(out),
             str(start), str(setup)], env=env, cwd=str(root), stderr=subprocess.PIPE, text=True)))
    result = Run(seconds=seconds)
    for out, proc in procs:
        _, err = proc.communicate(timeout=seconds + 120)
        if proc.returncode != 0 or not out.exists():
            result.crashed.append(err[-2000:])
            continue
        for line in out.read_text().splitlines():
            entry = json.loads(line)
            if entry["op"] == "retries":
                result.retries += entry["count"]
            else:
                result.lines.append(entry)
    return result


@dataclass
class Findings:
    """What the register holds afterwards that it should not: each list empty when all is well."""

    summaries: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)


def check(target: str, result: Run) -> Findings:
    """Every summary recomputed from the ledger, every rule re-checked, every write matched
    to its audit entry."""
    from helpers.ledger import summary_mismatches
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import AuditEntry, ServiceRecord, Volunteer

    found = Findings()
    open_database(target)
    try:
        records = list(ServiceRecord.select())
        found.summaries += summary_mismatches()

        days: defaultdict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
        lines: Counter[tuple[int, int]] = Counter()
        for r in records:
            if r.corrects_id is None:
                days[r.volunteer_id, r.service_date] += Decimal(str(r.hours))
            if r.activity_id is not None:
                lines[r.activity_id, r.volunteer_id] += 1
        found.rules += [f"volunteer {v} has {h} h on {d}" for (v, d), h in days.items() if h > 24]
        found.rules += [f"volunteer {v} has {n} lines for activity {a}" for (a, v), n in lines.items() if n > 1]

        entries = list(AuditEntry.select().where(AuditEntry.actor.startswith("office")))
        approvals = Counter(e.record_id for e in entries
                            if e.action == "approve" and e.table_name == "service_record" and e.record_id)
        found.rules += [f"record {r} approved {n} times" for r, n in approvals.items() if n > 1]
        approved = {r.id for r in records if r.status == "approved"}
        if set(approvals) != approved:
            found.audit.append(f"{len(approved)} lines approved, {len(approvals)} approval entries")
        created = Counter(e.actor for e in entries if e.action == "create" and e.table_name == "service_record")
        stored_lines = Counter(r.recorder for r in records if r.recorder.startswith("office"))
        if created != stored_lines:
            found.audit.append(f"lines by office {dict(stored_lines)}, their entries {dict(created)}")
        reported = sum(1 for line in result.lines if line["op"] == "record" and line["outcome"] == "ok")
        reported += sum(3 for line in result.lines if line["op"] == "activity" and line["outcome"] == "ok")
        if reported != sum(stored_lines.values()):
            found.audit.append(f"offices reported {reported} lines recorded, the register holds "
                               f"{sum(stored_lines.values())}")
        # an edit reported saved is in the register unless a later entry changed it again
        last: dict[tuple[str, int], str] = {}  # (field, record id) → its last audited value
        for e in sorted(entries, key=lambda e: e.id):
            if e.action == "update" and e.after:
                for key, value in json.loads(e.after).items():
                    if (e.table_name, key) in (("volunteer", "skills"), ("person", "phone")):
                        last[key, e.record_id] = value
        for v in Volunteer.select():
            if ("skills", v.id) in last and v.skills != last["skills", v.id]:
                found.audit.append(f"volunteer {v.id}: skills {v.skills!r}, last audited {last['skills', v.id]!r}")
            if ("phone", v.person_id) in last and v.person.phone != last["phone", v.person_id]:
                found.audit.append(f"person {v.person_id}: phone differs from its last audited change")
        edits = sum(1 for line in result.lines if line["op"] == "edit" and line["outcome"] == "ok"
                    and line["changed"])
        edit_entries = sum(1 for e in entries if e.action == "update"
                           and e.table_name in ("volunteer", "person"))
        if edits != edit_entries:
            found.audit.append(f"{edits} edits reported saved, {edit_entries} audited")
    finally:
        close_database()
    return found


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(share * len(values)))]
