"""A register the planner has no statistics for gets them: at open (sampled, quick at any
size) and kept up at close, so the same-day check of record_hours keeps using the index on
(volunteer, service_date) as the ledger grows."""

from __future__ import annotations

from pathlib import Path

from registry.storage import sqlite_library
from registry.storage.lifecycle import close_database, open_database

SAME_DAY = ("EXPLAIN QUERY PLAN SELECT volunteer_id, hours, corrects_id FROM service_record "
            "WHERE volunteer_id IN (5) AND service_date = '2026-11-01'")  # as ops/hours.py asks


def stat_tables(path: Path) -> set[str]:
    with sqlite_library.connect(path) as conn:
        tables = {t for (t,) in conn.execute("SELECT tbl FROM sqlite_stat1")}
    conn.close()
    return tables


def test_a_register_without_statistics_gets_them_when_opened(tmp_path: Path):
    from registry import demo

    path = tmp_path / "registry.sqlite3"
    open_database(path)
    demo.fill_demo(volunteers=50, service_records=500, seed=2)
    close_database()
    with sqlite_library.connect(path) as conn:
        conn.execute("DROP TABLE sqlite_stat1")
    conn.close()
    open_database(path)
    close_database()
    assert {"service_record", "person", "volunteer"} <= stat_tables(path)


def test_the_same_day_check_uses_the_volunteer_and_day_index(tmp_path: Path):
    from registry import demo

    path = tmp_path / "registry.sqlite3"
    open_database(path)
    demo.fill_demo(volunteers=200, service_records=5_000, seed=2)
    close_database()
    open_database(path)
    close_database()
    with sqlite_library.connect(path) as conn:
        plan = " ".join(row[-1] for row in conn.execute(SAME_DAY))
    conn.close()
    assert "service_record_volunteer_id_service_date" in plan, plan
