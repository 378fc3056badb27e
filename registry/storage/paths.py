"""Where registers live: the user's data folder, the default and demonstration files, and
which target (a path or a database URL) a program opens when none is given. Nothing here
touches a database, so the program may ask before one is open."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "StreetOfficeRegistry"
URL_ENV = "REGISTRY_DATABASE_URL"


class DatabaseTargetError(ValueError):
    """The path or URL does not name a database this program can open."""


def data_dir() -> Path:
    """The user's data folder (never the program folder)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_database_path() -> Path:
    return data_dir() / "registry.sqlite3"


def demo_database_path() -> Path:
    """The demonstration register, kept in a folder of its own, apart from the real one."""
    return data_dir() / "demo" / "registry-demo.sqlite3"


def database_target(given: str | None = None) -> str:
    """The register to open: the one given, else the URL in REGISTRY_DATABASE_URL, else the
    default file."""
    return str(given or os.environ.get(URL_ENV) or default_database_path())
