"""Who may do what: the roles, the actions each needs, and password hashing. Pure rules;
the account lookups are in queries/access.py."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from enum import StrEnum
from typing import Final

ROLES: Final = ("viewer", "clerk", "admin")
ROLE_LABELS: Final = {"viewer": "查看员", "clerk": "办事员", "admin": "管理员"}
MAX_FAILED: Final = 5
LOCK_MINUTES: Final = 15
MIN_PASSWORD: Final = 8


class Action(StrEnum):
    """Everything the register records in its audit log or checks a role for: a closed set,
    so an action no one gave a role to is a programming error, not a clerk's right."""

    LOGIN = "login"
    EXPORT = "export"
    BACKUP = "backup"
    PASSWORD_CHANGE = "password_change"
    CREATE = "create"
    UPDATE = "update"
    DEACTIVATE = "deactivate"
    DELETE = "delete"
    APPROVE = "approve"
    CORRECT = "correct"
    IMPORT = "import"
    ATTENDANCE = "attendance"
    INSPECTION = "inspection"
    ISSUE = "issue"
    REPRINT = "reprint"
    DEMO = "demo"
    UNMASK = "unmask"
    EXPORT_UNMASKED = "export_unmasked"
    USER_ADD = "user_add"
    USER_DISABLE = "user_disable"
    USER_RESET = "user_reset"
    RESTORE = "restore"
    SET_PRESET = "set_preset"
    EXTEND_REGISTRATION = "extend_registration"
    RETENTION = "retention"
    SERVER_SETUP = "server_setup"
    SEARCH = "search"  # a search by ID or phone number: audited (rules/disclosure.py)


# The least role each action needs. Viewers' actions change no register data.
ROLE_NEEDED: Final[dict[Action, str]] = {
    **dict.fromkeys((Action.LOGIN, Action.EXPORT, Action.BACKUP, Action.PASSWORD_CHANGE,
                     Action.SEARCH), "viewer"),
    **dict.fromkeys((Action.CREATE, Action.UPDATE, Action.DEACTIVATE, Action.DELETE, Action.APPROVE,
                     Action.CORRECT, Action.IMPORT, Action.ATTENDANCE, Action.INSPECTION, Action.ISSUE,
                     Action.REPRINT, Action.DEMO), "clerk"),
    **dict.fromkeys((Action.UNMASK, Action.EXPORT_UNMASKED, Action.USER_ADD, Action.USER_DISABLE,
                     Action.USER_RESET, Action.RESTORE, Action.SET_PRESET, Action.EXTEND_REGISTRATION,
                     Action.RETENTION, Action.SERVER_SETUP), "admin"),
}

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


def role_needed(action: str) -> str:
    """The least role `action` needs; an action outside Action is a programming error."""
    return ROLE_NEEDED[Action(action)]


def check_password_strength(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"密码至少需要 {MIN_PASSWORD} 个字符。"
    return None
