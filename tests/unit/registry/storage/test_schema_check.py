"""The register opened is the register expected: its structure is checked at open, a missing
ordinary index is rebuilt, a missing trigger or unique constraint refuses the file."""

from pathlib import Path

import pytest

from registry import ops
from registry.storage import lifecycle, sqlite_library
from registry.storage.db import database
from registry.storage.health import NotARegisterError
from registry.storage.lifecycle import close_database, open_database
from registry.storage.migrations import SchemaError
from registry.storage.models import Person
from registry.storage.schema_check import UntrustedSchemaError, expected

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def tamper(path: Path, *sql: str) -> None:
    with sqlite_library.connect(path) as conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    open_database(path)
    ops.register_person("clerk", PERSON)
    close_database()
    return path


def names(path: Path, kind: str) -> set[str]:
    with sqlite_library.connect(path) as conn:
        found = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}
    conn.close()
    return found


def test_missing_ledger_indexes_are_rebuilt_and_said(register: Path):
    """As a killed demo left them: the six indexes of the ledger's two tables gone."""
    dropped = sorted(n for n in names(register, "index") if n.startswith(("service_line_", "service_detail_")))
    assert len(dropped) == 6
    tamper(register, *(f'DROP INDEX "{n}"' for n in dropped))
    open_database(register)
    try:
        assert any("6 个索引" in w for w in lifecycle.open_warnings)
        plan = database.execute_sql("EXPLAIN QUERY PLAN SELECT * FROM service_record WHERE volunteer_id = 1")
        assert "INDEX" in " ".join(str(row) for row in plan.fetchall())
    finally:
        close_database()
    assert set(dropped) <= names(register, "index")


def test_an_index_made_on_other_columns_is_rebuilt(register: Path):
    tamper(register, 'DROP INDEX "person_name"', 'CREATE INDEX "person_name" ON person (notes)')
    open_database(register)
    close_database()
    with sqlite_library.connect(register) as conn:
        assert [r[2] for r in conn.execute("PRAGMA index_info(person_name)")] == ["name"]
    conn.close()


def test_a_whole_index_where_a_partial_one_belongs_is_made_partial_again(register: Path):
    """The lines that correct another are few: their unique index covers those alone."""
    tamper(register, 'DROP INDEX "service_line_corrects_id"',
           'CREATE UNIQUE INDEX "service_line_corrects_id" ON service_line (corrects_id)')
    open_database(register)
    close_database()
    with sqlite_library.connect(register) as conn:
        [(sql,)] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'service_line_corrects_id'")
    conn.close()
    assert "WHERE" in sql and "UNIQUE" in sql


@pytest.mark.parametrize("sql, said", [
    (["DROP TRIGGER audit_entry_no_delete"], "audit_entry_no_delete"),
    (["DROP TRIGGER service_record_approved_is_final"], "service_record_approved_is_final"),
    (["DROP TRIGGER audit_entry_no_update",
      "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry WHEN 0 BEGIN SELECT 1; END"],
     "被改动"),
    (["CREATE TRIGGER sneaky AFTER INSERT ON person BEGIN UPDATE person SET notes = 'x'; END"], "sneaky"),
    (["ALTER TABLE person DROP COLUMN notes"], "缺少 notes"),
    (["ALTER TABLE person ADD COLUMN secret TEXT"], "多出 secret"),
    (["DROP TABLE rule_preset"], "缺少表 rule_preset"),
])
def test_a_register_without_its_protections_is_refused_untouched(register: Path, sql: list[str], said: str):
    tamper(register, *sql)
    data = register.read_bytes()
    with pytest.raises(UntrustedSchemaError, match=said) as caught:
        open_database(register)
    close_database()
    assert "备份恢复" in str(caught.value) and "管理员" in str(caught.value)
    assert register.read_bytes() == data


DUPLICATE = ("INSERT INTO person (id_number, id_number_rev, name, initials, sex, region_code, address, ethnicity,"
           " political_status, education, notes, active, deactivated_reason, created_at, updated_at)"
           " SELECT id_number, id_number_rev, '冒名', initials, sex, region_code, address, ethnicity,"
           " political_status, education, notes, active, deactivated_reason, created_at, updated_at FROM person")


