"""What the tests share: paths, builders of workbooks and registers, readers of exported
files. Importable as `helpers` (pytest's pythonpath holds tests/)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: subprocesses run from here
DATA = ROOT / "tests" / "data"  # files the tests read, such as a version-1 register
