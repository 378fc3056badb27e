"""Each roster, exported from a small demo register and read back cell by cell."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.rosters import TODAY, data_rows, values
from helpers.rosters import sheet as worksheet
from peewee import fn

from registry.rosters import ROSTERS, RosterFilters, export_roster
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone
from registry.rules.problems import RegistryError
from registry.storage.models import (
    AnnualInspection,
    Attendance,
    Community,
    CommunityYear,
    EvaluationGrade,
    Organization,
    SocialWorker,
    Street,
    Training,
    Volunteer,
    VolunteerOrganization,
    VolunteerYear,
)


def export(key: str, folder: Path, **options: Any) -> tuple[int, Path]:
    target = folder / f"{key}.xlsx"
    result = export_roster(key, target, actor="tester", today=TODAY, **options)
    assert result.path == target and target.exists()
    return result.rows, target


def day(d: date | None) -> datetime | None:
    return datetime(d.year, d.month, d.day) if d else None


def text(s: str | None) -> str | None:
    return s or None  # an empty text leaves the cell empty


def test_the_rosters_on_offer() -> None:
    assert {k: s.title for k, s in ROSTERS.items()} == {
        "volunteers": "志愿者花名册", "social-workers": "持证社工花名册",
        "organizations": "社会组织名录", "hours": "服务时长汇总", "training-signin": "培训签到表",
        "training-stats": "培训统计", "community-orgs": "社区社会组织备案台账",
        "certificates": "志愿服务证明登记表", "deadlines": "到期事项清单", "audit": "操作日志",
        "ce-hours": "继续教育学时情况", "indicators": "街道指标"}


def test_volunteer_roster_matches_the_register_cell_by_cell(demo: Path, tmp_path: Path) -> None:
    rows, path = export("volunteers", tmp_path)
    sheet = values(path)
    assert sheet[0][0] == "朝阳区志愿者花名册"
    assert sheet[1][0].startswith("制表日期：2025年6月1日　　筛选：无（全部记录）")
    assert list(sheet[2]) == ["序号", "姓名", "性别", "证件类型", "证件号码", "出生日期", "政治面貌", "联系电话",
                              "所在社区", "志愿者编号", "注册日期", "技能/服务类别", "累计时长",
                              "本年时长", "星级", "备注"]
    expected = {}
    for v in Volunteer.select():
        p = v.person
        year = VolunteerYear.get_or_none(volunteer=v.id, year=TODAY.year)
        skills = "；".join(s for s in (v.skills, v.service_categories) if s)
        remark = p.notes if v.status == "在册" else "；".join(
            s for s in ("已" + v.status, p.notes) if s)
        expected[v.volunteer_number] = (
            p.name, p.sex, p.id_type, mask_id_number(p.id_number), f"{p.birth_date.year}年", text(p.political_status),
            mask_phone(p.phone) if p.phone else None, v.community.name if v.community else None,
            v.volunteer_number, day(v.registered_on), text(skills), float(v.total_hours),
            float(year.hours) if year else 0, v.star_level, text(remark))
    got = data_rows(path)
    assert rows == len(got) == len(expected) == 300
    assert [r[0] for r in got] == list(range(1, 301))
    for row in got:
        assert tuple(row[1:]) == expected[row[9]]
    total = sheet[3 + rows]
    assert total[:2] == ("合计", "共 300 人")
    assert total[12] == pytest.approx(float(sum(v.total_hours for v in Volunteer.select())))
    assert len(sheet) == 3 + rows + 1  # nothing after the total row


def test_social_worker_roster_matches_the_register(demo: Path, tmp_path: Path) -> None:
    """Every field an import reads back is in it; a deregistered worker says so in 备注, as
    the volunteer roster does (the importer takes it back from there)."""
    from registry import ops

    gone = SocialWorker.select().order_by(SocialWorker.id).first()
    ops.deactivate_social_worker("tester", gone.id, "调离本街道")
    rows, path = export("social-workers", tmp_path)
    sheet = values(path)
    assert sheet[0][0] == "朝阳区持证社工花名册"
    # resident cards only: the official columns, no 证件类型 (test_a_worker_with_another_document_adds_the_type_column)
    assert list(sheet[2]) == ["序号", "姓名", "性别", "证件号码", "证书等级", "证书编号", "取得年份",
                              "登记日期", "登记有效期至", "工作单位", "岗位", "所在社区",
                              "本周期继续教育学时", "要求学时", "联系电话", "备注"]
    required = {"助理社会工作师": 72, "社会工作师": 90, "高级社会工作师": 90}  # national preset
    expected = {w.certificate_number: (
        w.person.name, w.person.sex, mask_id_number(w.person.id_number), w.level,
        w.certificate_number, w.obtained_year, day(w.registered_on),
        day(w.registered_until), text(w.employer_name), text(w.post),
        w.community.name if w.community else None, float(w.ce_hours), required[w.level],
        mask_phone(w.person.phone) if w.person.phone else None,
        text(w.person.notes) if w.status == "在册" else "；".join(s for s in ("已注销", w.person.notes) if s))
        for w in SocialWorker.select()}
    got = data_rows(path)
    assert rows == len(got) == len(expected) > 0
    assert {r[5]: tuple(r[1:]) for r in got} == expected
    assert {r[5]: r[-1] for r in got}[gone.certificate_number].startswith("已注销")
    assert all(w.registered_on for w in SocialWorker.select())  # the demo gives every date


def test_a_worker_with_another_document_adds_the_type_column(demo: Path, tmp_path: Path) -> None:
    from registry.storage.models import Person

    worker = SocialWorker.select().order_by(SocialWorker.id).first()
    Person.update(id_type="护照", id_number="E12345678", nationality="法国").where(
        Person.id == worker.person_id).execute()
    _rows, path = export("social-workers", tmp_path)
    header = list(values(path)[2])
    assert header[3:5] == ["证件类型", "证件号码"]
    types = {r[6]: r[3] for r in data_rows(path)}
    assert types[worker.certificate_number] == "护照"
    assert set(types.values()) == {"护照", "居民身份证"}


def test_organization_directory_shows_latest_inspection_and_grade(demo: Path, tmp_path: Path) -> None:
    rows, path = export("organizations", tmp_path)
    sheet = values(path)
    assert list(sheet[2]) == ["序号", "组织名称", "统一社会信用代码", "类型", "慈善组织认定日期", "登记管理机关",
                              "业务主管单位", "法定代表人", "成立日期", "住所", "业务范围", "年检结论",
                              "评估等级", "等级有效期至", "状态"]
    got = {(r[1], r[2]): r for r in data_rows(path)}
    assert rows == len(got) == Organization.select().count()
    graded = EvaluationGrade.select().order_by(EvaluationGrade.awarded_on.desc()).first()
    org = graded.organization
    latest_grade = (EvaluationGrade.select().where(EvaluationGrade.organization == org.id)
                    .order_by(EvaluationGrade.awarded_on.desc()).first())
    row = got[(org.name, org.uscc)]
    assert row[12:14] == (f"{latest_grade.grade}A", day(latest_grade.expires_on))
    inspected = AnnualInspection.select().order_by(AnnualInspection.year.desc()).first()
    org = inspected.organization
    row = got[(org.name, org.uscc)]
    assert row[11] == f"{inspected.result}（{inspected.year} 年度）"
    assert row[3:7] == (org.org_type, day(org.charity_recognized_on), text(org.registration_authority),
                        text(org.supervising_unit))
    assert row[8] == day(org.founded_on) and row[14] == org.status
    charities = {(o.name, o.uscc): o.charity_recognized_on
                 for o in Organization.select().where(Organization.charity_recognized_on.is_null(False))}
    assert charities  # the demonstration register has a few
    assert {key: r[4] for key, r in got.items() if r[4] is not None} == {
        key: day(on) for key, on in charities.items()}  # the day where recognized, blank elsewhere


def test_organization_directory_for_one_inspection_year(demo: Path, tmp_path: Path) -> None:
    year = AnnualInspection.select(fn.MAX(AnnualInspection.year)).scalar()
    _, path = export("organizations", tmp_path, filters=RosterFilters(year=year))
    results = {a.organization.name: a.result for a in AnnualInspection.select().where(
        AnnualInspection.year == year)}
    got = {r[1]: r[11] for r in data_rows(path)}
    assert {name: result for name, result in got.items() if result} == results
    assert f"年检年度={year}" in values(path)[1][0]


def test_community_organization_ledger_lists_only_filed_community_organizations(
        demo: Path, tmp_path: Path) -> None:
    rows, path = export("community-orgs", tmp_path)
    sheet = values(path)
    assert list(sheet[2]) == ["序号", "组织名称", "负责人", "活动场所", "成员人数", "服务领域",
                              "备案日期", "所在社区", "所属街道", "状态", "备注"]
    orgs = {o.name: o for o in Organization.select().where(Organization.org_type == "社区社会组织")}
    got = data_rows(path)
    assert rows == len(got) == len(orgs) > 0
    for r in got:
        o = orgs[r[1]]
        street = o.street.name if o.street else o.community.street.name
        assert tuple(r[2:10]) == (text(o.responsible_person), text(o.venue), o.member_count,
                                  text(o.service_fields), day(o.filed_on),
                                  o.community.name if o.community else None, street, o.status)
    total = sheet[3 + rows]
    assert total[4] == sum(o.member_count or 0 for o in orgs.values())


def test_training_signin_sheet_has_a_blank_signature_column(demo: Path, tmp_path: Path) -> None:
    training = (Training.select().join(Attendance).group_by(Training.id)
                .order_by(fn.COUNT(Attendance.id).desc()).first())
    rows, path = export("training-signin", tmp_path, filters=RosterFilters(training_id=training.id))
    sheet = values(path)
    assert sheet[0][0] == "朝阳区培训签到表"
    assert f"培训：{training.title}" in sheet[1][0]
    assert list(sheet[2]) == ["序号", "姓名", "性别", "证件号码", "工作单位", "联系电话", "签名"]
    people = {a.person.name for a in Attendance.select().where(Attendance.training == training.id)}
    got = data_rows(path)
    assert rows == len(got) == Attendance.select().where(Attendance.training == training.id).count()
    assert {r[1] for r in got} == people
    assert all(r[6] is None for r in got)
    assert all("*" in r[3] for r in got)
    ws = worksheet(path)
    assert all(ws.row_dimensions[r].height >= 27.5 for r in range(4, 4 + rows))  # room to sign


def test_training_signin_needs_a_training(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="需要先选择培训"):
        export("training-signin", tmp_path)
    with pytest.raises(RegistryError, match="找不到所选的培训"):
        export("training-signin", tmp_path, filters=RosterFilters(training_id=99999))
    assert not (tmp_path / "training-signin.xlsx").exists()


def test_training_statistics_count_attendance(demo: Path, tmp_path: Path) -> None:
    rows, path = export("training-stats", tmp_path, filters=RosterFilters(year=TODAY.year - 1))
    expected = {}
    for t in Training.select().where(Training.starts_on.year == TODAY.year - 1):
        att = list(Attendance.select().where(Attendance.training == t.id))
        expected[t.title] = (len(att), sum(1 for a in att if a.passed),
                             float(sum((a.hours_credited for a in att), Decimal(0))))
    got = {r[1]: (r[8], r[9], r[10]) for r in data_rows(path)}
    assert got == expected and rows == len(expected) > 0
    assert f"培训年度={TODAY.year - 1}" in values(path)[1][0]


def test_continuing_education_shortfall_and_due_dates(demo: Path, tmp_path: Path) -> None:
    rows, path = export("ce-hours", tmp_path)
    sheet = values(path)
    assert list(sheet[2]) == ["序号", "姓名", "证书等级", "证书编号", "工作单位", "所在社区", "周期开始",
                              "截止日期", "剩余天数", "本周期学时", "要求学时", "尚缺学时", "完成情况"]
    required = {"助理社会工作师": 72, "社会工作师": 90, "高级社会工作师": 90}
    workers = {w.certificate_number: w for w in SocialWorker.select()}
    got = data_rows(path)
    assert rows == len(got) == len(workers)
    dues = [r[8] for r in got]
    assert dues == sorted(dues)  # most urgent first
    for r in got:
        w = workers[r[3]]
        short = max(0.0, required[w.level] - float(w.ce_hours))
        assert r[7:13] == (
            day(w.registered_until), (w.registered_until - TODAY).days, float(w.ce_hours),
            required[w.level], short,
            "已达标" if short == 0 else "已逾期" if w.registered_until < TODAY else "未达标")
        assert r[6] == datetime(w.registered_until.year - 3, w.registered_until.month,
                                min(w.registered_until.day, 28 if w.registered_until.month == 2
                                    else 31))


def test_street_indicators_per_community(demo: Path, tmp_path: Path) -> None:
    rows, path = export("indicators", tmp_path)
    sheet = values(path)
    assert list(sheet[2]) == ["序号", "社区", "所属街道", "常住人口", "在册志愿者", "志愿者占常住人口比例",
                              "在册持证社工", "每千名居民持证社工数", "社区社会组织", "年度志愿服务时长"]
    got = {r[1]: r for r in data_rows(path)}
    assert rows == len(got) == Community.select().count()
    for c in Community.select():
        r = got[c.name]
        vols = Volunteer.select().where((Volunteer.community == c.id) & (Volunteer.status == "在册")).count()
        sws = SocialWorker.select().where(
            (SocialWorker.community == c.id) & (SocialWorker.status == "在册")).count()
        hours = CommunityYear.get_or_none(community=c.id, year=TODAY.year)
        assert r[2:5] == (c.street.name, c.population, vols)
        assert r[5] == pytest.approx(vols / c.population)
        assert r[6] == sws and r[7] == pytest.approx(sws * 1000 / c.population)
        assert r[9] == pytest.approx(float(hours.hours) if hours else 0)
    total = sheet[3 + rows]
    population = sum(c.population for c in Community.select())
    active = Volunteer.select().where(Volunteer.status == "在册").count()
    assert total[0] == "合计" and total[3] == population and total[4] == active
    assert total[5] == pytest.approx(active / population)  # a ratio of totals, not a sum of ratios


def test_community_and_status_filters_choose_rows_and_are_named(demo: Path, tmp_path: Path) -> None:
    community = (Community.select().join(Volunteer, on=(Volunteer.community == Community.id))
                 .group_by(Community.id).order_by(fn.COUNT(Volunteer.id).desc()).first())
    street = Street.get_by_id(community.street_id)
    rows, path = export("volunteers", tmp_path,
                        filters=RosterFilters(community_id=community.id, status="在册"))
    sheet = values(path)
    assert sheet[0][0] == f"{street.name}{community.name}志愿者花名册"
    assert f"筛选：社区={community.name}；状态=在册" in sheet[1][0]
    expected = Volunteer.select().where((Volunteer.community == community.id)
                                        & (Volunteer.status == "在册")).count()
    got = data_rows(path)
    assert rows == len(got) == expected > 0
    assert {r[8] for r in got} == {community.name}

    rows, path = export("volunteers", tmp_path, filters=RosterFilters(street_id=street.id))
    assert values(path)[0][0] == f"{street.name}志愿者花名册"
    in_street = Volunteer.select().join(Community).where(Community.street == street.id).count()
    assert rows == in_street < Volunteer.select().count()


def test_organization_and_date_filters(demo: Path, tmp_path: Path) -> None:
    org_id = (VolunteerOrganization.select(VolunteerOrganization.organization)
              .group_by(VolunteerOrganization.organization)
              .order_by(fn.COUNT(VolunteerOrganization.volunteer).desc()).scalar())
    members = {m.volunteer.volunteer_number for m in VolunteerOrganization.select().where(
        VolunteerOrganization.organization == org_id)}
    rows, path = export("volunteers", tmp_path, filters=RosterFilters(organization_id=org_id))
    assert {r[9] for r in data_rows(path)} == members
    assert f"组织={Organization.get_by_id(org_id).name}" in values(path)[1][0]

    start, end = date(2015, 1, 1), date(2019, 12, 31)
    rows, path = export("volunteers", tmp_path, filters=RosterFilters(date_from=start, date_to=end))
    dates = [r[10] for r in data_rows(path)]
    assert rows == Volunteer.select().where(Volunteer.registered_on.between(start, end)).count() > 0
    assert all(day(start) <= d <= day(end) for d in dates)
    assert "注册日期=2015-01-01至2019-12-31" in values(path)[1][0]


@pytest.mark.parametrize(("key", "filters", "message"), [
    ("nonsense", RosterFilters(), "没有“nonsense”这种花名册"),
    ("volunteers", RosterFilters(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1)), "晚于截止日期"),
    ("volunteers", RosterFilters(status="正常"), "状态“正常”不适用于志愿者花名册"),
    ("volunteers", RosterFilters(training_id=1), "不能按培训筛选"),
    ("indicators", RosterFilters(status="在册"), "不能按状态筛选"),
    ("hours", RosterFilters(group_by="street"), "汇总方式“street”无效"),
    ("hours", RosterFilters(year=2023, date_from=date(2024, 1, 1)), "没有重叠"),
    ("volunteers", RosterFilters(community_id=99999), "找不到所选的社区"),
])
def test_bad_filters_are_refused_in_plain_chinese(demo: Path, tmp_path: Path, key: str,
                                                  filters: RosterFilters, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        export(key, tmp_path, filters=filters)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*")) == []


def test_a_community_outside_the_chosen_street_is_refused(demo: Path, tmp_path: Path) -> None:
    community = Community.select().first()
    other = Street.select().where(Street.id != community.street_id).first()
    with pytest.raises(RegistryError, match="不属于"):
        export("volunteers", tmp_path,
               filters=RosterFilters(street_id=other.id, community_id=community.id))
