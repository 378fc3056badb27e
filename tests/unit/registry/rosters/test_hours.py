"""服务时长汇总 counts the ledger's effective lines: approved, and not replaced by an
approved correction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.rosters import data_rows, make_id, values

from registry import ops
from registry.rosters import RosterFilters, export_roster

YEAR = date.today().year - 1


@pytest.fixture
def ledger(area: dict[str, int]) -> dict[str, int]:
    """张三 (永安里): 3 h, 5 h corrected to 2 h, 4 h pending, 6 h with a pending correction.
    李四 (建华南, with 阳光社): 1.5 h in the year before."""
    org = ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织",
                                              "community": area["community2"]}).id
    zhang = ops.register_volunteer("clerk", {"id_number": make_id(1), "name": "张三",
                                             "community": area["community"]}).id
    li = ops.register_volunteer("clerk", {"id_number": make_id(2), "name": "李四",
                                          "community": area["community2"]}).id

    def line(volunteer: int, hours: str, day: date, **extra: int) -> int:
        return ops.record_hours("clerk", volunteer, {"service_date": day, "hours": hours, **extra}).id

    first = line(zhang, "3", date(YEAR, 3, 1))
    wrong = line(zhang, "5", date(YEAR, 4, 1))
    pending_fix = line(zhang, "6", date(YEAR, 5, 1))
    other = line(li, "1.5", date(YEAR - 1, 6, 1), organization=org)
    ops.approve_records("chief", [first, wrong, pending_fix, other])
    fix = ops.correct_record("clerk", wrong, {"hours": "2"}, "多登记了 3 小时").id
    ops.approve_records("chief", [fix])
    ops.correct_record("clerk", pending_fix, {"hours": "1"}, "待审核的更正")  # not yet in force
    line(zhang, "4", date(YEAR, 6, 1))  # pending: not counted
    return {"org": org, **area}


def export(tmp_path: Path, **filters: object) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    target = tmp_path / "hours.xlsx"
    export_roster("hours", target, actor="tester", filters=RosterFilters(**filters))  # type: ignore[arg-type]
    return values(target), data_rows(target)


def test_by_person_counts_approved_lines_and_corrections_in_force(ledger: dict[str, int],
                                                                  tmp_path: Path) -> None:
    sheet, rows = export(tmp_path)
    assert list(sheet[2]) == ["序号", "姓名", "性别", "证件号码", "志愿者编号", "所在社区", "服务次数",
                              "服务时长", "期初结转"]
    # 张三: 3 + 2 (corrected from 5) + 6 (its correction is still pending) = 11 h in 3 lines
    assert [(r[1], r[5], r[6], r[7]) for r in rows] == [("张三", "永安里社区", 3, 11),
                                                        ("李四", "建华南社区", 1, 1.5)]
    total = sheet[3 + len(rows)]
    assert total[:2] == ("合计", "共 2 人") and total[6:8] == (4, 12.5)
    assert "只计已审核的时长" in sheet[1][0]


def test_by_community_and_by_organization(ledger: dict[str, int], tmp_path: Path) -> None:
    sheet, rows = export(tmp_path, group_by="community")
    assert list(sheet[2]) == ["序号", "社区", "所属街道", "服务人数", "服务次数", "服务时长", "期初结转"]
    assert [tuple(r[1:]) for r in rows] == [("永安里社区", "建外街道", 1, 3, 11, 0),
                                            ("建华南社区", "建外街道", 1, 1, 1.5, 0)]
    assert "汇总方式=按社区" in sheet[1][0]
    sheet, rows = export(tmp_path, group_by="organization")
    assert [tuple(r[1:]) for r in rows] == [("（未注明组织）", None, 1, 3, 11, 0),
                                            ("阳光社", None, 1, 1, 1.5, 0)]


def test_period_and_area_filters(ledger: dict[str, int], tmp_path: Path) -> None:
    sheet, rows = export(tmp_path, year=YEAR)
    assert [(r[1], r[7]) for r in rows] == [("张三", 11)]
    assert f"统计期间：{YEAR}-01-01 至 {YEAR}-12-31" in sheet[1][0]
    _, rows = export(tmp_path, date_from=date(YEAR, 3, 15), date_to=date(YEAR, 4, 30))
    assert [(r[1], r[6], r[7]) for r in rows] == [("张三", 1, 2)]
    _, rows = export(tmp_path, community_id=ledger["community2"])
    assert [r[1] for r in rows] == ["李四"]
    _, rows = export(tmp_path, organization_id=ledger["org"])
    assert [(r[1], r[7]) for r in rows] == [("李四", 1.5)]
    sheet, rows = export(tmp_path, street_id=ledger["street"])
    assert len(rows) == 2 and sheet[0][0] == "建外街道服务时长汇总"
    empty = ops.add_area("tester", "street", "110105002", "呼家楼街道", 50_000,
                         parent=ledger["district"]).id  # a street with no community yet
    _, rows = export(tmp_path, street_id=empty)
    assert rows == []


def test_carried_over_hours_are_a_column_of_their_own(ledger: dict[str, int], tmp_path: Path) -> None:
    """Hours an import carried over (期初结转) are summed apart: not lines served, not hours served."""
    from helpers.importer import write_sheet

    from registry.importer import commit_import, preview_import

    path = write_sheet(tmp_path / "旧台账.xlsx", ["姓名", "身份证号", "累计时长"], [["张三", make_id(1), 100]])
    commit_import(preview_import("volunteers", path), actor="clerk")  # 11 h counted: 89 h carried over
    sheet, rows = export(tmp_path)
    assert [(r[1], r[6], r[7], r[8]) for r in rows] == [("张三", 3, 11, 89), ("李四", 1, 1.5, 0)]
    assert sheet[3 + len(rows)][6:9] == (4, 12.5, 89)
    assert "期初结转为登记库建立前的累计时长，单列" in sheet[1][0]
