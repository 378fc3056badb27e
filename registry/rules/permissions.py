"""Who may do what: the roles, the actions each needs, and password hashing. Pure rules;
the account lookups are in queries/access.py."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from enum import StrEnum
from typing import Final

from registry.texts import mark, msg, shown

ROLES: Final = ("viewer", "clerk", "admin")
ROLE_LABELS: Final = {"viewer": mark("查看员"), "clerk": mark("办事员"), "admin": mark("管理员")}
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
    USER_RENAME = "user_rename"  # an account's own name (姓名, printed as 经办人); its user name stays
    RESTORE = "restore"
    SET_PRESET = "set_preset"
    EXTEND_REGISTRATION = "extend_registration"
    EXTEND_GRADE = "extend_grade"  # a policy prolongs evaluation grades
    RETENTION = "retention"
    SERVER_SETUP = "server_setup"
    SEARCH = "search"  # a search by ID or phone number: audited (rules/disclosure.py)
    VIEW = "view"  # reading the register (a command that only shows what is in it)
    COPY_REGISTER = "copy_register"  # the whole register out of its place: a chosen file, a server
    APPLY_DISTRICT = "apply_district"  # the district file's streets, communities and settings
    AREAS = "areas"  # 区划设置: streets, communities, their populations, this office's street
    MERGE_PEOPLE = "merge_people"  # two person records that are one human become one (ops/merging.py)
    LOGIN_FAILED = "login_failed"  # recorded, never asked for: a wrong password or an unknown name
    LOCK = "lock"  # recorded, never asked for: an account locked after MAX_FAILED wrong passwords


# The least role each action needs. Viewers' actions change no register data. A backup into
# the register's own backups folder is a clerk's: it stays beside the register, under the same
# protection as the register file, and is what a clerk falls back on after a mistake; a copy
# anywhere else (COPY_REGISTER) takes every record, account hashes included, out of that place,
# so it is an administrator's and audited with its destination.
ROLE_NEEDED: Final[dict[Action, str]] = {
    **dict.fromkeys((Action.LOGIN, Action.VIEW, Action.EXPORT, Action.PASSWORD_CHANGE,
                     Action.SEARCH, Action.LOGIN_FAILED, Action.LOCK), "viewer"),
    **dict.fromkeys((Action.CREATE, Action.UPDATE, Action.DEACTIVATE, Action.DELETE, Action.APPROVE,
                     Action.CORRECT, Action.IMPORT, Action.ATTENDANCE, Action.INSPECTION, Action.ISSUE,
                     Action.REPRINT, Action.DEMO, Action.BACKUP), "clerk"),
    **dict.fromkeys((Action.UNMASK, Action.EXPORT_UNMASKED, Action.USER_ADD, Action.USER_DISABLE,
                     Action.USER_RESET, Action.USER_RENAME, Action.RESTORE, Action.SET_PRESET,
                     Action.EXTEND_REGISTRATION, Action.EXTEND_GRADE,
                     Action.RETENTION, Action.COPY_REGISTER, Action.APPLY_DISTRICT, Action.AREAS,
                     Action.SERVER_SETUP, Action.MERGE_PEOPLE), "admin"),
}

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PermissionDenied(Exception):
    """The actor may not do this; str() says why in Chinese."""


class LoginFailed(Exception):
    pass


def _bytes(password: str) -> bytes:
    # a password read from a terminal or the environment in another encoding holds lone
    # surrogates: hashed as they are, never an exception (valid text encodes as before)
    return password.encode("utf-8", errors="surrogatepass")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(_bytes(password), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(_bytes(password), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                  p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed.hex(), digest)


# A hash no password matches, with the same cost as a real one: checked for a name that has no
# account, so neither the answer nor the time it takes says whether the name exists.
_NO_ACCOUNT_HASH: Final = ("scrypt$16384$8$1$42ff4846f4c1de480e51102eea367c55$"
                           "7230f95c7b1b8b49d1e414b63019fd6093d4f665e3100b6531ccab79a290ed59")


def check_password_of_no_account(password: str) -> bool:
    """As long as password_matches takes, and always False."""
    password_matches(password, _NO_ACCOUNT_HASH)
    return False


def role_needed(action: str) -> str:
    """The least role `action` needs; an action outside Action is a programming error."""
    return ROLE_NEEDED[Action(action)]


def refusal(role: str, action: str) -> str:
    """The sentence that refuses `action` to `role` (the core's, shown by the UI too)."""
    return msg("{role}账号不能进行此操作，需要{needed}权限。",
               role=shown(ROLE_LABELS[role]), needed=shown(ROLE_LABELS[role_needed(action)]))


def check_password_strength(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return msg("密码至少需要 {min_password} 个字符。", min_password=MIN_PASSWORD)
    return None
