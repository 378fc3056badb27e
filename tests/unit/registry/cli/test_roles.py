"""Every command × every role: the command line checks the account's role from the table the
operations use (rules/permissions.py), right after the login and before the command does
anything. A viewer copying the register (`backup FILE`, `migrate-to`) or applying a district
file is refused with the role's sentence, exit 2, and nothing written, changed or audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.cli_roles import ROLE_USERS, allowed, build_bases, cases, expected_role, run_case

from registry.cli import build_parser, main


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[bool, bool], Path]:
    return build_bases(tmp_path_factory.mktemp("bases"))


def test_the_matrix_covers_every_registered_command() -> None:
    _parser, commands = build_parser()
    assert {case.command for case in cases()} == set(commands)


def test_copying_the_register_and_the_district_file_are_for_administrators() -> None:
    needs = {" ".join(c.words[:2]) + (" --unmasked" if "--unmasked" in c.words else ""): expected_role(c)
             for c in cases()}
    assert needs["backup {out}/copy.sqlite3"] == "admin" and needs["backup"] == "clerk"
    assert needs["migrate-to postgresql://nobody@127.0.0.1:9/none"] == "admin"
    assert needs["district apply"] == "admin" and needs["district check"] is None
    assert needs["stats"] == needs["search 张三"] == needs["verify ABCD-EFGH-JKLM"] == "viewer"
    assert needs["export volunteers"] == "viewer" and needs["export volunteers --unmasked"] == "admin"


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_every_command_runs_or_is_refused_before_anything_happens(role, bases, tmp_path) -> None:
    wrong = []
    for i, case in enumerate(cases()):
        outcome = run_case(case, role, bases, tmp_path / str(i), main)
        line = " ".join(case.words)
        if allowed(expected_role(case), role):
            if outcome.refused or outcome.code not in case.ok_for(role):
                wrong.append(f"{line}: allowed but exit {outcome.code}: {outcome.err.strip()}")
        else:
            if not outcome.refused:
                wrong.append(f"{line}: forbidden but ran (exit {outcome.code}): {outcome.err.strip()}")
            elif not outcome.untouched:
                wrong.append(f"{line}: refused but something was written or changed")
            elif not outcome.err.startswith("错误：") or len(outcome.err.strip().splitlines()) != 1:
                wrong.append(f"{line}: refused without one plain sentence: {outcome.err!r}")
    assert wrong == []
