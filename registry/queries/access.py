"""Who may do what, read from the accounts: the actor's role and the permission check.

A register with no account yet (a new one, or one made before accounts existed) runs
without login until its first account, an administrator, is made. From then on every
operation's actor must be an active account whose role allows the action; the check
runs in registry/ (ops/kernel.py, before anything is written), not only in the UI; the
roles and actions are in rules/permissions.py.
"""

from __future__ import annotations

from registry.rules.permissions import ROLES, PermissionDenied, refusal, role_needed
from registry.storage.models import Account
from registry.texts import msg


def accounts_exist() -> bool:
    return bool(Account.select().limit(1).count())


def role_of(actor: str) -> str | None:
    """The actor's role; None when the register has no accounts (everything allowed)."""
    if not accounts_exist():
        return None
    account = Account.get_or_none((Account.name == actor) & Account.active)
    if account is None:
        raise PermissionDenied(msg("“{actor}”不是本登记库的有效账号，请先登录。", actor=actor))
    return str(account.role)


def may(actor: str, action: str) -> bool:
    try:
        check_permission(actor, action)
    except PermissionDenied:
        return False
    return True


def check_permission(actor: str, action: str) -> None:
    role = role_of(actor)
    if role is None:
        return
    if ROLES.index(role) < ROLES.index(role_needed(action)):
        raise PermissionDenied(refusal(role, action))

