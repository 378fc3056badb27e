"""The desktop program's fixtures (tests/helpers/ui.py)."""

from helpers.ui import chinese, demo_path, qapp_args, running, temporary_settings  # noqa: F401
