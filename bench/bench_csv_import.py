"""Benchmark: a 100,000-row volunteer roster imported from CSV against the same rows as .xlsx,
and each against the bare parse of its format, side by side in one run.

The rows are bench_import.make_roster's (valid, realistic, ID numbers and phones as text);
the CSV holds exactly what calamine reads from that workbook, as text, in UTF-8 with its BOM
(Excel's "CSV UTF-8") and in GB18030 (Excel's plain "CSV" on a Chinese Windows). For each
format, in seconds: the bare parse (Python's csv module over the decoded file; calamine's
to_python for the workbook), the importer's read (registry.importer.read.read_table: the
checks before reading, the encoding found, header and rows), the preview (read, check every
row, compare with the register) and the commit into an empty register.

    .venv/bin/python bench/bench_csv_import.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import empty_register, make_roster  # beside this file


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def write_csvs(workbook: Path, folder: Path) -> dict[str, Path]:
    """The workbook's first sheet as CSV text, once per encoding."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_index(0).to_python()
    out = {}
    for encoding in ("utf-8-sig", "gb18030"):
        path = folder / f"volunteers-{encoding}.csv"
        with open(path, "w", encoding=encoding, newline="") as handle:
            csv.writer(handle).writerows([_text(c) for c in row] for row in rows)
        out[encoding] = path
    return out


def timed(step: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def bare_csv(path: Path, encoding: str) -> int:
    with open(path, encoding=encoding, newline="") as handle:
        return len(list(csv.reader(handle)))


def bare_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def import_into_empty(path: Path, folder: Path, rows: int) -> tuple[float, float]:
    """(preview seconds, commit seconds) of importing the file into a new register."""
    from registry.importer import commit_import, preview_import
    from registry.storage.lifecycle import close_database

    database = folder / f"{path.stem}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    empty_register(database)
    checked, preview = timed(lambda: preview_import("volunteers", path))
    committed, result = timed(lambda: commit_import(preview, actor="bench"))
    assert result.created == rows, result.summary()
    close_database()
    return checked, committed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the files and registers in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-csv-"))
    folder.mkdir(parents=True, exist_ok=True)
    workbook = folder / "volunteers.xlsx"
    make_roster(workbook, args.rows)
    csvs = write_csvs(workbook, folder)

    from registry.importer.kinds import VOLUNTEERS
    from registry.importer.read import read_table

    files = [(".xlsx", workbook, lambda: bare_calamine(workbook)),
             ("CSV UTF-8 (BOM)", csvs["utf-8-sig"], lambda: bare_csv(csvs["utf-8-sig"], "utf-8-sig")),
             ("CSV GB18030", csvs["gb18030"], lambda: bare_csv(csvs["gb18030"], "gb18030"))]
    print(f"{args.rows:,} rows; files in {folder}")
    print(f"{'file':<18}{'MB':>6}{'bare parse':>12}{'read_table':>12}{'preview':>10}{'commit':>9}"
          f"{'import':>9}{'import/parse':>14}")
    for label, path, bare in files:
        parse, count = timed(bare)
        assert count == args.rows + 3, count  # title, facts and header rows above the data
        read, table = timed(lambda p=path: read_table(p, VOLUNTEERS))  # type: ignore[misc]
        assert len(table.rows) == args.rows
        del table
        checked, committed = import_into_empty(path, folder, args.rows)
        total = checked + committed
        print(f"{label:<18}{path.stat().st_size / 2**20:>6.1f}{parse:>12.2f}{read:>12.2f}{checked:>10.2f}"
              f"{committed:>9.2f}{total:>9.2f}{total / parse:>14.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
