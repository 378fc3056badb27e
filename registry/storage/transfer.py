"""Moving a SQLite register onto a district's PostgreSQL server, proven by counts and
checksums of every table."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from peewee import Database, PostgresqlDatabase

from registry.rules.problems import RegistryError
from registry.storage import models, server_roles
from registry.storage.db import database, is_sqlite, make_database
from registry.storage.migrations import create_schema
from registry.texts import msg

BATCH = 5_000


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_checksum) == (self.target_rows, self.target_checksum)


def _canonical(value: Any) -> str:
    """One spelling per value whichever database returned it."""
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float | Decimal):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, datetime | date):
        return str(value)
    return str(value)


def _rows(db: Database, model: type[models.BaseModel]) -> Iterable[tuple[Any, ...]]:
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    keys = model._meta.get_primary_keys()
    order = ", ".join(f'"{k.column_name}"' for k in keys)
    cursor = db.execute_sql(f'SELECT {columns} FROM "{model._meta.table_name}" ORDER BY {order}')
    for row in cursor:  # streamed: APSW's cursor has no fetchmany, and needs none
        yield tuple(f.python_value(v) for f, v in zip(fields, row, strict=True))


def table_checksum(db: Database, model: type[models.BaseModel]) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    for row in _rows(db, model):
        digest.update("\x1f".join(_canonical(v) for v in row).encode() + b"\x1e")
        count += 1
    return count, digest.hexdigest()


class _Mismatch(Exception):
    """A table differs after the copy: the whole migration is rolled back."""


def migrate_to(url: str, progress: Callable[[str, int], None] | None = None, *,
               record: Callable[[list[TableCheck]], None] | None = None) -> list[TableCheck]:
    """Copy the open SQLite register into the empty PostgreSQL database at `url`.

    Whole or not at all: the schema, every row, the proof that each table matches and what
    `record` writes (ops/backups.py: the audit entry saying so, with the server bound as the
    register) are one transaction on the server (PostgreSQL's DDL is transactional). A
    migration killed or failing at any point leaves the server as empty as it was, so it can
    simply be run again; one whose checks differ is rolled back too, and its checks are
    returned to say which tables."""
    if not is_sqlite():
        raise RegistryError(msg("只能从本机登记库（SQLite）迁移到共享服务器。"))
    target = make_database(url)
    if not isinstance(target, PostgresqlDatabase):
        raise RegistryError(msg("迁移目标必须是 postgresql:// 地址。"))
    source = database.obj
    target.connect()
    try:
        if target.get_tables():
            raise RegistryError(msg("目标数据库不是空的，为避免覆盖数据，迁移没有进行。"))
        if refusal := server_roles.migrate_refusal(target):  # the everyday account, not the owner
            raise RegistryError(refusal)
        copied = [m for m in models.ALL_MODELS if m is not models.Meta]  # the new schema writes its own
        checks: list[TableCheck] = []
        database.initialize(target)
        try:
            with target.atomic():
                create_schema(target)
                for model in copied:
                    _copy(source, target, model, progress)
                checks = [_check(source, target, model) for model in copied]
                if not all(check.ok for check in checks):
                    raise _Mismatch
                if record is not None:
                    record(checks)
        except _Mismatch:
            return checks  # rolled back: the server is empty again
        finally:
            database.initialize(source)
        return checks
    finally:
        target.close()


def _copy(source: Database, target: Database, model: type[models.BaseModel],
          progress: Callable[[str, int], None] | None) -> None:
    fields = model._meta.sorted_fields
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join(["%s"] * len(fields))})'
    cursor = target.cursor()
    done = 0
    batch: list[tuple[Any, ...]] = []
    for row in _rows(source, model):
        batch.append(tuple(f.db_value(v) for f, v in zip(fields, row, strict=True)))
        if len(batch) >= BATCH:
            cursor.executemany(sql, batch)
            done += len(batch)
            batch = []
            if progress:
                progress(table, done)
    if batch:
        cursor.executemany(sql, batch)
        done += len(batch)
    if progress:
        progress(table, done)  # each table's count, small tables too
    key = model._meta.primary_key
    if getattr(key, "field_type", "") == "AUTO":  # keep the id sequence past the copied ids
        target.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key.column_name}'), "
                           f"COALESCE(MAX(\"{key.column_name}\"), 0) + 1, false) FROM \"{table}\"")


def _check(source: Database, target: Database, model: type[models.BaseModel]) -> TableCheck:
    rows, checksum = table_checksum(source, model)
    target_rows, target_checksum = table_checksum(target, model)
    return TableCheck(model._meta.table_name, rows, target_rows, checksum, target_checksum)
