"""Imported hours follow the approval rule of typed ones: with accounts they wait for someone
other than the importing clerk; without accounts the clerk's import approves them, and they
enter every summary exactly as approving them one by one does."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.importer import creation_entry, id_number, logged_as_stored

from registry import ops
from registry.importer import commit_import, preview_import
from registry.ops.accounts import add_account
from registry.queries.presets import current_star_preset
from registry.rules.presets import star_level
from registry.rules.problems import RegistryError
from registry.storage.models import CommunityYear, OrganizationYear, ServiceRecord, Volunteer, VolunteerYear

HEADER = ["姓名", "身份证号", "志愿者编号", "服务日期", "服务时长（小时）", "服务内容", "服务类别", "组织单位",
          "服务地点"]
ONE, TWO = id_number("110105", "19800101", "011"), id_number("110105", "19810101", "022")
YEAR = dt.date.today().year - 1


@pytest.fixture
def people(area: dict[str, int]) -> dict[str, int]:
    org = ops.register_organization("clerk", {"name": "阳光志愿服务队", "org_type": "社区社会组织"}).id
    first = ops.register_volunteer("clerk", {"id_number": ONE, "name": "张三", "volunteer_number": "V1",
                                             "community": area["community"]}).id
    second = ops.register_volunteer("clerk", {"id_number": TWO, "name": "李四",
                                              "community": area["community2"]}).id
    earlier = [ops.record_hours("clerk", first, {"service_date": dt.date(YEAR, 1, day), "hours": "19"}).id
               for day in range(5, 10)]  # 95 hours
    ops.approve_records("chief", earlier)
    return {"org": org, "first": first, "second": second}


def ledger_summaries() -> dict[str, dict[object, Decimal]]:
    """Every summary recomputed from the approved lines of the ledger."""
    out: dict[str, dict[object, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for r in ServiceRecord.select().where(ServiceRecord.status == "approved"):
        out["total"][r.volunteer_id] += r.hours
        out["volunteer_year"][(r.volunteer_id, r.service_date.year)] += r.hours
        if r.community_id:
            out["community_year"][(r.community_id, r.service_date.year)] += r.hours
        if r.organization_id:
            out["organization_year"][(r.organization_id, r.service_date.year)] += r.hours
    return out


def stored_summaries() -> dict[str, dict[object, Decimal]]:
    return {
        "total": {v.id: v.total_hours for v in Volunteer.select() if v.total_hours},
        "volunteer_year": {(y.volunteer_id, y.year): y.hours for y in VolunteerYear.select()},
        "community_year": {(y.community_id, y.year): y.hours for y in CommunityYear.select()},
        "organization_year": {(y.organization_id, y.year): y.hours for y in OrganizationYear.select()},
    }


def test_hours_enter_totals_years_and_stars(people: dict[str, int], area: dict[str, int],
                                            sheet: Callable[..., Path]) -> None:
    path = sheet(HEADER, [
        ["张三", ONE, "", dt.date(YEAR, 3, 1), 3.5, "陪老人聊天", "为老服务", "阳光志愿服务队", "敬老院"],
        ["", "", "V1", f"{YEAR}.3.2", "2", "助餐", "为老服务", "", ""],
        ["李四", TWO, "", dt.date(YEAR, 3, 1), 1.25, "清扫楼道", "社区治理", "阳光志愿服务队", ""],
    ])
    preview = preview_import("hours", path)
    assert [r.action for r in preview.rows] == ["create"] * 3
    result = commit_import(preview, actor="clerk")
    assert result.created == 3
    lines = list(ServiceRecord.select().where(ServiceRecord.volunteer == people["first"])
                 .order_by(ServiceRecord.id))
    assert all(r.status == "approved" and r.approver == "clerk" for r in lines[-2:])
    assert lines[-1].community_id == area["community"]  # defaults to the volunteer's community
    imported = [*lines[-2:], ServiceRecord.get(ServiceRecord.volunteer == people["second"])]
    assert [r.hours for r in imported] == [Decimal("3.5"), Decimal(2), Decimal("1.25")]
    for line in imported:  # fractional and whole hours read back from the audit log as stored
        assert logged_as_stored(line) and creation_entry(line).detail == "导入并审核"
    expected = ledger_summaries()
    stored = stored_summaries()
    for key in ("total", "volunteer_year", "community_year", "organization_year"):
        assert stored[key] == dict(expected[key]), key
    first = Volunteer.get_by_id(people["first"])
    assert first.total_hours == Decimal("100.5")
    preset = current_star_preset()
    assert (first.star_level, first.star_preset) == (star_level(preset, Decimal("100.5")), preset.name)
    assert first.star_level == 1


def test_the_same_lines_are_not_imported_twice(people: dict[str, int],
                                               sheet: Callable[..., Path]) -> None:
    path = sheet(HEADER, [["张三", ONE, "", dt.date(YEAR, 3, 1), 2, "助餐", "", "", ""]])
    commit_import(preview_import("hours", path), actor="clerk")
    again = preview_import("hours", path)
    assert again.rows[0].action == "unchanged"
    assert commit_import(again, actor="clerk").created == 0
    assert Volunteer.get_by_id(people["first"]).total_hours == Decimal(97)


def test_unknown_volunteer_day_over_24_hours_and_unknown_organization(
        people: dict[str, int], sheet: Callable[..., Path]) -> None:
    stranger = id_number("110105", "19900101", "044")
    path = sheet(HEADER, [
        ["", stranger, "", dt.date(YEAR, 4, 1), 2, "", "", "", ""],
        ["张三", ONE, "", dt.date(YEAR, 4, 2), 20, "", "", "", ""],
        ["张三", ONE, "", dt.date(YEAR, 4, 2), 5, "另一件事", "", "", ""],
        ["李四", TWO, "", dt.date(YEAR, 4, 3), 1, "", "", "没有这个组织", ""],
        ["王五", TWO, "", dt.date(YEAR, 4, 4), 1, "", "", "", ""],
    ])
    preview = preview_import("hours", path)
    errors = {(p.row, p.column): p.message for p in preview.errors}
    assert "不是登记库中的志愿者" in errors[(2, "身份证号")]
    assert "超过 24 小时" in errors[(3, "服务时长（小时）")]
    assert "超过 24 小时" in errors[(4, "服务时长（小时）")]
    assert "没有这个组织" in errors[(5, "组织单位")]
    warnings = [p for p in preview.problems if p.row == 6]
    assert [p.column for p in warnings] == ["姓名"] and "李四" in warnings[0].message
    assert preview.rows[4].action == "create"


def test_with_accounts_a_clerk_cannot_approve_hours_by_importing_them(
        people: dict[str, int], sheet: Callable[..., Path]) -> None:
    """The attack of issue 12 item 9: a clerk imports hours and would have them approved by
    themselves. They wait for another clerk or the administrator; totals move only then."""
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "zhao", "clerk", "clerk-password")
    before = stored_summaries()
    path = sheet(HEADER, [["张三", ONE, "", dt.date(YEAR, 5, 1), 4, "助餐", "为老服务", "阳光志愿服务队", ""],
                          ["李四", TWO, "", dt.date(YEAR, 5, 1), 2, "清扫楼道", "", "", ""]])
    preview = preview_import("hours", path)
    assert any("等待其他办事员或管理员审核" in note for note in preview.notes)
    result = commit_import(preview, actor="li")
    assert result.created == 2 and "审核通过后才计入" in result.summary()
    imported = list(ServiceRecord.select().where(ServiceRecord.recorder == "li"))
    assert [(r.status, r.approver, r.approved_at) for r in imported] == [("pending", "", None)] * 2
    assert creation_entry(imported[0]).detail == "导入，待审核"
    assert stored_summaries() == before  # nothing counts yet: not totals, years nor stars
    assert Volunteer.get_by_id(people["first"]).star_level == 0
    with pytest.raises(RegistryError, match="您本人登记的"):
        ops.approve_records("li", [r.id for r in imported])
    assert stored_summaries() == before
    ops.approve_records("zhao", [imported[0].id])  # another clerk may
    ops.approve_records("boss", [imported[1].id])  # and so may the administrator
    first = Volunteer.get_by_id(people["first"])
    assert first.total_hours == Decimal(99) and first.star_level == 0
    assert Volunteer.get_by_id(people["second"]).total_hours == Decimal(2)
    stored, expected = stored_summaries(), ledger_summaries()
    for key in ("total", "volunteer_year", "community_year", "organization_year"):
        assert stored[key] == dict(expected[key]), key


def test_without_accounts_the_import_approves_as_typed_hours_may(
        people: dict[str, int], sheet: Callable[..., Path]) -> None:
    path = sheet(HEADER, [["张三", ONE, "", dt.date(YEAR, 5, 2), 5, "助餐", "", "", ""]])
    preview = preview_import("hours", path)
    assert preview.notes == ["导入的 1 条时长记录直接记为已审核，计入累计时长和星级。"]
    commit_import(preview, actor="clerk")
    first = Volunteer.get_by_id(people["first"])
    assert (first.total_hours, first.star_level) == (Decimal(100), 1)
