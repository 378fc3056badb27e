"""`--self-test`: prove an installed copy works, without touching the user's register.

A temporary register in a temporary folder gets the bundled district (if any) and a small
demo; the main window is shown offscreen, every section is rendered to PNG and the
volunteer roster is written; one line says how it went. Works frozen (PyInstaller) too:
resources are found relative to the packages, as everywhere else."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

SELF_TEST_VOLUNTEERS = 60
ROSTER = "volunteers"
ACTOR = "自检"


class SelfTestError(Exception):
    pass


def _check_file(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise SelfTestError(f"missing or empty: {path.name}")


def run_self_test(worker: Any, folder: Path) -> str:
    """Everything but the process: returns the "self-test ok" line or raises."""
    from registry.demo import fill_demo
    from registry.queries.about import versions
    from registry.rosters import export_roster
    from registry.storage.health import sqlite_version_warning
    from registry.storage.lifecycle import close_database, open_database
    from ui.application import take_screenshots
    from ui.main_window import MainWindow, load_lookups
    from ui.runtime.context import AppContext, Hub
    from ui.startup import apply_bundled_district

    # The district file gets a register of its own: the demo brings its own district and
    # fills only an empty register.
    old_library = sqlite_version_warning()  # a bundle must carry a SQLite without the WAL-reset bug
    if old_library:
        raise SelfTestError(old_library)
    worker.run_sync(lambda: open_database(folder / "district.sqlite3"))
    _changes, problems = worker.run_sync(lambda: apply_bundled_district(ACTOR))
    worker.run_sync(close_database)
    if problems:
        raise SelfTestError("; ".join(problems))
    register = folder / "self-test.sqlite3"
    worker.run_sync(lambda: open_database(register))
    worker.run_sync(lambda: fill_demo(volunteers=SELF_TEST_VOLUNTEERS, seed=1, actor=ACTOR),
                    timeout=600)
    values = worker.run_sync(load_lookups)
    empty = bool(values.pop("empty"))
    ctx = AppContext(worker, ACTOR, Hub(), values, str(register), open_folders=False)
    window = MainWindow(ctx, empty, auto_backup=False)
    window.show()
    try:
        shots = take_screenshots(window, folder / "screenshots")
        for shot in shots:
            _check_file(shot)
        roster = folder / "志愿者花名册.xlsx"
        result = worker.run_sync(lambda: export_roster(ROSTER, roster, actor=ACTOR))
        _check_file(roster)
        library = worker.run_sync(versions).library
        checked = worker.run_sync(lambda: _check_roster_in_processes(roster), timeout=120)
    finally:
        window.close()
        window.deleteLater()
    return (f"self-test ok: {len(shots)} sections rendered, roster {result.rows} rows "
            f"({checked} read back by 2 processes), {library}")


def _check_roster_in_processes(roster: Path) -> int:
    """The roster read back and its rows checked by worker processes, as a big import's are:
    the same values and problems as this process finds. Returns the rows checked."""
    from registry.importer.checking import check_in_processes, check_rows
    from registry.importer.kinds import get_kind
    from registry.importer.lookups import Lookups
    from registry.importer.read import read_table

    table = read_table(roster, get_kind(ROSTER))
    fields = [(i, f) for i, f in enumerate(table.fields) if f]
    rows = [cells for _number, cells in table.rows]
    lookups = Lookups.load()
    shared = check_in_processes(ROSTER, fields, rows, lookups, workers=2, chunk_rows=10)
    if not shared or shared != check_rows(ROSTER, fields, rows, lookups):
        raise SelfTestError("rows checked by worker processes differ from this process's")
    return len(shared)


def self_test(language: str = "zh_CN") -> int:
    """The `--self-test` entry point: exit 0 with one line, or non-zero with the reason."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from registry.storage.lifecycle import close_database
    from ui.application import create_app
    from ui.runtime.worker import Worker

    create_app([], language)
    worker = Worker()
    code = 0
    with tempfile.TemporaryDirectory(prefix="street-registry-self-test-") as tmp:
        try:
            print(run_self_test(worker, Path(tmp)), flush=True)
        except Exception as exc:  # every failure is reported as one line
            print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            code = 1
        finally:
            with contextlib.suppress(Exception):
                worker.run_sync(close_database, timeout=30)
            worker.shutdown()
    return code
