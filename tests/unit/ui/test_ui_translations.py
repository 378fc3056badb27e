"""The shipped Simplified Chinese must be complete, compiled, and cover every string."""

from __future__ import annotations

import ast
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
# pyside6-lupdate exactly as update_translations.py runs it (it must know ui.i18n.tr_noop)
LUPDATE: list[str] = runpy.run_path(str(TRANSLATIONS / "update_translations.py"))["LUPDATE"]


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]  # type: ignore[misc]


def test_no_unfinished_simplified_chinese_entries() -> None:
    bad = [(ctx, src) for ctx, src, tr in messages(TRANSLATIONS / "street_registry_zh_CN.ts")
           if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
           or not (tr.text or "").strip()]
    assert bad == [], f"untranslated zh_CN entries: {bad}"


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


def test_chinese_is_the_default_and_english_selectable(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import install_translations

    try:
        assert install_translations(qapp, "en")  # type: ignore[arg-type]
        assert QCoreApplication.translate("Sections", "Volunteers") == "Volunteers"
    finally:
        install_translations(qapp, "zh_CN")  # type: ignore[arg-type]
    assert QCoreApplication.translate("Sections", "Volunteers") == "志愿者"
    assert QCoreApplication.translate("Stats", "Statistics") == "统计"
