"""The workbook clerks really have: a title and merged cells above the header, header
variants, blank rows, stray spaces, full-width characters, dates written every way, and
the mistakes that must be reported rather than guessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.importer import id_number

from registry import ops
from registry.importer import commit_import, preview_import
from registry.storage.models import Person, Volunteer

A = id_number("110105", "19491231", "002")  # 女, ends in X
B = id_number("110105", "19900512", "013")  # 男
DUP = id_number("110101", "19800101", "021")
OLD = id_number("110102", "19750607", "034")
LOST = id_number("110105", "19900512", "030")
UNKNOWN = id_number("110106", "19660101", "045")
GOOD = id_number("110108", "19700303", "056")
BAD = GOOD[:-1] + ("1" if GOOD[-1] != "1" else "2")
G, H, J = (id_number("110105", "19850505", s) for s in ("067", "078", "089"))
FULL = str.maketrans("0123456789xX", "０１２３４５６７８９ｘＸ")

HEADER = ["序号", "姓名", "公民身份号码 ", "手机号码", "性别", "出生日期", "社区", "政治面貌",
          "志愿者编号", "注册日期", "服务类别", "备注"]
ROWS: list[list[Any]] = [
    # Excel row 4
    [1, "张三  ", A[:-1].translate(FULL) + "ｘ", "１３８００１３８０００", "女", "1949-12-31", "永安里",
     "党员", "ＶＯ１", dt.date(2020, 1, 2), "为老服务、助残服务", "  备注 "],
    None,  # row 5: blank
    [2, "李四", B, 13800138001.0, "女", dt.date(1990, 5, 12), "110105001002", "群众", "VO2",
     "1990.5.12", "", ""],  # row 6
    [3, "丢位", 110105199005120000.0, "", "", "", "永安里社区", "", "VO3", "", "", ""],  # row 7
    [4, "重复甲", DUP, "", "", "", "永安里社区", "", "VO4", "", "", ""],  # row 8
    [5, "重复乙", DUP, "", "", "", "永安里社区", "", "VO5", "", "", ""],  # row 9
    [6, "王五", OLD, "13900000001", "", "", "建华南社区", "群众", "VO6", "", "", ""],  # row 10
    [7, "赵六", UNKNOWN, "", "", "", "幸福里社区", "", "VO7", "", "", ""],  # row 11
    [8, "钱七", BAD, "", "", "", "永安里社区", "", "VO8", "", "", ""],  # row 12
    [9, "孙八", G, "", "", "", "永安里社区", "", "VO9", "1990/05/12", "", ""],  # row 13
    [10, "周九", H, "", "", "", "永安里社区", "", "VO10", "19900512", "", ""],  # row 14
    [11, "吴十", J, "", "", "", "永安里社区", "", "VO11", "1990年5月12日", "", ""],  # row 15
    [12, "郑一", "1.10105E+17", "", "", "", "永安里社区", "", "VO12", "", "", ""],  # row 16
    None,  # row 17: blank
]


@pytest.fixture
def messy(area: dict[str, int], sheet: Callable[..., Path]) -> Path:
    ops.register_person("clerk", {"id_number": OLD, "name": "王五", "phone": "13900000000",
                                  "political_status": "中共党员"})
    return sheet(HEADER, ROWS, title="永安里街道志愿者花名册（2024年）")


def found(preview: Any, row: int, column: str) -> list[str]:
    return [p.message for p in preview.problems if p.row == row and p.column == column]


def test_header_is_found_below_the_title_and_variants_are_understood(messy: Path) -> None:
    preview = preview_import("volunteers", messy)
    assert preview.table.header_row == 3
    assert preview.table.headers[2] == "公民身份号码"
    assert [r.number for r in preview.rows] == [4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]


def test_every_problem_names_row_column_and_reason(messy: Path) -> None:
    preview = preview_import("volunteers", messy)
    errors = {(p.row, p.column) for p in preview.errors}
    assert errors == {(7, "公民身份号码"), (8, "公民身份号码"), (9, "公民身份号码"),
                      (11, "社区"), (12, "公民身份号码"), (16, "公民身份号码")}
    assert "Excel 存成了数字" in found(preview, 7, "公民身份号码")[0]
    assert "Excel 存成了数字" in found(preview, 16, "公民身份号码")[0]
    assert "与第 9 行重复" in found(preview, 8, "公民身份号码")[0]
    assert "与第 8 行重复" in found(preview, 9, "公民身份号码")[0]
    assert "幸福里社区" in found(preview, 11, "社区")[0]
    assert "校验码" in found(preview, 12, "公民身份号码")[0]
    # the 性别 that disagrees with the ID number is a warning, never blocks
    assert "身份证号显示为“男”" in found(preview, 6, "性别")[0]
    assert all(not p.is_error for p in preview.problems if p.row == 6)


def test_actions_and_differences_of_an_existing_person(messy: Path) -> None:
    preview = preview_import("volunteers", messy)
    actions = {r.number: r.action for r in preview.rows}
    assert actions == {4: "create", 6: "create", 7: "reject", 8: "reject", 9: "reject",
                       10: "create", 11: "reject", 12: "reject", 13: "create", 14: "create",
                       15: "create", 16: "reject"}
    wang = next(r for r in preview.rows if r.number == 10)
    changes = {(c.column, c.old, c.new) for c in wang.changes}
    assert ("联系电话", "139****0000", "139****0001") in changes  # the old one is the register's: masked
    assert ("政治面貌", "中共党员", "群众") in changes


def test_nothing_is_written_by_the_preview(messy: Path) -> None:
    before = (Person.select().count(), Volunteer.select().count())
    preview_import("volunteers", messy)
    assert (Person.select().count(), Volunteer.select().count()) == before


def test_imported_values_are_cleaned(messy: Path, area: dict[str, int]) -> None:
    result = commit_import(preview_import("volunteers", messy), actor="clerk", skip_invalid=True)
    assert (result.read, result.created, result.updated, result.rejected) == (12, 6, 0, 6)
    zhang = Person.get(Person.id_number == A)
    assert A.endswith("X") and zhang.name == "张三" and zhang.phone == "13800138000"
    assert (zhang.sex, zhang.birth_date, zhang.political_status, zhang.notes) == (
        "女", dt.date(1949, 12, 31), "中共党员", "备注")
    volunteer = Volunteer.get(Volunteer.person == zhang.id)
    assert volunteer.volunteer_number == "VO1"
    assert volunteer.registered_on == dt.date(2020, 1, 2)
    assert volunteer.community_id == area["community"]
    assert volunteer.service_categories == "为老服务、助残服务"
    li = Volunteer.get(Volunteer.person == Person.get(Person.id_number == B).id)
    assert li.community_id == area["community2"]
    assert Person.get(Person.id_number == B).phone == "13800138001"
    assert Person.get(Person.id_number == B).sex == "男"
    for number in (B, G, H, J):
        person = Person.get(Person.id_number == number)
        assert Volunteer.get(Volunteer.person == person.id).registered_on == dt.date(1990, 5, 12)
    wang = Person.get(Person.id_number == OLD)
    assert (wang.phone, wang.political_status) == ("13900000001", "群众")
    assert Person.select().where(Person.id_number == OLD).count() == 1
    for number in (DUP, UNKNOWN, BAD):
        assert Person.get_or_none(Person.id_number == number) is None
    assert not Person.select().where(Person.id_number.startswith("1101051990051200")).exists()
