"""Eight street offices writing to one register at once, on the shared PostgreSQL server and
on one SQLite file: recording, approving, editing the same thirty volunteers and recording
activity attendance, for a few seconds. Afterwards every summary equals its recomputation
from the ledger, every rule holds (24 hours a day, one line per person and activity, one
approval per line), every write reported has its audit entry and every audited edit stuck.
Before: 3 volunteers lost hours to stale edits, 64 h were booked on one day, 8 duplicate
attendance lines, and 68 of 586 approvals died of deadlocks."""

from __future__ import annotations

import pytest
from helpers.concurrency import check, prepare, run

OFFICES = 8
SECONDS = 8.0


@pytest.mark.slow
def test_offices_writing_at_once_lose_nothing_and_break_no_rule(target, tmp_path):
    setup = prepare(target, tmp_path)
    result = run(target, tmp_path, setup, OFFICES, SECONDS)
    assert not result.crashed, result.crashed[0]
    assert result.count("record") > 20 and result.count("approve") > 10 and result.count("edit") > 5, (
        {op: result.count(op) for op in ("record", "approve", "edit", "activity")})
    assert result.count("edit", "conflict") > 0  # clerks did edit the same volunteers at once
    assert result.count("record", "contention") + result.count("approve", "contention") == 0
    found = check(target, result)
    assert found.summaries == [] and found.rules == [] and found.audit == []
