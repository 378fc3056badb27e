"""Shared fixtures. Every test gets temporary user folders, never the real ones."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.demo import DEMO, DemoRegisters

from ui.runtime.collector import collect_due

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line follows the system's language (registry.texts): the tests read its Chinese,
# on an English system too (and in the command lines they start)
os.environ["REGISTRY_LANG"] = "zh_CN"
# Python's cycle collector runs on the main thread only, after each test: run by the database
# worker it can free a widget there, and Qt crashes (ui/runtime/collector.py says why; the
# program does the same with a timer on its GUI thread)
gc.disable()


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (data, config, cache, home) at a temporary one."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(folder))
    monkeypatch.delenv("REGISTRY_DATABASE_URL", raising=False)
    return home


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """pytest-qt closes a test's widgets when it ends; a form the test typed in is closed as
    it was left, not asked about (RecordDialog asks a person before throwing a form away;
    tests/unit/ui/dialogs/test_dialog.py tests that on purpose). Without this the question
    would wait for an answer no one gives.

    Then the cycle collector runs, here on the main thread (see `gc.disable()` above)."""
    import sys

    dialog = sys.modules.get("ui.dialogs.dialog")
    asked = dialog.RecordDialog.confirm_discard if dialog else None
    if dialog:
        dialog.RecordDialog.confirm_discard = lambda self: True  # type: ignore[method-assign]
    try:
        return (yield)
    finally:
        if dialog:
            dialog.RecordDialog.confirm_discard = asked  # type: ignore[method-assign]
        collect_due()


# Python's cycle collector runs on the main thread only, after each test: run by the database
# worker it can free a widget there, and Qt crashes (ui/runtime/collector.py says why; the
# program does the same with a timer on its GUI thread)
gc.disable()


POSTGRES_ENV = "REGISTRY_TEST_POSTGRES_URL"


def _empty_postgres() -> str:
    """The test server's URL with an empty public schema, or a skip saying why not."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL: {POSTGRES_ENV} is not set, no server to test against "
                    "(packaging/dev.py test starts one)")
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL server at {url} is not reachable: {exc}")
    return url


@pytest.fixture
def empty_postgres() -> str:
    """The URL of an empty PostgreSQL test database (skips when there is no server)."""
    return _empty_postgres()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Path]:
    """An empty register in a temporary SQLite file; yields its path."""
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "registry.sqlite3"
    open_database(path)
    yield path
    close_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty register, once on SQLite and once on PostgreSQL; yields its path or URL."""
    from registry.storage.lifecycle import close_database, open_database

    target = str(tmp_path / "registry.sqlite3") if request.param == "sqlite" else _empty_postgres()
    open_database(target)
    yield target
    close_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a register that processes share will be made: a SQLite path or the test
    server's empty database (skips without one); nothing is opened here."""
    if request.param == "sqlite":
        return str(tmp_path / "registry.sqlite3")
    url: str = request.getfixturevalue("empty_postgres")
    return url


@pytest.fixture
def area(db: Path) -> dict[str, int]:
    """One district with one street and two communities; returns their ids."""
    from registry import ops

    district = ops.add_area("tester", "district", "110105", "朝阳区", 3_452_000).id
    street = ops.add_area("tester", "street", "110105001", "建外街道", 62_000, parent=district).id
    first = ops.add_area("tester", "community", "110105001001", "永安里社区", 8_200, parent=street).id
    second = ops.add_area("tester", "community", "110105001002", "建华南社区", 6_100, parent=street).id
    return {"district": district, "street": street, "community": first, "community2": second}


@pytest.fixture(scope="session")
def demo_registers(tmp_path_factory: pytest.TempPathFactory) -> DemoRegisters:
    """The demonstration registers (tests/helpers/demo.py), each generated once per session."""
    return DemoRegisters(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo(demo_registers: DemoRegisters, tmp_path: Path) -> Iterator[Path]:
    """The test's own copy of the demonstration register helpers.demo.DEMO (300 volunteers,
    seed 7, dated 2025-06-01), open; yields its path."""
    from registry.storage.lifecycle import close_database, open_database

    path = demo_registers.copy(DEMO, tmp_path / "registry.sqlite3")
    open_database(path)
    yield path
    close_database()


@pytest.fixture
def sheet(tmp_path: Path) -> Callable[..., Path]:
    """Write a one-sheet workbook into the test's folder and return its path."""
    from helpers.importer import write_sheet

    def make(header: list[str], rows: list[list[Any]], name: str = "in.xlsx", **kw: Any) -> Path:
        return write_sheet(tmp_path / name, header, rows, **kw)
    return make
