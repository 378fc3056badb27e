"""The bulk writer: rows as plain tuples in large transactions, through executemany on SQLite
(its secondary indexes set aside during big loads, its pragmas relaxed while loading) and
COPY on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from registry.demo.common import Progress, Row
from registry.storage import ledger_view, models
from registry.storage.db import database, is_sqlite

CHUNK_ROWS = 50_000
COMMIT_ROWS = 2_000_000  # keeps the WAL of a huge load bounded
DEFER_INDEXES_ROWS = 200_000
LOAD_CACHE_KIB = 1_048_576  # page cache while loading, so random index inserts stay in memory


def chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


class Loader:
    """Writes tuples in chunks; one transaction per COMMIT_ROWS rows. Loads of at least
    `defer_indexes_rows` rows set the table's secondary indexes aside (SQLite only)."""

    def __init__(self, progress: Progress | None, *,
                 defer_indexes_rows: int = DEFER_INDEXES_ROWS) -> None:
        self.progress = progress
        self.defer_indexes_rows = defer_indexes_rows
        self.counts: dict[str, int] = {}

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def insert(self, model: type[models.BaseModel], columns: Sequence[str], rows: Iterable[Row],
               *, stage: str, total: int) -> int:
        table = model._meta.table_name
        if model is models.ServiceRecord and is_sqlite():  # a view there: its tables written directly
            compactor = ledger_view.Compactor(database, columns)

            def details_first() -> None:
                database.cursor().executemany(ledger_view.DETAIL_INSERT, compactor.take_details())

            with indexes_deferred("service_line", total, self.defer_indexes_rows):
                done = self._insert("service_line", ledger_view.LINE_COLUMNS, map(compactor.line, rows), stage,
                                    total, before_chunk=details_first)
        else:
            with indexes_deferred(table, total, self.defer_indexes_rows):
                done = self._insert(table, columns, rows, stage, total)
        self.counts[table] = self.counts.get(table, 0) + done
        return done

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Row], stage: str,
                total: int, before_chunk: Callable[[], None] | None = None) -> int:
        """`before_chunk` runs once each chunk is made, before it is written."""
        param = database.param
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(param for _ in columns)})'
        done = 0
        since_commit = 0
        self.report(stage, 0, total)
        cursor = database.cursor()
        copying = not is_sqlite()  # PostgreSQL: COPY, several times faster than row-by-row inserts
        with database.atomic() as txn:
            if copying:
                cursor.execute("SET LOCAL synchronous_commit = off")  # made again on a crash
            for chunk in chunks(rows, CHUNK_ROWS):
                if before_chunk is not None:
                    before_chunk()
                if copying:
                    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                        for row in chunk:
                            copy.write_row(row)
                else:
                    cursor.executemany(sql, chunk)
                done += len(chunk)
                since_commit += len(chunk)
                if since_commit >= COMMIT_ROWS:
                    txn.commit()
                    since_commit = 0
                self.report(stage, done, max(total, done))
        return done

    def update_by_id(self, table: str, columns: Sequence[str], rows: Iterable[Row], *, stage: str,
                     total: int) -> None:
        """Set `columns` of existing rows: each row is their values, then the id. On
        PostgreSQL through COPY into a temporary table and one UPDATE ... FROM (row-by-row
        UPDATEs of 860k volunteers took 77 s there)."""
        param = database.param
        sets = ", ".join(f'"{c}" = {param}' for c in columns)
        with database.atomic():
            cursor = database.cursor()
            if is_sqlite():
                for n, chunk in enumerate(chunks(rows, CHUNK_ROWS)):
                    cursor.executemany(f'UPDATE "{table}" SET {sets} WHERE "id" = {param}', chunk)
                    self.report(stage, n * CHUNK_ROWS + len(chunk), total)
                return
            names = ", ".join(f'"{c}"' for c in (*columns, "id"))
            cursor.execute(f'CREATE TEMPORARY TABLE demo_update ON COMMIT DROP AS '
                           f'SELECT {names} FROM "{table}" WHERE false')
            done = 0
            for chunk in chunks(rows, CHUNK_ROWS):
                with cursor.copy(f"COPY demo_update ({names}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
                done += len(chunk)
                self.report(stage, done, max(total, done))
            sets = ", ".join(f'"{c}" = u."{c}"' for c in columns)
            cursor.execute(f'UPDATE "{table}" AS t SET {sets} FROM demo_update AS u WHERE t."id" = u."id"')


@contextmanager
def indexes_deferred(table: str, rows: int, threshold: int = DEFER_INDEXES_ROWS) -> Iterator[None]:
    """A big load goes faster without the table's secondary indexes (random
    inserts into each; measured for 7.4M search keys: 21 s with the person_id index, 8 s
    without plus 3 s to rebuild it). They are rebuilt by sorting, from their original SQL,
    so the schema ends exactly as create_tables made it.

    On PostgreSQL its foreign keys go too (each row otherwise fires one check per key: 50M
    for 10M service records), and a primary key nothing refers to (search_key's, on random
    keys); added back after, each checked over the whole table in one pass, so rows that
    broke one would still fail the load."""
    deferred = _deferred(table) if rows >= threshold else []
    for drop, _ in deferred:
        database.execute_sql(drop)
    try:
        yield
    finally:
        for _, create in reversed(deferred):  # keys before the foreign keys that may need them
            database.execute_sql(create)
        if deferred and not is_sqlite():
            database.execute_sql(f'ANALYZE "{table}"')


def _deferred(table: str) -> list[tuple[str, str]]:
    """(drop, create) statements of what a big load into `table` sets aside, in drop order."""
    if is_sqlite():
        return [(f'DROP INDEX "{name}"', str(sql)) for name, sql in database.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()]
    owner = database.execute_sql(
        "SELECT tableowner = current_user FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = %s", (table,)).fetchone()
    if not owner or not owner[0]:
        return []  # the everyday account may not alter tables: it loads with them all
    # Foreign keys first, then keys no foreign key refers to, then plain indexes.
    constraints = [(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"',
                    f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
                   for name, definition in database.execute_sql(
        "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "WHERE c.conrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(%s)) "
        "AND (c.contype = 'f' OR (c.contype IN ('p', 'u') AND NOT EXISTS "
        "     (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid))) "
        "ORDER BY c.contype = 'f' DESC, c.conname", (table,)).fetchall()]
    indexes = [(f'DROP INDEX "{name}"', str(sql)) for name, sql in database.execute_sql(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        "WHERE t.relname = %s AND t.relnamespace = current_schema()::regnamespace "
        "AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname", (table,)).fetchall()]
    return constraints + indexes


@contextmanager
def fast_load() -> Iterator[None]:
    """On SQLite: no fsync and no foreign-key lookups while loading rows that are made
    consistent by construction, and a large page cache; everything restored after."""
    if not is_sqlite():
        yield
        return
    names = ("synchronous", "foreign_keys", "cache_size")
    saved = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in names}
    database.execute_sql("PRAGMA synchronous = OFF")
    database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        for name in names:
            database.execute_sql(f"PRAGMA {name} = {int(saved[name])}")
