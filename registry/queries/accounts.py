"""The accounts list an administrator manages: who, with what role, in what state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from registry.storage.models import Account


@dataclass(frozen=True)
class AccountLine:
    name: str
    display_name: str  # the person's own name, printed as 经办人
    role: str  # viewer / clerk / admin
    active: bool
    last_login: dt.datetime | None
    locked_until: dt.datetime | None  # set while too many wrong passwords keep it locked

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def account_lines() -> tuple[AccountLine, ...]:
    """Every account, by name."""
    rows = (Account.select(Account.name, Account.display_name, Account.role, Account.active, Account.last_login,
                           Account.locked_until).order_by(Account.name).tuples())
    return tuple(AccountLine(name, display_name or "", role, bool(active), last, locked)
                 for name, display_name, role, active, last, locked in rows)
