import datetime as dt

import pytest

from registry import ops
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage.models import AnnualInspection, EvaluationGrade, Organization, ServiceProject


def civil_affairs_code(kind: str, serial: str = "MJ000001") -> str:
    return make_uscc("5" + kind + "110105" + make_org_code(serial))


def test_register_with_a_valid_code_and_matching_type(area):
    code = civil_affairs_code("1")
    changes = ops.register_organization("clerk", {"name": "朝阳区阳光志愿服务协会", "uscc": code.lower(),
                                                  "org_type": "社会团体", "community": area["community"]})
    org = Organization.get_by_id(changes.id)
    assert org.uscc == code and org.street_id == area["street"]
    assert changes.warnings == ()


def test_type_mismatch_is_a_warning_and_a_bad_check_character_an_error(area):
    code = civil_affairs_code("2")  # 2 = 民办非企业单位
    changes = ops.register_organization("clerk", {"name": "甲", "uscc": code, "org_type": "基金会"})
    assert [w.code for w in changes.warnings] == ["uscc.type_mismatch"]
    bad = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ops.ValidationError) as caught:
        ops.register_organization("clerk", {"name": "乙", "uscc": bad, "org_type": "社会服务机构"})
    assert caught.value.problems[0].code == "uscc.checksum"


def test_a_code_is_registered_once(area):
    code = civil_affairs_code("3")
    ops.register_organization("clerk", {"name": "甲基金会", "uscc": code, "org_type": "基金会"})
    with pytest.raises(ops.ValidationError, match="甲基金会"):
        ops.register_organization("clerk", {"name": "乙", "uscc": code, "org_type": "基金会"})


def test_community_organizations_may_be_filed_without_a_code(area):
    changes = ops.register_organization("clerk", {
        "name": "永安里合唱队", "org_type": "社区社会组织（备案）", "community": area["community"],
        "responsible_person": "王五", "venue": "社区活动室", "member_count": "25", "filed_on": "2023-04-01"})
    org = Organization.get_by_id(changes.id)
    assert (org.org_type, org.uscc, org.member_count) == ("社区社会组织", None, 25)
    with pytest.raises(ops.ValidationError):
        ops.register_organization("clerk", {"name": "丙", "org_type": "社会团体"})  # needs a code


def test_inspections_grades_projects_and_deregistration(area):
    oid = ops.register_organization("clerk", {"name": "甲", "uscc": civil_affairs_code("1"),
                                              "org_type": "社会团体"}).id
    year = dt.date.today().year - 1
    ops.record_annual_inspection("clerk", oid, year, "基本合格")
    ops.record_annual_inspection("clerk", oid, year, "合格")  # replaces, audit keeps both
    assert [(i.year, i.result) for i in AnnualInspection.select()] == [(year, "合格")]
    with pytest.raises(ops.ValidationError):
        ops.record_annual_inspection("clerk", oid, year, "优秀")
    ops.set_evaluation_grade("clerk", oid, "4A", dt.date(2024, 2, 29))
    grade = EvaluationGrade.get()
    assert (grade.grade, grade.expires_on) == (4, dt.date(2029, 2, 28))
    ops.add_service_project("clerk", oid, {"name": "老年助餐", "buyer": "建外街道", "amount": "120000",
                                           "starts_on": "2025-01-01", "ends_on": "2025-12-31"})
    assert ServiceProject.get().status == "实施中"
    ops.deregister_organization("clerk", oid, "注销", "自行解散")
    org = Organization.get_by_id(oid)
    assert (org.status, org.status_reason) == ("注销", "自行解散")
    with pytest.raises(ops.RegistryError):
        ops.deregister_organization("clerk", oid, "撤销", "again")


def test_update_organization_keeps_own_code_and_checks_type_against_it(area):
    code = civil_affairs_code("1")
    oid = ops.register_organization("clerk", {"name": "甲", "uscc": code, "org_type": "社会团体"}).id
    changes = ops.update_organization("clerk", oid, {"name": "甲协会", "uscc": code})
    assert Organization.get_by_id(oid).name == "甲协会" and changes.warnings == ()


def test_a_charity_is_marked_with_the_day_it_was_recognized_and_the_change_audited(area):
    import json

    from registry.queries.audit_text import Entry, sentence
    from registry.storage.models import AuditEntry

    oid = ops.register_organization("clerk", {"name": "永安基金会", "uscc": civil_affairs_code("3"),
                                              "org_type": "基金会", "founded_on": "2012-04-01",
                                              "charity_recognized_on": "2019年5月20日"}).id
    assert Organization.get_by_id(oid).charity_recognized_on == dt.date(2019, 5, 20)
    changes = ops.update_organization("clerk", oid, {"charity_recognized_on": "2019-05-21"})
    assert changes.warnings == ()
    entry = AuditEntry.select().where((AuditEntry.table_name == "organization") & (AuditEntry.action == "update")).get()
    assert (json.loads(entry.before), json.loads(entry.after)) == (
        {"charity_recognized_on": "2019-05-20"}, {"charity_recognized_on": "2019-05-21"})
    assert sentence(Entry(entry.actor, entry.action, entry.table_name, entry.record_id, entry.before,
                          entry.after, entry.detail)) == "clerk 修改了社会组织 永安基金会：慈善组织认定日期"
    ops.update_organization("clerk", oid, {"charity_recognized_on": ""})  # no longer a charity
    assert Organization.get_by_id(oid).charity_recognized_on is None
    assert Organization.get_by_id(oid).version == 3


def test_a_charity_day_in_the_future_or_not_a_date_is_refused(area):
    oid = ops.register_organization("clerk", {"name": "甲", "uscc": civil_affairs_code("1"),
                                              "org_type": "社会团体"}).id
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    for wrong, words in ((tomorrow.isoformat(), "超出合理范围"), ("去年", "不是一个有效日期")):
        with pytest.raises(ops.ValidationError, match=words) as caught:
            ops.update_organization("clerk", oid, {"charity_recognized_on": wrong})
        assert caught.value.problems[0].field == "charity_recognized_on"
        assert "慈善组织认定日期" in caught.value.problems[0].message
    assert Organization.get_by_id(oid).charity_recognized_on is None


def test_a_doubtful_recognition_is_saved_with_a_warning(area):
    filed = ops.register_organization("clerk", {"name": "合唱队", "org_type": "社区社会组织",
                                                "charity_recognized_on": "2020-01-01"})
    assert [w.code for w in filed.warnings] == ["charity.not_registered"]
    assert Organization.get_by_id(filed.id).charity_recognized_on == dt.date(2020, 1, 1)
    oid = ops.register_organization("clerk", {"name": "甲", "uscc": civil_affairs_code("1"), "org_type": "社会团体",
                                              "founded_on": "2018-03-01"}).id
    # the founding day stored is the one the recognition is checked against, and the other way round
    assert [w.code for w in ops.update_organization("clerk", oid, {"charity_recognized_on": "2017-01-01"}).warnings] \
        == ["charity.before_founding"]
    assert [w.code for w in ops.update_organization("clerk", oid, {"founded_on": "2016-12-01"}).warnings] == []
    assert [w.code for w in ops.update_organization("clerk", oid, {"org_type": "社区社会组织"}).warnings] == [
        "charity.not_registered"]
    assert ops.update_organization("clerk", oid, {"name": "甲协会"}).warnings == ()  # nothing about it changed
