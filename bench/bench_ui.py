# ruff: noqa: B023  (closures run at once, inside the loop iteration that made them)
"""Desktop program at district scale: start-up, volunteer list, jump to the last row,
search as typed, peak memory. A script, not a test:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py --db /tmp/district.sqlite3
    .venv/bin/python bench/bench_ui.py --db /tmp/district.sqlite3 \
        --program dist/110105/street-registry/street-registry      # the built program's start

Without --db (or with a path that does not exist yet) it builds the district register
first: registry.demo.fill_demo(volunteers=1_000_000, service_records=10_000_000), which
takes a few minutes.

Start-up is the whole process, from its start until it has exited after showing the
window (--exit-after-show), against a bare PySide6 program that shows one empty 1366×768
window and exits: the two run in turn, --pairs times, after one unmeasured run of each
(it writes the bytecode and warms the file cache); the figures are the medians and the
median of the pair-by-pair ratios, which a machine's drifting speed moves less than the
times. --program times the built program instead of `python -m ui` (the other figures
are the source tree's; --start-only skips them).

Targets (2-core machine): start-up ≤ 2.5 × the bare window, first rows < 300 ms, last row
< 100 ms, search < 100 ms after the last key, memory < 400 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {"start-up (× bare window)": 2.5, "volunteer list: first rows": 0.3,
           "jump to last row": 0.1, "search after last key": 0.1, "peak memory (MB)": 400}
BARE_WINDOW = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1366, 768)
window.show()
QCoreApplication.processEvents()
print("first-window-shown", flush=True)
"""


def build(path: Path, volunteers: int, records: int) -> None:
    from registry.demo import fill_demo
    from registry.storage.lifecycle import close_database, open_database

    print(f"building {path}: {volunteers:,} volunteers, {records:,} service records …", flush=True)
    started = time.perf_counter()
    open_database(path)
    fill_demo(volunteers=volunteers, service_records=records)
    close_database()
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def whole_process(command: list[str]) -> float:
    """Seconds from starting `command` until it has exited, having shown its window."""
    env = {**os.environ, "HOME": tempfile.mkdtemp()}  # the settings of a first start
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from bytecode
    started = time.perf_counter()
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, env=env).stdout
    elapsed = time.perf_counter() - started
    assert "first-window-shown" in out, out
    return elapsed


def start_up(db: Path, pairs: int, program: Path | None) -> dict[str, float]:
    """The program and the bare window in turn; medians and the median pair-by-pair ratio."""
    bare_script = Path(tempfile.mkdtemp()) / "bare_window.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    bare = [sys.executable, str(bare_script)]
    started = [str(program)] if program else [sys.executable, "-m", "ui"]
    ours = [*started, "--db", str(db), "--exit-after-show"]
    whole_process(bare), whole_process(ours)  # unmeasured: bytecode written, files cached
    times = [(whole_process(bare), whole_process(ours)) for _ in range(pairs)]
    ratios = [o / b for b, o in times]
    print(f"start-up, whole process, {pairs} pairs ({'built program' if program else 'python -m ui'}):")
    for (b, o), r in zip(times, ratios, strict=True):
        print(f"  bare window {b:6.3f} s   program {o:6.3f} s   ratio {r:5.2f}")
    return {"bare window (s)": statistics.median(b for b, _ in times),
            "start-up (s)": statistics.median(o for _, o in times),
            "start-up (× bare window)": statistics.median(ratios)}


