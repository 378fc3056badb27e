"""Schema versions: create a new register, upgrade an older one, refuse a newer one.

The version lives in the `registry_meta` table. An upgrade first copies a SQLite file
aside (see backup_before_upgrade), then runs each step in one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import Database, DatabaseError, SqliteDatabase

from registry.rules.documents import RESIDENT_CARD
from registry.rules.search_keys import pinyin_initials, reversed_phone, reversed_text, search_keys
from registry.storage import ledger_view, models
from registry.storage import sqlite_library as sqlite
from registry.storage.page_copy import copy_pages
from registry.texts import msg

log = logging.getLogger(__name__)

CURRENT_VERSION = 10
VERSION_KEY = "schema_version"


class SchemaError(RuntimeError):
    """The database cannot be used by this program; the message says why, in Chinese."""


class SchemaTooNewError(SchemaError):
    pass


def schema_version(db: Database) -> int | None:
    """The stored version, or None for an empty database."""
    tables = set(db.get_tables())
    if models.Meta._meta.table_name not in tables:
        if tables:
            raise SchemaError(msg("这个文件不是街道社会工作登记台的数据库，程序不会改动它。"))
        return None
    row = models.Meta.get_or_none(models.Meta.key == VERSION_KEY)
    if row is None:
        raise SchemaError(msg("数据库缺少结构版本信息，可能已损坏，请联系管理员用备份恢复。"))
    return parse_version(row.value)


def parse_version(value: object) -> int:
    """The stored version as a number; a version that is no number refuses the file."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise SchemaError(msg("登记库的结构版本“{text}”无法识别，可能被其他程序改动过或已损坏，程序不会使用它。"
                          "请由管理员从最近一份完好的备份恢复。", text=text[:20]))
    return int(text)


def too_new(version: int) -> SchemaTooNewError:
    return SchemaTooNewError(
        msg("这个登记库由较新版本的程序创建（数据库结构第 {version} 版），"
        "本程序只能打开第 {current_version} 版及以前的登记库。"
        "请安装最新版本的程序后再打开，登记库没有被改动。", version=version, current_version=CURRENT_VERSION)
    )


def ensure_schema(db: Database, *, upgrade: bool = True, aside: bool = True) -> None:
    """Make a new register's schema or bring an older one up to date; `aside=False` skips
    the copy before an upgrade (for a register that is itself a copy, as a restore's is)."""
    server = not isinstance(db, SqliteDatabase)  # the everyday account may not change the schema
    if server:
        from registry.storage import server_roles  # a server's accounts (a SQLite file has none)
    if server and (refusal := server_roles.read_refusal(db)):
        raise SchemaError(refusal)
    version = schema_version(db)
    if version is None:
        if server and (refusal := server_roles.create_refusal(db)):
            raise SchemaError(refusal)
        create_schema(db)
        return
    if version > CURRENT_VERSION:
        raise too_new(version)
    if version < CURRENT_VERSION:
        if not upgrade:
            raise SchemaError(msg("登记库是第 {version} 版结构，需要先升级到第 {current_version} 版。",
                                  version=version, current_version=CURRENT_VERSION))
        if server and (refusal := server_roles.upgrade_refusal(db, version, CURRENT_VERSION)):
            raise SchemaError(refusal)
        if aside:
            backup_before_upgrade(db, version)
        with _foreign_keys_checked_at_end(db):
            for step in range(version, CURRENT_VERSION):
                UPGRADES[step](db)
            _set_version(CURRENT_VERSION)
            if server:
                server_roles.regrant_recorded(db)  # the everyday accounts' rights on new tables
        if not server and version < 10:
            _vacuum(db)  # versions 8 and 10 free much of the file


def _vacuum(db: Database) -> None:
    """Give the pages an upgrade freed back to the disk (SQLite keeps them until a VACUUM,
    outside any transaction; minutes at 1M volunteers / 10M records). Its copy of the
    register goes to a temporary file, not memory (as big as the register: 1.6 GB there).
    The upgrade is committed already: a VACUUM that fails, on a full disk, leaves a whole
    register that is only bigger than it need be, and the open goes on."""
    (kept,) = db.execute_sql("PRAGMA temp_store").fetchone()
    db.execute_sql("PRAGMA temp_store = FILE")
    try:
        db.execute_sql("VACUUM")
    except DatabaseError as exc:
        log.warning("VACUUM after the upgrade failed, the register keeps its free pages: %s", exc)
    finally:
        db.execute_sql(f"PRAGMA temp_store = {int(kept)}")


