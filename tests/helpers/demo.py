"""The demonstration registers the tests read. Each kind is generated once per session
(tests/conftest.py's `demo_registers`) and every test gets its own copy, free to change it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class DemoSpec:
    """What registry.demo.fill_demo is asked for."""

    volunteers: int
    seed: int
    today: date | None  # None: the real date


DEMO_DAY = date(2025, 6, 1)
DEMO = DemoSpec(volunteers=300, seed=7, today=DEMO_DAY)
"""The core's tests: dated, so its rows are the same whatever day the tests run."""
DEMO_TODAY = DemoSpec(volunteers=400, seed=7, today=None)
"""The program's tests: dated today, as the forms' defaults and checks use the real date."""


class DemoRegisters:
    """Builds each DemoSpec's register once, in `folder`, and hands out copies."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._built: dict[DemoSpec, tuple[Path, dict[str, int]]] = {}

    def _build(self, spec: DemoSpec) -> tuple[Path, dict[str, int]]:
        if spec not in self._built:
            from registry.demo import fill_demo
            from registry.storage.lifecycle import close_database, open_database

            path = self.folder / f"demo-{spec.volunteers}-{spec.seed}-{spec.today or 'today'}.sqlite3"
            open_database(path)
            try:
                counts = fill_demo(volunteers=spec.volunteers, seed=spec.seed, today=spec.today)
            finally:
                close_database()
            self._built[spec] = (path, counts)
        return self._built[spec]

    def copy(self, spec: DemoSpec, target: Path) -> Path:
        """A fresh copy of the register at `target` (not opened)."""
        shutil.copy(self._build(spec)[0], target)
        return target

    def counts(self, spec: DemoSpec) -> dict[str, int]:
        """How many rows each table got when the register was generated."""
        return dict(self._build(spec)[1])
