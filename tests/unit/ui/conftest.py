"""The desktop program's fixtures (tests/helpers/ui.py)."""

from helpers.ui import (  # noqa: F401
    chinese,
    demo_path,
    qapp_args,
    running,
    running_as,
    running_empty,
    temporary_settings,
)