@contextmanager
def _foreign_keys_checked_at_end(db: Database) -> Iterator[None]:
    """One transaction for the upgrade steps. On SQLite, as its documentation prescribes for
    changing a table's shape, foreign keys are off meanwhile (dropping a table a row of
    which another refers to would otherwise fail, or delete row by row) and checked whole
    before the commit: a violation rolls the upgrade back."""
    if not isinstance(db, SqliteDatabase):
        with db.atomic():
            yield
        return
    (enforced,) = db.execute_sql("PRAGMA foreign_keys").fetchone()
    db.execute_sql("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before
    try:
        with db.atomic():
            yield
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise SchemaError(msg("升级登记库时发现表“{table}”中有记录引用了不存在的记录，登记库没有升级。"
                                      "请联系区里的系统管理员。", table=broken[0]))
    finally:
        db.execute_sql(f"PRAGMA foreign_keys = {1 if enforced else 0}")


def _create_tables(db: Database, tables: list[type[models.BaseModel]]) -> None:
    # WITHOUT ROWID keeps SQLite's keyed tables compact; PostgreSQL has no such clause.
    for model in models.WITHOUT_ROWID:
        model._meta.without_rowid = isinstance(db, SqliteDatabase)
    db.create_tables(tables)


def create_schema(db: Database) -> None:
    sqlite = isinstance(db, SqliteDatabase)
    with db.atomic():
        _create_tables(db, models.stored_models(sqlite))
        if sqlite:
            ledger_view.create_view(db)
        create_triggers(db)
        _set_version(CURRENT_VERSION)


def _set_version(version: int) -> None:
    models.Meta.put(VERSION_KEY, str(version))


def backup_before_upgrade(db: Database, version: int) -> Path | None:
    """Copy a SQLite register aside before changing its schema; returns the copy's path.
    The copy is made under a .part name and takes its own only when whole and checked, so a
    killed upgrade never leaves an empty or half "before-upgrade" file (a .part left over is
    replaced next time)."""
    if not isinstance(db, SqliteDatabase) or db.database == ":memory:":
        return None
    source = Path(db.database)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.before-upgrade-v{version}-{stamp}.sqlite3")
    for stale in source.parent.glob(f"{source.stem}.before-upgrade-*.part"):
        stale.unlink(missing_ok=True)
    partial = target.with_name(target.name + ".part")
    copy = sqlite.connect(partial)
    try:
        copy_pages(db.connection(), copy)
        whole = copy.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except BaseException:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    copy.close()
    if not whole:
        partial.unlink(missing_ok=True)
        raise SchemaError(msg("升级前备份登记库时，备份文件校验没有通过，登记库没有升级。请检查磁盘后重试。"))
    partial.replace(target)
    return target


# --- triggers --------------------------------------------------------------------------

_SQLITE_TRIGGERS = (
    *ledger_view.TRIGGERS,
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update
       BEFORE UPDATE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete
       BEFORE DELETE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)

_POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = TG_ARGV[0];
       END; $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE TRIGGER service_record_approved_is_final
       BEFORE UPDATE OR DELETE ON service_record FOR EACH ROW
       WHEN (OLD.status = 'approved')
       EXECUTE FUNCTION registry_refuse_change('approved service records are append-only')""",
    """CREATE OR REPLACE TRIGGER audit_entry_append_only
       BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW
       EXECUTE FUNCTION registry_refuse_change('the audit log is append-only')""",
)


_POSTGRES_SEARCH = (
    # "Last digits" searches are prefix searches on reversed numbers: index them for LIKE.
    "CREATE INDEX IF NOT EXISTS person_id_number_rev_pattern ON person (id_number_rev text_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS person_phone_rev_pattern ON person (phone_rev text_pattern_ops)",
)
_POSTGRES_TRIGRAM = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS person_name_trigram ON person USING gin (lower(name) gin_trgm_ops)",
)


def create_triggers(db: Database) -> None:
    """Triggers, and on PostgreSQL the indexes its own search uses."""
    if isinstance(db, SqliteDatabase):
        for sql in _SQLITE_TRIGGERS:
            db.execute_sql(sql)
        return
    for sql in _POSTGRES_TRIGGERS + _POSTGRES_SEARCH:
        db.execute_sql(sql)
    try:
        with db.atomic():  # a savepoint: a server without pg_trgm leaves the rest intact
            for sql in _POSTGRES_TRIGRAM:
                db.execute_sql(sql)
    except DatabaseError:
        log.warning("pg_trgm is not available: name searches of three characters or more scan the table")


# --- upgrade steps: UPGRADES[n] takes a version-n database to version n+1 --------------


def _v1_to_v2(db: Database) -> None:
    """Version 2 adds what search needs (reversed ID and phone numbers, pinyin initials,
    the side index of name parts), the issuing organization of a certificate, accounts, and the
    date a volunteer or social worker was deactivated (for retention)."""
    for column, ddl in (
        ("id_number_rev", "VARCHAR(255) NOT NULL DEFAULT ''"),
        ("initials", "VARCHAR(255) NOT NULL DEFAULT ''"),
        ("phone_rev", "VARCHAR(255)"),
    ):
        db.execute_sql(f"ALTER TABLE person ADD COLUMN {column} {ddl}")
    db.execute_sql('ALTER TABLE certificate ADD COLUMN issuer_id INTEGER '
                   'REFERENCES organization (id) ON DELETE RESTRICT')
    for table in ("volunteer", "social_worker"):
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN status_changed_on DATE")
    db.execute_sql("ALTER TABLE social_worker ADD COLUMN ce_preset VARCHAR(255) NOT NULL DEFAULT ''")
    _create_tables(db, [models.SearchKey, models.Account, models.MonthCategoryHours])
    db.execute_sql('CREATE INDEX IF NOT EXISTS "volunteer_community_id_status" ON "volunteer" '
                   '("community_id", "status")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "social_worker_community_id_status" ON "social_worker" '
                   '("community_id", "status")')
    fill_month_category_hours(db)
    rows = db.execute_sql("SELECT id, id_number, name, phone FROM person").fetchall()
    param = db.param
    updates: list[tuple[str | None, str, str | None, int]] = []
    keys: list[tuple[str, int]] = []
    for person_id, id_number, name, phone in rows:
        initials = pinyin_initials(name)
        updates.append((reversed_text(id_number), initials, reversed_phone(phone), person_id))
        keys.extend((key, person_id) for key in search_keys(name, initials))
    cursor = db.cursor()
    cursor.executemany(
        f"UPDATE person SET id_number_rev = {param}, initials = {param}, phone_rev = {param} "
        f"WHERE id = {param}",
        updates,
    )
    cursor.executemany(f"INSERT INTO search_key (key, person_id) VALUES ({param}, {param})", keys)
    db.execute_sql("CREATE INDEX IF NOT EXISTS person_id_number_rev ON person (id_number_rev)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS person_phone_rev ON person (phone_rev)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS certificate_issuer_id ON certificate (issuer_id)")


def fill_month_category_hours(db: Database) -> None:
    """Build the month/category summary from the ledger: once, for a register that predates it."""
    year = "CAST(strftime('%Y', r.service_date) AS INTEGER)" if isinstance(db, SqliteDatabase) \
        else "CAST(EXTRACT(YEAR FROM r.service_date) AS INTEGER)"
    month = "CAST(strftime('%m', r.service_date) AS INTEGER)" if isinstance(db, SqliteDatabase) \
        else "CAST(EXTRACT(MONTH FROM r.service_date) AS INTEGER)"
    db.execute_sql(
        f"INSERT INTO month_category_hours (year, month, category, hours) "
        f"SELECT {year}, {month}, COALESCE(r.service_category, ''), SUM(r.hours) FROM service_record r "
        "WHERE r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM service_record c "
        "WHERE c.corrects_id = r.id AND c.status = 'approved') "
        f"GROUP BY {year}, {month}, COALESCE(r.service_category, '')")


def _v2_to_v3(db: Database) -> None:
    """Version 3 adds each community's population per year (the indicators of a year use
    it) and an account's display name (the handler printed on a certificate)."""
    # a version-1 register got its account table from today's model in _v1_to_v2, column included
    if "display_name" not in {c.name for c in db.get_columns("account")}:
        db.execute_sql("ALTER TABLE account ADD COLUMN display_name VARCHAR(255) NOT NULL DEFAULT ''")
    _create_tables(db, [models.CommunityPopulation])


