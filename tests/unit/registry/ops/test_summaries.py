"""Whatever is recorded, approved and corrected, in whatever order and batches, the stored
summaries (totals, star levels, year sums, month/category sums) equal the counted lines of
the ledger added up from scratch, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from helpers.ledger import counted_sums, stored_sums
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry import ops
from registry.queries.presets import current_star_preset
from registry.rules.presets import star_level
from registry.rules.problems import ValidationError
from registry.storage.models import ServiceRecord, Volunteer

TODAY = dt.date.today()
LINE = st.fixed_dictionaries({
    "volunteer": st.integers(0, 2),
    "service_date": st.dates(dt.date(TODAY.year - 2, 1, 1), TODAY),
    "hours": st.integers(1, 16).map(lambda halves: Decimal(halves) / 4),
    "community": st.integers(0, 2),  # 0: none given (the volunteer's community is taken)
    "organization": st.integers(0, 2),
    "service_category": st.sampled_from(["", "为老服务", "社区治理"]),
})
STEPS = st.lists(st.one_of(st.tuples(st.just("record"), LINE),
                           st.tuples(st.just("approve"), st.lists(st.integers(0, 30), max_size=4)),
                           st.tuples(st.just("correct"), st.integers(0, 30), LINE)),
                 min_size=1, max_size=12)


@pytest.fixture
def register(area: dict[str, int]) -> dict[str, list[Any]]:
    volunteers = [ops.register_volunteer("clerk", {
        "id_number": number, "name": name, "community": area[community]}).id
        for number, name, community in (("11010519491231002X", "张三", "community"),
                                        ("110105194912310038", "李四", "community2"),
                                        ("110105195001010012", "王五", "community"))]
    orgs = [ops.register_organization("clerk", {"name": name, "org_type": "社区社会组织"}).id
            for name in ("阳光社", "夕阳红服务队")]
    return {"volunteers": volunteers, "communities": [None, area["community"], area["community2"]],
            "organizations": [None, *orgs]}


def line_data(line: dict[str, Any], register: dict[str, list[Any]]) -> dict[str, Any]:
    return {"service_date": line["service_date"], "hours": line["hours"],
            "community": register["communities"][line["community"]],
            "organization": register["organizations"][line["organization"]],
            "service_category": line["service_category"]}


def run(steps: list[tuple], register: dict[str, list[Any]]) -> None:
    for step in steps:
        try:
            if step[0] == "record":
                ops.record_hours("clerk", register["volunteers"][step[1]["volunteer"]],
                                 line_data(step[1], register))
            elif step[0] == "approve":
                pending = [r.id for r in ServiceRecord.select(ServiceRecord.id)
                           .where(ServiceRecord.status == "pending").order_by(ServiceRecord.id)]
                if pending:
                    ops.approve_records("chief", {pending[i % len(pending)] for i in step[1]})
            else:
                corrected = {r.corrects_id for r in ServiceRecord.select(ServiceRecord.corrects)}
                latest = [r.id for r in ServiceRecord.select(ServiceRecord.id)
                          .where(ServiceRecord.status == "approved").order_by(ServiceRecord.id)
                          if r.id not in corrected]
                if latest:
                    ops.correct_record("clerk", latest[step[1] % len(latest)],
                                       line_data(step[2], register), "核对签到表")
        except ValidationError:  # more than 24 hours in one day: refused, nothing written
            pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_stored_summaries_equal_the_counted_lines(register: dict[str, list[Any]], steps: list[tuple]) -> None:
    # Examples run one after another on the same register: the ledger only grows, and the
    # summaries must agree with all of it after each.
    run(steps, register)
    assert stored_sums() == counted_sums()
    preset = current_star_preset()
    for v in Volunteer.select():
        assert v.star_level == star_level(preset, v.total_hours)
        if v.total_hours:
            assert v.star_preset == preset.name
