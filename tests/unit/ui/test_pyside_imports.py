"""PySide's import hook, made cheap: the same answer inspect gave, for every module."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType


def _inspects_answer(module: ModuleType) -> bool:
    """shibokensupport.feature._mod_uses_pyside as PySide6 ships it."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_every_loaded_module_gets_the_answer_inspect_gave() -> None:
    import ui.main_window  # noqa: F401  (the program's modules, loaded)
    from ui._pyside_imports import mentions_pyside

    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    differing = [m.__name__ for m in modules if mentions_pyside(m) != _inspects_answer(m)]
    assert differing == []
    assert mentions_pyside(sys.modules["ui.main_window"]) and not mentions_pyside(sys.modules["json"])


def test_the_hook_asks_the_cheap_question_once_applied() -> None:
    import ui  # noqa: F401  (applies it)
    from ui._pyside_imports import mentions_pyside

    feature = sys.modules.get("shibokensupport.feature")
    assert feature is None or getattr(feature, "_mod_uses_pyside") is mentions_pyside  # noqa: B009
