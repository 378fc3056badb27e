"""Bulk reads and writes for the commit: chunked IN queries, executemany inserts and
updates with ids assigned up front, and audit entries in one go (the kernel's write,
ops/kernel.py, holds them; new records' entries are made by the database from the rows)."""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from peewee import BooleanField, DateTimeField, DecimalField, Field

from registry.ops.kernel import Write
from registry.rules.permissions import Action
from registry.storage import ledger_view
from registry.storage.db import database, is_sqlite
from registry.storage.models import AuditEntry, BaseModel, ServiceRecord

CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


SCAN_ABOVE = 5_000  # more keys than this: read the whole column once instead of IN lists


def _present(model: type[BaseModel], field_name: str, wanted: set[Any]) -> list[Any]:
    """Which of the wanted values the column holds: cheap when almost none are there."""
    table = model._meta.table_name
    column = model._meta.fields[field_name].column_name
    if len(wanted) > SCAN_ABOVE:
        cursor = database.execute_sql(f'SELECT {column} FROM "{table}" WHERE {column} IS NOT NULL')
        return [value for (value,) in cursor if value in wanted]
    found: list[Any] = []
    ordered = sorted(wanted, key=str)
    for part in chunks(ordered):
        marks = ", ".join([database.param] * len(part))
        cursor = database.execute_sql(f'SELECT {column} FROM "{table}" WHERE {column} IN ({marks})',
                                      list(part))
        found.extend(value for (value,) in cursor)
    return found


def fetch_groups(model: type[BaseModel], field_name: str,
                 keys: Iterable[Any]) -> dict[Any, list[dict[str, Any]]]:
    """Rows of `model` whose field is one of `keys`, grouped by that value, as dicts."""
    column = getattr(model, field_name)
    present = sorted(set(_present(model, field_name, {k for k in keys if k is not None})), key=str)
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for part in chunks(present):
        for row in model.select().where(column.in_(list(part))).dicts():
            out[row[field_name]].append(row)
    return out


def fetch_in(model: type[BaseModel], field_name: str, keys: Iterable[Any]) -> dict[Any, dict[str, Any]]:
    """Like fetch_groups, for a field whose values are unique."""
    return {key: rows[0] for key, rows in fetch_groups(model, field_name, keys).items()}


def _columns(model: type[BaseModel], names: Iterable[str]) -> list[str]:
    fields = model._meta.fields
    return [fields[n].column_name for n in names]


def reserve_ids(model: type[BaseModel], count: int) -> int:
    """The first of `count` new ids for model. Inside the import's transaction, which on
    SQLite holds the write lock from its start, and on PostgreSQL locks the table."""
    table = model._meta.table_name
    if not is_sqlite():
        database.execute_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
    row = database.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()
    return int(row[0]) + 1 if count else 0


def insert_rows(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    """executemany INSERT of dicts that all have the same keys (ids included)."""
    if not rows:
        return
    names = list(rows[0])
    param = database.param
    sql = (f'INSERT INTO "{model._meta.table_name}" ({", ".join(_columns(model, names))}) '
           f'VALUES ({", ".join([param] * len(names))})')
    row_tuple = itemgetter(*names) if len(names) > 1 else (lambda r: (r[names[0]],))
    if model is ServiceRecord and is_sqlite():  # a view there: its tables written directly
        compactor = ledger_view.Compactor(database, _columns(model, names))
        lines = [compactor.line(row_tuple(row)) for row in rows]
        database.cursor().executemany(ledger_view.DETAIL_INSERT, compactor.take_details())
        database.cursor().executemany(ledger_view.LINE_INSERT, lines)
        return
    database.cursor().executemany(sql, map(row_tuple, rows))
    if "id" in names and not is_sqlite():
        table = model._meta.table_name
        database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f'(SELECT MAX(id) FROM "{table}"))')


