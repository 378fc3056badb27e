"""Benchmark: the 100,000-volunteer roster, our exporter against bare writers.

    .venv/bin/python bench/bench_export.py [--db PATH] [--volunteers 100000]

(a) export_roster("volunteers", ...) masked, everything included: query, masking, safe
    text handling, title/header/total rows, print setup (layout, print area, footer),
    long text wrapped with each wrapped row's height worked out, the move into place,
    the audit;
(b) bare xlsxwriter (constant_memory, same options) writing the same cells, rows
    fetched and masked beforehand, only the writing timed;
(c) openpyxl's write-only mode writing the same cells, likewise.
Targets: (a)/(b) <= 1.25 and (a) faster than (c).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from registry.demo import fill_demo
from registry.rosters import RosterFilters, export_roster
from registry.rosters import volunteers as volunteer_roster
from registry.rosters.writer import WORKBOOK_OPTIONS
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Volunteer

Row = list[Any]


def same_cells(today: date) -> tuple[list[str], list[Row]]:
    """The roster's cells as final values: masked numbers, dates, floats."""
    data = volunteer_roster.build(RosterFilters(), today)
    kinds = [c.kind for c in data.columns]
    rows: list[Row] = []
    for seq, raw in enumerate(data.rows, start=1):
        row: Row = [seq]
        for kind, v in zip(kinds, raw, strict=True):
            if v is None:
                pass
            elif kind == "id":
                v = mask_id_number(v)
            elif kind == "phone":
                v = mask_phone(v)
            elif kind == "date":
                v = v if isinstance(v, date) else date.fromisoformat(v)
            elif kind == "hours":
                v = round(float(v), 2)
            row.append(v)
        rows.append(row)
    return ["序号", *(c.header for c in data.columns)], rows


def bare_xlsxwriter(path: Path, header: list[str], rows: Sequence[Row]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {**WORKBOOK_OPTIONS, "default_date_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        ws.write_row(r, 0, row)
    wb.close()


def bare_openpyxl(path: Path, header: list[str], rows: Sequence[Row]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(str(path))


def _tall_rows(path: Path) -> int:
    """Rows the export gave a height of their own (wrapped text)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    return sheet.count('customHeight="1"') - 3  # the title, facts and header rows


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing register (default: build one)")
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=100_000, help="service records to make")
    parser.add_argument("--runs", type=int, default=1, help="best of N runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db or folder / "bench.sqlite3"
        open_database(db)
        if Volunteer.select().count() == 0:
            started = time.perf_counter()
            fill_demo(volunteers=args.volunteers, service_records=args.records, seed=1)
            print(f"built a register of {args.volunteers} volunteers in "
                  f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        today = date.today()
        header, rows = same_cells(today)
        cells = sum(1 for row in rows for v in row if v is not None)
        best: dict[str, float] = {}
        for _ in range(args.runs):
            for name, fn in (
                ("a", lambda: export_roster("volunteers", folder / "a.xlsx", actor="bench",
                                            today=today)),
                ("b", lambda: bare_xlsxwriter(folder / "b.xlsx", header, rows)),
                ("c", lambda: bare_openpyxl(folder / "c.xlsx", header, rows)),
            ):
                seconds = timed(fn)
                best[name] = min(seconds, best.get(name, seconds))
        close_database()
        tall = _tall_rows(folder / "a.xlsx")
    a, b, c = best["a"], best["b"], best["c"]
    print(f"volunteer roster: {len(rows)} rows, {cells} non-empty cells, {tall} rows higher than one line")
    print(f"{'writer':<52}{'seconds':>9}")
    print(f"{'(a) export_roster, masked (query included)':<52}{a:>9.2f}")
    print(f"{'(b) bare xlsxwriter constant_memory, write only':<52}{b:>9.2f}")
    print(f"{'(c) openpyxl write-only, write only':<52}{c:>9.2f}")
    print(f"(a)/(b) = {a / b:.2f}  (target <= 1.25: {'met' if a / b <= 1.25 else 'MISSED'})")
    print(f"(a)/(c) = {a / c:.2f}  (target < 1: {'met' if a < c else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
