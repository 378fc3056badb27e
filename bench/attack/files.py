"""Crafted files (issue 12, item 8): each given to `import volunteers` in its own process,
as a clerk would. A failure is an abort, a traceback, a peak over 1 GB, or an outcome other
than the one expected (a hostile file accepted, a harmless one refused); data lost counts
records stored, or the register damaged, by a file that should have stored nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from attack import Row

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.hostile_files import HOSTILE, import_in_child  # noqa: E402

GB = 1 << 30


def run(workdir: Path) -> list[Row]:
    attempts = failures = lost = 0
    notes: list[str] = []
    peak = 0
    for name, (build, expected) in HOSTILE.items():
        attempts += 1
        path = build(workdir / name)
        done = import_in_child(path, workdir / f"{name}.sqlite3", ROOT, timeout=300)
        if done.returncode or "Traceback" in done.stderr:
            failures += 1
            notes.append(f"{name}: exit {done.returncode}")
            continue
        result = json.loads(done.stdout)
        peak = max(peak, result["peak"])
        wanted = "read" if expected is None else "refused"
        if result["peak"] >= GB or result["outcome"] != wanted or (expected and expected not in result["message"]):
            failures += 1
            notes.append(f"{name}: {result['outcome']} at {result['peak'] / GB:.2f} GB")
        lost += result["added"] + (not result["intact"])
        path.unlink()
    note = "; ".join(notes) or f"each ended in one sentence or was read; highest peak {peak / 2**20:.0f} MB"
    return [Row("crafted files: import", attempts, failures, lost, note)]
