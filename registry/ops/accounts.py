"""Managing accounts: add, disable, reset a password. Administrators only, except the very
first account of a register, which must be an administrator, and changing one's own
password, which anyone logged in may do."""

from __future__ import annotations

import datetime as dt

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.kernel import Permit, retried, write
from registry.queries.access import accounts_exist
from registry.rules.fields import Cleaner, clean_choice, clean_text
from registry.rules.permissions import (
    LOCK_MINUTES,
    MAX_FAILED,
    ROLE_LABELS,
    ROLES,
    Action,
    LoginFailed,
    check_password_of_no_account,
    check_password_strength,
    hash_password,
    password_matches,
)
from registry.rules.problems import RegistryError, error
from registry.storage.models import Account, AuditEntry
from registry.texts import mark, msg


def _find(name: str) -> Account:
    account: Account | None = Account.get_or_none(Account.name == name)
    if account is None:
        raise RegistryError(msg("没有名为“{name}”的账号。", name=name))
    return account


@retried
def add_account(actor: str, name: str, role: str, password: str, display_name: str = "") -> Changes:
    """`display_name`: the person's own name, printed as 经办人 on what they issue."""
    c = Cleaner({"name": name, "role": role, "display_name": display_name})
    c.take("name", clean_text, msg("用户名"), required=True, max_length=40)
    c.take("display_name", clean_text, msg("姓名"), max_length=40)
    c.take("role", clean_choice, msg("角色"), ROLES, required=True,
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
            raise RegistryError(msg("登记库的第一个账号必须是管理员（admin）。"))
        if Account.get_or_none(Account.name == c.values["name"]) is not None:
            raise RegistryError(msg("账号“{values}”已存在。", values=c.values['name']))
        account = Account.create(name=c.values["name"], role=c.values["role"],
                                 display_name=c.values["display_name"] or "",
                                 password_hash=hash_password(password))
        w.log(Table.ACCOUNT, account.id, None, {"name": account.name, "role": account.role,
                                                "display_name": account.display_name},
              actor=c.values["name"] if first else None)
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


@retried
def set_display_name(actor: str, name: str, display_name: str) -> Changes:
    """The account's own name (姓名), printed as 经办人 on what it issues from now on (what
    it issued keeps the name it was issued with); the user name it logs in with stays."""
    c = Cleaner({"display_name": display_name})
    c.take("display_name", clean_text, msg("姓名"), max_length=40)
    require(c.problems)
    new = c.values["display_name"] or ""
    with write(actor, Action.USER_RENAME) as w:
        account = _find(name)
        if account.display_name != new:
            Account.update(display_name=new).where(Account.id == account.id).execute()
            w.log(Table.ACCOUNT, account.id, {"display_name": account.display_name}, {"display_name": new})
            w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


@retried
def disable_account(actor: str, name: str) -> Changes:
    with write(actor, Action.USER_DISABLE) as w:
        account = _find(name)
        if account.role == "admin" and Account.select().where(
                (Account.role == "admin") & Account.active & (Account.id != account.id)).count() == 0:
            raise RegistryError(msg("不能停用最后一个管理员账号。"))
        Account.update(active=False).where(Account.id == account.id).execute()
        w.log(Table.ACCOUNT, account.id, {"active": True}, {"active": False})
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


@retried
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


@retried
def change_own_password(actor: str, current: str, new: str) -> Changes:
    """The actor's own password, knowing the current one. A wrong current password counts
    as a failed login, so this is no way around the lock."""
    weak = check_password_strength(new)
    if weak:
        raise RegistryError(weak)
    if new == current:
        raise RegistryError(msg("新密码与当前密码相同，请换一个。"))
    try:
        account = check_password(actor, current, wrong=mark("当前密码"))  # outside the transaction,
    except LoginFailed as exc:  # so the failure is counted
        raise RegistryError(msg("密码没有修改：{exc}", exc=exc)) from exc
    with write(actor, Action.PASSWORD_CHANGE) as w:
        Account.update(password_hash=hash_password(new)).where(Account.id == account.id).execute()
        w.log(Table.ACCOUNT, account.id)
        w.changed(Table.ACCOUNT, ids=[account.id])
    return w.changes


@retried
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


WRONG_PASSWORD = mark("密码不正确")  # the details of the audit entries of failed logins
NO_ACCOUNT = mark("没有这个账号或账号已停用")
REFUSED_LOCKED = mark("账号已锁定，未核对密码")
LOGIN_WRONG = mark("用户名或密码")  # what a login names as wrong: never which of the two
MAX_NAME = 40  # add_account's limit: a longer name is no account's


def check_password(name: str, password: str, now: dt.datetime | None = None, *,
                   wrong: str = LOGIN_WRONG) -> Account:
    """The active account, if the password is right. Every wrong password counts towards
    the lock, wherever it is typed (the login, or changing one's own password); `wrong`
    names what was wrong in the message.

    The attempt is counted before the password is checked, in one write transaction that
    holds the write lock (so parallel guesses cannot all read the same count), and a locked
    account is refused before the expensive check: at most MAX_FAILED guesses are ever
    checked. A right password then clears the count. Each failure and each lock is audited
    in its own transaction, kept although the login fails. A name with no account is
    answered as a wrong password, after as long a check."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    login = wrong == LOGIN_WRONG  # someone not yet logged in: the answer must not say the name exists
    account = _active_account(name)
    if account is None:
        return _no_account(name, password, now, wrong)
    tries = _count_attempt(account.id, now)
    if tries is None:
        _audit_failure(name, account.id, REFUSED_LOCKED, now)
        raise LoginFailed(_locked_message(Account.get_by_id(account.id).locked_until, now))
    if password_matches(password, account.password_hash):
        Account.update(failed_attempts=0, locked_until=None).where(Account.id == account.id).execute()
        checked: Account = Account.get_by_id(account.id)
        return checked
    _audit_failure(name, account.id, WRONG_PASSWORD, now, locked=tries >= MAX_FAILED)
    if tries >= MAX_FAILED:
        raise LoginFailed(msg("密码错误次数过多，账号已锁定 {lock_minutes} 分钟。", lock_minutes=LOCK_MINUTES))
    if login:
        raise LoginFailed(msg("{wrong}不正确。", wrong=wrong))
    raise LoginFailed(msg("{wrong}不正确（还可再试 {value} 次）。", wrong=wrong, value=MAX_FAILED - tries))


def _active_account(name: str) -> Account | None:
    if not name or len(name) > MAX_NAME or "\0" in name or _not_text(name):
        return None  # no account can have it, and the database need not be asked
    account: Account | None = Account.get_or_none((Account.name == name) & Account.active)
    return account


def _not_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _count_attempt(account_id: int, now: dt.datetime) -> int | None:
    """Count one more attempt, under the write lock; its number, or None when the account
    is locked (nothing counted). Reaching MAX_FAILED locks the account at once, so a
    guess still being checked holds the others off; a lock that has run out starts a new
    count."""
    from registry.storage.db import database, is_sqlite

    open_account = (Account.id == account_id) & Account.active & (
        Account.locked_until.is_null() | (Account.locked_until <= now))
    # SQLite: BEGIN IMMEDIATE takes the write lock before the first read; PostgreSQL: the
    # UPDATE below locks the row until the commit, so the read after it is this count's own
    with database.atomic(*(["IMMEDIATE"] if is_sqlite() else [])):
        if not Account.update(failed_attempts=Account.failed_attempts + 1).where(open_account).execute():
            return None
        row = Account.select(Account.failed_attempts, Account.locked_until).where(
            Account.id == account_id).get()
        tries = 1 if row.locked_until is not None else int(row.failed_attempts)  # a lock run out
        locked = now + dt.timedelta(minutes=LOCK_MINUTES) if tries >= MAX_FAILED else None
        Account.update(failed_attempts=tries, locked_until=locked).where(Account.id == account_id).execute()
    return tries


def _no_account(name: str, password: str, now: dt.datetime, wrong: str) -> Account:
    """A name with no active account: the same answers, after as long, as a wrong
    password, the lock included (counted from the audit log, as there is no account row)."""
    since = now - dt.timedelta(minutes=LOCK_MINUTES)
    actor = _audited_name(name)
    recent = [at for (at,) in AuditEntry.select(AuditEntry.at).where(
        (AuditEntry.action == Action.LOGIN_FAILED) & (AuditEntry.actor == actor)
        & (AuditEntry.detail == NO_ACCOUNT) & (AuditEntry.at > since)).order_by(AuditEntry.at).tuples()]
    if len(recent) >= MAX_FAILED:
        _audit_failure(name, None, REFUSED_LOCKED, now)
        raise LoginFailed(_locked_message(recent[MAX_FAILED - 1] + dt.timedelta(minutes=LOCK_MINUTES), now))
    check_password_of_no_account(password)
    _audit_failure(name, None, NO_ACCOUNT, now)
    if len(recent) + 1 >= MAX_FAILED:
        raise LoginFailed(msg("密码错误次数过多，账号已锁定 {lock_minutes} 分钟。", lock_minutes=LOCK_MINUTES))
    raise LoginFailed(msg("{wrong}不正确。", wrong=wrong))


def _locked_message(until: dt.datetime | None, now: dt.datetime) -> str:
    left = (until - now).total_seconds() if until else 0
    minutes = max(1, int(left // 60) + 1)
    return msg("密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试。", minutes=minutes)


def _audited_name(name: str) -> str:
    """The name as typed, made storable: valid text, no NUL, not longer than a column holds."""
    clean = name.encode("utf-8", errors="replace").decode("utf-8").replace("\0", "")
    return clean[:MAX_NAME * 2] or msg("（空）")


def _audit_failure(name: str, account_id: int | None, detail: str, now: dt.datetime, *,
                   locked: bool = False) -> None:
    """The audit entries of a failed attempt (and of the lock it caused), in a transaction of
    their own that the failure does not take back. Recorded, not asked for: no role lets
    anyone fail a login, so these writes take their Permit without a check."""
    actor = _audited_name(name)
    with Permit(actor, Action.LOGIN_FAILED).write() as w:
        w.log(Table.ACCOUNT, account_id, detail=detail)
    if locked:
        until = now + dt.timedelta(minutes=LOCK_MINUTES)
        with Permit(actor, Action.LOCK).write() as w:
            w.log(Table.ACCOUNT, account_id,
                  detail=f"连续 {MAX_FAILED} 次密码错误，锁定至 {until:%Y-%m-%d %H:%M}")