# The records clerks edit in forms, each with the version an edit must start from (ops/edits.py).
VERSIONED = ("person", "volunteer", "social_worker", "organization")


def _v3_to_v4(db: Database) -> None:
    """Version 4 numbers each edit of a person, volunteer, social worker or organization,
    so an edit made on a stale copy is refused instead of overwriting another's."""
    for table in VERSIONED:
        if "version" not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN version INTEGER NOT NULL DEFAULT 1')


def _v4_to_v5(db: Database) -> None:
    """Version 5 tells hours carried over from earlier records (期初结转) from hours served:
    every line there is was served and recorded here, so all keep the default; a certificate
    states how much of its hours were carried over (none, for those issued before)."""
    for table, column, ddl in (("service_record", "kind", "VARCHAR(255) NOT NULL DEFAULT 'service'"),
                               ("certificate", "carried_hours", "DECIMAL(12, 2) NOT NULL DEFAULT 0")):
        if column not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} {ddl}')


def _v5_to_v6(db: Database) -> None:
    """Version 6 keys a person by identity document, (type, number), instead of the number
    alone: every person there is was registered by resident ID card; a passport holder's
    nationality gets a column. Adding a column with a
    constant default rewrites no row (SQLite, PostgreSQL 11+); the one unique index is
    rebuilt over the pair."""
    present = {c.name for c in db.get_columns("person")}
    for column, ddl in (("id_type", f"VARCHAR(255) NOT NULL DEFAULT '{RESIDENT_CARD}'"),
                        ("nationality", "VARCHAR(255) NOT NULL DEFAULT ''")):
        if column not in present:
            db.execute_sql(f"ALTER TABLE person ADD COLUMN {column} {ddl}")
    if not isinstance(db, SqliteDatabase):
        db.execute_sql("ALTER TABLE person DROP CONSTRAINT IF EXISTS person_id_number")
    db.execute_sql('DROP INDEX IF EXISTS "person_id_number"')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "person_document" ON "person" ("id_number", "id_type")')


