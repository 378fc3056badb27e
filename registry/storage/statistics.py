"""Keeping the query planner's statistics, so plans stay right as a register grows.

A SQLite register that has never been analyzed has no sqlite_stat1: the planner then guesses,
and at ten million service lines it picked the index on `corrects` for record_hours' same-day
check (~490 ms a call) instead of (volunteer, service_date) (~1 ms). So: at open, a register
without statistics gets them, from a sample of each index (analysis_limit keeps that to a
fraction of a second at any size); after a bulk load and at close, PRAGMA optimize refreshes
what has drifted, as SQLite's documentation recommends. PostgreSQL's autovacuum keeps its own
statistics; a bulk load runs VACUUM (ANALYZE) on what it filled, so the next query need not wait for it.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

ANALYSIS_LIMIT = 1000  # rows sampled per index: the planner needs proportions, not counts


def has_statistics(db: SqliteDatabase) -> bool:
    found = db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    return found is not None and db.execute_sql("SELECT 1 FROM sqlite_stat1 LIMIT 1").fetchone() is not None


def analyze(db: Database, tables: tuple[str, ...] = ()) -> None:
    """Fresh statistics, on every table or on `tables` (after a bulk load filled them)."""
    if isinstance(db, SqliteDatabase):
        db.execute_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        if tables:
            for table in tables:
                db.execute_sql(f'ANALYZE "{table}"')
        else:
            db.execute_sql("ANALYZE")
        return
    for table in tables or ("",):
        db.execute_sql(f'ANALYZE "{table}"' if table else "ANALYZE")


def after_bulk_load(db: Database, tables: tuple[str, ...]) -> None:
    """Statistics for `tables` after a bulk load filled them. On PostgreSQL, outside a
    transaction, VACUUM (ANALYZE): it also marks the new pages all-visible, so a count by an
    index (the dashboard's people per community) reads the index alone rather than every row
    it names: 217 ms against 67 ms at 1M volunteers just after a load, until autovacuum came."""
    if isinstance(db, SqliteDatabase) or db.in_transaction():
        analyze(db, tables)
        return
    for table in tables:
        db.execute_sql(f'VACUUM (ANALYZE) "{table}"')


def at_open(db: Database) -> None:
    if isinstance(db, SqliteDatabase) and not has_statistics(db):
        analyze(db)


def at_close(db: Database) -> None:
    if isinstance(db, SqliteDatabase):
        db.execute_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        db.execute_sql("PRAGMA optimize")
