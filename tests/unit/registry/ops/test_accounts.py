import datetime as dt

import pytest

from registry import ops
from registry.ops.accounts import (
    WRONG_PASSWORD,
    add_account,
    authenticate,
    change_own_password,
    disable_account,
    log_unmask,
    reset_password,
    set_display_name,
)
from registry.queries.access import may
from registry.rules.permissions import MAX_FAILED, LoginFailed, password_matches
from registry.storage.models import Account, AuditEntry, Person

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


@pytest.fixture
def accounts(db):
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")


def test_a_register_without_accounts_needs_no_login(db):
    assert ops.register_person("anyone", PERSON).id


def test_the_first_account_must_be_an_administrator(db):
    with pytest.raises(ops.RegistryError, match="管理员"):
        add_account("x", "li", "clerk", "clerk-password")
    assert Account.select().count() == 0


def test_passwords_are_stored_as_scrypt_hashes(accounts):
    stored = Account.get(Account.name == "boss").password_hash
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert password_matches("correct horse", stored) and not password_matches("wrong", stored)
    with pytest.raises(ops.ValidationError, match="8"):
        add_account("boss", "zhao", "clerk", "short")


def test_roles_are_checked_in_the_core(accounts):
    with pytest.raises(ops.NotAllowedError):
        ops.register_person("wang", PERSON)  # viewer: nothing changes
    with pytest.raises(ops.NotAllowedError):
        ops.register_person("stranger", PERSON)  # not an account
    assert Person.select().count() == 0
    assert ops.register_person("li", PERSON).id  # clerk
    with pytest.raises(ops.NotAllowedError):
        ops.set_preset("li", "star_preset", "beijing_trial")  # clerks do not change rules
    with pytest.raises(ops.NotAllowedError):
        add_account("li", "zhao", "clerk", "password123")  # nor manage users
    with pytest.raises(ops.NotAllowedError):
        log_unmask("li", "person", 1, "身份证号")  # nor unmask
    log_unmask("boss", "person", 1, "身份证号")
    assert AuditEntry.select().where(AuditEntry.action == "unmask").get().actor == "boss"
    assert may("wang", "export") and not may("wang", "create") and not may("li", "restore")


def test_failed_logins_lock_the_account_for_a_while(accounts):
    now = dt.datetime(2026, 1, 1, 9, 0)
    for _ in range(4):
        with pytest.raises(LoginFailed, match=r"^用户名或密码不正确。$"):  # no count: the same as for no account
            authenticate("li", "wrong", now=now)
    with pytest.raises(LoginFailed, match="锁定"):
        authenticate("li", "wrong", now=now)
    with pytest.raises(LoginFailed, match="锁定"):
        authenticate("li", "clerk-password", now=now + dt.timedelta(minutes=5))  # right, but locked
    assert authenticate("li", "clerk-password", now=now + dt.timedelta(minutes=16)).name == "li"


def test_disable_and_reset(accounts):
    disable_account("boss", "li")
    with pytest.raises(LoginFailed):
        authenticate("li", "clerk-password")
    with pytest.raises(ops.NotAllowedError):
        ops.register_person("li", PERSON)
    reset_password("boss", "li", "new-password")
    assert authenticate("li", "new-password").name == "li"
    with pytest.raises(ops.RegistryError, match="最后一个管理员"):
        disable_account("boss", "boss")


def test_anyone_changes_their_own_password_knowing_the_current_one(accounts):
    change_own_password("wang", "viewer-password", "a-new-secret")  # even a viewer
    assert authenticate("wang", "a-new-secret").name == "wang"
    with pytest.raises(LoginFailed):
        authenticate("wang", "viewer-password")
    entry = AuditEntry.get(AuditEntry.action == "password_change")
    assert (entry.actor, entry.table_name) == ("wang", "account")
    assert "a-new-secret" not in f"{entry.before}{entry.after}{entry.detail}"
    with pytest.raises(ops.RegistryError, match="8"):
        change_own_password("wang", "a-new-secret", "short")
    with pytest.raises(ops.RegistryError, match="相同"):
        change_own_password("wang", "a-new-secret", "a-new-secret")


def test_a_wrong_current_password_changes_nothing_and_counts_towards_the_lock(accounts):
    stored = Account.get(Account.name == "li").password_hash
    with pytest.raises(ops.RegistryError, match="当前密码不正确（还可再试 4 次）"):
        change_own_password("li", "guess", "new-password-1")
    assert Account.get(Account.name == "li").password_hash == stored
    for _ in range(3):
        with pytest.raises(ops.RegistryError):
            change_own_password("li", "guess", "new-password-1")
    with pytest.raises(ops.RegistryError, match="锁定"):
        change_own_password("li", "guess", "new-password-1")
    with pytest.raises(LoginFailed, match="锁定"):
        authenticate("li", "clerk-password")  # the lock holds for the login too
    assert not AuditEntry.select().where(AuditEntry.action == "password_change").exists()