def _v6_to_v7(db: Database) -> None:
    """Version 7 lets an administrator merge two person records that are one human
    (ops/merging.py): the dropped one stays as a tombstone pointing at the kept one. No
    person of an older register is merged: the new column is empty everywhere, which
    rewrites no row."""
    if "merged_into_id" not in {c.name for c in db.get_columns("person")}:
        db.execute_sql('ALTER TABLE person ADD COLUMN merged_into_id INTEGER REFERENCES person (id) '
                       'ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "person_merged_into_id" ON "person" ("merged_into_id")')


# Indexes that only repeated the leading column of another index of their table (or of its
# primary key): every lookup they served, the other serves.
_REDUNDANT_INDEXES = (
    "service_record_volunteer_id",  # (volunteer_id, service_date)
    "volunteer_community_id", "social_worker_community_id",  # (community_id, status)
    "volunteer_organization_volunteer_id", "volunteer_year_volunteer_id",  # their primary keys
    "community_year_community_id", "organization_year_organization_id", "community_population_community_id",
    "annual_inspection_organization_id",  # (organization_id, year)
    "attendance_training_id",  # (training_id, person_id)
)
# Made again as partial indexes over the lines that set the column (models.py says why).
_PARTIAL_INDEXES = ("service_record_activity_id", "service_record_organization_id", "service_record_corrects_id")


