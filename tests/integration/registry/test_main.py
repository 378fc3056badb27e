"""`python -m registry` in a real process: what a clerk's terminal shows, exit codes,
no traceback; logging in, certificates and exports as commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from helpers.certificates import volunteer_with_hours
from helpers.rosters import data_rows, make_id

from registry import ops
from registry.storage.lifecycle import close_database


@pytest.fixture
def volunteer(area):
    return volunteer_with_hours(area)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_bad_database_paths_end_in_one_sentence_without_traceback(tmp_path):
    for args in (["--db", str(tmp_path / "missing" / "r.sqlite3"), "stats"],
                 ["--db", str(tmp_path), "stats"],
                 ["--db", "mysql://x/y", "stats"]):
        result = subprocess.run([sys.executable, "-m", "registry", *args], capture_output=True, text=True,
                                cwd=ROOT)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("错误：") and len(result.stderr.strip().splitlines()) == 1


def test_cli_login_and_user_management(tmp_path):
    db = str(tmp_path / "r.sqlite3")

    def run(*args: str, password: str | None = None, new: str | None = None):
        env = {k: v for k, v in os.environ.items() if k not in ("REGISTRY_PASSWORD", "REGISTRY_NEW_PASSWORD")}
        if password is not None:
            env["REGISTRY_PASSWORD"] = password
        if new is not None:  # a new account's password: never the login's
            env["REGISTRY_NEW_PASSWORD"] = new
        return subprocess.run([sys.executable, "-m", "registry", "--db", db, *args], capture_output=True,
                              text=True, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)

    assert run("stats").returncode == 0  # no accounts yet: no login
    assert run("user", "add", "boss", "--role", "admin", new="boss-password").returncode == 0
    refused = run("stats")
    assert refused.returncode == 2 and "--user" in refused.stderr
    assert run("--user", "boss", "stats", password="wrong-password").returncode == 2
    assert run("--user", "boss", "stats", password="boss-password").returncode == 0
    assert run("--user", "boss", "user", "add", "li", "--role", "clerk", password="boss-password",
               new="clerk-password").returncode == 0
    denied = run("--user", "li", "user", "disable", "boss", password="clerk-password")
    assert denied.returncode == 2 and "管理员" in denied.stderr and "Traceback" not in denied.stderr


def test_cli_certificate_then_verify(volunteer, db, tmp_path):
    from registry.storage.lifecycle import close_database

    close_database()
    run = lambda *args: subprocess.run([sys.executable, "-m", "registry", "--db", str(db), *args],  # noqa: E731
                                       capture_output=True, text=True, cwd=ROOT)
    made = run("certificate", "v0001", "--from", "2025-01-01", "--to", "2025-12-31", "-o", str(tmp_path / "c.pdf"))
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip().splitlines()[-1]
    assert len(code) == 14 and (tmp_path / "c.pdf").exists()
    checked = run("verify", code)
    assert checked.returncode == 0 and "张三" in checked.stdout and "7.5" in checked.stdout
    assert "11010519491231002X" not in checked.stdout  # masked
    assert run("verify", "ABCD-EFGH-JKLM").returncode == 1
    missing = run("certificate", "nobody", "--from", "2025-01-01", "--to", "2025-12-31", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


@pytest.mark.slow
def test_command_line_export_in_a_real_process(area: dict[str, int], db: Path, folder: Path) -> None:
    ops.register_volunteer("clerk", {"id_number": make_id(1), "name": "张三", "phone": "13800138000",
                                     "community": area["community"]})
    close_database()
    target = folder / "full.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "registry", "--db", str(db), "export", "volunteers", "-o", str(target),
         "--street", "110105001", "--unmasked", "--actor", "王芳"],
        capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"已导出 1 行到 {target}" in done.stdout
    assert data_rows(target)[0][3:5] == ("居民身份证", make_id(1))
