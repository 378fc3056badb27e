"""Social workers, organizations and training sign-in sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from helpers.importer import id_number, logged_as_stored

from registry import ops
from registry.importer import commit_import, preview_import
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage.models import Attendance, Organization, Person, SocialWorker, Training

ONE, TWO = id_number("110105", "19800101", "011"), id_number("110105", "19810101", "022")
SOCIAL_GROUP = make_uscc("51110105" + make_org_code("MJ012345"))
SERVICE_BODY = make_uscc("52110105" + make_org_code("MJ054321"))
THIS_YEAR = dt.date.today().year


def test_social_workers_with_employer_resolved_by_name(area: dict[str, int],
                                                       sheet: Callable[..., Path]) -> None:
    org = ops.register_organization("clerk", {"name": "阳光社工事务所", "org_type": "社会服务机构",
                                              "uscc": SERVICE_BODY}).id
    path = sheet(["姓名", "证件号码", "等级", "证书编号", "取得年份", "登记有效期至", "工作单位", "岗位", "所在社区"], [
        ["张三", ONE, "社工师", "S-001", "2019年", dt.date(THIS_YEAR + 2, 6, 30), "阳光社工事务所", "督导",
         "永安里社区"],
        ["李四", TWO, "初级", "S-002", 2018, "", "街道社工站", "", ""],
    ])
    preview = preview_import("social-workers", path)
    assert [(p.row, p.column) for p in preview.errors] == [(3, "等级")]
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert (result.created, result.rejected) == (1, 1)
    worker = SocialWorker.get()
    assert (worker.level, worker.certificate_number, worker.obtained_year) == ("社会工作师", "S-001", 2019)
    assert (worker.employer_id, worker.employer_name, worker.post) == (org, "阳光社工事务所", "督导")
    assert worker.community_id == area["community"]
    assert worker.registered_until == dt.date(THIS_YEAR + 2, 6, 30)


def test_social_workers_status_read_from_remark_or_status_column(area: dict[str, int],
                                                                 sheet: Callable[..., Path]) -> None:
    """"已注销" in 备注 (what the roster writes) or a 状态 column: the worker comes in 注销,
    dated, with the rest of 备注 as the person's notes; a 备注 without it says nothing."""
    three = id_number("110105", "19900101", "033")
    path = sheet(["姓名", "证件号码", "证书等级", "证书编号", "登记日期", "登记有效期至", "备注", "状态"], [
        ["张三", ONE, "社会工作师", "S-001", dt.date(2024, 3, 1), dt.date(2027, 2, 28), "已注销；腿脚不便", ""],
        ["李四", TWO, "社会工作师", "S-002", "", "", "已注销", ""],
        ["王五", three, "社会工作师", "S-003", "", "", "会手语", "注销"],
    ])
    preview = preview_import("social-workers", path)
    assert preview.errors == []
    commit_import(preview, actor="clerk")
    got = {w.person.id_number: (w.status, w.person.notes, w.registered_on, w.registered_until)
           for w in SocialWorker.select()}
    assert got == {ONE: ("注销", "腿脚不便", dt.date(2024, 3, 1), dt.date(2027, 2, 28)),
                   TWO: ("注销", "", None, None), three: ("注销", "会手语", None, None)}
    assert {(w.status_changed_on, w.status_reason) for w in SocialWorker.select()} == {
        (dt.date.today(), "导入时已注销")}

    bad = sheet(["姓名", "证件号码", "证书等级", "证书编号", "状态"], [["张三", ONE, "社会工作师", "S-001", "离开"]])
    assert [(p.row, p.column, p.message) for p in preview_import("social-workers", bad).errors] == [
        (2, "状态", "状态“离开”不认识：应为“在册”或“注销”。")]


def test_an_old_social_worker_roster_does_not_reactivate(area: dict[str, int],
                                                         sheet: Callable[..., Path]) -> None:
    """A roster exported before the worker was deregistered (no "已注销") leaves them 注销;
    one without any status column, as rosters were before, still imports."""
    worker = ops.register_social_worker("clerk", {"id_number": ONE, "name": "张三", "level": "社会工作师",
                                                  "certificate_number": "S-001",
                                                  "community": area["community"]}).id
    ops.deactivate_social_worker("clerk", worker, "调离")
    path = sheet(["姓名", "证件号码", "证书等级", "证书编号", "所在社区", "备注"], [
        ["张三", ONE, "社会工作师", "S-001", "永安里社区", ""],
        ["李四", TWO, "助理社会工作师", "S-002", "永安里社区", ""]])
    preview = preview_import("social-workers", path)
    assert [r.action for r in preview.rows] == ["unchanged", "create"]
    commit_import(preview, actor="clerk")
    assert {w.certificate_number: w.status for w in SocialWorker.select()} == {"S-001": "注销", "S-002": "在册"}


