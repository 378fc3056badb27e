"""A roster exported unmasked imports back into an empty register with identical records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.round_trip import PEOPLE, ledger_state, make_area, organizations, records, served, workers

from registry import ops
from registry.importer import ImportPreview, commit_import, preview_import
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import SocialWorker, Volunteer

export = pytest.importorskip("registry.rosters.export")

def moved_to_an_empty_register(tmp_path: Path) -> ImportPreview:
    """The open register's volunteer roster, exported unmasked, previewed for import into a
    new register with the same area (left open); the preview has no error."""
    target = tmp_path / "roster.xlsx"
    export.export_roster("volunteers", target, actor="clerk", unmasked=True)
    close_database()
    open_database(tmp_path / "b.sqlite3")
    make_area()
    preview = preview_import("volunteers", target)
    assert preview.errors == []
    return preview


def test_volunteer_roster_round_trip(tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite3")
    communities = make_area()
    for i, data in enumerate(PEOPLE):
        community = communities["永安里社区" if i % 2 == 0 else "建华南社区"]
        ops.register_volunteer("clerk", {**data, "community": community})
    original = records()
    preview = moved_to_an_empty_register(tmp_path)
    assert commit_import(preview, actor="clerk").created == len(PEOPLE)
    assert records() == original
    close_database()


def test_status_and_past_hours_survive_a_round_trip(tmp_path: Path) -> None:
    """注销 stays 注销 (the roster writes it into 备注) and the hours come back as an opening
    balance (期初结转) with the same totals, stars and yearly sums; a second import of the
    same file carries nothing again."""
    from registry.queries.history import service_history
    from registry.rules.ledger import OPENING
    from registry.storage.models import AuditEntry, ServiceRecord

    today = dt.date.today()
    open_database(tmp_path / "a.sqlite3")
    communities = make_area()
    for data in PEOPLE:
        ops.register_volunteer("clerk", {**data, "community": communities["永安里社区"]})
    ids = [v.id for v in Volunteer.select().order_by(Volunteer.id)]
    served(ids[0], dt.date(today.year - 2, 5, 1), "12")
    served(ids[0], dt.date(today.year - 1, 5, 1), "4")
    served(ids[0], dt.date(today.year, 1, 1), "2.5")
    served(ids[1], dt.date(today.year - 1, 6, 1), "16")
    ops.deactivate_volunteer("clerk", ids[1], "搬离本街道")
    original, people = ledger_state(), records()
    preview = moved_to_an_empty_register(tmp_path)
    target = preview.path
    assert "2 名志愿者导入前的累计时长共 34.5 小时" in "".join(preview.notes)
    commit_import(preview, actor="clerk")
    assert ledger_state() == original  # 注销 stays 注销; totals, stars and this year's hours as they were
    assert records() == people  # and the notes without the 已注销 the roster added to them
    gone = Volunteer.get(Volunteer.status == "注销")  # after an active one in the file: dated all the same
    assert (gone.status_changed_on, gone.status_reason) == (today, "导入时已注销")
    lines = list(ServiceRecord.select().order_by(ServiceRecord.service_date))
    assert {(line.kind, line.status) for line in lines} == {(OPENING, "approved")}
    assert [(line.service_date, line.hours) for line in lines if line.volunteer_id == 1] == [
        (dt.date(today.year - 1, 12, 31), 16), (dt.date(today.year, 1, 1), Decimal("2.5"))]
    assert AuditEntry.select().where((AuditEntry.table_name == "service_record")
                                     & (AuditEntry.detail == "期初结转（导入）")).count() == len(lines)
    history = service_history(1)
    assert all(line.carried for line in history.lines) and history.lines[0].what.startswith("期初结转")

    again = preview_import("volunteers", target)
    assert again.notes == [] and {r.action for r in again.rows} == {"unchanged"}
    commit_import(again, actor="clerk")
    assert ServiceRecord.select().count() == len(lines) and ledger_state() == original
    close_database()


def test_social_worker_roster_round_trip(tmp_path: Path) -> None:
    """Certificate, dates, employer, community and status: 注销 stays 注销 (in 备注, as the
    volunteer roster writes it) and an active worker stays active."""
    open_database(tmp_path / "a.sqlite3")
    communities = make_area()
    agency = {"name": "阳光社工事务所", "org_type": "社区社会组织"}
    employer = ops.register_organization("clerk", {**agency, "community": communities["永安里社区"]}).id
    for data, level, number, employer_id in ((PEOPLE[0], "社会工作师", "ZJ201911010001", employer),
                                             (PEOPLE[1], "助理社会工作师", "ZL201811010002", None),
                                             (PEOPLE[2], "高级社会工作师", "GJ202011010003", None)):
        ops.register_social_worker("clerk", {
            "id_number": data["id_number"], "name": data["name"], "notes": data.get("notes", ""),
            "level": level, "certificate_number": number, "obtained_year": int(number[2:6]),
            "registered_on": dt.date(2023, 3, 1), "registered_until": dt.date(2026, 5, 31),
            "employer": employer_id, "employer_name": "" if employer_id else "街道社工站", "post": "督导",
            "community": communities["建华南社区"]})
    ids = [w.id for w in SocialWorker.select().order_by(SocialWorker.id)]
    ops.deactivate_social_worker("clerk", ids[1], "调离本街道")
    ops.deactivate_social_worker("clerk", ids[2], "调离本街道")
    original = workers()
    assert [w[-1] for w in original] == ["注销", "在册", "注销"]  # 王五, 张三, 李四
    target = tmp_path / "workers.xlsx"
    export.export_roster("social-workers", target, actor="clerk", unmasked=True)
    close_database()

    open_database(tmp_path / "b.sqlite3")
    communities = make_area()
    ops.register_organization("clerk", {**agency, "community": communities["永安里社区"]})
    preview = preview_import("social-workers", target)
    assert preview.errors == []
    assert commit_import(preview, actor="clerk").created == 3
    assert workers() == original
    assert [(w.status_changed_on, w.status_reason) for w in SocialWorker.select().order_by(SocialWorker.id)
            if w.status == "注销"] == [(dt.date.today(), "导入时已注销")] * 2
    again = preview_import("social-workers", target)
    assert {r.action for r in again.rows} == {"unchanged"}
    close_database()


def test_past_hours_of_an_old_spreadsheet_are_carried_over(tmp_path: Path) -> None:
    """A street's own spreadsheet: no year said, so the hours are dated before this year."""
    from helpers.importer import write_sheet

    from registry.importer.kinds import VOLUNTEERS

    open_database(tmp_path / "b.sqlite3")
    make_area()
    path = write_sheet(tmp_path / "旧台账.xlsx", ["姓名", "身份证号", "所在社区", "状态", "累计服务时长"], [
        ["张三", PEOPLE[0]["id_number"], "永安里社区", "在册", 16],
        ["李四", PEOPLE[1]["id_number"], "永安里社区", "注销", "120.5"],
        ["王五", PEOPLE[2]["id_number"], "永安里社区", "", ""]])
    assert VOLUNTEERS.column("carried_total").label == "累计时长"
    preview = preview_import("volunteers", path)
    assert [(c.column, c.new) for r in preview.rows for c in r.changes] == [
        ("期初结转", "16 小时"), ("期初结转", "120.5 小时")]  # what the preview lists for each row
    commit_import(preview, actor="clerk")
    state = ledger_state()
    assert [s[1:] for s in state] == [  # none of it this year's: the file does not say when
        ("在册", 0, 0, 0), ("在册", 16, 0, 0), ("注销", Decimal("120.5"), 1, 0)]  # 王五, 张三, 李四
    close_database()


