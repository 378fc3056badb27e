"""Two clerks, one record: an edit never overwrites what another saved since its form was
filled, and says who changed what; edits write only their own fields."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from helpers.rosters import make_id

from registry import ops
from registry.ops import roles
from registry.ops.accounts import add_account
from registry.ops.edits import EditConflict
from registry.queries.editing import organization_values, volunteer_values
from registry.storage.db import database
from registry.storage.models import AuditEntry, Organization, Person, Volunteer


@pytest.fixture
def volunteer(area):
    add_account("", "boss", "admin", "correct horse", display_name="王主任")
    add_account("boss", "zhang", "clerk", "correct horse", display_name="张老师")
    add_account("boss", "li", "clerk", "correct horse", display_name="李老师")
    changes = ops.register_volunteer("zhang", {"name": "赵敏", "id_number": make_id(7),
                                               "phone": "13800138000", "community": area["community"]})
    return Volunteer.get(Volunteer.id.in_(changes.ids)).id


def updates(record_id: int) -> int:
    return AuditEntry.select().where((AuditEntry.action == "update")
                                     & (AuditEntry.record_id == record_id)).count()


def test_an_edit_on_a_stale_form_is_refused_naming_who_changed_what(volunteer):
    zhang_form = volunteer_values(volunteer, "zhang")
    li_form = volunteer_values(volunteer, "li")  # both opened the same volunteer
    ops.update_volunteer("zhang", volunteer, {"skills": "急救"}, seen=zhang_form.seen)
    before = updates(volunteer)
    with pytest.raises(EditConflict) as refused:
        ops.update_volunteer("li", volunteer, {"skills": "摄影"}, seen=li_form.seen)
    assert re.fullmatch(r"张老师 在 \d\d:\d\d 修改了技能，请刷新后再改。", str(refused.value)), str(refused.value)
    assert Volunteer.get_by_id(volunteer).skills == "急救"  # zhang's change stands
    assert updates(volunteer) == before  # and li's refusal logged no change that didn't stick


def test_a_stale_form_is_refused_even_for_another_field_of_the_person(volunteer):
    zhang_form = volunteer_values(volunteer, "zhang")
    li_form = volunteer_values(volunteer, "li")
    ops.update_volunteer("zhang", volunteer, {"phone": "13900139000"}, seen=zhang_form.seen)
    with pytest.raises(EditConflict, match=r"张老师 在 .* 修改了联系电话，请刷新后再改。"):
        ops.update_volunteer("li", volunteer, {"address": "建外大街 1 号"}, seen=li_form.seen)
    person = Volunteer.get_by_id(volunteer).person
    assert (person.phone, person.address) == ("13900139000", "")


def test_a_fresh_form_after_a_refusal_saves(volunteer):
    stale = volunteer_values(volunteer, "li")
    ops.update_volunteer("zhang", volunteer, {"skills": "急救"}, seen=volunteer_values(volunteer, "zhang").seen)
    with pytest.raises(EditConflict):
        ops.update_volunteer("li", volunteer, {"skills": "摄影"}, seen=stale.seen)
    fresh = volunteer_values(volunteer, "li")
    ops.update_volunteer("li", volunteer, {"skills": "摄影"}, seen=fresh.seen)
    assert Volunteer.get_by_id(volunteer).skills == "摄影"
    assert volunteer_values(volunteer, "li").seen.record == fresh.seen.record + 1


def test_an_edit_writes_only_its_fields_not_the_totals_read_with_them(volunteer, monkeypatch):
    """The lost update seen on a shared server: approvals added hours to a volunteer while an
    edit held a copy read before them, and the edit wrote the old total back."""
    fetch = roles.get_or_fail

    def read_then_others_approve(model, record_id, what, **kwargs):
        record = fetch(model, record_id, what, **kwargs)
        if model is Volunteer:  # another office's approval commits after our read
            Volunteer.update(total_hours=Volunteer.total_hours + 2).where(Volunteer.id == record_id).execute()
        return record

    monkeypatch.setattr(roles, "get_or_fail", read_then_others_approve)
    ops.update_volunteer("zhang", volunteer, {"skills": "急救"})
    stored = Volunteer.get_by_id(volunteer)
    assert (stored.skills, stored.total_hours) == ("急救", Decimal(2))


def test_an_edit_that_loses_the_race_between_read_and_write_is_refused(volunteer, monkeypatch):
    """Another clerk's edit committing between this edit's read and its write: the UPDATE
    only matches the version read, so nothing is overwritten."""
    fetch = roles.get_or_fail

    def read_then_another_edits(model, record_id, what, **kwargs):
        record = fetch(model, record_id, what, **kwargs)
        if model is Volunteer:
            Volunteer.update(skills="摄影", version=Volunteer.version + 1).where(Volunteer.id == record_id).execute()
        return record

    monkeypatch.setattr(roles, "get_or_fail", read_then_another_edits)
    with pytest.raises(EditConflict, match="请刷新后再改"):
        ops.update_volunteer("li", volunteer, {"skills": "急救"})
    assert Volunteer.get_by_id(volunteer).skills != "急救"


@pytest.mark.parametrize(("field", "first", "second", "label", "stored"), [
    ("address", "建外大街 2 号", "建外大街 3 号", "住址", "建外大街 2 号"),
    ("charity_recognized_on", "2022-01-10", "", "慈善组织认定日期", dt.date(2022, 1, 10)),
])
def test_an_organization_edited_on_a_stale_form_is_refused(area, field, first, second, label, stored):
    add_account("", "boss", "admin", "correct horse", display_name="王主任")
    org = ops.register_organization("boss", {"name": "阳光助老服务中心", "org_type": "社会服务机构",
                                             "uscc": "91350100M000100Y43"}).id
    first_form, second_form = organization_values(org), organization_values(org)
    ops.update_organization("boss", org, {field: first}, seen=first_form.seen)
    with pytest.raises(EditConflict, match=rf"王主任 在 .* 修改了{label}，请刷新后再改。"):
        ops.update_organization("boss", org, {field: second}, seen=second_form.seen)
    assert getattr(Organization.get_by_id(org), field) == stored


def test_edits_number_the_versions_and_audit_only_the_changes(volunteer):
    person = Volunteer.get_by_id(volunteer).person_id
    ops.update_person("zhang", person, {"address": "建外大街 1 号"})
    ops.update_person("zhang", person, {"address": "建外大街 1 号"})  # nothing changes
    assert Person.get_by_id(person).version == 2
    entry = AuditEntry.select().where(AuditEntry.table_name == "person").order_by(AuditEntry.id.desc()).get()
    assert entry.after == '{"address": "建外大街 1 号"}'
    assert database.in_transaction() is False


def test_a_form_filled_before_an_import_changed_the_record_is_refused(volunteer, tmp_path):
    """An import that deregisters a volunteer (注销 in its 状态 column) and changes the phone
    moves both records' versions as an edit would: a form opened before it can't save over
    them."""
    from helpers.importer import write_sheet

    from registry.importer import commit_import, preview_import

    li_form = volunteer_values(volunteer, "li")
    path = write_sheet(tmp_path / "名册.xlsx", ["姓名", "身份证号", "联系电话", "所在社区", "状态"],
                       [["赵敏", make_id(7), "13900139000", "永安里社区", "注销"]])
    commit_import(preview_import("volunteers", path), actor="zhang")
    stored = Volunteer.get_by_id(volunteer)
    assert (stored.status, stored.person.phone) == ("注销", "13900139000")
    with pytest.raises(EditConflict, match=r"张老师 在 .* 修改了"):
        ops.update_volunteer("li", volunteer, {"skills": "摄影"}, seen=li_form.seen)
    with pytest.raises(EditConflict):
        ops.update_volunteer("li", volunteer, {"phone": "13700137000"}, seen=li_form.seen)
    assert Volunteer.get_by_id(volunteer).person.phone == "13900139000"
