import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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


def same_columns(path: Path, other: Path) -> bool:
    """Whether the two registers have the same tables, each with the same columns (in any order)."""
    return ({t: sorted(c) for t, c in columns(path).items()}
            == {t: sorted(c) for t, c in columns(other).items()})


def all_rows(path: Path, layout: dict[str, list[str]]) -> dict[str, list[tuple]]:
    with sqlite_library.connect(path) as conn:
        return {t: sorted(conn.execute(f'SELECT {", ".join(cols)} FROM "{t}"').fetchall(), key=repr)
                for t, cols in layout.items()}


def new_registers(*paths: Path) -> tuple[Path, ...]:
    """New registers at these paths, closed: one to make older, one to compare it with."""
    for target in paths:
        open_database(target)
        close_database()
    return paths


@contextmanager
def upgraded(path: Path) -> Iterator[None]:
    """The older register at `path` (named v<N>.sqlite3) opened, which upgrades it: at the
    current version inside; closed after, with its copy from before the upgrade beside it."""
    open_database(path)
    try:
        assert Meta.get_by_id("schema_version").value == str(migrations.CURRENT_VERSION)
        yield
    finally:
        close_database()
    assert list(path.parent.glob(f"{path.stem}.before-upgrade-{path.stem}-*.sqlite3"))


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
        assert {p.id_type for p in Person.select()} == {"居民身份证"}  # every person there was
        assert SearchKey.select().where(SearchKey.key == "n晓明").count() == 1
        assert search_people("oyxm").ids == (2,)
        assert search_people("8000").ids == (1,)  # phone tail, from the new reversed column
        from registry.queries.stats import hours_by_category

        assert hours_by_category(2024) == [("为老服务", Decimal("105.5"))]  # summary built from the ledger
    finally:
        close_database()
    after = all_rows(v1_copy, old_layout)  # the old columns of every old table
    after["setting"] = [row for row in after["setting"] if row[0] != "rules_version"]  # the rule upgrades' own mark
    for table, rows in before.items():
        if table == "setting":  # the upgrade records settings of its own (rules_version)
            assert set(rows) <= set(after[table])
        elif table != "registry_meta":
            assert after[table] == rows, table


