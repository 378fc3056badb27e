import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import DATA

from registry.queries.search import search_people
from registry.storage import migrations, sqlite_library
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Meta, Person, SearchKey

V1 = DATA / "registry-v1.sqlite3"


def columns(path: Path) -> dict[str, list[str]]:
    with sqlite_library.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: [c[1] for c in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}


def all_rows(path: Path, layout: dict[str, list[str]]) -> dict[str, list[tuple]]:
    with sqlite_library.connect(path) as conn:
        return {t: sorted(conn.execute(f'SELECT {", ".join(cols)} FROM "{t}"').fetchall(), key=repr)
                for t, cols in layout.items()}


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite3"
    shutil.copy(V1, target)
    return target


def test_upgrading_a_version_1_register_keeps_every_row(v1_copy: Path):
    old_layout = columns(v1_copy)
    before = all_rows(v1_copy, old_layout)
    assert sum(map(len, before.values())) > 20
    open_database(v1_copy)
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.CURRENT_VERSION)
        assert [p.initials for p in Person.select().order_by(Person.id)] == ["zs", "oyxm", "ls"]
        assert SearchKey.select().where(SearchKey.key == "n晓明").count() == 1
        assert search_people("oyxm").ids == (2,)
        assert search_people("8000").ids == (1,)  # phone tail, from the new reversed column
        from registry.queries.stats import hours_by_category

        assert hours_by_category(2024) == [("为老服务", Decimal("105.5"))]  # summary built from the ledger
    finally:
        close_database()
    after = all_rows(v1_copy, old_layout)  # the old columns of every old table
    for table, rows in before.items():
        if table != "registry_meta":
            assert after[table] == rows, table


def test_an_upgraded_register_has_the_same_tables_columns_and_indexes_as_a_new_one(v1_copy: Path, tmp_path: Path):
    fresh = tmp_path / "fresh.sqlite3"
    for path in (v1_copy, fresh):
        open_database(path)
        close_database()

    def shape(path: Path) -> tuple[dict[str, list[str]], set[str]]:
        with sqlite_library.connect(path) as conn:
            indexes = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
        return {t: sorted(c) for t, c in columns(path).items()}, indexes

    assert shape(v1_copy) == shape(fresh)


def test_the_upgrade_first_copies_the_register_aside(v1_copy: Path):
    open_database(v1_copy)
    close_database()
    [backup] = v1_copy.parent.glob("old.before-upgrade-v1-*.sqlite3")
    with sqlite_library.connect(backup) as conn:
        assert conn.execute("SELECT value FROM registry_meta").fetchone() == ("1",)
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (3,)


def test_a_register_from_a_newer_program_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "new.sqlite3"
    open_database(path)
    Meta.update(value="99").where(Meta.key == "schema_version").execute()
    close_database()
    data = path.read_bytes()
    with pytest.raises(migrations.SchemaTooNewError, match="第 99 版"):
        open_database(path)
    close_database()
    assert path.read_bytes() == data


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite3"
    with sqlite_library.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    with pytest.raises(migrations.SchemaError, match="不是"):
        open_database(path)
    close_database()


def test_a_new_register_gets_the_current_version_and_its_triggers(tmp_path: Path):
    path = tmp_path / "fresh.sqlite3"
    open_database(path)
    close_database()
    with sqlite_library.connect(path) as conn:
        triggers = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        version = conn.execute("SELECT value FROM registry_meta WHERE key='schema_version'").fetchone()
    assert version == (str(migrations.CURRENT_VERSION),)
    assert {"service_record_approved_is_final", "audit_entry_no_update", "audit_entry_no_delete"} <= triggers


def test_a_version_2_register_gains_yearly_populations_and_display_names(tmp_path: Path):
    """Version 3: each community's population per year and an account's display name; a
    version-2 register (made here from a new one, less what version 3 added) keeps its rows."""
    from registry.ops.accounts import add_account
    from registry.storage.models import Account, CommunityPopulation

    path, fresh = tmp_path / "v2.sqlite3", tmp_path / "fresh.sqlite3"
    for target in (path, fresh):
        open_database(target)
        close_database()
    open_database(path)
    add_account("", "boss", "admin", "correct horse")
    close_database()
    with sqlite_library.connect(path) as conn:
        conn.execute("DROP TABLE community_population")
        conn.execute("ALTER TABLE account DROP COLUMN display_name")
        conn.execute("UPDATE registry_meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    open_database(path)
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.CURRENT_VERSION)
        assert [(a.name, a.display_name) for a in Account.select()] == [("boss", "")]
        assert CommunityPopulation.select().count() == 0
    finally:
        close_database()
    assert {t: sorted(c) for t, c in columns(path).items()} == {t: sorted(c) for t, c in columns(fresh).items()}
    assert list(path.parent.glob("v2.before-upgrade-v2-*.sqlite3"))


def test_a_version_3_register_numbers_its_edits_from_one(tmp_path: Path):
    """Version 4: a version on each record clerks edit (ops/edits.py); a version-3 register
    keeps its people and volunteers, each at version 1, and edits them from there."""
    from registry import ops
    from registry.storage.models import Person, Volunteer
    from tests.helpers.rosters import make_id

    path, fresh = tmp_path / "v3.sqlite3", tmp_path / "fresh.sqlite3"
    for target in (path, fresh):
        open_database(target)
        close_database()
    open_database(path)
    ops.register_volunteer("clerk", {"name": "张三", "id_number": make_id(1)})
    close_database()
    with sqlite_library.connect(path) as conn:
        for table in migrations.VERSIONED:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN version")
        conn.execute("UPDATE registry_meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    open_database(path)
    try:
        assert [(p.name, p.version) for p in Person.select()] == [("张三", 1)]
        volunteer = Volunteer.get()
        assert volunteer.version == 1
        ops.update_volunteer("clerk", volunteer.id, {"skills": "急救"})
        assert Volunteer.get().version == 2 and Volunteer.get().skills == "急救"
    finally:
        close_database()
    assert {t: sorted(c) for t, c in columns(path).items()} == {t: sorted(c) for t, c in columns(fresh).items()}
