"""PostgreSQL with two accounts: the everyday account the program connects as cannot erase
or switch off the audit trail, yet does all of the program's normal work; the owner
creates and upgrades the schema and gives the everyday account exactly its rights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.importer import id_number
from helpers.server_roles import CLERK, OWNER, NoServer, ServerAccounts, server_accounts

from registry import ops
from registry.importer import commit_import, preview_import
from registry.ops.accounts import add_account
from registry.ops.server import setup_server
from registry.rosters import export_roster
from registry.storage import migrations, models, server_roles
from registry.storage.db import database
from registry.storage.lifecycle import close_database, open_database
from registry.storage.migrations import SchemaError

psycopg = pytest.importorskip("psycopg")

# What someone holding the clerks' program's password could try, to leave no trace.
FORBIDDEN = (
    "TRUNCATE audit_entry",
    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
    "UPDATE audit_entry SET detail = 'nothing happened'",
    "DELETE FROM audit_entry",
    "DROP TABLE audit_entry",
    "DROP TRIGGER audit_entry_append_only ON audit_entry",
    "CREATE TRIGGER hide BEFORE INSERT ON audit_entry FOR EACH ROW "
    "EXECUTE FUNCTION registry_refuse_change('x')",
    "CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger AS $$ "
    "BEGIN RETURN NULL; END $$ LANGUAGE plpgsql",
    "SET session_replication_role = replica",
    "SELECT setval('audit_entry_id_seq', 1)",
    "ALTER TABLE service_record DISABLE TRIGGER ALL",
    "TRUNCATE service_record",
    "UPDATE registry_meta SET value = '1' WHERE key = 'schema_version'",
    "ALTER TABLE person ADD COLUMN note text",
    "DROP TABLE person",
    "CREATE TABLE copy_of_person (id integer)",
    "CREATE SCHEMA hideout",
    f'GRANT "{OWNER}" TO "{CLERK}"',
)


@pytest.fixture
def accounts() -> Iterator[ServerAccounts]:
    try:
        found = server_accounts()
    except NoServer as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    yield found
    close_database()


@pytest.fixture
def set_up(accounts: ServerAccounts) -> ServerAccounts:
    """The register made by its owner and the everyday account granted, as server-setup does."""
    open_database(accounts.owner)
    setup_server("it", CLERK)
    close_database()
    return accounts


def statements_that_got_through(url: str, statements: tuple[str, ...]) -> list[str]:
    """Each statement run on its own as that account; those the server did not refuse
    (rolled back: what got through must not stay)."""
    through = []
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in statements:
            try:
                with conn.transaction(force_rollback=True):
                    conn.execute(sql)
                    through.append(sql)
            except psycopg.errors.InsufficientPrivilege:
                pass
    return through


def audit_rows(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT * FROM audit_entry ORDER BY id").fetchall()


def test_the_everyday_account_can_neither_erase_nor_switch_off_the_audit_trail(set_up: ServerAccounts) -> None:
    open_database(set_up.clerk)
    ops.add_area("clerk", "district", "110105", "朝阳区", 3_452_000)
    close_database()
    before = audit_rows(set_up.owner)
    assert len(before) >= 2  # the setup's and the area's
    assert statements_that_got_through(set_up.clerk, FORBIDDEN) == []
    assert audit_rows(set_up.owner) == before


def test_the_owner_still_can_so_the_refusals_are_the_accounts_not_the_statements(set_up: ServerAccounts) -> None:
    # The same statements as the owner: each of these is possible on the server at all.
    allowed = ("TRUNCATE audit_entry", "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
               "CREATE TABLE copy_of_person (id integer)")
    assert statements_that_got_through(set_up.owner, allowed) == list(allowed)


def test_the_programs_normal_work_succeeds_as_the_everyday_account(set_up: ServerAccounts, tmp_path: Path,
                                                                   sheet: Callable[..., Path]) -> None:
    open_database(set_up.clerk)
    district = ops.add_area("clerk", "district", "110105", "朝阳区", 3_452_000).id
    street = ops.add_area("clerk", "street", "110105001", "建外街道", 62_000, parent=district).id
    community = ops.add_area("clerk", "community", "110105001001", "永安里社区", 8_200, parent=street).id
    volunteer = ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                                 "community": community}).id
    record = ops.record_hours("clerk", volunteer, {"service_date": dt.date(2025, 5, 1), "hours": "2.5"}).id
    ops.approve_records("chief", [record])
    fix = ops.correct_record("clerk", record, {"service_date": dt.date(2025, 5, 1), "hours": "3"}, "少记了半小时").id
    ops.approve_records("chief", [fix])
    pending = ops.record_hours("clerk", volunteer, {"service_date": dt.date(2025, 5, 2), "hours": 1}).id
    ops.delete_pending_record("clerk", pending, "记重了")
    roster = sheet(["姓名", "身份证号", "所在社区"], [["李四", id_number("110105", "19800101", "011"), "永安里社区"]])
    imported = commit_import(preview_import("volunteers", roster), actor="clerk")
    exported = export_roster("volunteers", tmp_path / "v.xlsx", actor="clerk")
    add_account("it", "boss", "admin", "boss-password")
    assert (imported.created, exported.rows) == (1, 2)
    assert models.Volunteer.get_by_id(volunteer).total_hours == 3
    # each approval: one entry per line and one saying what the approval did in all
    assert models.AuditEntry.select().where(models.AuditEntry.action == "approve").count() == 4
    assert (tmp_path / "v.xlsx").stat().st_size > 0


def test_the_everyday_account_on_an_empty_server_is_told_what_to_run(accounts: ServerAccounts) -> None:
    with pytest.raises(SchemaError) as refused:
        open_database(accounts.clerk)
    message = str(refused.value)
    assert f"postgresql://{OWNER}@" in message and f"server-setup --app-role {CLERK}" in message
    assert "无权建立" in message
    with psycopg.connect(accounts.owner) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


def test_an_everyday_account_never_granted_is_told_what_to_run(accounts: ServerAccounts) -> None:
    open_database(accounts.owner)  # the register, but no server-setup
    close_database()
    with pytest.raises(SchemaError, match=f"还没有使用.*server-setup --app-role {CLERK}"):
        open_database(accounts.clerk)


def as_version_1(owner_url: str) -> None:
    """A register versions behind: the owner drops a table the upgrade then makes again."""
    with psycopg.connect(owner_url) as conn:
        conn.execute("DROP TABLE account")
        conn.execute("UPDATE registry_meta SET value = '1' WHERE key = 'schema_version'")





@pytest.fixture
def one_version_behind(set_up: ServerAccounts, monkeypatch: pytest.MonkeyPatch) -> ServerAccounts:
    as_version_1(set_up.owner)
    monkeypatch.setattr(migrations, "UPGRADES", {1: lambda db: db.create_tables([models.Account]),
                                                 **{n: lambda db: None for n in range(2, migrations.CURRENT_VERSION)}})
    return set_up


def test_an_upgrade_the_everyday_account_cannot_make_is_refused_untouched(
        one_version_behind: ServerAccounts) -> None:
    with pytest.raises(SchemaError) as refused:
        open_database(one_version_behind.clerk)
    message = str(refused.value)
    assert "第 1 版" in message and f"--db postgresql://{OWNER}@" in message
    assert f"server-setup --app-role {CLERK}" in message and "没有被改动" in message
    with psycopg.connect(one_version_behind.owner) as conn:
        assert conn.execute("SELECT value FROM registry_meta WHERE key = 'schema_version'").fetchone() == ("1",)


def test_a_missing_index_is_rebuilt_by_the_owner_not_the_everyday_account(set_up: ServerAccounts) -> None:
    with psycopg.connect(set_up.owner, autocommit=True) as conn:
        conn.execute('DROP INDEX "service_record_volunteer_id_service_date"')
    with pytest.raises(SchemaError) as refused:
        open_database(set_up.clerk)
    assert "缺少 1 个索引" in str(refused.value) and f"server-setup --app-role {CLERK}" in str(refused.value)
    close_database()
    open_database(set_up.owner)  # as server-setup does: the owner's open rebuilds it
    close_database()
    open_database(set_up.clerk)
    close_database()
    with psycopg.connect(set_up.owner) as conn:
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname = "
                            "'service_record_volunteer_id_service_date'").fetchone() == (1,)


def test_an_upgrade_by_the_owner_gives_the_everyday_account_its_rights_on_new_tables(
        one_version_behind: ServerAccounts) -> None:
    open_database(one_version_behind.owner)  # the owner opens the program: the register is upgraded
    close_database()
    open_database(one_version_behind.clerk)
    add_account("it", "boss", "admin", "boss-password")  # the table the upgrade made
    assert models.Account.select().count() == 1
    close_database()
    rights = rights_of(one_version_behind, CLERK)
    assert rights["account"] == server_roles.EVERYDAY and rights["audit_entry"] == {"SELECT", "INSERT"}


def rights_of(accounts: ServerAccounts, role: str) -> dict[str, frozenset[str]]:
    open_database(accounts.owner)
    try:
        return server_roles.rights_of(database.obj, role)
    finally:
        close_database()


def test_setting_up_again_takes_back_rights_given_by_hand(set_up: ServerAccounts) -> None:
    with psycopg.connect(set_up.owner) as conn:
        conn.execute(f'GRANT ALL ON audit_entry, registry_meta TO "{CLERK}"')
        conn.execute("GRANT TRUNCATE ON service_record TO PUBLIC")
        conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")  # as PostgreSQL 14 and older have it
    assert statements_that_got_through(set_up.clerk, ("TRUNCATE audit_entry",)) == ["TRUNCATE audit_entry"]
    open_database(set_up.owner)
    setup_server("it", CLERK)
    setup_server("it", CLERK)  # and once more: nothing changes, nothing fails
    close_database()
    assert statements_that_got_through(set_up.clerk, FORBIDDEN) == []
    rights = rights_of(set_up, CLERK)
    assert {t: r for t, r in rights.items() if r != server_roles.expected_rights(t)} == {}


def test_an_everyday_account_that_could_become_the_owner_is_refused(set_up: ServerAccounts) -> None:
    with psycopg.connect(set_up.admin, autocommit=True) as conn:
        conn.execute(f'GRANT "{OWNER}" TO "{CLERK}"')
        try:
            open_database(set_up.owner)
            with pytest.raises(ops.RegistryError, match=f"REVOKE \"{OWNER}\" FROM \"{CLERK}\""):
                setup_server("it", CLERK)
            with pytest.raises(ops.RegistryError, match="不能就是所有者账号"):
                setup_server("it", OWNER)
            with pytest.raises(ops.RegistryError, match="超级用户"):
                setup_server("it", conn.info.user)
            with pytest.raises(ops.RegistryError, match=r"没有账号“nobody_here”.*CREATE ROLE"):
                setup_server("it", "nobody_here")
        finally:
            close_database()
            conn.execute(f'REVOKE "{OWNER}" FROM "{CLERK}"')


def test_a_schema_the_owner_cannot_close_to_everyone_is_refused_with_what_to_run(accounts: ServerAccounts) -> None:
    # PostgreSQL 14 and older: public belongs to the server's superuser and anyone may create in it.
    with psycopg.connect(accounts.admin, autocommit=True) as conn:
        conn.execute(f"ALTER SCHEMA public OWNER TO {conn.info.user}")
        conn.execute("GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC")
    open_database(accounts.owner)
    with pytest.raises(ops.RegistryError) as refused:
        setup_server("it", CLERK)
    assert f'ALTER SCHEMA "public" OWNER TO "{OWNER}"; REVOKE CREATE ON SCHEMA "public" FROM PUBLIC;' \
        in str(refused.value)
    assert server_roles.recorded_roles(database.obj) == []  # nothing kept of the attempt