def test_organization_directory_round_trip(tmp_path: Path) -> None:
    """Every type, a supervising unit or none, a charity's recognition (and none), a deregistered
    one: the 社会组织名录 imports back into an empty register as it was, and once more changes nothing."""
    from registry.rules.uscc import make_org_code, make_uscc

    open_database(tmp_path / "a.sqlite3")
    make_area()
    for serial, (name, org_type, digit, unit, charity) in enumerate((
            ("朝阳区慈善协会", "社会团体", "1", "区民政局", dt.date(2018, 4, 2)),
            ("阳光社工事务所", "社会服务机构", "2", "", None),
            ("永安慈善基金会", "基金会", "3", "", dt.date(2021, 12, 31)),
            ("书画协会", "社会团体", "1", "区文化和旅游局", None)), start=1):
        ops.register_organization("clerk", {
            "name": name, "uscc": make_uscc(f"5{digit}110105" + make_org_code(f"MJ{serial:06d}")),
            "org_type": org_type, "registration_authority": "朝阳区民政局", "supervising_unit": unit,
            "legal_representative_name": "张三", "founded_on": dt.date(2010 + serial, 3, 1), "address": "朝阳路1号",
            "business_scope": "公益服务", "charity_recognized_on": charity})
    ops.register_organization("clerk", {"name": "永安里合唱队", "org_type": "社区社会组织"})
    ops.deregister_organization("clerk", 4, "注销", "自行解散")
    original = organizations()
    assert {o[0]: o[3] for o in original if o[3]} == {"朝阳区慈善协会": dt.date(2018, 4, 2),
                                                     "永安慈善基金会": dt.date(2021, 12, 31)}
    target = tmp_path / "directory.xlsx"
    export.export_roster("organizations", target, actor="clerk")
    close_database()

    open_database(tmp_path / "b.sqlite3")
    make_area()
    preview = preview_import("organizations", target)
    assert preview.errors == []
    assert commit_import(preview, actor="clerk").created == len(original)
    assert organizations() == original
    again = preview_import("organizations", target)
    assert {r.action for r in again.rows} == {"unchanged"}
    close_database()
