"""The desktop program: PySide6 widgets, Qt models, dialogs and the database worker.

Everything here may import registry/; registry/ never imports this package.
"""

from ui import _pyside_imports, _pyside_refcount

_pyside_imports.apply()  # before the modules below import PySide6.QtCore and the rest

from ui.runtime.i18n import prefer_local_dates  # noqa: E402

prefer_local_dates()  # before any Qt call reads the system's locale (the guard below does)
_pyside_refcount.apply()
