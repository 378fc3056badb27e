"""What support staff read: the program's version, the register's schema version, the
database library; a register not opened is read without being changed."""

import shutil
from pathlib import Path

import apsw
import pytest

import registry
from registry.storage import sqlite_library
from registry.storage.lifecycle import close_database, open_database
from registry.storage.migrations import CURRENT_VERSION
from registry.storage.versions import of_target

V1 = Path(__file__).resolve().parents[3] / "data" / "registry-v1.sqlite3"


def test_a_register_in_use_names_its_schema_and_library(db: str):
    found = of_target(db)
    assert found.program == registry.__version__ and found.schema == CURRENT_VERSION and found.problem is None
    if "://" in db:
        import psycopg

        with psycopg.connect(db) as conn:
            server = conn.execute("SHOW server_version").fetchone()[0]
        assert found.library == f"psycopg {psycopg.__version__}, PostgreSQL {server}"
        assert found.register.startswith("postgresql://") and found.register.endswith("/registry_test")
    else:
        assert found.library == f"APSW {apsw.apsw_version()}, SQLite {apsw.sqlite_lib_version()}"
        assert found.register == db


def test_an_older_register_is_read_not_upgraded(tmp_path: Path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(V1, old)
    before = old.read_bytes()
    found = of_target(old)
    assert found.schema == 1 and "第 1 版" in "\n".join(found.lines())
    assert old.read_bytes() == before and not Path(f"{old}-wal").exists()


def test_no_register_there_is_said_and_none_is_made(tmp_path: Path):
    missing = tmp_path / "none.sqlite3"
    found = of_target(missing)
    assert found.schema is None and "没有登记库" in "\n".join(found.lines())
    assert found.library == sqlite_library.description()
    assert not missing.exists()


def test_another_programs_database_is_said_in_words(tmp_path: Path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite_library.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    found = of_target(other)
    assert found.schema is None and found.problem and "不是" in found.problem


@pytest.fixture
def closed_register(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    open_database(path)
    close_database()
    return path


def test_the_open_register_is_described_as_the_dialog_shows_it(closed_register: Path):
    from registry.queries.about import versions

    open_database(closed_register)
    try:
        lines = versions().lines()
    finally:
        close_database()
    assert lines[0].endswith(registry.__version__) and str(closed_register) in lines[1]
    assert f"第 {CURRENT_VERSION} 版" in lines[2] and sqlite_library.description() in lines[3]
