"""No cell a person typed ever becomes a formula; personal numbers are masked unless a
full export is chosen, and that choice is logged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from helpers.rosters import calamine, data_rows, make_id, sheet, sheet_xml, values

from registry import ops
from registry.rosters import RosterFilters, export_roster
from registry.rosters.spec import Column
from registry.rosters.writer import MAX_TEXT, RosterWriter, open_workbook
from registry.storage.models import AuditEntry, Person

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "=1+2"]


def register(area: dict[str, int], serial: int, name: str, **extra: Any) -> int:
    return ops.register_volunteer("clerk", {"id_number": make_id(serial), "name": name,
                                            "community": area["community"], **extra}).id


def test_hostile_texts_stay_text(area: dict[str, int], tmp_path: Path) -> None:
    for i, name in enumerate(HOSTILE, start=1):
        register(area, i, name, skills=name, phone="13800138000")
    ops.register_organization("clerk", {"name": "=cmd|' /C calc'!A0", "org_type": "社区社会组织",
                                        "business_scope": "@SUM(1+1)*cmd", "community": area["community"]})
    for key in ("volunteers", "organizations", "community-orgs"):
        target = tmp_path / f"{key}.xlsx"
        export_roster(key, target, actor="clerk")
        for name, xml in sheet_xml(target).items():
            assert "<f>" not in xml and "<f " not in xml, f"{key}: formula in {name}"
    rows = data_rows(tmp_path / "volunteers.xlsx")
    ws = sheet(tmp_path / "volunteers.xlsx")
    assert sorted(r[1] for r in rows) == sorted(HOSTILE)
    for i, row in enumerate(rows, start=4):
        assert row[11] == row[1]  # the same text in 技能/服务类别
        name_cell = ws.cell(row=i, column=2)
        assert name_cell.data_type == "s" and name_cell.quotePrefix  # Excel keeps it text on edit
    assert {r[1] for r in data_rows(tmp_path / "community-orgs.xlsx")} == {"=cmd|' /C calc'!A0"}
    orgs = data_rows(tmp_path / "organizations.xlsx")
    assert [(r[1], r[10]) for r in orgs] == [("=cmd|' /C calc'!A0", "@SUM(1+1)*cmd")]
    assert [row[1] for row in calamine(tmp_path / "volunteers.xlsx")[3:8]] == [r[1] for r in rows]


def test_writer_quotes_tab_and_carriage_return_and_never_converts(tmp_path: Path) -> None:
    """Texts the operations would trim on entry, written straight through the writer."""
    target = tmp_path / "w.xlsx"
    texts = ["\tx", "\rx", "-1", "+86 138", "00123", "1e5", "http://example.com", "=A1", "正常"]
    book = open_workbook(target, str(tmp_path))
    writer = RosterWriter(book, title="测试", facts="", columns=[Column("内容")], unit="条",
                          unmasked=False)
    writer.write([(t,) for t in texts])
    writer.finish()
    book.close()
    xml = "".join(sheet_xml(target).values())
    assert "<f>" not in xml and "<hyperlink" not in xml
    ws = sheet(target)
    got = [ws.cell(row=4 + i, column=2) for i in range(len(texts))]
    assert [c.data_type for c in got] == ["s"] * len(texts)  # "00123" and "1e5" stay text
    assert [c.quotePrefix for c in got] == [True, True, True, True, False, False, False, True, False]
    assert [row[1] for row in calamine(target)[3:3 + len(texts)]] == texts


def test_masked_by_default_and_the_export_is_logged(area: dict[str, int], tmp_path: Path) -> None:
    register(area, 1, "张三", phone="13800138000")
    target = tmp_path / "v.xlsx"
    result = export_roster("volunteers", target, actor="clerk",
                           filters=RosterFilters(community_id=area["community"]))
    row = data_rows(target)[0]
    assert row[4] == "110105**********" + make_id(1)[-2:] and row[7] == "138****8000"
    assert row[5] == "1980年"  # the birth date beside it: the year only
    assert "证件号码、联系电话已隐去部分数字，出生日期只显示年份" in values(target)[1][0]
    xml = "".join(sheet_xml(target).values())
    assert make_id(1) not in xml and "13800138000" not in xml
    entry = AuditEntry.select().where(AuditEntry.action == "export").get()
    assert (entry.actor, entry.table_name) == ("clerk", "volunteers")
    after = json.loads(entry.after)
    assert after["rows"] == result.rows == 1 and after["unmasked"] is False
    assert after["filters"] == {"community_id": area["community"]}
    assert "建外街道永安里社区志愿者花名册" in entry.detail and "社区=永安里社区" in entry.detail


def test_unmasked_export_writes_full_numbers_as_text_and_is_logged(area: dict[str, int],
                                                                   tmp_path: Path) -> None:
    ids = [make_id(i, birth="19491231") for i in (2, 4, 6)]
    for i, number in enumerate(ids):
        ops.register_volunteer("clerk", {"community": area["community"],
                                         "id_number": number, "name": f"人{i}", "phone": "13800138000"})
    target = tmp_path / "full.xlsx"
    result = export_roster("volunteers", target, actor="admin", unmasked=True)
    ws = sheet(target)
    cells = [ws.cell(row=4 + i, column=5) for i in range(3)]
    assert [c.value for c in cells] == ids
    assert all(c.data_type == "s" and len(c.value) == 18 and c.number_format == "@" for c in cells)
    assert [r[4] for r in calamine(target)[3:6]] == ids  # a string, never 1.10105E+17
    assert [r[7] for r in data_rows(target)] == ["13800138000"] * 3
    assert ws.cell(row=4, column=6).is_date  # the whole birth date, as a date
    assert "含完整证件号码和联系电话" in values(target)[1][0]
    entry = AuditEntry.select().where(AuditEntry.action == "export_unmasked").get()
    assert entry.actor == "admin" and entry.table_name == "volunteers"
    assert json.loads(entry.after)["rows"] == result.rows == 3
    assert "3 行" in entry.detail and "志愿者花名册" in entry.detail and "未脱敏" in entry.detail
    assert AuditEntry.select().where(AuditEntry.action == "export").count() == 0


def test_text_too_long_for_a_cell_is_cut_and_the_roster_says_so(area: dict[str, int],
                                                                tmp_path: Path) -> None:
    long_id = register(area, 1, "甲")
    emoji_id = register(area, 2, "乙")
    register(area, 3, "丙")
    # Operations cap notes at 2,000 characters; a database edited by other means may not.
    Person.update(notes="长" * 40_000).where(Person.id == ops_person(long_id)).execute()
    Person.update(notes="😀" * 20_000).where(Person.id == ops_person(emoji_id)).execute()
    target = tmp_path / "long.xlsx"
    result = export_roster("volunteers", target, actor="clerk")
    assert result.truncated_cells == 2
    rows = {r[1]: r for r in data_rows(target)}
    assert rows["甲"][15] == "长" * MAX_TEXT
    assert rows["乙"][15] == "😀" * (MAX_TEXT // 2)  # UTF-16 units: no half character left
    notes = [r[0] for r in values(target) if isinstance(r[0], str) and r[0].startswith("注：")]
    assert notes == ["注：第 4 行“备注”内容超过 32767 个字符，已截断。",
                     "注：第 5 行“备注”内容超过 32767 个字符，已截断。"]


def ops_person(volunteer_id: int) -> int:
    from registry.storage.models import Volunteer

    return int(Volunteer.get_by_id(volunteer_id).person_id)


def test_street_names_in_the_title_are_text_too(db: Path, tmp_path: Path) -> None:
    district = ops.add_area("clerk", "district", "110105", "朝阳区", 1000).id
    street = ops.add_area("clerk", "street", "110105001", "=1+1街道", 1000, parent=district).id
    target = tmp_path / "t.xlsx"
    export_roster("volunteers", target, actor="clerk", filters=RosterFilters(street_id=street))
    assert values(target)[0][0] == "=1+1街道志愿者花名册"
    assert sheet(target)["A1"].quotePrefix
    assert not any(re.search(r"<f[ >]", xml) for xml in sheet_xml(target).values())


@pytest.mark.parametrize("action", ["export", "export_unmasked"])
def test_every_export_leaves_exactly_one_audit_entry(area: dict[str, int], tmp_path: Path,
                                                     action: str) -> None:
    register(area, 1, "张三")
    before = AuditEntry.select().count()
    export_roster("social-workers", tmp_path / "s.xlsx", actor="clerk",
                  unmasked=action == "export_unmasked")
    assert AuditEntry.select().count() == before + 1
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).get().action == action
