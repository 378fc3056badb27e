"""What a start imports: the window on a SQLite register that is set up opens without the
PostgreSQL driver, the rosters, the importer and the libraries behind them, without the
sections and dialogs not shown, and without qtawesome's qtpy (the icons are painted from
its font alone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

NOT_AT_START = (
    "psycopg", "registry.rosters", "registry.importer", "xlsxwriter", "python_calamine",
    "qtawesome", "qtpy", "pypinyin", "stdnum", "registry.queries.audit_text",
    "ui.sections.export", "ui.sections.importing", "ui.sections.stats", "ui.sections.audit",
    "ui.models.audit_list", "ui.dialogs.first_start", "ui.dialogs.volunteer", "ui.dialogs.accounts",
    "ui.dialogs.backups",
)
START = """
import json, runpy, sys
sys.argv = ["street-registry", "--db", sys.argv[1], "--exit-after-show"]
try:
    runpy.run_module("ui", run_name="__main__")
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "loaded": sorted(sys.modules)}))
"""


def start(register: Path, home: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config")}
    out = subprocess.run([sys.executable, "-c", START, str(register)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("first-window-shown"), out.stdout
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def test_the_window_opens_on_a_sqlite_register_without_what_it_does_not_show(demo_path: Path,
                                                                              tmp_path: Path) -> None:
    found = start(demo_path, tmp_path)
    loaded = set(found["loaded"])  # type: ignore[arg-type]
    assert found["code"] == 0
    assert "ui.sections.people" in loaded and "peewee" in loaded  # the volunteers, as a first start shows
    assert sorted(m for m in NOT_AT_START if m in loaded) == []