def update_rows(model: type[BaseModel], updates: list[tuple[int, dict[str, Any]]]) -> None:
    """executemany UPDATE … WHERE id = ?, one statement per set of changed fields. A record
    clerks edit in forms moves to its next version (ops/edits.py), so a form filled before
    the import is refused rather than saved over what the import wrote."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for record_id, values in updates:
        names = tuple(values)
        groups[names].append((*values.values(), record_id))
    param = database.param
    versioned = "version" in model._meta.fields
    for names, params in groups.items():
        sets = ", ".join(f"{c} = {param}" for c in _columns(model, names))
        if versioned and "version" not in names:
            sets += ", version = version + 1"
        database.cursor().executemany(
            f'UPDATE "{model._meta.table_name}" SET {sets} WHERE id = {param}', params)


def _json_value(field: Field) -> str:
    """The SQL that gives a column's value as registry.ops.base.snapshot writes it."""
    column: str = field.column_name
    if is_sqlite():
        if isinstance(field, BooleanField):  # stored as 1/0
            return f"json(CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END)"
        if isinstance(field, DateTimeField):  # stored as "2026-11-27 09:30:00"
            return f"replace({column}, ' ', 'T')"
        if isinstance(field, DecimalField):
            return f"CAST({column} AS TEXT)"
        return column
    if isinstance(field, DecimalField):  # numeric keeps its scale: 3.00 is "3", 2.50 "2.50"
        return f"CASE WHEN {column} = trunc({column}) THEN trunc({column})::text ELSE {column}::text END"
    return column


def record_json_sql(model: type[BaseModel]) -> str:
    """SQL for the whole stored record as a JSON object, keyed by field name, as
    snapshot() and to_json() give it (keys sorted; numbers held as text, as theirs)."""
    fields = sorted(model._meta.sorted_fields, key=lambda f: f.name)
    # Both functions take a name and a value per field; PostgreSQL allows 100 arguments,
    # so up to 50 fields (the widest table here, organization, has 26).
    if len(fields) > 50:
        raise ValueError(f"{model.__name__} has too many fields to log in one json_object")
    pairs = ", ".join(f"'{f.name}', {_json_value(f)}" for f in fields)
    return f"json_object({pairs})" if is_sqlite() else f"json_build_object({pairs})::text"


_ACTIONS = {action.value: action for action in Action}


@dataclass
class WriteContext:
    """The import's write (who commits, when, its audit entries) and the tables written."""

    write: Write
    tables: set[str] = field(default_factory=set)

    @property
    def actor(self) -> str:
        return self.write.actor

    @property
    def now(self) -> dt.datetime:
        return self.write.now

    def log(self, action: str, table: str, record_id: int | None,
            before: dict[str, Any] | None, after: dict[str, Any] | None, detail: str = "") -> None:
        self.write.log(table, record_id, before, after, detail,
                       action=_ACTIONS.get(action) or Action(action))  # Action(): the error

    def create(self, model: type[BaseModel], records: list[dict[str, Any]], *,
               action: str = "create", detail: str = "") -> range:
        """Insert new records (dicts with the same keys, no id) under fresh ids, each with
        its audit entry; the ids, in the records' order."""
        first = reserve_ids(model, len(records))
        ids = range(first, first + len(records))
        for record, record_id in zip(records, ids, strict=True):
            record["id"] = record_id
        insert_rows(model, records)
        self._log_created(model, ids, action, detail)
        return ids

    def _log_created(self, model: type[BaseModel], ids: range, action: str, detail: str) -> None:
        """An entry for each of the records, holding it as stored. The database writes them
        from the rows themselves: for a large import that is several times faster than
        encoding each one in Python."""
        if not ids:
            return
        self.write.allow(Action(action))
        self.write.flush_audit()  # entries stay in the order they were logged
        param = database.param
        table = model._meta.table_name
        columns = ", ".join(AuditEntry._meta.fields[n].column_name for n in (
            "at", "actor", "action", "table_name", "record_id", "before", "after", "detail"))
        database.execute_sql(
            f'INSERT INTO "{AuditEntry._meta.table_name}" ({columns}) '
            f"SELECT {param}, {param}, {param}, {param}, id, NULL, {record_json_sql(model)}, "
            f'{param} FROM "{table}" WHERE id >= {param} AND id < {param} ORDER BY id',
            (self.now, self.actor, action, table, detail, ids.start, ids.stop))


@contextmanager
def no_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building hundreds of thousands of small
    objects that live on (rows, values): otherwise it rescans them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
