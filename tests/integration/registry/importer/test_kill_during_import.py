"""A process killed in the middle of an import's commit leaves the register exactly as it
was: one transaction, SQLite WAL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import xlsxwriter
from helpers import ROOT
from stdnum.cn.ric import calc_check_digit

from registry.storage import sqlite_library
from registry.storage.lifecycle import close_database

ROWS = 50_000
TABLES = ("person", "volunteer", "search_key", "audit_entry")

IMPORT = """
import pathlib, sys
from registry.storage.lifecycle import open_database
from registry.importer import commit_import, preview_import
open_database(sys.argv[1])
preview = preview_import("volunteers", sys.argv[2])
pathlib.Path(sys.argv[3]).touch()
commit_import(preview, actor="clerk")
print("committed")
"""


def big_roster(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["姓名", "身份证号", "志愿者编号"])
    for i in range(ROWS):
        body = f"1101051980{i // 28 % 12 + 1:02d}{i % 28 + 1:02d}{i // 336:03d}"
        ws.write_string(i + 1, 0, "张" + "伟芳娜敏静"[i % 5])
        ws.write_string(i + 1, 1, body + calc_check_digit(body + "0"))
        ws.write_string(i + 1, 2, f"K{i:06d}")
    book.close()


def counts(path: Path) -> dict[str, int]:
    with sqlite_library.connect(path) as conn:
        out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["ok"] = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return out


@pytest.mark.slow
def test_killed_mid_commit_changes_nothing(sqlite_db: Path, tmp_path: Path) -> None:
    from registry import ops

    ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三"})
    close_database()
    roster, ready = tmp_path / "big.xlsx", tmp_path / "ready"
    big_roster(roster)
    before = counts(sqlite_db)
    wal = Path(f"{sqlite_db}-wal")
    proc = subprocess.Popen([sys.executable, "-c", IMPORT, str(sqlite_db), str(roster), str(ready)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.01)
        start = wal.stat().st_size if wal.exists() else 0
        while not wal.exists() or wal.stat().st_size < start + 4_000_000:  # the commit is writing
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    after = counts(sqlite_db)
    assert after == before and after["ok"]
