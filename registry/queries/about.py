"""The versions support staff ask for, of the register open now (the program's 关于 dialog;
python -m registry --version reads a register not opened: storage/versions.py)."""

from __future__ import annotations

from registry.storage.db import database
from registry.storage.versions import Versions, of_open, where_of

__all__ = ["Versions", "versions"]


def versions() -> Versions:
    """The program's version, the open register's schema version and the database library."""
    return of_open(database.obj, where_of(database.obj))
