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
    assert {"service_line", "person", "volunteer"} <= stat_tables(path)


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
    assert "service_line_volunteer_id_service_date" in plan, plan


def test_a_demonstration_on_postgresql_leaves_its_people_counted_by_index_alone(empty_postgres: str):
    """Right after a bulk load PostgreSQL's pages are not yet marked all-visible, so a count
    by an index (the dashboard's volunteers per community) still reads every row it names
    until autovacuum comes. The load's VACUUM (ANALYZE) marks them at once."""
    from registry import demo
    from registry.storage.models import Meta

    open_database(empty_postgres)
    try:
        demo.fill_demo(volunteers=300, service_records=600, seed=2)
        db = Meta._meta.database
        visible = dict(db.execute_sql(
            "SELECT relname, relallvisible FROM pg_class WHERE relname IN ('person', 'volunteer')").fetchall())
        assert visible["person"] > 0 and visible["volunteer"] > 0
    finally:
        close_database()
