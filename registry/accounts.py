"""Accounts and roles: who may do what.

A register with no account yet (a new one, or one made before accounts existed) runs
without login until its first account, an administrator, is made. From then on every
operation's actor must be an active account whose role allows the action; the check
runs in registry/ (see ops.base.audit), not only in the UI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Final

from registry.models import Account

ROLES: Final = ("viewer", "clerk", "admin")
ROLE_LABELS: Final = {"viewer": "查看员", "clerk": "办事员", "admin": "管理员"}
MAX_FAILED: Final = 5
LOCK_MINUTES: Final = 15
MIN_PASSWORD: Final = 8

# Actions a clerk may not take; everything else that changes data needs a clerk.
ADMIN_ACTIONS: Final = frozenset({
    "unmask", "export_unmasked", "user_add", "user_disable", "user_reset", "restore",
    "set_preset", "extend_registration", "retention",
})
# Things anyone logged in may do: they change no register data.
ANY_ROLE_ACTIONS: Final = frozenset({"login", "export", "backup", "password_change"})

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PermissionDenied(Exception):
    """The actor may not do this; str() says why in Chinese."""


class LoginFailed(Exception):
    pass


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                  p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed.hex(), digest)


def accounts_exist() -> bool:
    return bool(Account.select().limit(1).count())


def role_needed(action: str) -> str:
    if action in ADMIN_ACTIONS:
        return "admin"
    if action in ANY_ROLE_ACTIONS:
        return "viewer"
    return "clerk"


def role_of(actor: str) -> str | None:
    """The actor's role; None when the register has no accounts (everything allowed)."""
    if not accounts_exist():
        return None
    account = Account.get_or_none((Account.name == actor) & Account.active)
    if account is None:
        raise PermissionDenied(f"“{actor}”不是本登记库的有效账号，请先登录。")
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
    needed = role_needed(action)
    if ROLES.index(role) < ROLES.index(needed):
        raise PermissionDenied(f"{ROLE_LABELS[role]}账号不能进行此操作，需要{ROLE_LABELS[needed]}权限。")


def check_password_strength(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"密码至少需要 {MIN_PASSWORD} 个字符。"
    return None


def authenticate(name: str, password: str, now: dt.datetime | None = None) -> Account:
    """The account, if the password is right; a few failures lock it for a while."""
    now = now or dt.datetime.now()
    account = check_password(name, password, now)
    Account.update(last_login=now.replace(microsecond=0)).where(Account.id == account.id).execute()
    return account


def check_password(name: str, password: str, now: dt.datetime | None = None, *,
                   wrong: str = "用户名或密码") -> Account:
    """The active account, if the password is right. Every wrong password counts towards
    the lock, wherever it is typed (the login, or changing one's own password); `wrong`
    names what was wrong in the message."""
    now = now or dt.datetime.now()
    account = Account.get_or_none(Account.name == name)
    if account is None or not account.active:
        raise LoginFailed(f"{wrong}不正确。")
    if account.locked_until and account.locked_until > now:
        minutes = max(1, int((account.locked_until - now).total_seconds() // 60) + 1)
        raise LoginFailed(f"密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试。")
    if not password_matches(password, account.password_hash):
        failed = account.failed_attempts + 1
        locked = now + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED else None
        Account.update(failed_attempts=0 if locked else failed, locked_until=locked).where(
            Account.id == account.id).execute()
        if locked:
            raise LoginFailed(f"密码错误次数过多，账号已锁定 {LOCK_MINUTES} 分钟。")
        raise LoginFailed(f"{wrong}不正确（还可再试 {MAX_FAILED - failed} 次）。")
    if account.failed_attempts or account.locked_until:
        Account.update(failed_attempts=0, locked_until=None).where(Account.id == account.id).execute()
    checked: Account = account
    return checked
