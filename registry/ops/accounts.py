"""Managing accounts: add, disable, reset a password. Administrators only, except the very
first account of a register, which must be an administrator, and changing one's own
password, which anyone logged in may do."""

from __future__ import annotations

import datetime as dt

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.kernel import write
from registry.queries.access import accounts_exist
from registry.rules.fields import Cleaner, clean_choice, clean_text
from registry.rules.permissions import (
    LOCK_MINUTES,
    MAX_FAILED,
    ROLE_LABELS,
    ROLES,
    Action,
    LoginFailed,
    check_password_strength,
    hash_password,
    password_matches,
)
from registry.rules.problems import RegistryError, error
from registry.storage.models import Account


def _find(name: str) -> Account:
    account: Account | None = Account.get_or_none(Account.name == name)
    if account is None:
        raise RegistryError(f"没有名为“{name}”的账号。")
    return account


def add_account(actor: str, name: str, role: str, password: str) -> Changes:
    c = Cleaner({"name": name, "role": role})
    c.take("name", clean_text, "用户名", required=True, max_length=40)
    c.take("role", clean_choice, "角色", ROLES, required=True,
           aliases={label: key for key, label in ROLE_LABELS.items()})
    weak = check_password_strength(password)
    if weak:
        c.problems.append(error("password", "password", weak))
    require(c.problems)
    # Anyone may while the register has no account: the first is made by whoever installs
    # the register, and its audit entry names the account itself.
    with write(actor or c.values["name"], Action.USER_ADD) as w:
        first = not accounts_exist()
        if first and c.values["role"] != "admin":
            raise RegistryError("登记库的第一个账号必须是管理员（admin）。")
        if Account.get_or_none(Account.name == c.values["name"]) is not None:
            raise RegistryError(f"账号“{c.values['name']}”已存在。")
        account = Account.create(name=c.values["name"], role=c.values["role"],
                                 password_hash=hash_password(password))
        w.log(Table.ACCOUNT, account.id, None, {"name": account.name, "role": account.role},
              actor=c.values["name"] if first else None)
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


def disable_account(actor: str, name: str) -> Changes:
    with write(actor, Action.USER_DISABLE) as w:
        account = _find(name)
        if account.role == "admin" and Account.select().where(
                (Account.role == "admin") & Account.active & (Account.id != account.id)).count() == 0:
            raise RegistryError("不能停用最后一个管理员账号。")
        Account.update(active=False).where(Account.id == account.id).execute()
        w.log(Table.ACCOUNT, account.id, {"active": True}, {"active": False})
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


def reset_password(actor: str, name: str, password: str) -> Changes:
    weak = check_password_strength(password)
    if weak:
        raise RegistryError(weak)
    with write(actor, Action.USER_RESET) as w:
        account = _find(name)
        Account.update(password_hash=hash_password(password), failed_attempts=0, locked_until=None,
                       active=True).where(Account.id == account.id).execute()
        w.log(Table.ACCOUNT, account.id)
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


def change_own_password(actor: str, current: str, new: str) -> Changes:
    """The actor's own password, knowing the current one. A wrong current password counts
    as a failed login, so this is no way around the lock."""
    weak = check_password_strength(new)
    if weak:
        raise RegistryError(weak)
    if new == current:
        raise RegistryError("新密码与当前密码相同，请换一个。")
    try:
        account = check_password(actor, current, wrong="当前密码")  # outside the transaction,
    except LoginFailed as exc:  # so the failure is counted
        raise RegistryError(f"密码没有修改：{exc}") from exc
    with write(actor, Action.PASSWORD_CHANGE) as w:
        Account.update(password_hash=hash_password(new)).where(Account.id == account.id).execute()
        w.log(Table.ACCOUNT, account.id)
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


def log_unmask(actor: str, table: str, record_id: int, what: str) -> Changes:
    """Showing a full ID or phone number on screen is allowed to administrators and logged."""
    with write(actor, Action.UNMASK) as w:
        w.log(table, record_id, detail=what)
        w.changed(Table.AUDIT_ENTRY)
    return w.changes


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
