"""The statistics section in one read: indicators by community and for the register against
the aim of one social worker per 1,000 residents, a year's hours, what falls due."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.queries.overview import due_within, meets_aim, overview

TODAY = dt.date.today()
IDS = ("11010519491231002X", "110105198001010016", "110105199001010037", "110105197506150044")


@pytest.fixture
def register(area: dict[str, int]) -> dict[str, int]:
    """Two volunteers in the first community (8,200 residents), one in the second (6,100);
    nine social workers in the first, two of them registered until 40 days from today."""
    volunteers = [ops.register_volunteer("clerk", {"id_number": n, "name": f"志愿者{i}", "community": c}).id
                  for i, (n, c) in enumerate(zip(IDS[:3], (area["community"], area["community"],
                                                           area["community2"]), strict=True))]
    for i in range(9):
        worker = ops.register_social_worker("clerk", {
            "id_number": _id(i), "name": f"社工{i}", "level": "社会工作师", "certificate_number": f"S-{i}",
            "community": area["community"], "registered_on": TODAY - dt.timedelta(days=100)}).id
        if i < 2:
            ops.update_social_worker("clerk", worker, {"registered_until": TODAY + dt.timedelta(days=40)})
    for day, hours, category in ((dt.date(2024, 3, 5), "3", "为老服务"), (dt.date(2024, 3, 9), "2", "助残服务"),
                                 (dt.date(2024, 11, 1), "4", "为老服务")):
        rid = ops.record_hours("clerk", volunteers[0], {"service_date": day, "hours": hours,
                                                        "service_category": category}).id
        ops.approve_records("chief", [rid])
    return area


def _id(i: int) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"11010519850101{i:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def test_indicators_by_community_and_for_the_register(register: dict[str, int]) -> None:
    shown = overview(2024)
    first, second = shown.communities
    assert (first.community, first.volunteers, first.social_workers) == ("永安里社区", 2, 9)
    assert first.social_workers_per_thousand == pytest.approx(9 * 1000 / 8200)
    assert (second.volunteers, second.social_workers, second.social_workers_per_thousand) == (1, 0, 0)
    assert [meets_aim(c.social_workers_per_thousand) for c in shown.communities] == [True, False]
    totals = shown.totals
    assert (totals.population, totals.volunteers, totals.social_workers) == (14_300, 3, 9)
    assert totals.volunteer_share == pytest.approx(3 / 14_300)
    assert totals.social_workers_per_thousand == pytest.approx(9 / 14_300 * 1000)
    assert not meets_aim(totals.social_workers_per_thousand) and not meets_aim(None)


def test_the_years_hours_by_month_and_category(register: dict[str, int]) -> None:
    shown = overview(2024)
    assert shown.year == 2024 and len(shown.hours_by_month) == 12
    assert (shown.hours_by_month[2], shown.hours_by_month[10], sum(shown.hours_by_month)) == (5, 4, 9)
    assert shown.hours_by_category == (("为老服务", Decimal(7)), ("助残服务", Decimal(2)))
    assert overview(2023).hours_by_category == () and sum(overview(2023).hours_by_month) == 0


def test_what_falls_due_within_the_days_chosen(register: dict[str, int]) -> None:
    assert due_within(30) == ()
    soon = due_within(60)
    assert {d.subject for d in soon} == {"社工0", "社工1"} and all(d.table == "social_worker" for d in soon)
    assert overview(2024, 60).deadlines == soon and overview(2024, 30).deadlines == ()
