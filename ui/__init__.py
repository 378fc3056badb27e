"""The desktop program: PySide6 widgets, Qt models, dialogs and the database worker.

Everything here may import registry/; registry/ never imports this package.
"""

from ui import _pyside_refcount

_pyside_refcount.apply()
