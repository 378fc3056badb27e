"""The desktop program: PySide6 widgets, Qt models, dialogs and the database worker.

Everything here may import registry/; registry/ never imports this package.
"""

from ui import _pyside_refcount
from ui.runtime.i18n import prefer_local_dates

prefer_local_dates()  # before any Qt call reads the system's locale (the guard below does)
_pyside_refcount.apply()