def _v7_to_v8(db: Database) -> None:
    """Version 8 makes the register smaller at a district's scale (1M volunteers, 10M lines):
    no index repeating another's leading column, the ledger's sparse references indexed where
    set, and on SQLite the keyed tables stored in their key's order (WITHOUT ROWID) instead of
    as a table plus an index holding the same key. Rows are kept as they are."""
    for name in _REDUNDANT_INDEXES + _PARTIAL_INDEXES:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for index in models.ServiceRecord._meta.fields_to_index():
        if index._name in _PARTIAL_INDEXES:
            db.execute(models.ServiceRecord._schema._create_index(index, safe=True))
    if isinstance(db, SqliteDatabase):
        for model in models.WITHOUT_ROWID:
            _rebuild_without_rowid(db, model)


def _rebuild_without_rowid(db: Database, model: type[models.BaseModel]) -> None:
    """Copy a keyed table into one made WITHOUT ROWID, unless it is one already. No table
    refers to these, so the old one is dropped without touching another."""
    table = model._meta.table_name
    made = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    if made is None or "WITHOUT ROWID" in made[0].upper():
        return
    columns = ", ".join(f'"{c.name}"' for c in db.get_columns(table))
    db.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{table}_before_v8"')
    _create_tables(db, [model])
    db.execute_sql(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{table}_before_v8"')
    db.execute_sql(f'DROP TABLE "{table}_before_v8"')


def _v8_to_v9(db: Database) -> None:
    """Version 9 marks an organization recognized as a charity (认定为慈善组织) with the date it
    was recognized: it then files the charity's yearly reports instead of its type's. No
    organization of an older register is marked: the new column is empty everywhere, which
    rewrites no row."""
    if "charity_recognized_on" not in {c.name for c in db.get_columns("organization")}:
        db.execute_sql("ALTER TABLE organization ADD COLUMN charity_recognized_on DATE")


def _v9_to_v10(db: Database) -> None:
    """Version 10 stores a SQLite register's hours ledger compactly (ledger_view.py says how):
    its lines are copied into service_line, each distinct set of shared texts once into
    service_detail, and service_record becomes the view over them. The ids stay the same.
    PostgreSQL keeps its table."""
    if not isinstance(db, SqliteDatabase) or db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", (ledger_view.VIEW,)).fetchone():
        return
    odd = db.execute_sql(
        "SELECT id FROM service_record WHERE status NOT IN ('pending', 'approved') "
        "OR kind NOT IN ('service', 'opening') OR strftime('%s', recorded_at) IS NULL "
        "OR (approved_at IS NOT NULL AND strftime('%s', approved_at) IS NULL) LIMIT 1").fetchone()
    if odd is not None:  # the compact table could not hold it as it is: nothing is changed
        raise SchemaError(msg("升级登记库时发现第 {id} 条服务时长记录的审核状态、类别或时间不是本程序写入的，"
                              "登记库没有升级。请联系区里的系统管理员。", id=odd[0]))
    _create_tables(db, list(models.SQLITE_LEDGER))
    shared = ", ".join(ledger_view.DETAIL_COLUMNS)
    db.execute_sql(f"INSERT INTO service_detail ({shared}) SELECT DISTINCT {shared} FROM service_record")
    same = " AND ".join(f"d.{c} IS r.{c}" for c in ledger_view.DETAIL_COLUMNS)
    db.execute_sql(
        f"INSERT INTO service_line ({', '.join(ledger_view.LINE_COLUMNS)}) "
        "SELECT r.id, r.volunteer_id, (SELECT d.id FROM service_detail d WHERE " + same + " LIMIT 1), "
        "r.service_date, r.hours, CAST(strftime('%s', r.recorded_at) AS INTEGER), r.status = 'approved', "
        "CAST(strftime('%s', r.approved_at) AS INTEGER), r.corrects_id, r.correction_reason, "
        "r.kind = 'opening' FROM service_record r ORDER BY r.id")
    db.execute_sql("DROP TABLE service_record")  # its indexes and triggers with it
    ledger_view.create_view(db)


UPGRADES: dict[int, Callable[[Database], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5,
                                                   5: _v5_to_v6, 6: _v6_to_v7, 7: _v7_to_v8, 8: _v8_to_v9,
                                                   9: _v9_to_v10}
