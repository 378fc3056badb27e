import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.storage.models import Attendance, SocialWorker


@pytest.fixture
def worker(area):
    today = dt.date.today()
    return ops.register_social_worker("clerk", {"community": area["community"],
        "id_number": "11010519491231002X", "name": "张三", "level": "助理社会工作师",
        "certificate_number": "A-1", "registered_on": today - dt.timedelta(days=400)}).id


def training(title: str, day: dt.date, hours: int, ce: bool) -> int:
    return ops.create_training("clerk", {"title": title, "starts_on": day, "hours": hours,
                                         "counts_as_ce": ce}).id


def test_continuing_education_counts_passed_ce_hours_in_the_cycle(worker):
    person = SocialWorker.get_by_id(worker).person_id
    recent = dt.date.today() - dt.timedelta(days=30)
    ops.record_attendance("clerk", training("伦理", recent, 6, True), [person])
    ops.record_attendance("clerk", training("消防", recent, 3, False), [person])  # not CE
    ops.record_attendance("clerk", training("旧课", dt.date(2010, 1, 1), 8, True), [person])  # old cycle
    failed = training("督导", recent, 12, True)
    ops.record_attendance("clerk", failed, [person], passed=False)
    assert SocialWorker.get_by_id(worker).ce_hours == Decimal(6)
    ops.record_attendance("clerk", failed, [person], passed=True, hours_credited="10")  # re-recorded
    assert SocialWorker.get_by_id(worker).ce_hours == Decimal(16)
    assert Attendance.select().count() == 4


def test_attendance_of_unknown_people_saves_nothing(worker):
    tid = training("伦理", dt.date.today(), 6, True)
    with pytest.raises(ops.RegistryError):
        ops.record_attendance("clerk", tid, [SocialWorker.get_by_id(worker).person_id, 9999])
    assert Attendance.select().count() == 0


def test_training_dates_must_be_in_order(db):
    with pytest.raises(ops.ValidationError):
        ops.create_training("clerk", {"title": "x", "starts_on": "2024-05-02", "ends_on": "2024-05-01",
                                      "hours": 2})


def test_changing_the_ce_preset_recounts_and_stamps_every_worker(worker):
    person = SocialWorker.get_by_id(worker).person_id
    long_ago = SocialWorker.get_by_id(worker).registered_until - dt.timedelta(days=2 * 365 + 100)
    ops.record_attendance("clerk", training("伦理", long_ago, 6, True), [person])
    assert (SocialWorker.get_by_id(worker).ce_hours, SocialWorker.get_by_id(worker).ce_preset) == (6, "national")
    ops.set_preset("admin", "ce_preset", "annual_90")  # a one-year cycle: that training falls outside
    assert (SocialWorker.get_by_id(worker).ce_hours, SocialWorker.get_by_id(worker).ce_preset) == (0, "annual_90")
