"""Who may do what: the roles, the actions each needs, and password hashing. Pure rules;
the account lookups are in queries/access.py."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

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


def role_needed(action: str) -> str:
    if action in ADMIN_ACTIONS:
        return "admin"
    if action in ANY_ROLE_ACTIONS:
        return "viewer"
    return "clerk"


def check_password_strength(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"密码至少需要 {MIN_PASSWORD} 个字符。"
    return None
