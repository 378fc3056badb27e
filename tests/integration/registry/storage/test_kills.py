"""Restore, upgrade and migrate-to, really killed (SIGKILL) at random moments: each leaves
things exactly as before or exactly as after with its audit entry, and can be run again.
A handful of kills per path here; bench/attack/kills.py runs twenty and more of each."""

import sys
from pathlib import Path

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT))
from bench.attack import kills

pytestmark = pytest.mark.slow


def assert_held(row) -> None:
    assert row.attempts and row.failures == 0 and row.data_lost == 0, row.note


def test_killing_a_restore_leaves_the_old_register_or_the_restored_one_with_its_entry(tmp_path: Path):
    kills.registers(tmp_path, volunteers=600)
    assert_held(kills.kills_restore(tmp_path, n=3))


def test_killing_an_upgrade_leaves_no_half_copy_and_the_upgrade_runs_again(tmp_path: Path):
    kills.old_register(tmp_path, people_count=8_000)
    assert_held(kills.kills_upgrade(tmp_path, n=3))


def test_killing_a_migration_leaves_the_server_empty_or_complete(tmp_path: Path, empty_postgres: str,
                                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(kills.POSTGRES_ENV, empty_postgres)
    kills.registers(tmp_path, volunteers=600)
    assert_held(kills.kills_migrate(tmp_path, n=2))