@pytest.fixture
def scrypt_calls(monkeypatch):
    """How many password hashes are computed (the expensive check a guess costs)."""
    import hashlib

    from registry.rules import permissions

    calls = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(permissions.hashlib, "scrypt", counted)
    return calls


def test_failed_logins_and_the_lock_are_audited_though_the_login_fails(accounts):
    for _ in range(MAX_FAILED + 2):
        with pytest.raises(LoginFailed):
            authenticate("li", "wrong")
    failed = list(AuditEntry.select().where(AuditEntry.action == "login_failed").order_by(AuditEntry.id))
    assert len(failed) == MAX_FAILED + 2 and {e.actor for e in failed} == {"li"}
    assert [e.detail for e in failed].count(WRONG_PASSWORD) == MAX_FAILED  # the two after the lock: unchecked
    locks = list(AuditEntry.select().where(AuditEntry.action == "lock"))
    assert len(locks) == 1 and locks[0].actor == "li" and "锁定" in locks[0].detail
    assert "wrong" not in "".join(f"{e.before}{e.after}{e.detail}" for e in failed)  # never the password


def test_an_unknown_name_and_a_wrong_password_get_the_same_answer_after_the_same_work(accounts, scrypt_calls):
    answers = []
    for name in ("li", "nobody"):
        scrypt_calls.clear()
        with pytest.raises(LoginFailed) as refused:
            authenticate(name, "wrong-password")
        answers.append((str(refused.value), len(scrypt_calls)))
    assert answers[0] == answers[1] == ("用户名或密码不正确。", 1)
    assert AuditEntry.select().where((AuditEntry.action == "login_failed")
                                     & (AuditEntry.actor == "nobody")).count() == 1
    for _ in range(MAX_FAILED - 1):  # an unknown name "locks" like a real one
        with pytest.raises(LoginFailed):
            authenticate("nobody", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定"):
        authenticate("nobody", "wrong-password")


def test_a_locked_account_is_refused_before_the_expensive_check(accounts, scrypt_calls):
    for _ in range(MAX_FAILED):
        with pytest.raises(LoginFailed):
            authenticate("li", "wrong")
    scrypt_calls.clear()
    for password in ("wrong", "clerk-password"):
        with pytest.raises(LoginFailed, match="锁定"):
            authenticate("li", password)
    assert scrypt_calls == []
    assert Account.get(Account.name == "li").failed_attempts == MAX_FAILED


@pytest.mark.parametrize("name", ["\udcff\udcfe", "x" * 10_000, "a\0b", ""])
def test_hostile_names_are_answered_as_unknown(accounts, name):
    with pytest.raises(LoginFailed, match=r"^用户名或密码不正确。$"):
        authenticate(name, "wrong-password")
    entry = AuditEntry.select().where(AuditEntry.action == "login_failed").order_by(AuditEntry.id.desc()).get()
    assert "\0" not in entry.actor and len(entry.actor) <= 80
    entry.actor.encode("utf-8")  # stored as valid text


def test_an_administrator_changes_an_accounts_own_name_and_the_log_says_from_what_to_what(accounts):
    from registry.ops import ValidationError
    from registry.queries.accounts import account_lines
    from registry.queries.audit_text import Entry, sentence
    from registry.queries.certificates import handler_name
    from registry.rules.problems import NotAllowedError

    add_account("boss", "zhang", "clerk", "clerk-password", display_name="张敏")
    changes = set_display_name("boss", "zhang", "  张晓敏 ")
    assert changes.ids == (Account.get(Account.name == "zhang").id,)
    assert handler_name("zhang") == "张晓敏"  # what the next certificate prints as 经办人
    assert [a.display_name for a in account_lines() if a.name == "zhang"] == ["张晓敏"]
    entry = AuditEntry.select().where(AuditEntry.action == "user_rename").get()
    said = sentence(Entry(entry.actor, entry.action, entry.table_name, entry.record_id, entry.before,
                          entry.after, entry.detail))
    assert said == "boss 把账号 zhang 的姓名从“张敏”改为“张晓敏”"
    assert authenticate("zhang", "clerk-password").name == "zhang"  # the user name stays

    assert not set_display_name("boss", "zhang", "张晓敏").tables  # the same name: nothing written
    assert AuditEntry.select().where(AuditEntry.action == "user_rename").count() == 1
    with pytest.raises(NotAllowedError):
        set_display_name("li", "zhang", "李")  # a clerk manages no accounts, not even this
    with pytest.raises(ValidationError):
        set_display_name("boss", "zhang", "张" * 41)
    assert handler_name("zhang") == "张晓敏"
