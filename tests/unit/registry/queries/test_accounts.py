"""The accounts an administrator manages, by name, with their state."""

from __future__ import annotations

import datetime as dt

import pytest

from registry.ops.accounts import add_account, authenticate, check_password, disable_account
from registry.queries.accounts import account_lines
from registry.rules.permissions import MAX_FAILED, LoginFailed


def test_accounts_by_name_with_role_state_and_last_login(sqlite_db: object) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "an", "viewer", "viewer-password")
    disable_account("boss", "an")
    authenticate("boss", "correct horse")
    for _ in range(MAX_FAILED):
        with pytest.raises(LoginFailed):
            check_password("li", "wrong-password")
    lines = {a.name: a for a in account_lines()}
    assert [a.name for a in account_lines()] == ["an", "boss", "li"]
    assert (lines["an"].role, lines["an"].active) == ("viewer", False)
    assert lines["li"].locked and lines["li"].locked_until > dt.datetime.now()
    assert not lines["boss"].locked and lines["boss"].last_login is not None
