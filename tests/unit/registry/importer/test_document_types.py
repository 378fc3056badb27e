"""The importer follows the document type: an optional 证件类型 column, each number checked
by its type, people matched by (type, number)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from registry import ops
from registry.importer import commit_import, preview_import
from registry.importer.templates import write_template
from registry.storage.models import Person

HONG_KONG = "810000199001011230"
RESIDENT = "11010519491231002X"


def problems_of(preview) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.message for row in preview.rows for p in row.problems if p.is_error]


def test_without_the_column_numbers_read_as_resident_cards_or_as_their_form_shows(
        area: dict[str, int], sheet: Callable[..., Path]) -> None:
    path = sheet(["姓名", "身份证号", "所在社区"], [["张三", RESIDENT, "永安里社区"],
                                                   ["陈大文", HONG_KONG, "永安里社区"]])
    result = commit_import(preview_import("volunteers", path), actor="clerk")
    assert result.created == 2
    assert dict(Person.select(Person.name, Person.id_type).tuples()) == {
        "张三": "居民身份证", "陈大文": "港澳台居民居住证"}


def test_each_number_is_checked_by_the_type_in_its_row(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    path = sheet(["姓名", "证件类型", "证件号码", "国籍", "所在社区"], [
        ["林小美", "台湾居民来往大陆通行证", "12345678", "", "永安里社区"],
        ["陈大文", "港澳通行证", "H1234567", "", "永安里社区"],  # a digit short
        ["Anna", "护照", "x1234567", "德国", "永安里社区"],
        ["无名", "驾驶证", "12345678", "", "永安里社区"],
    ])
    preview = preview_import("volunteers", path)
    errors = problems_of(preview)
    assert any("H（香港）或 M（澳门）" in m for m in errors)
    assert any("证件类型“驾驶证”不认识" in m for m in errors)
    assert len(errors) == 2
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert result.created == 2
    assert sorted(Person.select(Person.id_type, Person.id_number, Person.nationality).tuples()) == [
        ("台湾居民来往大陆通行证", "12345678", ""), ("护照", "X1234567", "德国")]


def test_one_number_under_two_types_is_two_people_and_a_repeat_is_matched(
        area: dict[str, int], sheet: Callable[..., Path]) -> None:
    ops.register_person("clerk", {"id_type": "台胞证", "id_number": "12345678", "name": "林小美"})
    path = sheet(["姓名", "证件类型", "证件号码", "联系电话", "所在社区"], [
        ["林小美", "台胞证", "12345678", "13800138000", "永安里社区"],
        ["Hans", "护照", "12345678", "", "永安里社区"],
    ])
    preview = preview_import("volunteers", path)
    assert problems_of(preview) == []
    commit_import(preview, actor="clerk")
    assert Person.select().count() == 2
    taiwan = Person.get(Person.id_type == "台湾居民来往大陆通行证")
    assert (taiwan.name, taiwan.phone) == ("林小美", "13800138000")


def test_the_same_document_twice_in_a_file_is_a_duplicate(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    path = sheet(["姓名", "证件类型", "证件号码", "所在社区"], [
        ["林小美", "台胞证", "12345678", "永安里社区"],
        ["林小美", "台湾居民来往大陆通行证", "1234 5678", "永安里社区"],
    ])
    errors = problems_of(preview_import("volunteers", path))
    assert len(errors) == 2 and all("重复" in m for m in errors)


def test_the_template_offers_the_document_types_as_a_dropdown(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "模板.xlsx"
    write_template("volunteers", path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    column = next(i for i, h in enumerate(headers) if h and "证件类型" in str(h))
    letter = sheet.cell(row=1, column=column + 1).column_letter
    [validation] = [v for v in sheet.data_validations.dataValidation if letter + "2" in str(v.sqref)]
    lists = book["下拉选项"]
    offered = {c.value for row in lists.iter_rows() for c in row if c.value}
    assert {"居民身份证", "港澳台居民居住证", "外国人永久居留身份证", "港澳居民来往内地通行证",
            "台湾居民来往大陆通行证", "护照"} <= offered
    assert validation.type == "list"


def test_hours_and_training_find_people_by_their_document(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    from registry.storage.models import Attendance, ServiceRecord

    ops.register_volunteer("clerk", {"id_type": "台胞证", "id_number": "12345678", "name": "林小美",
                                     "community": area["community"]})
    ops.register_volunteer("clerk", {"id_type": "护照", "id_number": "12345678", "name": "Hans",
                                     "nationality": "德国", "community": area["community"]})
    hours = sheet(["姓名", "证件类型", "证件号码", "服务日期", "服务时长"], [
        ["林小美", "台湾居民来往大陆通行证", "12345678", "2025-05-01", 2],
        ["Hans", "护照", "12345678", "2025-05-02", 3],
        ["陈大文", "港澳居民来往内地通行证", "H12345678", "2025-05-03", 1]])
    preview = preview_import("hours", hours)
    assert [m for row in preview.rows for m in (p.message for p in row.match_problems)] == [
        "这个证件号码不是登记库中的志愿者，请先登记该志愿者。"]
    commit_import(preview, actor="clerk", skip_invalid=True)
    by_name = {r.volunteer.person.name: float(r.hours) for r in ServiceRecord.select()}
    assert by_name == {"林小美": 2.0, "Hans": 3.0}
    training = sheet(["培训名称", "培训日期", "培训学时", "姓名", "证件类型", "证件号码"], [
        ["急救", "2025-05-01", 4, "Hans", "护照", "12345678"]])
    commit_import(preview_import("training", training), actor="clerk")
    assert [a.person.name for a in Attendance.select()] == ["Hans"]


def test_a_permit_an_older_register_stored_as_a_resident_card_is_found_not_doubled(
        area: dict[str, int], sheet: Callable[..., Path]) -> None:
    # the upgrade to document types made every stored number a 居民身份证, 810000… included
    path = sheet(["姓名", "身份证号", "所在社区"], [["陈大文", HONG_KONG, "永安里社区"]])
    commit_import(preview_import("volunteers", path), actor="clerk")
    Person.update(id_type="居民身份证").execute()
    again = sheet(["姓名", "身份证号", "所在社区", "联系电话"], [["陈大文", HONG_KONG, "永安里社区", "13800138000"]],
                  name="again.xlsx")
    preview = preview_import("volunteers", again)
    assert problems_of(preview) == []
    result = commit_import(preview, actor="clerk")
    assert result.created == 0
    assert list(Person.select(Person.id_type, Person.id_number, Person.phone).tuples()) == [
        ("居民身份证", HONG_KONG, "13800138000")]
    typed = sheet(["姓名", "证件类型", "证件号码", "所在社区"],
                  [["陈大文", "港澳台居民居住证", HONG_KONG, "永安里社区"]], name="typed.xlsx")
    preview = preview_import("volunteers", typed)
    assert problems_of(preview) == []
    assert commit_import(preview, actor="clerk").created == 0
    assert Person.select().count() == 1
