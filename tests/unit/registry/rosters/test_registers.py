"""志愿服务证明登记表, 到期事项清单 and 操作日志."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.rosters import data_rows, make_id, values
from helpers.rosters import sheet as worksheet

from registry import ops
from registry.ops.certificates import issue_certificate
from registry.rosters import ROSTERS, RosterFilters, export_roster

TODAY = dt.date.today()


def _volunteer_with_certificate(area: dict[str, int]) -> tuple[int, str]:
    vid = ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                           "volunteer_number": "V1", "phone": "13800138000",
                                           "community": area["community"]}).id
    rid = ops.record_hours("clerk", vid, {"service_date": TODAY - dt.timedelta(days=10), "hours": 4,
                                          "service_category": "为老服务"}).id
    ops.approve_records("chief", [rid])
    cid = issue_certificate("clerk", vid, {"period_from": TODAY - dt.timedelta(days=30), "period_to": TODAY,
                                           "issuing_organization": "建外街道办事处"}).id
    from registry.storage.models import Certificate

    return cid, Certificate.get_by_id(cid).number


def test_the_certificate_register_lists_issued_certificates_masked(area, tmp_path: Path) -> None:
    _cid, number = _volunteer_with_certificate(area)
    result = export_roster("certificates", tmp_path / "c.xlsx", actor="clerk")
    [row] = data_rows(result.path)
    assert row[1:4] == (number, "张三", "110105**********2X")
    assert row[7] == 4 and row[8] == 0 and row[10] == "建外街道办事处"
    assert "志愿服务证明登记表" in str(values(result.path)[0][0])


def test_the_certificate_register_shows_the_hours_carried_over(area, tmp_path: Path) -> None:
    """含结转时长: the opening balance (期初结转) within 服务时长, as the certificate says it."""
    from helpers.importer import write_sheet

    from registry.importer import commit_import, preview_import

    vid = ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                           "community": area["community"]}).id
    old = write_sheet(tmp_path / "旧台账.xlsx", ["姓名", "身份证号", "累计时长"], [["张三", "11010519491231002X", 16]])
    commit_import(preview_import("volunteers", old), actor="clerk")  # dated 31 December last year
    rid = ops.record_hours("clerk", vid, {"service_date": TODAY - dt.timedelta(days=1), "hours": "2.5"}).id
    ops.approve_records("chief", [rid])
    issue_certificate("clerk", vid, {"period_from": dt.date(TODAY.year - 1, 1, 1), "period_to": TODAY,
                                     "issuing_organization": "建外街道办事处"})
    result = export_roster("certificates", tmp_path / "c.xlsx", actor="clerk")
    header = list(values(result.path)[2])
    [row] = data_rows(result.path)
    total = values(result.path)[4]
    hours, carried = header.index("服务时长"), header.index("含结转时长")
    assert carried == hours + 1
    assert (row[hours], row[carried]) == (18.5, 16) == (total[hours], total[carried])


def test_the_deadline_list_follows_the_horizon(area, tmp_path: Path) -> None:
    ops.register_social_worker("clerk", {"community": area["community"],
                                         "id_number": "110105199001010037", "name": "李四", "level": "社会工作师",
                                         "certificate_number": "S1",
                                         "registered_on": TODAY - dt.timedelta(days=3 * 365 - 30)})
    near = export_roster("deadlines", tmp_path / "d.xlsx", actor="clerk")
    subjects = {r[2] for r in data_rows(near.path)}
    assert subjects == {"李四"}
    soon = export_roster("deadlines", tmp_path / "d2.xlsx", actor="clerk",
                         filters=RosterFilters(date_to=TODAY + dt.timedelta(days=5)))
    assert [r for r in data_rows(soon.path) if r[2] == "李四"] == []


def test_the_worklist_roster_lists_what_the_deadline_list_shows_so_filtered(area, tmp_path: Path) -> None:
    from registry.queries.deadlines import DueFilter, upcoming

    for number, (name, community, days) in enumerate((("李四", "community", 30), ("王五", "community2", 60),
                                                      ("赵六", "community2", 400))):
        ops.register_social_worker("clerk", {"community": area[community], "name": name,
                                             "id_number": make_id(11 + number),
                                             "level": "社会工作师", "certificate_number": f"S{number}",
                                             "registered_on": TODAY - dt.timedelta(days=3 * 365 - days)})
    start, end = TODAY + dt.timedelta(days=40), TODAY + dt.timedelta(days=500)
    filters = RosterFilters(community_id=area["community2"], date_from=start, date_to=end,
                            kinds=("registration_expiry",))
    result = export_roster("deadlines", tmp_path / "w.xlsx", actor="clerk", filters=filters)
    sheet = values(result.path)
    assert sheet[0][0] == "建外街道建华南社区到期事项清单"
    assert "事项=社工登记有效期届满" in sheet[1][0] and f"到期日={start.isoformat()}至{end.isoformat()}" in sheet[1][0]
    assert list(sheet[2]) == ["序号", "事项", "对象", "所在社区", "到期日", "剩余天数", "说明"]
    expected = upcoming(today=TODAY, due=DueFilter(kinds=frozenset({"registration_expiry"}),
                                                   community_id=area["community2"], due_from=start, due_to=end))
    assert [(r[1], r[2], r[3], r[4].date(), r[5], r[6]) for r in data_rows(result.path)] == [
        (i.label, i.subject, i.community, i.due, i.days_left, i.detail) for i in expected]
    assert {i.subject for i in expected} == {"王五", "赵六"}
    with pytest.raises(ops.RegistryError, match="事项"):
        export_roster("deadlines", tmp_path / "x.xlsx", actor="clerk", filters=RosterFilters(kinds=("nothing",)))


def test_the_audit_log_export_masks_numbers_inside_changes(area, tmp_path: Path) -> None:
    _volunteer_with_certificate(area)
    result = export_roster("audit", tmp_path / "a.xlsx", actor="clerk")
    rows = data_rows(result.path)
    assert result.rows == len(rows) > 5
    person = next(r for r in rows if r[4] == "人员" and r[3] == "新建")
    assert "110105**********2X" in person[8] and "11010519491231002X" not in person[8]
    assert "138****8000" in person[8]
    for number in ("11010519491231002X", "13800138000"):  # nor reversed, as the search columns hold them
        assert all(number not in str(cell) and number[::-1] not in str(cell) for r in rows for cell in r)
    assert {"certificates", "deadlines", "audit"} <= set(ROSTERS)


def test_the_audit_log_export_reads_as_dates_and_sentences(area, tmp_path: Path) -> None:
    _volunteer_with_certificate(area)
    export_roster("hours", tmp_path / "h.xlsx", actor="clerk", filters=RosterFilters(group_by="community"))
    started = dt.datetime.now().replace(microsecond=0) - dt.timedelta(minutes=5)
    result = export_roster("audit", tmp_path / "a.xlsx", actor="clerk")
    sheet = worksheet(result.path)
    assert [c.value for c in sheet[3]][:9] == ["序号", "时间", "操作人", "操作", "对象表", "记录编号", "说明",
                                              "变更前", "变更后"]
    rows = data_rows(result.path)
    for row in rows:
        assert isinstance(row[1], dt.datetime) and started <= row[1] <= dt.datetime.now()
        assert not any(str(cell).lstrip().startswith(("{", "[")) for cell in row if cell), row
    assert sheet["B4"].number_format == "yyyy-mm-dd hh:mm:ss"
    export = next(r for r in rows if r[3] == "导出")
    assert export[4] == "花名册" and export[6] == "clerk 导出了服务时长汇总（1 行）"
    assert "汇总方式" in export[8] and "group_by" not in export[8]
    issued = next(r for r in rows if r[3] == "出具证明")
    assert issued[6].startswith("clerk 为 张三 出具了志愿服务证明")
