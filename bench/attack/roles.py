"""The role matrix: every command of registry.cli run by every role (viewer, clerk,
administrator, a register with no accounts). A failure is a forbidden command line that ran,
an allowed one that was refused, or a refused one that left a trace (a file, a change, an
audit entry); data lost counts refused runs that changed the register anyway."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from attack import Row  # noqa: E402


def run(workdir: Path) -> list[Row]:
    os.environ.update({"HOME": str(workdir), "XDG_DATA_HOME": str(workdir / "data")})
    os.environ.pop("REGISTRY_DATABASE_URL", None)
    from helpers.cli_roles import ROLE_USERS, allowed, build_bases, cases, expected_role, run_case

    from registry.cli import main

    bases = build_bases(workdir / "bases")
    rows = []
    for role in ROLE_USERS:
        attempts = failures = lost = 0
        notes = []
        for i, case in enumerate(cases()):
            attempts += 1
            outcome = run_case(case, role, bases, workdir / "runs" / role.replace(" ", "-") / str(i), main)
            if allowed(expected_role(case), role):
                bad = outcome.refused or outcome.code not in case.ok_for(role)
            else:
                bad = not outcome.refused or not outcome.untouched
                lost += int(outcome.refused and not outcome.untouched)
            if bad:
                failures += 1
                notes.append(" ".join(case.words[:2]))
        rows.append(Row(f"role matrix: {role}", attempts, failures, lost,
                        "; ".join(notes) or f"{len(cases())} command lines × 1 role"))
    return rows
