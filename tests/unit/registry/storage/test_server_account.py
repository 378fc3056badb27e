"""The account the program connects to a PostgreSQL server as is checked at connect: one
with too few rights for the clerks' work is refused, one with far more than it needs (a
superuser, the owner, CREATEROLE, CREATEDB, owning the database, TRUNCATE) is warned about,
and a connection the server turns down because of the account says what IT must do, each
with the statement or command that fixes it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.server_roles import CLERK, DATABASE, OWNER, NoServer, ServerAccounts, server_accounts

from registry.ops.server import setup_server
from registry.storage import lifecycle
from registry.storage.lifecycle import DatabaseOpenError, close_database, open_database

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def set_up() -> Iterator[ServerAccounts]:
    """The register made by its owner and the everyday account granted, as server-setup does;
    whatever a test gave or took from the accounts is put back afterwards."""
    try:
        accounts = server_accounts()
    except NoServer as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    open_database(accounts.owner)
    setup_server("it", CLERK)
    close_database()
    yield accounts
    close_database()
    as_admin(accounts, f'ALTER ROLE "{CLERK}" LOGIN NOCREATEROLE NOCREATEDB',
             f'ALTER DATABASE "{DATABASE}" OWNER TO "{OWNER}"',
             f'GRANT CONNECT ON DATABASE "{DATABASE}" TO PUBLIC')


def as_admin(accounts: ServerAccounts, *statements: str) -> None:
    with psycopg.connect(accounts.admin, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def account_warnings() -> list[str]:
    return [w for w in lifecycle.open_warnings if "本程序连接服务器所用的" in w]


def test_the_everyday_account_server_setup_granted_opens_without_a_warning(set_up: ServerAccounts) -> None:
    open_database(set_up.clerk)
    assert account_warnings() == []


def test_the_owner_used_as_the_programs_account_is_warned_with_how_to_make_an_everyday_one(
        set_up: ServerAccounts) -> None:
    open_database(set_up.owner)
    [warning] = account_warnings()
    assert f"“{OWNER}”是登记库的所有者" in warning and "清空操作记录" in warning
    assert f"postgresql://{OWNER}@" in warning and "server-setup --app-role registry" in warning


def test_a_superuser_used_as_the_programs_account_is_warned(set_up: ServerAccounts) -> None:
    open_database(set_up.admin)
    [warning] = account_warnings()
    assert "超级用户" in warning and "CREATE ROLE" in warning


def test_an_everyday_account_with_createrole_createdb_and_the_database_is_warned_with_each_fix(
        set_up: ServerAccounts) -> None:
    as_admin(set_up, f'ALTER ROLE "{CLERK}" CREATEROLE CREATEDB', f'ALTER DATABASE "{DATABASE}" OWNER TO "{CLERK}"')
    open_database(set_up.clerk)
    [warning] = account_warnings()
    assert f"日常账号“{CLERK}”权限过多" in warning
    assert f'ALTER ROLE "{CLERK}" NOCREATEROLE;' in warning and f'ALTER ROLE "{CLERK}" NOCREATEDB;' in warning
    assert f'ALTER DATABASE "{DATABASE}" OWNER TO "{OWNER}";' in warning
    close_database()
    as_admin(set_up, f'ALTER ROLE "{CLERK}" NOCREATEROLE NOCREATEDB', f'ALTER DATABASE "{DATABASE}" OWNER TO "{OWNER}"')
    open_database(set_up.clerk)  # the fixes it named were enough
    assert account_warnings() == []


def test_an_everyday_account_that_may_truncate_the_audit_log_is_told_to_run_server_setup(
        set_up: ServerAccounts) -> None:
    with psycopg.connect(set_up.owner, autocommit=True) as conn:
        conn.execute(f'GRANT TRUNCATE, UPDATE ON audit_entry TO "{CLERK}"')
    open_database(set_up.clerk)
    [warning] = account_warnings()
    assert "表 audit_entry 多了 TRUNCATE、UPDATE" in warning and f"server-setup --app-role {CLERK}" in warning
    close_database()
    open_database(set_up.owner)
    setup_server("it", CLERK)  # what the warning says to run
    close_database()
    open_database(set_up.clerk)
    assert account_warnings() == []


def test_an_everyday_account_that_cannot_record_hours_is_refused_before_the_first_record(
        set_up: ServerAccounts) -> None:
    with psycopg.connect(set_up.owner, autocommit=True) as conn:
        conn.execute(f'REVOKE INSERT, UPDATE ON service_record FROM "{CLERK}"')
        conn.execute(f'REVOKE USAGE ON SEQUENCE person_id_seq FROM "{CLERK}"')
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(set_up.clerk)
    message = str(refused.value)
    assert "表 service_record 缺少 INSERT、UPDATE" in message and "person_id_seq 缺少 USAGE" in message
    assert f"“{OWNER}”运行一次" in message and f"server-setup --app-role {CLERK}" in message


def test_a_connection_refused_for_the_account_says_what_it_needs(set_up: ServerAccounts) -> None:
    with pytest.raises(DatabaseOpenError, match=r"服务器上没有数据库账号“nobody_here”.*CREATE ROLE \"nobody_here\""):
        open_database(set_up.clerk.replace(f"{CLERK}@", "nobody_here@"))
    as_admin(set_up, f'REVOKE CONNECT ON DATABASE "{DATABASE}" FROM PUBLIC')
    with pytest.raises(DatabaseOpenError, match=f'GRANT CONNECT ON DATABASE "{DATABASE}" TO "{CLERK}";'):
        open_database(set_up.clerk)
    as_admin(set_up, f'GRANT CONNECT ON DATABASE "{DATABASE}" TO PUBLIC', f'ALTER ROLE "{CLERK}" NOLOGIN')
    with pytest.raises(DatabaseOpenError, match=f'ALTER ROLE "{CLERK}" LOGIN;'):
        open_database(set_up.clerk)
    with pytest.raises(DatabaseOpenError, match=r"服务器上没有数据库“no_such_register”.*CREATE DATABASE"):
        open_database(set_up.owner.replace(f"/{DATABASE}", "/no_such_register"))


@pytest.mark.parametrize(("server_said", "expected"), [
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password '
     'authentication failed for user "registry"', "ALTER ROLE \"registry\" PASSWORD '…';"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  no pg_hba.conf '
     'entry for host "10.0.0.9", user "registry", database "district", no encryption',
     "host district registry 192.168.1.0/24 scram-sha-256"),
])
def test_a_password_or_pg_hba_refusal_names_the_fix(server_said: str, expected: str) -> None:
    # The test server trusts every local connection, so these two are the server's words.
    from peewee import OperationalError, PostgresqlDatabase

    from registry.storage.server_account import connect_refusal

    db = PostgresqlDatabase("district", user="registry", host="10.0.0.5")
    try:
        raise OperationalError(psycopg.OperationalError(server_said))
    except OperationalError as exc:
        assert expected in (connect_refusal(db, exc) or "")
