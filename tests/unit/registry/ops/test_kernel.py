"""The one write path: the permission is checked before anything is written, one transaction
holds the change and its audit entries, and Changes say what changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.changes import Changes, Table
from registry.ops.kernel import allow, write
from registry.rules.permissions import Action
from registry.storage.models import ALL_MODELS, AuditEntry, District, Person

REGISTRY = Path(__file__).parents[4] / "registry"
PERSON = {"id_number": "11010519491231002X", "name": "张三"}


@pytest.fixture
def accounts(db):
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")


def written() -> tuple[int, int]:
    return Person.select().count() + District.select().count(), AuditEntry.select().count()


def add_district() -> District:
    district: District = District.create(code="110105", name="朝阳区", population=0)
    return district


@pytest.mark.parametrize("with_accounts", [False, True], ids=["no accounts", "accounts"])
def test_an_unknown_action_is_refused_before_anything_is_written(db, with_accounts):
    if with_accounts:
        add_account("installer", "boss", "admin", "correct horse")
    before = written()
    unknown = "frobnicate"
    with pytest.raises(ValueError, match=unknown), write("boss", unknown) as w:  # type: ignore[arg-type]
        w.log(Table.DISTRICT, add_district().id)
    with pytest.raises(ValueError, match="frobnicate"):
        allow("boss", "frobnicate")  # type: ignore[arg-type]
    assert written() == before


def test_a_refused_operation_writes_no_row_and_no_audit_entry(accounts):
    before = written()
    with pytest.raises(ops.NotAllowedError, match="查看员"):
        ops.register_volunteer("wang", {**PERSON, "volunteer_number": "V1"})
    with pytest.raises(ops.RegistryError, match="是谁"):
        ops.register_person("", PERSON)  # nobody named: refused too
    assert written() == before


def test_the_check_comes_before_the_work_inside_the_write(accounts):
    reached = []
    with pytest.raises(ops.NotAllowedError), write("wang", Action.CREATE):
        reached.append(True)
    assert reached == []


def test_an_entry_under_an_action_the_actor_may_not_take_undoes_the_whole_write(accounts):
    before = written()
    with pytest.raises(ops.NotAllowedError, match="管理员"), write("li", Action.CREATE) as w:
        w.log(Table.DISTRICT, add_district().id)
        w.log(Table.SETTING, None, action=Action.SET_PRESET)  # a clerk's write, an admin's entry
    assert written() == before


def test_audit_entries_are_written_with_the_change_in_order_or_not_at_all(db):
    with write("clerk", Action.CREATE) as w:
        for number in (1, 2, 3):
            w.log(Table.PERSON, number, after={"n": number})
        assert AuditEntry.select().count() == 0  # kept until the work is done
    assert [(e.record_id, e.action, e.actor) for e in AuditEntry.select().order_by(AuditEntry.id)] == [
        (1, "create", "clerk"), (2, "create", "clerk"), (3, "create", "clerk")]
    with pytest.raises(RuntimeError), write("clerk", Action.UPDATE) as w:
        w.log(Table.DISTRICT, add_district().id)
        raise RuntimeError("the disk is full")
    assert written() == (0, 3)


def test_a_conflict_with_a_stored_record_is_a_plain_failure(db):
    ops.add_area("clerk", "district", "110105", "朝阳区")
    conflict = "保存失败：数据与登记库中已有记录冲突"
    with pytest.raises(ops.RegistryError, match=conflict), write("clerk", Action.CREATE) as w:
        w.log(Table.DISTRICT, add_district().id)  # the same code again
    assert written() == (1, 1)


def test_a_write_returns_what_it_changed(db):
    changes = ops.register_person("clerk", PERSON)
    assert changes.tables == {Table.PERSON} and changes.ids == (Person.get().id,)
    same = ops.update_person("clerk", changes.id, {"name": "张三"})
    assert same.nothing_changed and same.ids == (changes.id,)


def test_nothing_and_everything_are_different_values():
    nothing, everything = Changes(), Changes.everything()
    assert nothing.nothing_changed and not nothing.everything_changed
    assert everything.everything_changed and not everything.nothing_changed
    assert not nothing.touches({"volunteer"}) and everything.touches({"volunteer"})
    assert everything.touches(frozenset())  # even a view that names no table reloads
    assert (nothing | Changes.everything()).everything_changed
    assert Changes(frozenset({"person"})).touches({Table.PERSON, Table.VOLUNTEER})
    assert not Changes(frozenset({Table.PERSON})).touches({"organization"})


def test_tables_are_the_models_tables_and_a_misspelt_one_fails():
    assert {t.value for t in Table} == {m._meta.table_name for m in ALL_MODELS}
    assert all(Table.of(m) == m._meta.table_name for m in ALL_MODELS)
    with pytest.raises(ValueError):
        Changes(frozenset({"volunteers"}))


def _sources() -> dict[str, str]:
    return {str(path.relative_to(REGISTRY.parent)): path.read_text(encoding="utf-8")
            for path in REGISTRY.rglob("*.py")}


def test_one_permission_check_and_one_audit_writer():
    sources = _sources()
    checks = {name for name, text in sources.items() if re.search(r"\bcheck_permission\(", text)}
    assert checks == {"registry/queries/access.py", "registry/ops/kernel.py"}
    writers = {name for name, text in sources.items()
               if re.search(r"AuditEntry\.(create|insert|insert_many)\(|AuditEntry\._meta|INTO \"?audit_entry",
                            text)}
    # the kernel; the importer's bulk writer has the database log new rows from themselves; the
    # data upgrade at open, which runs before anyone has logged in, logs as the program itself
    assert writers == {"registry/ops/kernel.py", "registry/importer/bulk.py", "registry/storage/rule_upgrades.py"}
