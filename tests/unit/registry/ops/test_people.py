import json

import pytest

from registry import ops
from registry.storage.models import AuditEntry, Person, SearchKey

VALID = "11010519491231002X"


def audit_for(table: str, record_id: int) -> list[AuditEntry]:
    return list(AuditEntry.select().where((AuditEntry.table_name == table)
                                          & (AuditEntry.record_id == record_id)).order_by(AuditEntry.id))


def test_register_person_derives_facts_from_the_id_number(db):
    changes = ops.register_person("clerk", {"id_number": " 11010519491231002x ", "name": "张三",
                                            "phone": "+86 138-0013-8000"})
    person = Person.get_by_id(changes.id)
    assert (person.id_number, person.sex, person.birth_date.isoformat(), person.region_code) == (
        VALID, "女", "1949-12-31", "110105")
    assert person.phone == "13800138000"
    assert person.initials == "zs"
    assert changes.tables == {"person"}
    [entry] = audit_for("person", person.id)
    assert (entry.actor, entry.action) == ("clerk", "create")
    assert json.loads(entry.after)["id_number"] == VALID


def test_a_second_person_with_the_same_id_number_is_refused_and_names_the_first(db):
    first = ops.register_person("clerk", {"id_number": VALID, "name": "张三"}).id
    with pytest.raises(ops.DuplicatePersonError) as caught:
        ops.register_person("clerk", {"id_number": VALID.lower(), "name": "张三丰"})
    assert caught.value.person_id == first
    assert Person.select().count() == 1


def test_bad_input_names_every_problem_and_stores_nothing(db):
    with pytest.raises(ops.ValidationError) as caught:
        ops.register_person("clerk", {"id_number": "110105194912310021", "name": "  ", "phone": "12"})
    codes = {(p.field, p.code) for p in caught.value.problems}
    assert ("id_number", "id.checksum") in codes
    assert ("name", "required") in codes
    assert ("phone", "phone.format") in codes
    assert "姓名" in str(caught.value)
    assert Person.select().count() == 0
    assert AuditEntry.select().count() == 0


def test_warnings_do_not_block_and_are_returned(db):
    # 440305 (Shenzhen Nanshan) was created in 1990; people born in 1978 carry it.
    from registry.rules.idnumber import check_id_number

    body = "44030519780512001"
    number = next(body + c for c in "0123456789X" if check_id_number(body + c)[0])
    changes = ops.register_person("clerk", {"id_number": number, "name": "欧阳晓明"})
    assert [p.code for p in changes.warnings] == ["id.region_newer"]
    assert Person.get_by_id(changes.id).name == "欧阳晓明"


def test_update_audits_only_the_changed_fields_and_reindexes_the_name(db):
    pid = ops.register_person("clerk", {"id_number": VALID, "name": "张三"}).id
    ops.update_person("clerk2", pid, {"name": "李四", "address": "永安里1号"})
    person = Person.get_by_id(pid)
    assert (person.name, person.initials, person.address) == ("李四", "ls", "永安里1号")
    keys = {k.key for k in SearchKey.select().where(SearchKey.person == pid)}
    assert "n李" in keys and "n张" not in keys and "pls" in keys
    entry = audit_for("person", pid)[-1]
    assert (entry.actor, entry.action) == ("clerk2", "update")
    assert json.loads(entry.before) == {"name": "张三", "initials": "zs", "address": ""}
    assert json.loads(entry.after) == {"name": "李四", "initials": "ls", "address": "永安里1号"}


def test_an_update_that_changes_nothing_writes_no_audit_entry(db):
    pid = ops.register_person("clerk", {"id_number": VALID, "name": "张三"}).id
    changes = ops.update_person("clerk", pid, {"name": "张三"})
    assert changes.tables == frozenset()
    assert len(audit_for("person", pid)) == 1


def test_changing_an_id_number_to_one_already_held_is_refused(db):
    ops.register_person("clerk", {"id_number": VALID, "name": "张三"})
    other = ops.register_person("clerk", {"id_number": "110105199001010037", "name": "李四"}).id
    with pytest.raises(ops.DuplicatePersonError):
        ops.update_person("clerk", other, {"id_number": VALID})
    assert Person.get_by_id(other).id_number == "110105199001010037"


def test_deactivating_needs_a_reason_and_is_audited(db):
    pid = ops.register_person("clerk", {"id_number": VALID, "name": "张三"}).id
    with pytest.raises(ops.ValidationError):
        ops.deactivate_person("clerk", pid, " ")
    ops.deactivate_person("clerk", pid, "迁出本街道")
    person = Person.get_by_id(pid)
    assert (person.active, person.deactivated_reason) == (False, "迁出本街道")
    assert audit_for("person", pid)[-1].detail == "迁出本街道"


def test_an_operation_without_an_actor_is_refused(db):
    with pytest.raises(ops.RegistryError):
        ops.register_person("", {"id_number": VALID, "name": "张三"})
    assert Person.select().count() == 0
