"""The volunteer and social-worker detail panes: the figures they show come from the
ledger and the presets in force, and numbers are whole only for an administrator who asked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.ledger import volunteer_hours
from registry.queries.people import continuing_education, social_worker_detail, volunteer_detail, volunteer_name
from registry.rules.deadlines import add_years
from registry.rules.problems import NotFoundError

ID, PHONE = "11010519491231002X", "13800138000"
TODAY = dt.date.today()
LAST_YEAR = TODAY.year - 1
EVER = (dt.date(1900, 1, 1), TODAY)


@pytest.fixture
def volunteer(area: dict[str, int]) -> int:
    return int(ops.register_volunteer("clerk", {"id_number": ID, "name": "张三", "phone": PHONE,
                                                "community": area["community"]}).id)


def approved(volunteer_id: int, hours: str, day: dt.date) -> int:
    rid = int(ops.record_hours("clerk", volunteer_id, {"service_date": day, "hours": hours}).id)
    ops.approve_records("chief", [rid])
    return rid


def test_hours_stars_and_the_next_star_agree_with_the_ledger(volunteer: int) -> None:
    for day in range(1, 6):
        approved(volunteer, "20", dt.date(LAST_YEAR, 3, day))
    approved(volunteer, "4.5", TODAY)
    ops.record_hours("clerk", volunteer, {"service_date": TODAY, "hours": "7"})  # pending: not counted
    shown = volunteer_detail(volunteer, "clerk")
    assert shown.hours_total == volunteer_hours(volunteer, *EVER) == Decimal("104.5")
    assert shown.hours_this_year == volunteer_hours(volunteer, dt.date(TODAY.year, 1, 1), TODAY)
    assert shown.hours_this_year == Decimal("4.5")
    assert (shown.star_level, shown.hours_to_next_star) == (1, Decimal("195.5"))  # national: 300 h
    assert (shown.name, shown.community, shown.status) == ("张三", "永安里社区", "在册")
    assert (shown.sex, shown.birth_date) == ("女", "1949年")  # beside the masked number: the year only
    assert volunteer_name(volunteer) == "张三"


def test_the_next_star_follows_the_preset_in_force_and_ends_at_the_top(volunteer: int) -> None:
    approved(volunteer, "24", dt.date(LAST_YEAR, 1, 1))
    for day in range(2, 10):
        approved(volunteer, "22", dt.date(LAST_YEAR, 1, day))  # 200 h in all
    assert volunteer_detail(volunteer, "clerk").hours_to_next_star == Decimal(100)  # national: 300
    ops.set_preset("clerk", "star_preset", "beijing_trial")
    shown = volunteer_detail(volunteer, "clerk")
    assert (shown.star_level, shown.hours_to_next_star) == (2, Decimal(300))  # beijing_trial: 200, then 500
    assert "北京" in shown.star_preset
    for day in range(1, 29):
        approved(volunteer, "24", dt.date(LAST_YEAR, 2, day))
        approved(volunteer, "24", dt.date(LAST_YEAR - 1, 2, day))
    shown = volunteer_detail(volunteer, "clerk")
    assert shown.hours_total > 1000 and shown.star_level == 5 and shown.hours_to_next_star is None


def test_numbers_are_whole_only_for_an_administrator_who_asked(volunteer: int) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    assert (volunteer_detail(volunteer, "boss").id_number, volunteer_detail(volunteer, "boss").phone) == \
        ("110105**********2X", "138****8000")
    revealed = volunteer_detail(volunteer, "boss", reveal=True)
    assert (revealed.id_number, revealed.phone) == (ID, PHONE)
    assert revealed.birth_date == "1949-12-31"
    clerk = volunteer_detail(volunteer, "li", reveal=True)
    assert (clerk.id_number, clerk.phone) == ("110105**********2X", "138****8000")


def test_a_missing_volunteer_is_said_so(area: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        volunteer_detail(9999, "clerk")
    with pytest.raises(NotFoundError):
        volunteer_name(9999)


@pytest.fixture
def worker(area: dict[str, int]) -> int:
    return int(ops.register_social_worker("clerk", {
        "id_number": ID, "name": "张三", "phone": PHONE, "level": "助理社会工作师",
        "certificate_number": "A-1", "registered_on": TODAY - dt.timedelta(days=400),
        "community": area["community"]}).id)


def test_continuing_education_requirement_shortfall_and_cycle(worker: int) -> None:
    person = social_worker_detail(worker, "clerk").person_id
    course = ops.create_training("clerk", {"title": "伦理", "starts_on": TODAY - dt.timedelta(days=30),
                                           "hours": 6, "counts_as_ce": True}).id
    ops.record_attendance("clerk", course, [person])
    shown = social_worker_detail(worker, "clerk")
    until = shown.registered_until
    assert until is not None
    assert (shown.ce.hours_done, shown.ce.hours_required, shown.ce.hours_missing) == (6, 72, 66)
    assert (shown.ce.cycle_start, shown.ce.due) == (add_years(until, -3), until)
    assert (shown.level, shown.certificate_number, shown.community) == ("助理社会工作师", "A-1", "永安里社区")
    ops.set_preset("clerk", "ce_preset", "annual_90")
    shown = social_worker_detail(worker, "clerk")
    assert (shown.ce.hours_required, shown.ce.cycle_start) == (90, add_years(until, -1))


def test_a_level_the_preset_does_not_know_has_no_requirement(sqlite_db: object) -> None:
    ce = continuing_education("未知等级", Decimal(10), None)
    assert (ce.hours_required, ce.hours_missing, ce.cycle_start, ce.due) == (None, None, None, None)
    done = continuing_education("社会工作师", Decimal(95), TODAY)
    assert (done.hours_required, done.hours_missing) == (90, 0)


def test_a_social_workers_numbers_are_masked_unless_revealed_to_an_administrator(worker: int) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "wang", "viewer", "viewer-password")
    assert social_worker_detail(worker, "wang", reveal=True).id_number == "110105**********2X"
    assert social_worker_detail(worker, "boss").phone == "138****8000"
    assert social_worker_detail(worker, "boss", reveal=True).phone == PHONE
