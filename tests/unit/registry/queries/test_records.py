"""The training and service-hours panes: a training with its attendance (ID numbers
masked), a line of the ledger, and the hours an activity credits by the rounding preset."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.records import activity_hours, record_detail, training_detail, training_hours, training_title

FIRST, SECOND = "11010519491231002X", "110105198001010016"
DAY = dt.date(dt.date.today().year - 1, 4, 1)


@pytest.fixture
def people(area: dict[str, int]) -> list[int]:
    return [int(ops.register_person("clerk", {"id_number": number, "name": name}).id)
            for number, name in ((FIRST, "张三"), (SECOND, "李四"))]


@pytest.fixture
def training(people: list[int]) -> int:
    tid = int(ops.create_training("clerk", {"title": "社工伦理", "organizer": "区民政局", "starts_on": DAY,
                                            "hours": "6", "counts_as_ce": True}).id)
    ops.record_attendance("clerk", tid, people[:1])
    ops.record_attendance("clerk", tid, people[1:], hours_credited="4", passed=False)
    return tid


def test_a_training_with_its_attendance_by_name(training: int) -> None:
    shown = training_detail(training, "clerk")
    assert (shown.title, shown.organizer, shown.starts_on, shown.ends_on) == ("社工伦理", "区民政局", DAY, DAY)
    assert (shown.hours, shown.counts_as_ce, shown.attendee_count) == (Decimal(6), True, 2)
    assert {a.name: (a.hours_credited, a.passed) for a in shown.attendees} == {
        "张三": (Decimal(6), True), "李四": (Decimal(4), False)}
    assert (training_title(training), training_hours(training)) == ("社工伦理", Decimal(6))


def test_attendees_numbers_are_masked_even_for_an_administrator_who_did_not_ask(training: int) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    def numbers(actor: str, reveal: bool = False) -> set[str]:
        return {a.id_number for a in training_detail(training, actor, reveal=reveal).attendees}
    assert numbers("boss") == numbers("li", reveal=True) == {"110105**********2X", "110105**********16"}
    assert numbers("boss", reveal=True) == {FIRST, SECOND}


def test_a_line_of_the_ledger_and_its_correction(area: dict[str, int]) -> None:
    volunteer = int(ops.register_volunteer("clerk", {"community": area["community"],
                                                     "id_number": FIRST, "name": "张三"}).id)
    rid = int(ops.record_hours("clerk", volunteer, {"service_date": DAY, "hours": "3", "place": "活动室",
                                                    "service_category": "为老服务", "content": "读报"}).id)
    ops.approve_records("chief", [rid])
    fix = int(ops.correct_record("clerk", rid, {"hours": "2"}, "多记了一小时").id)
    line = record_detail(rid)
    assert (line.volunteer, line.service_date, line.hours, line.place, line.content) == (
        "张三", DAY, Decimal(3), "活动室", "读报")
    assert (line.recorder, line.approver, line.approved, line.corrects) == ("clerk", "chief", True, None)
    correction = record_detail(fix)
    assert (correction.corrects, correction.correction_reason, correction.approved) == (rid, "多记了一小时", False)


def test_an_activity_credits_its_length_less_travel_by_the_rounding_preset(area: dict[str, int]) -> None:
    start = dt.datetime(2024, 5, 1, 9, 0)
    activity = int(ops.create_activity("clerk", {"name": "敬老院探访", "starts_at": start,
                                                 "ends_at": start + dt.timedelta(minutes=170),
                                                 "travel_minutes": "30"}).id)
    assert activity_hours(activity) == Decimal("2.50")  # 140 min: 2 h and 20 min -> half an hour
    ops.set_preset("clerk", "rounding_preset", "exact")
    assert activity_hours(activity) == Decimal("2.33")
