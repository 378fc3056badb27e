import datetime as dt

import pytest
from helpers.rosters import make_id

from registry import ops
from registry.ops.social_workers import extend_registrations
from registry.queries.deadlines import upcoming
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage.models import AuditEntry, SocialWorker

TODAY = dt.date.today()


def code(kind: str, serial: str) -> str:
    return make_uscc("5" + kind + "110105" + make_org_code(serial))


@pytest.fixture
def register(area):
    inspected = ops.register_organization("c", {"name": "已年检协会", "uscc": code("1", "MJ000001"),
                                                "org_type": "社会团体"}).id
    ops.record_annual_inspection("c", inspected, TODAY.year - 1, "合格")
    ops.register_organization("c", {"name": "未年检中心", "uscc": code("2", "MJ000002"), "org_type": "社会服务机构"})
    ops.register_organization("c", {"name": "合唱队", "org_type": "社区社会组织"})  # filed: no inspection
    graded = ops.register_organization("c", {"name": "评估基金会", "uscc": code("3", "MJ000003"),
                                             "org_type": "基金会"}).id
    ops.set_evaluation_grade("c", graded, "3A", TODAY.replace(year=TODAY.year - 5) + dt.timedelta(days=20))
    worker = ops.register_social_worker("c", {"community": area["community"],
        "id_number": "11010519491231002X", "name": "张三", "level": "社会工作师", "certificate_number": "S1",
        "registered_on": TODAY - dt.timedelta(days=3 * 365 - 40)}).id
    return {"worker": worker}


def test_everything_due_soon_with_days_left(register):
    items = upcoming(today=TODAY, within_days=400)
    kinds = {(i.kind, i.subject) for i in items}
    assert ("evaluation_expiry", "评估基金会") in kinds
    assert ("registration_expiry", "张三") in kinds
    assert ("ce_shortfall", "张三") in kinds
    inspections = {i.subject for i in items if i.kind.startswith("annual_report")}
    if inspections:  # only before 5-31 of this year
        assert inspections == {"未年检中心", "评估基金会"}
    shortfall = next(i for i in items if i.kind == "ce_shortfall")
    assert "90" in shortfall.detail
    assert [i.due for i in items] == sorted(i.due for i in items)
    assert all(i.days_left == (i.due - TODAY).days for i in items)


def test_nothing_due_in_a_short_window(register):
    assert [i for i in upcoming(today=TODAY, within_days=5) if i.kind != "annual_report_authority"
            and not i.kind.startswith("annual_report")] == []


def test_bulk_extension_writes_one_audit_entry_per_worker(register):
    worker = SocialWorker.get_by_id(register["worker"])
    until = worker.registered_until
    changes = extend_registrations("admin", until - dt.timedelta(days=1), until + dt.timedelta(days=1), 6,
                                   "民政部通知：有效期顺延 6 个月")
    assert changes.ids == (worker.id,)
    assert SocialWorker.get_by_id(worker.id).registered_until > until + dt.timedelta(days=180)
    entry = AuditEntry.select().where(AuditEntry.action == "extend_registration").get()
    assert entry.detail == "民政部通知：有效期顺延 6 个月" and entry.record_id == worker.id
    assert extend_registrations("admin", TODAY.replace(year=2000), TODAY.replace(year=2001), 6, "x").ids == ()
    with pytest.raises(ops.ValidationError):
        extend_registrations("admin", until, until, 0, "x")


MARCH_1 = dt.date(2026, 3, 1)  # both report dates, 3-31 and 5-31, within 100 days


def reports_due(today: dt.date = MARCH_1) -> set[tuple[str, str, dt.date]]:
    return {(i.subject, i.kind, i.due) for i in upcoming(today=today, within_days=100)
            if i.kind.startswith(("annual_report", "charity"))}


@pytest.fixture
def by_type(area):
    kinds = (("有主管协会", "社会团体", "区文化和旅游局", "1"), ("直登协会", "社会团体", "", "1"),
             ("有主管中心", "社会服务机构", "区民政局", "2"), ("助学基金会", "基金会", "", "3"))
    for serial, (name, org_type, unit, digit) in enumerate(kinds, start=11):
        ops.register_organization("c", {"name": name, "uscc": code(digit, f"MJ{serial:06d}"),
                                        "org_type": org_type, "supervising_unit": unit})
    ops.register_organization("c", {"name": "合唱队", "org_type": "社区社会组织"})


