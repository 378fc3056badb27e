"""Fixtures for the importer tests: a register with two communities and one person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from importer_helpers import write_sheet


@pytest.fixture
def sheet(tmp_path: Path) -> Callable[..., Path]:
    """Write a one-sheet workbook into the test's folder and return its path."""
    def make(header: list[str], rows: list[list[Any]], name: str = "in.xlsx", **kw: Any) -> Path:
        return write_sheet(tmp_path / name, header, rows, **kw)
    return make
