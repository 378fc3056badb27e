"""REGISTRY_PASSWORD is the login's password only: a script that makes or resets an account
gives the new password in REGISTRY_NEW_PASSWORD (or it is typed twice at a terminal)."""

from __future__ import annotations

import pytest

from registry.cli import main
from registry.ops.accounts import add_account, authenticate
from registry.rules.permissions import LoginFailed
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Account

ADMIN_PASSWORD = "boss-password"


@pytest.fixture
def register(tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    open_database(path)
    add_account("installer", "boss", "admin", ADMIN_PASSWORD)
    close_database()
    monkeypatch.setenv("REGISTRY_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("REGISTRY_NEW_PASSWORD", raising=False)
    return path


def accounts(path):
    open_database(path)
    try:
        return {a.name: a.password_hash for a in Account.select()}
    finally:
        close_database()


def test_a_script_with_only_the_login_password_is_refused(register, capsys):
    before = accounts(register)
    for words in (["user", "add", "li", "--role", "clerk"], ["user", "reset", "boss"]):
        assert main(["--db", str(register), "--user", "boss", *words]) == 2
        err = capsys.readouterr().err
        assert "REGISTRY_NEW_PASSWORD" in err and err.startswith("错误：")
    assert accounts(register) == before  # no account made, no password changed


def test_the_new_account_gets_the_new_password_not_the_administrators(register, monkeypatch, capsys):
    monkeypatch.setenv("REGISTRY_NEW_PASSWORD", "li-own-secret")
    assert main(["--db", str(register), "--user", "boss", "user", "add", "li", "--role", "clerk"]) == 0
    open_database(register)
    try:
        assert authenticate("li", "li-own-secret").name == "li"
        with pytest.raises(LoginFailed):
            authenticate("li", ADMIN_PASSWORD)
    finally:
        close_database()


def test_the_new_password_cannot_be_the_login_password(register, monkeypatch, capsys):
    monkeypatch.setenv("REGISTRY_NEW_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(register), "--user", "boss", "user", "add", "li", "--role", "clerk"]) == 2
    assert "相同" in capsys.readouterr().err
    assert set(accounts(register)) == {"boss"}


def test_at_a_terminal_the_new_password_is_typed_twice(register, monkeypatch, capsys):
    import getpass

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    typed = iter(["first-secret", "other-secret"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    assert main(["--db", str(register), "--user", "boss", "user", "add", "li", "--role", "clerk"]) == 2
    assert "不一致" in capsys.readouterr().err and set(accounts(register)) == {"boss"}