def test_each_type_owes_its_own_reports_and_no_supervising_unit_skips_that_one(by_type):
    mar, may = dt.date(2026, 3, 31), dt.date(2026, 5, 31)
    assert reports_due() == {
        ("有主管协会", "annual_report_supervisor", mar), ("有主管协会", "annual_report_authority", may),
        ("直登协会", "annual_report_authority", may),
        ("有主管中心", "annual_report_supervisor", mar), ("有主管中心", "annual_report_authority", may),
        ("助学基金会", "annual_report_authority", mar)}
    assert {i.label for i in upcoming(today=MARCH_1, within_days=100) if i.subject == "助学基金会"} == {
        "2025 年度工作报告报送登记管理机关"}


def test_the_district_file_sets_each_types_dates(by_type, tmp_path):
    from helpers import ROOT

    from registry.ops.district import apply_district, check_district

    text = (ROOT / "packaging" / "districts" / "110105-chaoyang.toml").read_text(encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text(text.replace('"基金会" = { authority = "03-31" }', '"基金会" = { authority = "04-30" }')
                   .replace('"社会团体" = { supervisor = "03-31", authority = "05-31" }',
                            '"社会团体" = { authority = "" }'), encoding="utf-8")
    config, problems = check_district(own)
    assert problems == [] and config is not None
    apply_district("admin", config)
    due = reports_due()
    assert ("助学基金会", "annual_report_authority", dt.date(2026, 4, 30)) in due
    assert not {d for d in due if d[0] in ("有主管协会", "直登协会")}  # this district asks associations nothing
    assert ("有主管中心", "annual_report_supervisor", dt.date(2026, 3, 31)) in due


def test_a_certified_worker_never_registered_is_due_within_a_year_of_the_certificate(area):
    def worker(id_number: str, name: str, number: str, **more: object) -> None:
        ops.register_social_worker("c", {"community": area["community"], "id_number": id_number, "name": name,
                                         "level": "助理社会工作师", "certificate_number": number, **more})

    worker(make_id(1), "去年取证", "A1", obtained_year=2025)
    worker(make_id(2), "前年取证", "A2", obtained_year=2024)  # overdue: still owed
    worker(make_id(3), "未填年份", "A3")
    worker(make_id(4), "已登记", "A4", obtained_year=2025, registered_on=dt.date(2025, 9, 1))
    due = {i.subject: i for i in upcoming(today=MARCH_1, within_days=30) if i.kind == "first_registration"}
    assert set(due) == {"去年取证", "前年取证", "未填年份"}
    assert (due["去年取证"].due, due["前年取证"].due) == (dt.date(2026, 12, 31), dt.date(2025, 12, 31))
    assert due["前年取证"].days_left < 0 and "2024 年取得证书" in due["前年取证"].detail
    assert "未填写证书取得年份" in due["未填年份"].detail


def test_a_grade_running_out_says_when_the_organization_may_not_apply_again(area):
    def graded(name: str, serial: str, results: dict[int, str]) -> int:
        oid = ops.register_organization("c", {"name": name, "uscc": code("1", serial), "org_type": "社会团体"}).id
        for year, result in results.items():
            ops.record_annual_inspection("c", oid, year, result)
        ops.set_evaluation_grade("c", oid, "4A", TODAY.replace(year=TODAY.year - 5) + dt.timedelta(days=30))
        return oid

    last = TODAY.year - 1
    graded("合格协会", "MJ000011", {last: "合格"})
    graded("缺检协会", "MJ000012", {last - 1: "合格"})
    graded("不合格协会", "MJ000013", {last: "不合格"})
    twice = graded("两年基本合格协会", "MJ000014", {last - 1: "基本合格", last: "基本合格"})
    details = {i.subject: i.detail for i in upcoming(today=TODAY, within_days=60) if i.kind == "evaluation_expiry"}
    assert details["合格协会"] == ""
    assert details["缺检协会"] == f"不能申请评估：{last} 年度未参加年检"
    assert details["不合格协会"] == f"不能申请评估：{last} 年度年检不合格"
    assert details["两年基本合格协会"] == f"不能申请评估：{last - 1}、{last} 年度连续两年年检基本合格"
    from registry.queries.organizations import organization_detail

    assert organization_detail(twice).evaluation_barrier == details["两年基本合格协会"]


def test_an_organization_without_inspections_by_type_is_never_barred(area):
    from registry.queries.organizations import organization_detail

    filed = ops.register_organization("c", {"name": "合唱队", "org_type": "社区社会组织"}).id
    assert organization_detail(filed).evaluation_barrier is None