def test_organizations_from_the_directory(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    path = sheet(["序号", "组织名称", "统一社会信用代码", "类型", "登记管理机关", "业务主管单位", "法定代表人",
                  "成立日期", "住所", "业务范围", "年检结论", "状态", "所属社区"], [
        [1, "朝阳区志愿者协会", SOCIAL_GROUP.lower(), "社会团体", "朝阳区民政局", "团区委", "张三",
         "2015.6.1", "朝阳路1号", "志愿服务", "合格", "正常", ""],
        [2, "永安里书画社", "", "社区社会组织（备案）", "", "", "", "", "", "", "", "", "永安里"],
        [3, "无码组织", "", "社会团体", "", "", "", "", "", "", "", "", ""],
    ])
    preview = preview_import("organizations", path)
    assert [(p.row, p.column) for p in preview.errors] == [(4, "统一社会信用代码")]
    commit_import(preview, actor="clerk", skip_invalid=True)
    group = Organization.get(Organization.uscc == SOCIAL_GROUP)
    assert (group.name, group.org_type, group.founded_on, group.status) == (
        "朝阳区志愿者协会", "社会团体", dt.date(2015, 6, 1), "正常")
    filed = Organization.get(Organization.name == "永安里书画社")
    assert (filed.org_type, filed.uscc, filed.community_id, filed.street_id) == (
        "社区社会组织", None, area["community"], area["street"])
    assert logged_as_stored(group) and logged_as_stored(filed)
    again = preview_import("organizations", path)
    assert [r.action for r in again.rows] == ["unchanged", "unchanged", "reject"]


def test_a_directory_gives_each_charity_its_day_and_an_old_one_changes_no_designation(
        area: dict[str, int], sheet: Callable[..., Path]) -> None:
    header = ["组织名称", "统一社会信用代码", "类型", "慈善组织认定日期", "成立日期"]
    path = sheet(header, [["朝阳区志愿者协会", SOCIAL_GROUP, "社会团体", "2021年3月5日", "2015-06-01"],
                          ["阳光服务中心", SERVICE_BODY, "社会服务机构", "", "2018-01-01"],
                          ["永安里书画社", "", "社区社会组织", "2020-01-01", ""]], name="new.xlsx")
    preview = preview_import("organizations", path)
    assert preview.errors == []
    assert [(p.row, p.column, p.code) for p in preview.problems] == [(4, "慈善组织认定日期", "charity.not_registered")]
    commit_import(preview, actor="clerk")
    days = {o.name: o.charity_recognized_on for o in Organization.select()}
    assert days == {"朝阳区志愿者协会": dt.date(2021, 3, 5), "阳光服务中心": None, "永安里书画社": dt.date(2020, 1, 1)}
    assert logged_as_stored(Organization.get(Organization.uscc == SOCIAL_GROUP))

    old = sheet(["组织名称", "统一社会信用代码", "类型", "住所"],  # a directory from before the column
                [["朝阳区志愿者协会", SOCIAL_GROUP, "社会团体", "朝阳路1号"],
                 ["新协会", make_uscc("51110105" + make_org_code("MJ099999")), "社会团体", ""]], name="old.xlsx")
    preview = preview_import("organizations", old)
    assert [[c.column for c in r.changes] for r in preview.rows] == [["住所"], []]
    commit_import(preview, actor="clerk")
    assert {o.name: o.charity_recognized_on for o in Organization.select()} == {**days, "新协会": None}
    blank = sheet(header, [["朝阳区志愿者协会", SOCIAL_GROUP, "社会团体", "", "2015-06-01"]], name="blank.xlsx")
    assert [r.action for r in preview_import("organizations", blank).rows] == ["unchanged"]  # blank: not told


def test_training_attendance_creates_the_training_and_credits_hours(
        area: dict[str, int], sheet: Callable[..., Path]) -> None:
    ops.register_social_worker("clerk", {"id_number": ONE, "name": "张三", "level": "社会工作师",
                                         "community": area["community"],
                                         "certificate_number": "S-1", "registered_on": dt.date.today()})
    ops.register_person("clerk", {"id_number": TWO, "name": "李四"})
    header = ["培训名称", "培训日期", "培训学时", "认定学时", "是否合格", "计入继续教育", "姓名", "身份证号"]
    day = dt.date.today()
    path = sheet(header, [
        ["社区工作方法", day, 8, "", "合格", "是", "张三", ONE],
        ["社区工作方法", day, 8, 6, "不合格", "是", "李四", TWO],
        ["社区工作方法", day, 8, "", "合格", "是", "王五", id_number("110105", "19900101", "033")],
    ])
    preview = preview_import("training", path)
    assert [(p.row, p.column) for p in preview.errors] == [(4, "身份证号")]
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert (result.created, result.rejected) == (2, 1)
    training = Training.get()
    assert (training.title, training.hours, training.counts_as_ce) == ("社区工作方法", Decimal(8), True)
    lines = {a.person_id: (a.hours_credited, a.passed) for a in Attendance.select()}
    zhang, li = (Person.get(Person.id_number == n).id for n in (ONE, TWO))
    assert lines == {zhang: (Decimal(8), True), li: (Decimal(6), False)}
    assert all(logged_as_stored(a, "attendance") for a in Attendance.select())
    assert SocialWorker.get().ce_hours == Decimal(8)
