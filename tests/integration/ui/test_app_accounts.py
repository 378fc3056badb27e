"""`--screenshot` and `--exit-after-show` on a register with accounts: they log in with
--user and REGISTRY_PASSWORD, and without them stop at once with a Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.ui import PASSWORD, run_ui


@pytest.fixture
def protected(tmp_path: Path) -> Path:
    from registry.ops.accounts import add_account
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "accounts.sqlite3"
    open_database(path)
    try:
        add_account("", "管理员", "admin", PASSWORD)
        add_account("管理员", "办事员", "clerk", PASSWORD)
    finally:
        close_database()
    return path


def test_without_a_user_it_explains_and_exits_2(protected: Path, tmp_path: Path) -> None:
    result = run_ui("--db", str(protected), "--exit-after-show", env={"REGISTRY_PASSWORD": ""})
    assert result.returncode == 2
    assert "--user" in result.stderr and "REGISTRY_PASSWORD" in result.stderr and "账号" in result.stderr
    result = run_ui("--db", str(protected), "--screenshot", str(tmp_path / "shots"), "--user", "办事员",
                    env={"REGISTRY_PASSWORD": ""})
    assert result.returncode == 2 and "REGISTRY_PASSWORD" in result.stderr
    assert not list((tmp_path / "shots").glob("*.png"))


def test_a_wrong_password_is_refused(protected: Path) -> None:
    result = run_ui("--db", str(protected), "--exit-after-show", "--user", "办事员",
                    env={"REGISTRY_PASSWORD": "not-the-password"})
    assert result.returncode == 2
    assert "办事员" in result.stderr and "不正确" in result.stderr


def test_user_and_password_log_in_for_screenshots(protected: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = run_ui("--db", str(protected), "--screenshot", str(shots), "--user", "办事员",
                    env={"REGISTRY_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    assert {p.stem for p in shots.glob("*.png")} >= {"volunteers", "export", "audit"}
