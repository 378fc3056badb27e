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
    inspections = {i.subject for i in items if i.kind.startswith("annual_report") and i.due.year == TODAY.year}
    if inspections:  # only before 5-31 of this year
        assert inspections == {"未年检中心", "评估基金会"}
    next_year = {i.subject for i in items if i.kind.startswith("annual_report") and i.due.year > TODAY.year}
    if TODAY + dt.timedelta(days=400) >= dt.date(TODAY.year + 1, 5, 31):
        assert "已年检协会" in next_year  # its report on this year's work is owed next year
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


@pytest.fixture
def charities(by_type):
    """Besides each type's organizations: a foundation and a supervised association recognized as
    charities before this year (2026), and a foundation recognized this year."""
    for serial, (name, org_type, unit, digit, recognized) in enumerate((
            ("慈善基金会", "基金会", "", "3", "2019-05-20"),
            ("慈善协会", "社会团体", "区民政局", "1", "2025-12-31"),
            ("新认定基金会", "基金会", "", "3", "2026-01-01")), start=31):
        ops.register_organization("c", {"name": name, "uscc": code(digit, f"MJ{serial:06d}"), "org_type": org_type,
                                        "supervising_unit": unit, "charity_recognized_on": recognized})


def charity_district(tmp_path, annual_report: str) -> None:
    """The shipped district file, with its charities' 年报 due on `annual_report`, applied."""
    from helpers import ROOT

    from registry.ops.district import apply_district, check_district

    text = (ROOT / "packaging" / "districts" / "110105-chaoyang.toml").read_text(encoding="utf-8")
    assert '"慈善组织" = { annual_report = "05-31" }' in text
    own = tmp_path / "own.toml"
    own.write_text(text.replace('"慈善组织" = { annual_report = "05-31" }',
                                f'"慈善组织" = {{ annual_report = "{annual_report}" }}'), encoding="utf-8")
    config, problems = check_district(own)
    assert problems == [] and config is not None
    apply_district("admin", config)


def test_a_charity_owes_the_district_files_annual_report_instead_of_its_types_reports(charities, tmp_path):
    charity_district(tmp_path, "04-30")
    due = reports_due()
    assert {d for d in due if d[0] in ("慈善基金会", "慈善协会")} == {
        ("慈善基金会", "charity_annual_report", dt.date(2026, 4, 30)),
        ("慈善协会", "charity_annual_report", dt.date(2026, 4, 30))}  # neither 3-31 nor 5-31 of their types
    # recognized this year: its 2025 work was a foundation's, reported as one
    assert {d for d in due if d[0] == "新认定基金会"} == {
        ("新认定基金会", "annual_report_authority", dt.date(2026, 3, 31))}
    assert ("助学基金会", "annual_report_authority", dt.date(2026, 3, 31)) in due  # the others as before
    [item] = [i for i in upcoming(today=MARCH_1, within_days=100) if i.subject == "慈善基金会"]
    assert (item.label, item.detail) == ("2025 年度慈善组织年报", "2025 年度")
    assert {(i.subject, i.kind) for i in upcoming(today=dt.date(2027, 3, 1), within_days=100)
            if i.subject == "新认定基金会"} == {("新认定基金会", "charity_annual_report")}  # a charity's from 2027


def test_the_worklist_filters_a_charitys_annual_report_by_its_kind(charities, tmp_path):
    from registry.queries.deadlines import DueFilter

    charity_district(tmp_path, "05-31")
    only = upcoming(today=MARCH_1, within_days=100, due=DueFilter(kinds=frozenset({"charity_annual_report"})))
    assert {(i.subject, i.kind) for i in only} == {("慈善基金会", "charity_annual_report"),
                                                   ("慈善协会", "charity_annual_report")}
    others = upcoming(today=MARCH_1, within_days=100,
                      due=DueFilter(kinds=frozenset({"annual_report_authority", "annual_report_supervisor"})))
    assert others and not {i for i in others if i.kind == "charity_annual_report" or i.subject == "慈善基金会"}


def test_a_charitys_annual_report_made_is_no_longer_due(charities, tmp_path):
    from registry.storage.models import Organization

    charity_district(tmp_path, "05-31")
    charity = Organization.get(Organization.name == "慈善基金会").id
    ops.record_annual_inspection("c", charity, 2025, "合格")  # its 年报 on 2025, recorded as every report is
    assert not {d for d in reports_due() if d[0] == "慈善基金会"}


def test_without_a_district_date_a_charity_keeps_its_type_s_reports(charities):
    """The charity's 年报 is due on the day the district file gives; the defaults give none,
    so until a district does, a charity's reports stay its type's: none disappears."""
    due = reports_due()
    assert {d for d in due if d[0] in ("慈善基金会", "慈善协会")} == {
        ("慈善协会", "annual_report_supervisor", dt.date(2026, 3, 31)),
        ("慈善协会", "annual_report_authority", dt.date(2026, 5, 31)),
        ("慈善基金会", "annual_report_authority", dt.date(2026, 3, 31))}
    assert not {d for d in due if d[1] == "charity_annual_report"}
    assert ("新认定基金会", "annual_report_authority", dt.date(2026, 3, 31)) in due


def test_a_charity_that_missed_its_annual_report_may_not_apply_for_an_evaluation(charities, tmp_path):
    from registry.queries.organizations import evaluation_barriers
    from registry.storage.models import Organization

    ids = {o.name: o.id for o in Organization.select()}
    charity_district(tmp_path, "05-31")
    barred = evaluation_barriers([ids["慈善基金会"], ids["慈善协会"]], 2026)
    assert barred == {ids["慈善基金会"]: "不能申请评估：2025 年度未参加年检",
                      ids["慈善协会"]: "不能申请评估：2025 年度未参加年检"}
    ops.record_annual_inspection("c", ids["慈善基金会"], 2025, "合格")
    assert set(evaluation_barriers([ids["慈善基金会"]], 2026)) == set()
