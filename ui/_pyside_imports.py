"""Make PySide6's import hook cheap: 20–25 ms of every start.

From PySide6.QtCore's import on, every module imported is looked at by PySide's
`__feature__` machinery (shibokensupport.feature.feature_imported), which asks whether
the module's source names "PySide6" through inspect.getsource: inspect.getmodule over
every loaded module, tokenize, linecache, for each of the ~160 modules the program
imports after Qt (napari#8584 measured the same). The answer only matters to a module
that says `from __feature__ import …`, which nothing here does. The same answer is given
here by reading the source file's bytes; a module without one (the built program's)
answers no, as inspect's OSError did.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = b"PySide6"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether `module`'s source file names PySide6 (False without a readable source)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return _MARK in source.read()
    except OSError:
        return False


def apply() -> None:
    """Before PySide6.QtCore is imported; nothing changes where PySide has no such hook."""
    import PySide6  # noqa: F401  (loads shiboken's support modules, the hook's among them)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", mentions_pyside)  # noqa: B010  (a module without stubs)
