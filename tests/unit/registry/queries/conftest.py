"""A small demonstration register for the read side's tests: built once, copied for each
test (which may then write to its copy)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from registry.demo import fill_demo
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    open_database(path)
    try:
        fill_demo(volunteers=400, seed=7)
    finally:
        close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    """The demonstration register, open; 400 volunteers and all that goes with them."""
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "registry.sqlite3"
    shutil.copy(demo_file, path)
    open_database(path)
    yield path
    close_database()
