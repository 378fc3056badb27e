"""server-setup as IT runs it: on a new server database, after migrate-to, on a register with
accounts, and refused in one plain sentence where it does not apply."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.server_roles import CLERK, OWNER, NoServer, ServerAccounts, server_accounts

from registry.cli import EXIT_ERROR, main
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import AuditEntry, Person

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def accounts() -> Iterator[ServerAccounts]:
    try:
        found = server_accounts()
    except NoServer as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    yield found
    close_database()


def test_server_setup_makes_the_register_and_says_what_the_clerks_connect_to(
        accounts: ServerAccounts, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", accounts.clerk, "stats"]) == EXIT_ERROR
    refused = capsys.readouterr().err
    assert f"--db {accounts.owner} server-setup --app-role {CLERK}" in refused and "Traceback" not in refused
    assert main(["--db", accounts.owner, "server-setup", "--app-role", CLERK]) == 0
    out = capsys.readouterr().out
    assert "audit_entry\tINSERT, SELECT" in out and f"请连接：{accounts.clerk}" in out
    assert main(["--db", accounts.clerk, "stats"]) == 0
    assert main(["--db", accounts.owner, "server-setup", "--app-role", CLERK]) == 0  # again: fine


def test_migrate_to_with_the_owner_then_server_setup_leaves_the_clerks_the_data(
        accounts: ServerAccounts, demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = Person.select().count()
    close_database()
    assert main(["--db", str(demo), "migrate-to", accounts.clerk]) == EXIT_ERROR  # the everyday account
    err = capsys.readouterr().err
    assert f"请用数据库所有者账号的地址（{accounts.owner}）运行 migrate-to" in err and "Traceback" not in err
    assert main(["--db", str(demo), "migrate-to", accounts.owner]) == 0
    assert main(["--db", accounts.owner, "server-setup", "--app-role", CLERK]) == 0
    capsys.readouterr()
    open_database(accounts.clerk)
    assert Person.select().count() == people
    assert AuditEntry.select().where(AuditEntry.action == "server_setup").count() == 1
    with psycopg.connect(accounts.clerk) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("TRUNCATE audit_entry")


def test_a_register_with_accounts_needs_an_administrator_to_set_up(
        accounts: ServerAccounts, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from registry.ops.accounts import add_account

    open_database(accounts.owner)
    add_account("it", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    close_database()
    monkeypatch.setenv("REGISTRY_PASSWORD", "clerk-password")
    assert main(["--db", accounts.owner, "--user", "li", "server-setup", "--app-role", CLERK]) == EXIT_ERROR
    assert "管理员" in capsys.readouterr().err
    monkeypatch.setenv("REGISTRY_PASSWORD", "boss-password")
    assert main(["--db", accounts.owner, "--user", "boss", "server-setup", "--app-role", CLERK]) == 0


def test_server_setup_on_a_file_or_as_the_everyday_account_is_one_sentence(
        accounts: ServerAccounts, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "r.sqlite3"), "server-setup", "--app-role", CLERK]) == EXIT_ERROR
    assert "只用于 PostgreSQL" in capsys.readouterr().err
    assert main(["--db", accounts.owner, "server-setup", "--app-role", CLERK]) == 0
    capsys.readouterr()
    assert main(["--db", accounts.clerk, "server-setup", "--app-role", CLERK]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "只有它才能分配权限" in err and OWNER in err and "Traceback" not in err
    assert os.linesep.join(err.splitlines()).count("错误") == 1
