"""What the forms offer to choose: activities, the active volunteers that pasted lines name,
the people who may attend a training; labels carry ID numbers masked, for everyone."""

from __future__ import annotations

import datetime as dt

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.choices import (
    active_volunteers_for,
    attendance_candidates,
    people_with_id_numbers,
    recent_activities,
)

ZHANG, LI, WANG = "11010519491231002X", "110105198001010016", "110105199001010037"


@pytest.fixture
def register(area: dict[str, int]) -> dict[str, int]:
    zhang = ops.register_volunteer("clerk", {"community": area["community"], "id_number": ZHANG, "name": "张三"}).id
    li = ops.register_volunteer("clerk", {"community": area["community"], "id_number": LI, "name": "李四"}).id
    ops.deactivate_volunteer("clerk", li, "搬离本街道")
    ops.register_social_worker("clerk", {"community": area["community"],
                                         "id_number": WANG, "name": "王五", "level": "社会工作师",
                                         "certificate_number": "S-1"})
    ops.register_social_worker("clerk", {"community": area["community"],
                                         "id_number": ZHANG, "name": "张三", "level": "助理社会工作师",
                                         "certificate_number": "A-1"})
    return {"zhang": int(zhang), "li": int(li)}


def test_pasted_lines_name_active_volunteers_and_the_rest_are_listed(register: dict[str, int]) -> None:
    matches = active_volunteers_for([ZHANG.lower(), "张三", "李四", LI, "赵六"], "clerk")
    assert [c.value for c in matches.found] == [register["zhang"]] * 2
    assert {c.label for c in matches.found} == {"张三　女　1949年　永安里社区　110105**********2X"}
    assert matches.missing == ("李四", LI, "赵六")  # 李四 is no longer in the register's service
    assert matches.namesakes == ()


def test_a_name_several_volunteers_carry_is_never_found_but_offered(area: dict[str, int]) -> None:
    """Issue 13 item 1: pasting 张冬霞 ticked all four of that name."""
    from helpers.importer import id_number

    for born, community in (("19850312", "community"), ("19620801", "community2"), ("19850930", "community2")):
        ops.register_volunteer("clerk", {"id_number": id_number("110105", born, "024"), "name": "张冬霞",
                                         "community": area[community]})
    ops.register_volunteer("clerk", {"id_number": id_number("110105", "19900101", "013"), "name": "张冬霞丽",
                                     "community": area["community"]})
    only = ops.register_volunteer("clerk", {"id_number": id_number("110105", "19700505", "035"),
                                            "name": "石婷春", "community": area["community"]}).id
    matches = active_volunteers_for(["张冬霞", "石婷春", "冬霞", "周龙轩"], "clerk")
    assert [c.value for c in matches.found] == [only]  # the one 石婷春 only
    assert matches.missing == ("周龙轩",)
    same, like = matches.namesakes
    assert (same.text, same.exact, len(same.candidates)) == ("张冬霞", True, 3)  # not 张冬霞丽
    assert sorted(c.label for c in same.candidates) == [
        "张冬霞　女　1962年　建华南社区　110105**********" + id_number("110105", "19620801", "024")[-2:],
        "张冬霞　女　1985年　建华南社区　110105**********" + id_number("110105", "19850930", "024")[-2:],
        "张冬霞　女　1985年　永安里社区　110105**********" + id_number("110105", "19850312", "024")[-2:]]
    # a part of a name is never taken for a person, even when one person carries it
    assert (like.text, like.exact, len(like.candidates)) == ("冬霞", False, 4)
    alone = active_volunteers_for(["冬霞丽"], "clerk")
    assert alone.found == () and [len(g.candidates) for g in alone.namesakes] == [1]


def test_attendance_offers_social_workers_first_then_volunteers(register: dict[str, int]) -> None:
    labels = [c.label for c in attendance_candidates("", "clerk")]
    assert sorted(labels[:2]) == ["张三　女　1949年　永安里社区　110105**********2X　社工",
                                  "王五　男　1990年　永安里社区　110105**********37　社工"]
    assert labels[2:] == []  # 张三 is listed once, as a social worker; 李四 is deactivated
    assert [c.label for c in attendance_candidates("1101051990", "clerk")] == [
        "王五　男　1990年　永安里社区　110105**********37　社工"]


def test_labels_stay_masked_for_an_administrator(register: dict[str, int]) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    assert all("********" in c.label for c in attendance_candidates("", "boss"))
    assert all("********" in c.label for c in active_volunteers_for([ZHANG], "boss").found)


def test_pasted_id_numbers_give_people_and_the_unknown(register: dict[str, int]) -> None:
    found, unknown = people_with_id_numbers([f" {ZHANG.lower()} ", "", "110105197506150044", WANG])
    assert len(found) == 2 and unknown == ("110105197506150044",)
    assert people_with_id_numbers([]) == ((), ())


def test_recent_activities_newest_first(area: dict[str, int]) -> None:
    """Issue 13 item 9: entered in no order (2023-12-12, 2025-09-13, 2023-12-22, …), listed
    by the day they took place, the latest first."""
    for day, name in (((2023, 12, 12), "敬老院探访"), ((2025, 9, 13), "社区清洁"), ((2023, 12, 22), "助残"),
                      ((2024, 5, 2), "义诊"), ((2024, 5, 2), "义剪")):
        start = dt.datetime(*day, 9)
        ops.create_activity("clerk", {"name": name, "starts_at": start, "ends_at": start + dt.timedelta(hours=2)})
    assert [c.label for c in recent_activities()] == [
        "2025-09-13 社区清洁", "2024-05-02 义剪", "2024-05-02 义诊", "2023-12-22 助残", "2023-12-12 敬老院探访"]
    assert recent_activities()[0].day == dt.date(2025, 9, 13)
    assert len(recent_activities(limit=1)) == 1
