"""Is the register opened the register expected? Its tables, columns, indexes, unique
constraints and append-only triggers, compared at open (and on a backup before it is
restored) with what this program makes.

The expected shape is derived, never written down twice: tables, columns and indexes from
the models (the same peewee metadata create_schema uses), triggers and the extra PostgreSQL
indexes from the SQL in migrations.py. Only the catalog is read (sqlite_master and its
pragmas, or pg_catalog), so the check costs milliseconds whatever the register's size.

What is found wrong decides what happens:
- a missing or mis-made index slows lookups but loses nothing: it is rebuilt, and the open
  warnings say so (a killed bulk load sets its table's indexes aside, unique ones too);
- a unique constraint is rebuilt the same way, which proves the rows still obey it: when they
  do not (two people with one ID number) the file is not trusted;
- a missing table or column, a changed primary key, an append-only trigger that is missing,
  changed or disabled, or a trigger the program does not make: the file is not trusted
  either, and UntrustedSchemaError refuses it.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from peewee import Database, DatabaseError, IntegrityError, SqliteDatabase

from registry.storage import ledger_view, migrations, models
from registry.storage.db import sqlite_file
from registry.texts import msg

log = logging.getLogger(__name__)


class UntrustedSchemaError(migrations.SchemaError):
    """The register's structure is not the one this program makes; `reason` says what
    differs, str() is the whole sentence for the one who opened it."""

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message or untrusted_sentence(reason))
        self.reason = reason


def untrusted_sentence(reason: str) -> str:
    return (msg("登记库的结构与本程序不符（{reason}），可能被其他程序改动过或已损坏，程序不会使用它。"
            "请由管理员从最近一份完好的备份恢复；没有备份时请联系区里的系统管理员。", reason=reason))


@dataclass(frozen=True)
class IndexShape:
    """An index by what it covers: its table, columns, uniqueness and whether it is partial."""

    table: str
    columns: tuple[str, ...]
    unique: bool
    partial: bool = False


@dataclass(frozen=True)
class Expected:
    """The schema the program's models make."""

    tables: dict[str, frozenset[str]]  # table: its columns
    primary_keys: dict[str, frozenset[str]]
    indexes: dict[str, IndexShape]  # by name
    extra_index_sql: dict[str, str]  # indexes made by SQL of their own (PostgreSQL): name: DDL
    triggers: dict[str, tuple[str, str]]  # name: (table, normalized SQL, "" where not compared)
    views: dict[str, str]  # name: normalized SQL (SQLite: the ledger's, ledger_view.py)


@dataclass(frozen=True)
class Actual:
    """The schema the register's database holds."""

    tables: dict[str, frozenset[str]]
    primary_keys: dict[str, frozenset[str]]
    indexes: dict[str, IndexShape]
    triggers: dict[str, tuple[str, str, bool]]  # name: (table, normalized SQL, enabled)
    views: dict[str, str]  # name: normalized SQL


@dataclass
class SchemaReport:
    """What the schema check mended."""

    rebuilt: list[str] = field(default_factory=list)  # indexes rebuilt

    @property
    def notes(self) -> list[str]:
        if not self.rebuilt:
            return []
        return [msg("登记库缺少 {length} 个索引（帮助快速查找的目录），已经自动补上，"
                "数据没有受影响，不需要做什么。", length=len(self.rebuilt))]


