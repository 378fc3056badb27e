"""Benchmark: import of a 100,000-line hours ledger (志愿服务时长) into a register of
20,000 volunteers.

The volunteers come in first through the roster import (bench_import's workbook, untimed);
then one hours workbook, its lines spread over those volunteers, three years, every
community and a few organizations, is previewed and committed. Times the preview and the
commit, which writes the lines, their audit entries and every summary (totals and stars,
year sums per volunteer, community and organization, month/category sums).

    .venv/bin/python bench/bench_import_hours.py [--volunteers 20000] [--lines 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter
from bench_import import COMMUNITIES, empty_register, make_roster

from registry.rules.vocab import SERVICE_CATEGORIES

HEADER = ("志愿者编号", "服务日期", "服务时长（小时）", "服务内容", "服务类别", "组织单位", "服务社区")
ORGANIZATIONS = ("阳光志愿服务队", "夕阳红服务社", "邻里守望队")
CONTENTS = ("陪老人聊天", "助餐", "清扫楼道", "垃圾分类引导", "义诊", "交通劝导")


def make_ledger(path: Path, volunteers: int, lines: int, seed: int = 11) -> None:
    """Lines of volunteers JW0000001…, at most one a day each, so none passes 24 hours."""
    rng = random.Random(seed)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    ws = workbook.add_worksheet("志愿服务时长")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, text in enumerate(HEADER):
        ws.write_string(0, col, text)
    first = dt.date.today().toordinal() - 3 * 365
    used: set[tuple[int, int]] = set()
    for r in range(1, lines + 1):
        while True:
            volunteer, day = rng.randrange(volunteers) + 1, first + rng.randrange(3 * 365)
            if (volunteer, day) not in used:
                used.add((volunteer, day))
                break
        ws.write_string(r, 0, f"JW{volunteer:07d}")
        ws.write_datetime(r, 1, dt.datetime.fromordinal(day), date_format)
        ws.write_number(r, 2, rng.choice((0.5, 1, 1.5, 2, 2.5, 3, 4)))
        ws.write_string(r, 3, rng.choice(CONTENTS))
        ws.write_string(r, 4, rng.choice(SERVICE_CATEGORIES))
        if rng.random() < 0.4:
            ws.write_string(r, 5, rng.choice(ORGANIZATIONS))
        ws.write_string(r, 6, rng.choice(COMMUNITIES))
    workbook.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=20_000)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the workbooks and database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-hours-"))
    folder.mkdir(parents=True, exist_ok=True)
    roster, ledger = folder / "volunteers.xlsx", folder / "hours.xlsx"
    make_roster(roster, args.volunteers)
    make_ledger(ledger, args.volunteers, args.lines)

    from registry import ops
    from registry.importer import commit_import, preview_import
    from registry.storage.models import ServiceRecord, Volunteer, VolunteerYear

    database = folder / "registry.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    empty_register(database)
    for name in ORGANIZATIONS:
        ops.register_organization("bench", {"name": name, "org_type": "社区社会组织"})
    commit_import(preview_import("volunteers", roster), actor="bench")
    assert Volunteer.select().count() == args.volunteers

    t0 = time.perf_counter()
    preview = preview_import("hours", ledger)
    checked = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = commit_import(preview, actor="bench")
    committed = time.perf_counter() - t0
    assert result.created == args.lines, result.summary()
    assert ServiceRecord.select().count() == args.lines and VolunteerYear.select().count() > 0

    print(f"{args.lines} lines for {args.volunteers} volunteers: {ledger}")
    print(f"\n{'step':<34}{'seconds':>9}")
    print(f"{'preview (read + check + compare)':<34}{checked:>9.2f}")
    print(f"{'commit (lines, audit, summaries)':<34}{committed:>9.2f}")
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
