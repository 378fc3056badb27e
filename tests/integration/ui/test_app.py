"""The launcher in a real process: options, first run, a register from a newer program,
the self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import apsw
from helpers import ROOT
from helpers.ui import run_ui

CHAOYANG = ROOT / "packaging" / "districts" / "110105-chaoyang.toml"


def test_exit_after_show_reports_start_up_time(tmp_path: Path) -> None:
    result = run_ui("--db", str(tmp_path / "r.sqlite3"), "--exit-after-show")
    assert result.returncode == 0, result.stderr
    assert "first-window-shown" in result.stdout


def test_screenshot_option_with_demo_and_english(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = run_ui("--db", str(tmp_path / "r.sqlite3"), "--demo", "--demo-volunteers", "200",
                    "--lang", "en", "--screenshot", str(shots))
    assert result.returncode == 0, result.stderr
    assert {p.stem for p in shots.glob("*.png")} >= {"volunteers", "organizations", "stats", "audit"}


def test_newer_schema_is_refused_with_a_message(tmp_path: Path) -> None:
    from registry.storage import sqlite_library
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "new.sqlite3"
    open_database(path)
    close_database()
    with sqlite_library.connect(path) as con:
        con.execute("UPDATE registry_meta SET value = '999' WHERE key = 'schema_version'")
    result = run_ui("--db", str(path), "--exit-after-show")
    assert result.returncode != 0
    assert "新" in result.stderr  # the Chinese explanation


def test_self_test_runs_in_a_temporary_folder_and_reports_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STREET_REGISTRY_DISTRICT": str(CHAOYANG),
           "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "ui", "--self-test"], cwd=ROOT, env=env, text=True,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("self-test ok: 10 sections rendered, roster ")
    assert int(lines[0].rsplit("roster ", 1)[1].split()[0]) > 0
    assert lines[0].endswith(f", APSW {apsw.apsw_version()}, SQLite {apsw.sqlite_lib_version()}")  # the shipped one
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").rglob("*.sqlite3"))


def test_self_test_fails_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[district\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STREET_REGISTRY_DISTRICT": str(bad),
           "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "ui", "--self-test"], cwd=ROOT, env=env, text=True,
                            capture_output=True, timeout=120)
    assert result.returncode != 0 and "self-test FAILED" in result.stderr and "bad.toml" in result.stderr
