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
    assert {c.label for c in matches.found} == {"张三  110105**********2X"}
    assert matches.missing == ("李四", LI, "赵六")  # 李四 is no longer in the register's service


def test_attendance_offers_social_workers_first_then_volunteers(register: dict[str, int]) -> None:
    labels = [c.label for c in attendance_candidates("", "clerk")]
    assert sorted(labels[:2]) == ["张三　110105**********2X　社工", "王五　110105**********37　社工"]
    assert labels[2:] == []  # 张三 is listed once, as a social worker; 李四 is deactivated
    assert [c.label for c in attendance_candidates("1101051990", "clerk")] == ["王五　110105**********37　社工"]


def test_labels_stay_masked_for_an_administrator(register: dict[str, int]) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    assert all("********" in c.label for c in attendance_candidates("", "boss"))
    assert all("********" in c.label for c in active_volunteers_for([ZHANG], "boss").found)


def test_pasted_id_numbers_give_people_and_the_unknown(register: dict[str, int]) -> None:
    found, unknown = people_with_id_numbers([f" {ZHANG.lower()} ", "", "110105197506150044", WANG])
    assert len(found) == 2 and unknown == ("110105197506150044",)
    assert people_with_id_numbers([]) == ((), ())


def test_recent_activities_newest_first(area: dict[str, int]) -> None:
    for day, name in ((1, "敬老院探访"), (2, "社区清洁")):
        start = dt.datetime(2024, 5, day, 9)
        ops.create_activity("clerk", {"name": name, "starts_at": start, "ends_at": start + dt.timedelta(hours=2)})
    assert [c.label for c in recent_activities()] == ["2024-05-02 社区清洁", "2024-05-01 敬老院探访"]
    assert len(recent_activities(limit=1)) == 1
