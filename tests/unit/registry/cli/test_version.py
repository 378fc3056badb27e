"""`python -m registry --version`: for support staff on the phone, in the clerk's language."""

import subprocess
import sys
from pathlib import Path

import apsw

import registry
from registry.cli import main
from registry.storage.migrations import CURRENT_VERSION

ROOT = Path(__file__).resolve().parents[4]


def test_version_names_program_schema_and_library(sqlite_db: Path, capsys):
    assert main(["--db", str(sqlite_db), "--version"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"街道社会工作登记台 {registry.__version__}", f"登记库：{sqlite_db}",
                   f"登记库结构版本：第 {CURRENT_VERSION} 版（本程序使用第 {CURRENT_VERSION} 版）",
                   f"数据库组件：APSW {apsw.apsw_version()}, SQLite {apsw.sqlite_lib_version()}"]


def test_version_in_english_without_a_register(tmp_path: Path):
    """A real process: the default register is the user's, here none."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "REGISTRY_LANG": "en", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "registry", "--version"], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "Register structure version: no register" in done.stdout
    assert f"Database component: APSW {apsw.apsw_version()}" in done.stdout
    assert "Register: " + str(tmp_path / "data" / "StreetOfficeRegistry" / "registry.sqlite3") in done.stdout
    assert not list((tmp_path / "data").rglob("*.sqlite3"))  # no register made for asking


def test_help_lists_version(capsys):
    assert main(["--help"]) == 0
    assert "--version" in capsys.readouterr().out
