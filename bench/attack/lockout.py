"""Forty wrong passwords at the same moment, each from its own process, against one account
of a file register (and of PostgreSQL when REGISTRY_TEST_POSTGRES_URL names a server). Before,
all 40 were checked and left 3 failures and no lock. A failure is a guess checked beyond
MAX_FAILED, a guess that got in, a guess not counted or not audited, a missing or double lock."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from attack import Row  # noqa: E402

GUESSES = 40


def run(workdir: Path) -> list[Row]:
    os.environ.update({"HOME": str(workdir), "XDG_DATA_HOME": str(workdir / "data")})
    from helpers.lockout import prepare, race

    from registry.rules.permissions import MAX_FAILED

    targets = {"sqlite": str(workdir / "registry.sqlite3")}
    url = os.environ.get("REGISTRY_TEST_POSTGRES_URL")
    if url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")
        targets["postgresql"] = url
    rows = []
    for name, target in targets.items():
        folder = workdir / name
        folder.mkdir()
        prepare(target)
        r = race(target, folder, GUESSES)
        failures = (max(0, r.checked - MAX_FAILED) + r.got_in + (GUESSES - r.failed_entries) + r.crashed
                    + (0 if r.locked else 1) + abs(r.lock_entries - 1))
        rows.append(Row(f"concurrent wrong passwords: {name}", GUESSES, failures, 0,
                        f"checked {r.checked} (max {MAX_FAILED}), audited {r.failed_entries}, locked {r.locked}, "
                        f"lock entries {r.lock_entries}, count {r.failed_attempts}"))
    return rows
