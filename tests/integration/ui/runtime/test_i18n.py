"""The shipped translations are compiled from their sources and cover every string of the
program: pyside6-lupdate and pyside6-lrelease, run as update_translations.py runs them."""

from __future__ import annotations

import ast
import runpy
import subprocess
import sys
from pathlib import Path

from helpers import ROOT
from helpers.translations import TRANSLATIONS, messages

BIN = Path(sys.executable).parent
# pyside6-lupdate exactly as update_translations.py runs it (it must know ui.i18n.tr_noop)
LUPDATE: list[str] = runpy.run_path(str(TRANSLATIONS / "update_translations.py"))["LUPDATE"]


def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    for lang in ("zh_CN", "en"):
        ts = TRANSLATIONS / f"street_registry_{lang}.ts"
        out = tmp_path / f"{lang}.qm"
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(out)], check=True,
                       capture_output=True)
        assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{lang}.qm is stale"


def extracted(tmp_path: Path) -> set[tuple[str, str]]:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([*LUPDATE, *sources, "-ts", str(fresh), "-locations", "none"],
                   check=True, capture_output=True)
    return {(c, s) for c, s, _ in messages(fresh)}


def test_every_string_of_the_program_is_in_the_sources(tmp_path: Path) -> None:
    have = {(c, s) for c, s, _ in messages(TRANSLATIONS / "street_registry_zh_CN.ts")}
    assert extracted(tmp_path) - have == set(), "run resources/translations/update_translations.py and translate"


def test_lupdate_finds_every_text_marked_with_tr_noop(tmp_path: Path) -> None:
    marked = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr_noop" and len(node.args) == 2):
                context, text = (arg.value for arg in node.args if isinstance(arg, ast.Constant))
                marked.add((context, text))
    assert ("Columns", "Certificate no.") in marked
    assert marked - extracted(tmp_path) == set()
