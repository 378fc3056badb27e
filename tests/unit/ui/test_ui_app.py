"""The launcher: options, first run, a register from a newer program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


def run_ui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "ui", *args], cwd=ROOT, env=full, text=True,
                          capture_output=True, timeout=120)


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
    import sqlite3

    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "new.sqlite3"
    open_database(path)
    close_database()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE registry_meta SET value = '999' WHERE key = 'schema_version'")
    result = run_ui("--db", str(path), "--exit-after-show")
    assert result.returncode != 0
    assert "新" in result.stderr  # the Chinese explanation


def test_settings_remember_the_section(running: Any, qtbot: Any) -> None:
    from ui import settings

    running.window.show_section("stats")
    running.idle()
    running.window.close()
    assert settings.settings().value("main/section") == "stats"
    assert settings.settings().value("geometry/main") is not None
