"""PySide's import hook, made cheap: no module of the program asks for PySide's features,
so the hook's question is answered no without reading any source."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FEATURE_IMPORT = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.MULTILINE)


def test_no_module_of_the_program_asks_for_pyside_features() -> None:
    sources = [p for folder in ("ui", "registry") for p in (ROOT / folder).rglob("*.py")]
    assert len(sources) > 100
    asking = [str(p.relative_to(ROOT)) for p in sources if FEATURE_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert asking == []


def test_the_hook_asks_the_cheap_question_once_applied() -> None:
    import ui  # noqa: F401  (applies it)
    from ui._pyside_imports import mentions_pyside

    feature = sys.modules.get("shibokensupport.feature")
    assert feature is None or getattr(feature, "_mod_uses_pyside") is mentions_pyside  # noqa: B009
    assert not mentions_pyside(sys.modules["ui.main_window" if "ui.main_window" in sys.modules else "ui"])