@pytest.mark.parametrize("unmade", [
    ['DROP INDEX "person_document"'],
    ['DROP INDEX "person_document"', 'CREATE INDEX "person_document" ON person (id_number, id_type)'],
    ['DROP INDEX "person_document"', 'CREATE UNIQUE INDEX "person_document" ON person (id_number, id_type) WHERE 0'],
])
def test_duplicate_id_numbers_behind_an_unmade_unique_constraint_are_refused(register: Path, unmade: list[str]):
    tamper(register, *unmade, DUPLICATE)
    data = register.read_bytes()
    with pytest.raises(UntrustedSchemaError, match="重复的 id_number"):
        open_database(register)
    close_database()
    assert register.read_bytes() == data


def test_an_unmade_unique_constraint_over_rows_that_obey_it_is_rebuilt(register: Path):
    tamper(register, 'DROP INDEX "person_document"', 'CREATE INDEX "person_document" ON person (id_number, id_type)')
    open_database(register)
    try:
        with pytest.raises(ops.RegistryError):
            ops.register_person("clerk", PERSON)  # the constraint holds again
    finally:
        close_database()


def test_a_text_schema_version_is_a_sentence(register: Path):
    tamper(register, "UPDATE registry_meta SET value = 'two' WHERE key = 'schema_version'")
    with pytest.raises(SchemaError, match="结构版本“two”无法识别"):
        open_database(register)
    close_database()


def test_a_foreign_sqlite_file_keeps_every_byte(tmp_path: Path):
    """Opening it once switched it to WAL: the header's bytes 18-19 changed."""
    path = tmp_path / "other.db"
    with sqlite_library.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO accounts (name) VALUES ('x')")
    conn.close()
    data = path.read_bytes()
    with pytest.raises(NotARegisterError, match="不会改动"):
        open_database(path)
    close_database()
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, -shm or marker beside it


def test_a_file_that_is_no_database_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这是一份笔记".encode() * 500)
    data = path.read_bytes()
    with pytest.raises(NotARegisterError, match="不是数据库文件"):
        open_database(path)
    close_database()
    assert path.read_bytes() == data


def test_a_register_cut_short_is_refused(register: Path):
    open_database(register)  # put it back in one file (the checkpoint at close)
    close_database()
    data = register.read_bytes()
    register.write_bytes(data[: len(data) // 2])
    from registry.storage.health import DatabaseDamagedError

    with pytest.raises(DatabaseDamagedError, match="不完整"):
        open_database(register)
    close_database()


def test_the_expected_shape_comes_from_the_models():
    shape = expected(True)
    assert shape.indexes["person_document"].unique
    assert shape.tables["person"] == frozenset(f.column_name for f in Person._meta.sorted_fields)
    assert {"audit_entry_no_delete", "service_record_approved_not_deleted"} <= set(shape.triggers)


@pytest.mark.postgres
def test_postgresql_registers_are_checked_too(empty_postgres: str):
    open_database(empty_postgres)
    ops.register_person("clerk", PERSON)
    database.execute_sql('DROP INDEX "person_name"')
    database.execute_sql('DROP INDEX "person_phone_rev_pattern"')
    close_database()
    open_database(empty_postgres)
    assert any("2 个索引" in w for w in lifecycle.open_warnings)
    database.execute_sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
    close_database()
    with pytest.raises(UntrustedSchemaError, match="被停用"):
        open_database(empty_postgres)
    close_database()
    import psycopg

    with psycopg.connect(empty_postgres, autocommit=True) as conn:
        conn.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
        conn.execute('ALTER TABLE person DROP CONSTRAINT IF EXISTS person_document')
        conn.execute('DROP INDEX IF EXISTS "person_document"')
        conn.execute(DUPLICATE)
    with pytest.raises(UntrustedSchemaError, match="重复的 id_number"):
        open_database(empty_postgres)
    close_database()