def _normalized(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip().rstrip(";")
    sql = re.sub(r"^CREATE (OR REPLACE )?TRIGGER (IF NOT EXISTS )?", "CREATE TRIGGER ", sql, flags=re.I)
    return sql.lower()


_TRIGGER = re.compile(r"TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?.*?\bON\s+\"?(\w+)\"?", re.I | re.S)
_INDEX = re.compile(r"INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?\s+ON\s+\"?(\w+)\"?", re.I)


@functools.cache
def expected(sqlite: bool) -> Expected:
    tables: dict[str, frozenset[str]] = {}
    keys: dict[str, frozenset[str]] = {}
    indexes: dict[str, IndexShape] = {}
    for model in models.stored_models(sqlite):
        meta = model._meta
        tables[meta.table_name] = frozenset(f.column_name for f in meta.sorted_fields)
        keys[meta.table_name] = frozenset(f.column_name for f in meta.get_primary_keys())
        for index in meta.fields_to_index():
            columns = tuple(getattr(e, "column_name", str(e)) for e in index._expressions)
            indexes[index._name] = IndexShape(meta.table_name, columns, bool(index._unique),
                                              index._where is not None)
    extra: dict[str, str] = {}
    triggers: dict[str, tuple[str, str]] = {}
    views: dict[str, str] = {}
    if sqlite:
        views[ledger_view.VIEW] = _normalized(ledger_view.VIEW_SQL)
        for sql in migrations._SQLITE_TRIGGERS:
            match = _TRIGGER.search(sql)
            assert match, sql
            triggers[match.group(1)] = (match.group(2), _normalized(sql))
    else:
        for sql in migrations._POSTGRES_TRIGGERS:
            match = _TRIGGER.search(sql)
            if match and re.match(r"\s*CREATE\s+(OR\s+REPLACE\s+)?TRIGGER", sql, re.I):
                triggers[match.group(1)] = (match.group(2), "")
        for sql in migrations._POSTGRES_SEARCH:
            match = _INDEX.search(sql)
            assert match, sql
            extra[match.group(1)] = sql
    return Expected(tables, keys, indexes, extra, triggers, views)


# --- what the register holds -----------------------------------------------------------


def _actual_sqlite(db: Database) -> Actual:
    columns: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}
    for table, column, pk in db.execute_sql(
            "SELECT m.name, p.name, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p "
            "WHERE m.type = 'table'"):
        columns.setdefault(table, set()).add(column)
        keys.setdefault(table, set())
        if pk:
            keys[table].add(column)
    parts: dict[str, tuple[str, bool, bool, list[tuple[int, str | None]]]] = {}
    for table, name, unique, partial, seq, column in db.execute_sql(
            "SELECT m.name, il.name, il.\"unique\", il.partial, ii.seqno, ii.name FROM sqlite_master m "
            "JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii WHERE m.type = 'table'"):
        parts.setdefault(name, (table, bool(unique), bool(partial), []))[3].append((seq, column))
    indexes = {name: IndexShape(table, tuple(str(c) for _, c in sorted(cols)), unique, partial)
               for name, (table, unique, partial, cols) in parts.items()}
    triggers = {name: (table, _normalized(sql or ""), True) for name, table, sql in db.execute_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")}
    views = {name: _normalized(sql or "") for name, sql in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'view'")}
    return Actual({t: frozenset(c) for t, c in columns.items()}, {t: frozenset(k) for t, k in keys.items()},
                  indexes, triggers, views)


def _actual_postgres(db: Database) -> Actual:
    columns: dict[str, set[str]] = {}
    for table, column in db.execute_sql(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"):
        columns.setdefault(table, set()).add(column)
    keys: dict[str, frozenset[str]] = {}
    indexes: dict[str, IndexShape] = {}
    for table, name, unique, primary, partial, cols in db.execute_sql(
            "SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL, "
            "ARRAY(SELECT COALESCE(a.attname, '') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, n) "
            "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) "
            "FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid "
            "JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = current_schema()"):
        indexes[name] = IndexShape(table, tuple(cols), bool(unique), bool(partial))
        if primary:
            keys[table] = frozenset(cols)
    triggers = {name: (table, "", enabled != "D") for table, name, enabled in db.execute_sql(
        "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace ns ON ns.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND ns.nspname = current_schema()")}
    return Actual({t: frozenset(c) for t, c in columns.items()}, keys, indexes, triggers, {})


# --- the check -------------------------------------------------------------------------


def problems(db: Database) -> tuple[list[str], list[str]]:
    """(what makes the file untrusted, the ordinary indexes to rebuild)."""
    sqlite = isinstance(db, SqliteDatabase)
    want = expected(sqlite)
    have = _actual_sqlite(db) if sqlite else _actual_postgres(db)
    untrusted: list[str] = []
    for table, cols in want.tables.items():
        if table not in have.tables:
            untrusted.append(msg("缺少表 {table}", table=table))
            continue
        if have.tables[table] != cols:
            missing, extra = sorted(cols - have.tables[table]), sorted(have.tables[table] - cols)
            what = "、".join([*(msg("缺少 {c}", c=c) for c in missing), *(msg("多出 {c}", c=c) for c in extra)])
            untrusted.append(msg("表 {table} 的列不符：{what}", table=table, what=what))
        elif have.primary_keys.get(table, frozenset()) != want.primary_keys[table]:
            untrusted.append(msg("表 {table} 的主键不符", table=table))
    rebuild: list[str] = []
    for name, shape in want.indexes.items():
        if have.indexes.get(name) == shape:
            continue
        if shape.table not in have.tables:
            continue  # said above
        rebuild.append(name)
    for name in want.extra_index_sql:
        if name not in have.indexes:
            rebuild.append(name)
    for name, (table, sql) in want.triggers.items():
        found = have.triggers.get(name)
        if found is None:
            untrusted.append(msg("缺少保护记录不被改删的触发器 {name}", name=name))
        elif found[0] != table or (sql and found[1] != sql):
            untrusted.append(msg("触发器 {name} 被改动", name=name))
        elif not found[2]:
            untrusted.append(msg("触发器 {name} 被停用", name=name))
    for name, (table, _sql, _enabled) in have.triggers.items():
        if name not in want.triggers:
            untrusted.append(msg("多出本程序不会建立的触发器 {name}（表 {table}）", name=name, table=table))
    for name, sql in want.views.items():
        if name not in have.views:
            untrusted.append(msg("缺少视图 {name}", name=name))
        elif have.views[name] != sql:
            untrusted.append(msg("视图 {name} 被改动", name=name))
    untrusted += [msg("多出本程序不会建立的视图 {name}", name=name) for name in have.views if name not in want.views]
    return untrusted, rebuild


def check_before_open(path: Path) -> None:
    """The same check on a SQLite file before it is opened for writing (which switches it to
    WAL and may upgrade it), read-only, so a file refused keeps every byte: a version that is
    no number or too new, and for a register of the current version, what makes it untrusted.
    An older register is checked after its upgrade, when it has the shape compared."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    db = sqlite_file(path, pragmas={}, readonly=True)
    try:
        db.connect()
        if "registry_meta" not in db.get_tables():
            return  # an empty database: made into a register at open
        row = db.execute_sql("SELECT value FROM registry_meta WHERE key = ?", (migrations.VERSION_KEY,)).fetchone()
        if row is None:
            raise migrations.SchemaError(msg("数据库缺少结构版本信息，可能已损坏，请联系管理员用备份恢复。"))
        version = migrations.parse_version(row[0])
        if version > migrations.CURRENT_VERSION:
            raise migrations.too_new(version)
        if version == migrations.CURRENT_VERSION:
            untrusted, rebuild = problems(db)
            want = expected(True).indexes
            untrusted += [_duplicates_said(want[name], name) for name in rebuild
                          if name in want and want[name].unique and _has_duplicates(db, want[name])]
            if untrusted:
                log.error("register refused before opening: %s", "; ".join(untrusted))
                raise UntrustedSchemaError("；".join(untrusted[:3]) + (msg("等") if len(untrusted) > 3 else ""))
    except DatabaseError:
        return  # locked, or a WAL a reader may not recover: the open that follows says why
    finally:
        db.close()


def _has_duplicates(db: Database, shape: IndexShape) -> bool:
    columns = ", ".join(f'"{c}"' for c in shape.columns)
    present = " AND ".join(f'"{c}" IS NOT NULL' for c in shape.columns)  # NULLs never collide
    return db.execute_sql(f'SELECT 1 FROM "{shape.table}" WHERE {present} GROUP BY {columns} '
                          "HAVING count(*) > 1 LIMIT 1").fetchone() is not None


def _duplicates_said(shape: IndexShape, name: str) -> str:
    return msg("表 {table} 中有重复的 {columns}，唯一约束 {name} 已失效",
               table=shape.table, columns='、'.join(shape.columns), name=name)


def check_schema(db: Database) -> SchemaReport:
    """Compare the open register's structure with the expected one; rebuild its ordinary
    indexes where missing, refuse it (UntrustedSchemaError) where it cannot be trusted."""
    untrusted, rebuild = problems(db)
    if untrusted:
        log.error("register refused: %s", "; ".join(untrusted))
        raise UntrustedSchemaError("；".join(untrusted[:3]) + (msg("等") if len(untrusted) > 3 else ""))
    report = SchemaReport()
    if rebuild and not isinstance(db, SqliteDatabase):
        from registry.storage import server_roles  # a server's accounts (a SQLite file has none)

        if refusal := server_roles.rebuild_refusal(db, rebuild):
            raise migrations.SchemaError(refusal)  # the everyday account: the owner rebuilds them
    if rebuild:
        _rebuild(db, rebuild)
        report.rebuilt = rebuild
        log.warning("rebuilt %d missing or altered indexes: %s", len(rebuild), ", ".join(rebuild))
    return report


def _rebuild(db: Database, names: list[str]) -> None:
    """Drop what stands under each name and build it as the program would, in one
    transaction: a unique one that the rows break refuses the whole register."""
    want = expected(isinstance(db, SqliteDatabase))
    by_table = {model._meta.table_name: model for model in models.stored_models(isinstance(db, SqliteDatabase))}
    with db.atomic():
        for name in names:
            db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')  # one made otherwise than expected
            if name in want.extra_index_sql:
                db.execute_sql(want.extra_index_sql[name])
                continue
            shape = want.indexes[name]
            index = next(i for i in by_table[shape.table]._meta.fields_to_index() if i._name == name)
            try:
                with db.atomic():
                    db.execute(by_table[shape.table]._schema._create_index(index, safe=True))
            except IntegrityError as exc:
                raise UntrustedSchemaError(_duplicates_said(shape, name)) from exc
