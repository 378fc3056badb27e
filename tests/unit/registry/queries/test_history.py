"""A volunteer's service history as the detail pane lists it: newest first, with the
corrections marked, and a count of all lines when only the latest are shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.queries.history import CONTENT_CHARS, service_history

DAY = dt.date(dt.date.today().year - 1, 6, 1)


@pytest.fixture
def volunteer(area: dict[str, int]) -> int:
    return int(ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                                "community": area["community"]}).id)


def record(volunteer_id: int, hours: str, day: dt.date, **extra: str) -> int:
    return int(ops.record_hours("clerk", volunteer_id, {"service_date": day, "hours": hours, **extra}).id)


def test_newest_first_with_corrections_marked(volunteer: int) -> None:
    first = record(volunteer, "3", DAY, service_category="为老服务", content="陪伴聊天")
    later = record(volunteer, "2", DAY + dt.timedelta(days=1))
    ops.approve_records("chief", [first, later])
    fix = int(ops.correct_record("clerk", first, {"hours": "2.5"}, "多记了半小时").id)
    history = service_history(volunteer)
    assert [line.id for line in history.lines] == [later, fix, first]  # same day: the later entry first
    by_id = {line.id: line for line in history.lines}
    assert by_id[first].replaced_by is None  # the correction is not approved yet
    assert (by_id[fix].corrects, by_id[fix].approved, by_id[fix].hours) == (first, False, Decimal("2.5"))
    assert by_id[first].what == "为老服务 / 陪伴聊天"
    ops.approve_records("chief", [fix])
    replaced = {line.id: line for line in service_history(volunteer).lines}[first]
    assert replaced.replaced_by == fix and replaced.approved


def test_only_the_latest_are_shown_with_the_count_of_all(volunteer: int) -> None:
    ids = [record(volunteer, "1", DAY + dt.timedelta(days=d)) for d in range(7)]
    history = service_history(volunteer, limit=5)
    assert [line.id for line in history.lines] == ids[::-1][:5]
    assert (history.total, history.more) == (7, True)
    everything = service_history(volunteer)
    assert (len(everything.lines), everything.more) == (7, False)


def test_long_content_is_cut_and_an_empty_history_is_empty(volunteer: int) -> None:
    assert service_history(volunteer).lines == () and service_history(volunteer).total == 0
    record(volunteer, "1", DAY, content="长" * 40)
    (line,) = service_history(volunteer).lines
    assert line.what == "长" * CONTENT_CHARS + "…"