def in_process(db: Path, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import ui  # noqa: F401

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from registry.storage.lifecycle import close_database, open_database
    from ui.application import create_app, wait_until
    from ui.main_window import MainWindow, load_lookups
    from ui.runtime.context import AppContext, Hub
    from ui.runtime.worker import Worker

    app = create_app([], "zh_CN")
    assert isinstance(app, QApplication)
    worker = Worker()
    worker.run_sync(lambda: open_database(db))
    values = worker.run_sync(load_lookups)
    values.pop("empty")
    window = MainWindow(AppContext(worker, "bench", Hub(), values, str(db), open_folders=False))
    window.show()
    section = window.show_section("volunteers")
    wait_until(lambda: section.is_ready() and worker.pending == 0, 60_000)
    model, view = section.model, section.view
    last_row, search = [], []
    name = worker.run_sync(lambda: __import__("registry.storage.models").storage.models.Person.get_by_id(777).name)
    for _ in range(runs):
        wait_until(lambda: worker.pending == 0, 60_000)
        model._pages.clear()  # nothing near the end is loaded, as on first opening
        started = time.perf_counter()
        view.scrollToBottom()
        last = model.rowCount() - 1
        model.row_values(last)
        wait_until(lambda: model.is_loaded(last), 60_000)
        last_row.append(time.perf_counter() - started)
        view.scrollToTop()
        wait_until(lambda: worker.pending == 0, 60_000)
        box = window.search
        box.clear()
        app.processEvents()
        for char in name[:-1]:
            box.insert(char)
            app.processEvents()
            time.sleep(0.05)  # a typist's pace
        wait_until(lambda: worker.pending == 0 and not box._running, 10_000)
        shown_before = box.last_results
        box.last_results = []
        started = time.perf_counter()
        box.insert(name[-1])
        wait_until(lambda: bool(box.last_results) and box.last_results is not shown_before, 10_000)
        search.append(time.perf_counter() - started)
    window.close()
    worker.run_sync(close_database)
    worker.shutdown()
    return {"jump to last row": statistics.median(last_row),
            "search after last key": statistics.median(search),
            "rows": model.rowCount()}


def first_rows_only(db: Path) -> float:
    """Time from asking for the volunteer list to its first page (count still running)."""
    import ui  # noqa: F401
    from ui.application import wait_until
    from ui.models.lists import VolunteerList
    from ui.models.paged_model import PagedTableModel
    from ui.runtime.worker import Worker

    worker = Worker()
    from registry.storage.lifecycle import close_database, open_database

    worker.run_sync(lambda: open_database(db))
    times = []
    for _ in range(5):
        model = PagedTableModel(VolunteerList(), worker)
        started = time.perf_counter()
        model.reload()
        wait_until(lambda: model.rowCount() > 0 and model.is_loaded(0), 60_000)
        times.append(time.perf_counter() - started)
        wait_until(lambda: not model.counting, 60_000)
    worker.run_sync(close_database)
    worker.shutdown()
    return statistics.median(times)


def shown(name: str, value: float) -> str:
    if "MB" in name:
        return f"{value:,.0f}"
    return f"{value:.2f} ×" if "×" in name else f"{value * 1000:,.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/district.sqlite3"))
    parser.add_argument("--volunteers", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=5, help="start-up: runs of the bare window and the program")
    parser.add_argument("--program", type=Path, help="the built program, whose start-up is timed instead")
    parser.add_argument("--start-only", action="store_true", help="only the start-up figures")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.volunteers, args.records)
    results = start_up(args.db, args.pairs, args.program)
    print(f"  medians: bare window {results['bare window (s)']:.3f} s, program {results['start-up (s)']:.3f} s, "
          f"ratio {results['start-up (× bare window)']:.2f} (target ≤ {TARGETS['start-up (× bare window)']})")
    if args.start_only or args.program:
        return 0 if results["start-up (× bare window)"] <= TARGETS["start-up (× bare window)"] else 1
    measured = in_process(args.db, args.runs)
    rows = measured.pop("rows")
    results.update(measured)
    results["volunteer list: first rows"] = first_rows_only(args.db)
    results["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nregister: {args.db}  ({int(rows):,} volunteers)")
    print(f"{'measure':32} {'measured':>12} {'target':>10}  result")
    for name, target in TARGETS.items():
        value = results[name]
        print(f"{name:32} {shown(name, value):>12} {shown(name, target):>10}  {'PASS' if value <= target else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
