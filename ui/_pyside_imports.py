"""Make PySide6's import hook cheap: 20–25 ms of every start.

From PySide6.QtCore's import on, every module imported is looked at by PySide's
`__feature__` machinery (shibokensupport.feature.feature_imported), which asks whether
the module's source names "PySide6" through inspect.getsource: inspect.getmodule over
every loaded module, tokenize, linecache, for each of the ~160 modules the program
imports after Qt (napari#8584 measured the same). The answer only matters to a module
that says `from __feature__ import …` (snake_case, true_property), which nothing here
does and tests/unit/ui/test_pyside_imports.py keeps so: the answer is no, without reading
a file (the built program has no sources to read anyway).
"""

from __future__ import annotations

import sys
from types import ModuleType


def mentions_pyside(module: ModuleType) -> bool:
    """Whether `module` asks for PySide's features: no module of this program does."""
    return False


def apply() -> None:
    """Before PySide6.QtCore is imported; nothing changes where PySide has no such hook."""
    import PySide6  # noqa: F401  (loads shiboken's support modules, the hook's among them)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", mentions_pyside)  # noqa: B010  (a module without stubs)