def shape(path: Path) -> tuple[dict[str, list[str]], set[tuple], dict[str, bool]]:
    """Tables and their columns; each index and trigger by name, with its columns, whether
    unique and whether partial; which tables are WITHOUT ROWID."""
    with sqlite_library.connect(path) as conn:
        indexes = {(n,) for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"):
            unique, partial = conn.execute(f'SELECT "unique", partial FROM pragma_index_list("{table}") '
                                           "WHERE name = ?", (name,)).fetchone()
            covered = tuple(c for (_, _, c) in conn.execute(f'PRAGMA index_info("{name}")'))
            indexes.add((name, unique, partial, covered))
        without_rowid = {t: "WITHOUT ROWID" in sql.upper()
                         for t, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    return {t: sorted(c) for t, c in columns(path).items()}, indexes, without_rowid


def test_an_upgraded_register_has_the_same_tables_columns_and_indexes_as_a_new_one(v1_copy: Path, tmp_path: Path):
    fresh = tmp_path / "fresh.sqlite3"
    for path in (v1_copy, fresh):
        open_database(path)
        close_database()
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

    path, fresh = new_registers(tmp_path / "v2.sqlite3", tmp_path / "fresh.sqlite3")
    open_database(path)
    add_account("", "boss", "admin", "correct horse")
    close_database()
    with sqlite_library.connect(path) as conn:
        undo_version_10(conn)
        conn.execute("DROP TABLE community_population")
        conn.execute("ALTER TABLE account DROP COLUMN display_name")
        conn.execute("UPDATE registry_meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with upgraded(path):
        assert [(a.name, a.display_name) for a in Account.select()] == [("boss", "")]
        assert CommunityPopulation.select().count() == 0
    assert same_columns(path, fresh)


LINE = ("INSERT INTO service_record (id, volunteer_id, service_date, place, served_group, service_category, "
        "content, hours, recorder, recorded_at, status, approver, correction_reason) VALUES (1, {volunteer}, "
        "'2024-03-01', '', '', '', '助老', 2.5, 'clerk', '2024-03-01 10:00:00', 'approved', 'boss', '')")
VERSION_5 = (("service_record", "kind"), ("certificate", "carried_hours"))  # what version 5 added
UNDO_VERSION_6 = ('DROP INDEX "person_document"', "ALTER TABLE person DROP COLUMN id_type",
                  "ALTER TABLE person DROP COLUMN nationality",
                  'CREATE UNIQUE INDEX "person_id_number" ON "person" ("id_number")')


# A version-7 register's own: an index on each foreign key, whole indexes on the ledger's
# sparse references, a rowid table plus its key's index for the yearly hours
UNDO_VERSION_8 = (
    *(f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")' for table, column in (
        ("service_record", "volunteer_id"), ("volunteer", "community_id"), ("social_worker", "community_id"),
        ("volunteer_organization", "volunteer_id"), ("volunteer_year", "volunteer_id"),
        ("community_year", "community_id"), ("organization_year", "organization_id"),
        ("community_population", "community_id"), ("annual_inspection", "organization_id"),
        ("attendance", "training_id"))),
    'DROP INDEX "service_record_activity_id"', 'DROP INDEX "service_record_organization_id"',
    'DROP INDEX "service_record_corrects_id"',
    'CREATE INDEX "service_record_activity_id" ON "service_record" ("activity_id")',
    'CREATE INDEX "service_record_organization_id" ON "service_record" ("organization_id")',
    'CREATE UNIQUE INDEX "service_record_corrects_id" ON "service_record" ("corrects_id")',
    'DROP INDEX "volunteer_year_volunteer_id"', 'ALTER TABLE volunteer_year RENAME TO old_year',
    'CREATE TABLE "volunteer_year" ("volunteer_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, '
    '"hours" DECIMAL(12, 2) NOT NULL, PRIMARY KEY ("volunteer_id", "year"), '
    'FOREIGN KEY ("volunteer_id") REFERENCES "volunteer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "volunteer_year_volunteer_id" ON "volunteer_year" ("volunteer_id")',
    "INSERT INTO volunteer_year SELECT * FROM old_year", "DROP TABLE old_year",
)


UNDO_VERSION_9 = "ALTER TABLE organization DROP COLUMN charity_recognized_on"  # what version 9 added

# A version-9 register's ledger: one table, its indexes and its append-only triggers.
V9_TRIGGERS = ("""CREATE TRIGGER service_record_approved_is_final
       BEFORE UPDATE ON service_record WHEN OLD.status = 'approved'
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END""",
               """CREATE TRIGGER service_record_approved_not_deleted
       BEFORE DELETE ON service_record WHEN OLD.status = 'approved'
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END""")


def v9_ledger() -> list[str]:
    """The SQL of a version-9 ledger table and its indexes, as the model makes a table."""
    from peewee import SqliteDatabase

    from registry.storage.models import ServiceRecord

    scratch = SqliteDatabase(":memory:")
    with scratch.bind_ctx([ServiceRecord]):
        ServiceRecord.create_table()
        made = [sql for (sql,) in scratch.execute_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'service_record' AND sql IS NOT NULL ORDER BY type DESC")]
    scratch.close()
    return [*made, *V9_TRIGGERS]


def undo_version_10(conn) -> None:
    """The ledger back in one table, as versions 1 to 9 kept it, with the same lines."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("CREATE TEMP TABLE lines AS SELECT * FROM service_record")
    for sql in ("DROP VIEW service_record", "DROP TABLE service_line", "DROP TABLE service_detail",
                *v9_ledger(), "INSERT INTO service_record SELECT * FROM temp.lines", "DROP TABLE temp.lines"):
        conn.execute(sql)


def undo_version_7(conn) -> None:
    """A person table without merged_into_id, as version 6 made it: SQLite cannot drop a
    column that references a table, so the table is made again without it."""
    [create] = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'person'").fetchone()
    indexes = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                                              "tbl_name = 'person' AND sql IS NOT NULL")
               if "merged_into_id" not in sql]
    kept = [c[1] for c in conn.execute('PRAGMA table_info("person")') if c[1] != "merged_into_id"]
    create = (create.replace(' "merged_into_id" INTEGER,', "")
              .replace(', FOREIGN KEY ("merged_into_id") REFERENCES "person" ("id") ON DELETE RESTRICT '
                       "DEFERRABLE INITIALLY DEFERRED", ""))
    assert "merged_into" not in create
    conn.execute("PRAGMA foreign_keys = OFF")  # the other tables' references to person stay as they are
    conn.execute(create.replace('CREATE TABLE "person"', 'CREATE TABLE "person_v6"'))
    conn.execute(f'INSERT INTO person_v6 ({", ".join(kept)}) SELECT {", ".join(kept)} FROM person')
    conn.execute("DROP TABLE person")
    conn.execute("ALTER TABLE person_v6 RENAME TO person")
    for sql in indexes:
        conn.execute(sql)


def older_register(tmp_path: Path, version: int, edits: int = 0) -> tuple[Path, Path, int]:
    """A register at `version` (made from a new one, less what the later versions added) with
    one volunteer, edited `edits` times, and one approved ledger line; a new register to
    compare it with; the volunteer's id."""
    from registry import ops
    from registry.storage.models import Volunteer
    from tests.helpers.rosters import make_id

    path, fresh = new_registers(tmp_path / f"v{version}.sqlite3", tmp_path / "fresh.sqlite3")
    open_database(path)
    ops.register_volunteer("clerk", {"name": "张三", "id_number": make_id(1)})
    volunteer = Volunteer.get()
    for skills in ("急救", "烹饪")[:edits]:
        ops.update_volunteer("clerk", volunteer.id, {"skills": skills})
    close_database()
    with sqlite_library.connect(path) as conn:
        conn.execute(LINE.format(volunteer=volunteer.id))  # approved as it stands: the trigger allows inserts
        conn.execute(f"INSERT INTO volunteer_year VALUES ({volunteer.id}, 2024, 2.5)")
        if version < 10:
            undo_version_10(conn)
        if version < 9:
            conn.execute(UNDO_VERSION_9)
        if version < 8:
            for sql in UNDO_VERSION_8:
                conn.execute(sql)
        if version < 7:
            undo_version_7(conn)
        if version < 6:
            for sql in UNDO_VERSION_6:
                conn.execute(sql)
        for table, column in VERSION_5 if version < 5 else ():
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        if version < 4:
            for table in migrations.VERSIONED:
                conn.execute(f"ALTER TABLE {table} DROP COLUMN version")
        conn.execute(f"UPDATE registry_meta SET value = '{version}' WHERE key = 'schema_version'")
    conn.close()
    return path, fresh, volunteer.id


def assert_served_line_kept() -> None:
    import datetime as dt

    from registry.storage.models import ServiceRecord

    line = ServiceRecord.get_by_id(1)
    assert (line.kind, line.hours, line.status, line.service_date) == (
        "service", Decimal("2.5"), "approved", dt.date(2024, 3, 1))


def test_a_version_3_register_numbers_its_edits_from_one_and_keeps_its_lines(tmp_path: Path):
    """Version 4: a version on each record clerks edit (ops/edits.py); version 5: a ledger
    line's kind. A version-3 register keeps its people and volunteers, each at version 1,
    edits them from there, and its lines stay lines served here."""
    from registry import ops
    from registry.storage.models import Volunteer

    path, fresh, volunteer_id = older_register(tmp_path, 3)
    with upgraded(path):
        assert [(p.name, p.version) for p in Person.select()] == [("张三", 1)]
        assert Volunteer.get_by_id(volunteer_id).version == 1
        assert_served_line_kept()
        ops.update_volunteer("clerk", volunteer_id, {"skills": "急救"})
        assert Volunteer.get().version == 2 and Volunteer.get().skills == "急救"
    assert same_columns(path, fresh)


def test_a_version_4_register_tells_carried_hours_from_served_ones(tmp_path: Path):
    """Version 5: a ledger line's kind (served here, or carried over: 期初结转) and the hours
    a certificate carried over. A version-4 register's lines were all served here: they stay
    as they were, approved lines included (the trigger refuses any update of those); the
    versions its edits reached stay."""
    from registry.storage.models import Volunteer

    path, fresh, volunteer_id = older_register(tmp_path, 4, edits=2)
    with upgraded(path):
        volunteer = Volunteer.get_by_id(volunteer_id)
        assert (volunteer.version, volunteer.skills) == (3, "烹饪")
        assert_served_line_kept()
    assert same_columns(path, fresh)


def test_each_step_leaves_a_register_that_has_its_columns_alone(tmp_path: Path):
    """A step finds what it adds already there (a table _v1_to_v2 made from today's model,
    a step run again) and changes nothing."""
    [path] = new_registers(tmp_path / "now.sqlite3")
    before = columns(path)
    open_database(path)
    try:
        db = Meta._meta.database
        with db.atomic():
            for step in (3, 4):
                migrations.UPGRADES[step](db)
    finally:
        close_database()
    assert columns(path) == before


def test_a_version_5_register_keys_its_people_by_document(tmp_path: Path):
    """Version 6: a person is keyed by (证件类型, 证件号码). Every person of a version-5
    register was registered by resident ID card and keeps every field; the pair is unique,
    the number alone no longer: a Hong Kong resident's travel permit may share digits."""
    from peewee import IntegrityError

    from registry.storage.models import Volunteer
    from tests.helpers.rosters import make_id

    path, fresh, volunteer_id = older_register(tmp_path, 5, edits=1)
    old_layout = columns(path)
    before = all_rows(path, old_layout)
    with upgraded(path):
        [person] = Person.select()
        assert (person.id_type, person.id_number, person.name) == ("居民身份证", make_id(1), "张三")
        assert Volunteer.get_by_id(volunteer_id).skills == "急救"
        assert_served_line_kept()
        with pytest.raises(IntegrityError), Person._meta.database.atomic():
            Person.create(id_number=make_id(1), id_number_rev="", name="重复")  # same pair
        Person.create(id_type="护照", id_number=make_id(1), id_number_rev="", name="李四")  # another pair
        assert Person.select().count() == 2
    after = all_rows(path, old_layout)
    assert [row for row in after["person"] if "张三" in row] == before["person"]  # every old value kept
    assert same_columns(path, fresh)


def test_a_version_7_register_drops_repeated_indexes_and_keeps_every_row(tmp_path: Path):
    """Version 8: no index repeats another's leading column, the ledger's sparse references
    are indexed where set, the yearly hours are kept in their key's order; every row stays,
    a line is still corrected once at most, and the freed pages leave the file."""
    from peewee import IntegrityError

    from registry.storage.models import ServiceRecord, VolunteerYear

    path, fresh, volunteer_id = older_register(tmp_path, 7)
    old_layout = {t: c for t, c in columns(path).items() if not t.startswith(("sqlite_", "registry_meta"))}
    before = all_rows(path, old_layout)
    assert shape(path) != shape(fresh)
    with upgraded(path):
        assert [(y.year, y.hours) for y in VolunteerYear.select()] == [(2024, Decimal("2.5"))]
        assert_served_line_kept()
        fields = {"volunteer": volunteer_id, "service_date": "2024-03-02", "hours": 1, "recorder": "clerk",
                  "corrects": 1, "correction_reason": "改时长"}
        ServiceRecord.create(**fields)
        with pytest.raises(IntegrityError), ServiceRecord._meta.database.atomic():
            ServiceRecord.create(**fields)  # a second correction of the same line
        ServiceRecord.delete().where(ServiceRecord.id > 1).execute()
        db = Meta._meta.database
        plan = " ".join(str(r) for r in db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT 1 FROM service_record WHERE corrects_id = 1").fetchall())
        assert "service_line_corrects_id" in plan
        assert db.execute_sql("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed
    assert all_rows(path, old_layout) == before
    assert shape(path) == shape(fresh)


def test_the_version_8_step_makes_a_register_of_either_kind_what_a_new_one_is(target: str):
    """On SQLite and PostgreSQL alike: the repeated indexes go, the sparse ones are made
    partial, and the schema check then finds nothing to rebuild."""
    from registry.storage import schema_check

    open_database(target)
    try:
        db = Meta._meta.database.obj  # the database itself, not its proxy
        if target.endswith(".sqlite3"):  # versions before 10 kept the ledger in one table there
            undo_version_10(db.connection())
        for sql in UNDO_VERSION_8[:-7]:  # the indexes: the same SQL on both
            db.execute_sql(sql)
        if not target.endswith(".sqlite3"):  # there the shape compared is version 10's
            assert schema_check.problems(db)[1]  # the partial ones are whole now
        Meta.update(value="7").where(Meta.key == "schema_version").execute()
    finally:
        close_database()
    open_database(target)
    try:
        db = Meta._meta.database.obj  # the database itself, not its proxy
        assert Meta.get_by_id("schema_version").value == str(migrations.CURRENT_VERSION)
        assert schema_check.problems(db) == ([], [])
        names = {i.name for i in db.get_indexes("service_record")} | {i.name for i in db.get_indexes("volunteer")}
        assert "service_record_volunteer_id" not in names and "volunteer_community_id" not in names
    finally:
        close_database()


def test_a_version_6_register_can_merge_its_people(tmp_path: Path):
    """Version 7: a person record may be a tombstone merged into another (ops/merging.py).
    No person of a version-6 register is one; each keeps every field and its roles."""
    from registry import ops
    from registry.storage.models import Volunteer
    from tests.helpers.rosters import make_id

    path, fresh, volunteer_id = older_register(tmp_path, 6, edits=1)
    with sqlite_library.connect(path) as conn:
        assert "merged_into_id" not in [c[1] for c in conn.execute('PRAGMA table_info("person")')]
    conn.close()
    old_layout = columns(path)
    before = all_rows(path, old_layout)
    with upgraded(path):
        [person] = Person.select()
        assert (person.name, person.merged_into_id) == ("张三", None)
        assert_served_line_kept()
        other = ops.register_person("clerk", {"id_number": make_id(2), "name": "张三"}).id
        ops.merge_people("boss", other, person.id, "重复登记")
        assert Volunteer.get_by_id(volunteer_id).person_id == other
        assert search_people(make_id(1)).ids == (other,)
    after = all_rows(path, old_layout)
    assert after["service_record"] == before["service_record"]
    assert same_columns(path, fresh)


def test_a_version_8_register_marks_no_organization_a_charity_and_can_mark_one(tmp_path: Path):
    """Version 9: an organization recognized as a charity (认定为慈善组织) carries the day. No
    organization of a version-8 register is one: each keeps every field and still owes its
    type's reports; a clerk can then mark one, and it owes the charity's 年报 instead."""
    import datetime as dt

    from registry import ops
    from registry.queries.deadlines import upcoming
    from registry.rules.deadlines import CHARITY, reports_to_text
    from registry.storage.models import Organization, Setting

    path, fresh, _volunteer = older_register(tmp_path, 8)
    with sqlite_library.connect(path) as conn:
        assert "charity_recognized_on" not in [c[1] for c in conn.execute('PRAGMA table_info("organization")')]
        conn.execute("INSERT INTO organization (id, name, uscc, org_type, registration_authority, supervising_unit, "
                     "legal_representative_name, address, business_scope, service_fields, status, status_reason, "
                     "responsible_person, venue, notes, created_at, updated_at, version) VALUES (1, '永安基金会', "
                     "'53110105MJ00000187', '基金会', '朝阳区民政局', '', '王五', '', '', '', '正常', '', '', '', '', "
                     "'2020-01-01 09:00:00', '2020-01-01 09:00:00', 3)")
    conn.close()
    old_layout = columns(path)
    before = all_rows(path, old_layout)
    with upgraded(path):
        org = Organization.get_by_id(1)
        assert (org.name, org.charity_recognized_on, org.version) == ("永安基金会", None, 3)
        march = dt.date(2026, 3, 1)
        assert [i.kind for i in upcoming(today=march, within_days=100) if i.table == "organization"] == [
            "annual_report_authority"]  # a foundation's report, as before
        ops.update_organization("clerk", 1, {"charity_recognized_on": "2024-06-18"})
        Setting.put("org_deadlines", reports_to_text({CHARITY: (("charity_annual_report", 5, 31),)}))  # the district's
        assert [(i.kind, i.due) for i in upcoming(today=march, within_days=100) if i.table == "organization"] == [
            ("charity_annual_report", dt.date(2026, 5, 31))]  # the charity's 年报 instead
        assert Organization.get_by_id(1).version == 4
    after = all_rows(path, old_layout)
    for table in ("person", "volunteer", "service_record", "volunteer_year"):
        assert after[table] == before[table], table
    edited = {old_layout["organization"].index(c) for c in ("version", "updated_at")}
    assert [[v for i, v in enumerate(row) if i not in edited] for row in after["organization"]] == [
        [v for i, v in enumerate(row) if i not in edited] for row in before["organization"]]  # the edit's own alone
    assert shape(path) == shape(fresh)


def test_the_version_9_step_adds_the_charity_day_on_either_kind_of_register(target: str):
    """On SQLite and PostgreSQL alike: a version-8 register gains the column, empty for every
    organization, and the schema check then finds it whole."""
    from registry import ops
    from registry.storage import schema_check
    from registry.storage.models import Organization

    open_database(target)
    try:
        ops.register_organization("clerk", {"name": "合唱队", "org_type": "社区社会组织"})
        db = Meta._meta.database.obj  # the database itself, not its proxy
        db.execute_sql(UNDO_VERSION_9)
        Meta.update(value="8").where(Meta.key == "schema_version").execute()
    finally:
        close_database()
    open_database(target)
    try:
        db = Meta._meta.database.obj
        assert Meta.get_by_id("schema_version").value == str(migrations.CURRENT_VERSION)
        assert "charity_recognized_on" in {c.name for c in db.get_columns("organization")}
        assert schema_check.problems(db) == ([], [])
        assert [(o.name, o.charity_recognized_on) for o in Organization.select()] == [("合唱队", None)]
    finally:
        close_database()


V9_LINES = (  # (id, service_date, place, hours, recorded_at, status, approver, approved_at, corrects_id, kind)
    (2, "2024-03-02", "社区活动室", 1.5, "2024-03-02 18:00:00", "approved", "boss", "2024-03-03 10:00:00", None,
     "service"),
    (3, "2024-03-02", "社区活动室", 2, "2024-03-04 09:30:00", "approved", "boss", "2024-03-04 11:00:00", 2,
     "service"),
    (4, "2024-03-05", "敬老院", 3, "2024-03-05 17:00:00", "pending", "", None, None, "service"),
    (5, "2020-12-31", "", 40, "2024-01-02 08:00:00", "approved", "boss", "2024-01-02 08:00:00", None, "opening"),
)


def test_a_version_9_register_keeps_every_line_and_stores_shared_texts_once(tmp_path: Path):
    """Version 10: a SQLite register's ledger lines move into service_line, their shared texts
    into service_detail, under the service_record view; each reads back as it was, the
    append-only rule still holds, and the freed pages leave the file."""
    from peewee import IntegrityError

    from registry.storage.models import ServiceDetail, ServiceLine, ServiceRecord

    path, fresh, volunteer_id = older_register(tmp_path, 9)
    with sqlite_library.connect(path) as conn:
        for row in V9_LINES:
            conn.execute("INSERT INTO service_record (id, volunteer_id, service_date, place, served_group, "
                         "service_category, content, hours, recorder, recorded_at, status, approver, approved_at, "
                         "corrects_id, correction_reason, kind) VALUES (?, ?, ?, ?, '老人', '助老', '陪伴', ?, "
                         "'clerk', ?, ?, ?, ?, ?, ?, ?)",
                         (row[0], volunteer_id, *row[1:8], row[8], "改时长" if row[8] else "", row[9]))
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'service_record'").fetchone() == ("table",)
    conn.close()
    layout = {"service_record": columns(path)["service_record"]}
    before = all_rows(path, layout)
    with upgraded(path):
        assert_served_line_kept()
        assert ServiceLine.select().count() == 5
        assert ServiceDetail.select().count() == 4  # lines 2 and 3 share theirs
        with pytest.raises(IntegrityError), ServiceRecord._meta.database.atomic():
            ServiceRecord.update(hours=9).where(ServiceRecord.id == 2).execute()
        db = Meta._meta.database
        assert db.execute_sql("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed
    assert all_rows(path, layout) == before
    assert shape(path) == shape(fresh)
    with sqlite_library.connect(path) as conn:
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'service_record'").fetchone() == ("view",)
    conn.close()


def test_a_version_9_register_whose_lines_refer_to_nothing_is_not_upgraded(tmp_path: Path):
    """Foreign keys are off while the ledger changes shape and checked whole before the
    commit: a line of a volunteer that does not exist leaves the register as it was."""
    path, _fresh, _volunteer = older_register(tmp_path, 9)
    with sqlite_library.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(LINE.format(volunteer=999).replace("VALUES (1,", "VALUES (2,"))
    conn.close()
    assert_upgrade_refused(path, "service_line", lines=2)


@pytest.mark.parametrize("change", ["status = 'rejected'", "kind = 'carried'", "recorded_at = 'yesterday'"])
def test_a_version_9_line_the_compact_table_cannot_hold_stops_the_upgrade(tmp_path: Path, change: str):
    """Status and kind become 0/1 and times seconds: a value the program never wrote would
    turn into another one; the upgrade names the line instead and changes nothing."""
    path, _fresh, _volunteer = older_register(tmp_path, 9)
    with sqlite_library.connect(path) as conn:
        conn.execute("DROP TRIGGER service_record_approved_is_final")
        conn.execute(f"UPDATE service_record SET {change}")
    conn.close()
    assert_upgrade_refused(path, "第 1 条服务时长记录", lines=1)


def assert_upgrade_refused(path: Path, said: str, lines: int) -> None:
    """Opening the version-9 register at `path` is refused, saying `said`; it stays at
    version 9, its ledger one table holding its `lines` lines."""
    with pytest.raises(migrations.SchemaError, match=said):
        open_database(path)
    close_database()
    with sqlite_library.connect(path) as conn:
        assert conn.execute("SELECT value FROM registry_meta WHERE key = 'schema_version'").fetchone() == ("9",)
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'service_record'").fetchone() == ("table",)
        assert conn.execute("SELECT count(*) FROM service_record").fetchone() == (lines,)
    conn.close()


def test_an_upgrade_whose_vacuum_fails_still_opens_the_upgraded_register(tmp_path: Path, monkeypatch, caplog):
    """The VACUUM after an upgrade only returns space: on a full disk it fails after the
    upgrade was committed, and the open goes on with every line, saying so in the log."""
    from peewee import OperationalError

    from registry.storage.db import ShippedSqliteDatabase

    path, _fresh, _volunteer = older_register(tmp_path, 9)
    real = ShippedSqliteDatabase.execute_sql

    def full_disk(self, sql, *args, **kwargs):
        if sql == "VACUUM":
            raise OperationalError("database or disk is full")
        return real(self, sql, *args, **kwargs)

    monkeypatch.setattr(ShippedSqliteDatabase, "execute_sql", full_disk)
    with upgraded(path):
        assert_served_line_kept()
        assert Meta._meta.database.execute_sql("PRAGMA temp_store").fetchone() == (2,)  # memory again
    assert "VACUUM after the upgrade failed" in caplog.text
