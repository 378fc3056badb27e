"""PostgreSQL: the two server accounts of a shared register, and the rights of each.

The owner account owns the schema: it creates and upgrades the tables and triggers. The
everyday account, the one the clerks' program connects as, gets only what the program
needs: it cannot truncate, alter, drop or create anything, so it cannot switch off the
append-only triggers or empty the audit log, and on the audit log it may only add and read.
`grant_app_role` (run as the owner, by the `server-setup` command) gives those rights and
records the account, so that a later upgrade by the owner gives them again for new tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peewee import Database, PostgresqlDatabase

from registry.storage import models
from registry.texts import msg


def _table_name(model: type[models.BaseModel]) -> str:
    name: str = model._meta.table_name
    return name


APP_ROLES_KEY = "server_app_roles"  # registry_meta: the everyday accounts server-setup granted

# Tables the everyday account may only add to and read: the audit log. (Approved service
# records are guarded by their trigger instead: pending ones are still edited and deleted.)
APPEND_ONLY: frozenset[str] = frozenset({_table_name(models.AuditEntry)})
# Tables only the owner changes: the schema version and which accounts were granted.
META = _table_name(models.Meta)
READ_ONLY: frozenset[str] = frozenset({META})

TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
EVERYDAY = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})
# Sequences: nextval needs USAGE; the importer's setval after ids it reserved needs UPDATE.
# The audit log's ids are only ever drawn, so its sequence cannot be set back.
SEQUENCE_EVERYDAY = "USAGE, SELECT, UPDATE"
SEQUENCE_APPEND_ONLY = "USAGE"


# How IT makes a database for the register: UTF8, a character type that indexes Chinese,
# owned by the owner account (README, step 4).
RECREATE = ("CREATE DATABASE registry OWNER registry_owner ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;")


class ServerRoleError(Exception):
    """Setting up the accounts cannot go on; str() says why and what to do, in Chinese."""


def table_names() -> list[str]:
    return [_table_name(model) for model in models.ALL_MODELS]


def expected_rights(table: str) -> frozenset[str]:
    """What the everyday account may do on one of the register's tables."""
    if table in APPEND_ONLY:
        return frozenset({"SELECT", "INSERT"})
    if table in READ_ONLY:
        return frozenset({"SELECT"})
    return EVERYDAY


# The schema the register's unqualified names resolve to. An account without USAGE on it
# sees no current_schema() at all; peewee then looks in public, and so does this.
SCHEMA_SQL = "COALESCE(current_schema(), 'public')"


def quote(name: str) -> str:
    """An SQL identifier, quoted (role names come from the command line)."""
    return '"' + name.replace('"', '""') + '"'


def _check_role_name(name: str) -> None:
    if not name.strip() or "\x00" in name or len(name.encode()) > 63:
        raise ServerRoleError(msg("“{name}”不是有效的数据库账号名：请写服务器上日常账号的名字（不超过 63 字节）。",
                                  name=name))


# --- what the server says about an account ---------------------------------------------


@dataclass(frozen=True)
class RoleFacts:
    """What the server says about an account: its rights and memberships."""

    exists: bool
    superuser: bool = False
    create_role: bool = False
    member_of_owner: bool = False  # the owner's rights are its own (or it is the owner)
    owns_database: bool = False


def role_facts(db: Database, role: str) -> RoleFacts:
    row = db.execute_sql(
        "SELECT r.rolsuper, r.rolcreaterole, pg_has_role(r.oid, current_user, 'MEMBER'), "
        "       r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()) "
        "FROM pg_roles r WHERE r.rolname = %s", (role,)).fetchone()
    if row is None:
        return RoleFacts(exists=False)
    return RoleFacts(True, bool(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))


def schema_name(db: Database) -> str:
    row = db.execute_sql(f"SELECT {SCHEMA_SQL}").fetchone()
    if row is None or row[0] is None:
        raise ServerRoleError(msg("数据库账号的 search_path 里没有可用的 schema：请检查服务器设置。"))
    return str(row[0])


def rights_of(db: Database, role: str) -> dict[str, frozenset[str]]:
    """What `role` may do on each of the register's tables, by every route the server
    knows (its own grants, PUBLIC's, the roles it belongs to)."""
    rows = db.execute_sql(
        "SELECT t.name, p.privilege FROM unnest(%s::text[]) AS t(name) "
        "CROSS JOIN unnest(%s::text[]) AS p(privilege) "
        f"CROSS JOIN LATERAL (SELECT to_regclass(quote_ident({SCHEMA_SQL}) || '.' "
        "                    || quote_ident(t.name)) AS oid) AS c "
        "WHERE c.oid IS NOT NULL AND has_table_privilege(%s, c.oid, p.privilege)",
        (table_names(), list(TABLE_PRIVILEGES), role)).fetchall()
    rights: dict[str, set[str]] = {name: set() for name in table_names()}
    for table, privilege in rows:
        rights[table].add(privilege)
    return {table: frozenset(found) for table, found in rights.items()}


def can_change_schema(db: Database, role: str) -> bool:
    row = db.execute_sql(f"SELECT has_schema_privilege(%s, {SCHEMA_SQL}, 'CREATE') "
                         "OR has_database_privilege(%s, current_database(), 'CREATE')",
                         (role, role)).fetchone()
    return bool(row and row[0])


def rights_problems(db: Database, role: str) -> list[str]:
    """Everything `role` may do beyond what the everyday account should, in Chinese; empty
    when its rights are exactly right."""
    problems = []
    for table, found in rights_of(db, role).items():
        expected = expected_rights(table)
        if found - expected:
            problems.append(msg("表 {table} 多了 {items}", table=table, items='、'.join(sorted(found - expected))))
        if expected - found:
            problems.append(msg("表 {table} 缺少 {items}", table=table, items='、'.join(sorted(expected - found))))
    if can_change_schema(db, role):
        schema = schema_name(db)
        problems.append(msg("还能在数据库里建表或建 schema（PostgreSQL 14 及以前：请数据库管理员运行 "
                        "ALTER SCHEMA {value} OWNER TO {value2}; "
                        "REVOKE CREATE ON SCHEMA {value} FROM PUBLIC;）", value=quote(schema),
                        value2=quote(_current_user(db))))
    return problems


# --- granting ----------------------------------------------------------------------------


def check_app_role(db: Database, role: str) -> None:
    """Refuse an everyday account that would still be able to erase the audit log."""
    _check_role_name(role)
    owner = _current_user(db)
    if role == owner:
        raise ServerRoleError(msg("日常账号不能就是所有者账号“{owner}”：请另建一个账号给办事员的程序用，"
                              "例如 CREATE ROLE registry LOGIN PASSWORD '…';", owner=owner))
    facts = role_facts(db, role)
    if not facts.exists:
        raise ServerRoleError(msg("服务器上没有账号“{role}”：请先以数据库管理员身份运行 "
                              "CREATE ROLE {value} LOGIN PASSWORD '…'; 再重试。", role=role, value=quote(role)))
    if facts.superuser:
        raise ServerRoleError(msg("账号“{role}”是服务器的超级用户，什么都能改，不能做日常账号："
                              "请另建一个普通账号。", role=role))
    if facts.create_role:
        raise ServerRoleError(msg("账号“{role}”有 CREATEROLE 权限，可以给自己加上所有者的权限："
                              "请先运行 ALTER ROLE {value} NOCREATEROLE; 再重试。", role=role, value=quote(role)))
    if facts.member_of_owner:
        raise ServerRoleError(msg("账号“{role}”拥有所有者账号“{owner}”的权限（是它的成员）："
                              "请先运行 REVOKE {value} FROM {value2}; 再重试。", role=role, owner=owner,
                              value=quote(owner), value2=quote(role)))
    if facts.owns_database:
        raise ServerRoleError(msg("账号“{role}”是这个数据库的所有者，可以删掉整个 schema：请把数据库交给"
                              "所有者账号（ALTER DATABASE … OWNER TO {value};）后再重试。", role=role,
                              value=quote(owner)))


def _current_user(db: Database) -> str:
    row = db.execute_sql("SELECT current_user").fetchone()
    return str(row[0])


def _table_owner(db: Database) -> str | None:
    row = db.execute_sql(
        f"SELECT tableowner FROM pg_tables WHERE schemaname = {SCHEMA_SQL} AND tablename = %s",
        (META,)).fetchone()
    return None if row is None else str(row[0])


def _grant_sql(db: Database, role: str, schema: str) -> list[str]:
    who = quote(role)
    ns = quote(schema)
    tables = table_names()
    everyday = [t for t in tables if t not in APPEND_ONLY and t not in READ_ONLY]

    def listed(names: Iterable[str]) -> str:
        return ", ".join(f"{ns}.{quote(n)}" for n in names)

    # The id sequences the tables own (serial columns), as SQL names.
    sequences = dict(db.execute_sql(
        "SELECT t.relname, s.oid::regclass::text FROM pg_class s "
        "JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid "
        "  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
        "JOIN pg_class t ON t.oid = d.refobjid "
        "WHERE s.relkind = 'S' AND t.relnamespace = to_regnamespace(%s) AND t.relname = ANY(%s)",
        (schema, tables)).fetchall())
    statements = [
        # Start from nothing, so a right given by hand or by an older version does not stay.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {ns} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {ns} FROM {who}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {ns} FROM PUBLIC",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {ns} FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA {ns} FROM {who}",
        f"GRANT USAGE ON SCHEMA {ns} TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {listed(everyday)} TO {who}",
        f"GRANT SELECT, INSERT ON {listed(sorted(APPEND_ONLY))} TO {who}",
        f"GRANT SELECT ON {listed(sorted(READ_ONLY))} TO {who}",
    ]
    for table, sequence in sorted(sequences.items()):
        rights = SEQUENCE_APPEND_ONLY if table in APPEND_ONLY else SEQUENCE_EVERYDAY
        statements.append(f"GRANT {rights} ON SEQUENCE {sequence} TO {who}")
    return statements


def grant_app_role(db: Database, role: str) -> list[str]:
    """Give the everyday account `role` exactly its rights on the open register (connected as
    its owner), record it for later upgrades, and check the result; in the caller's
    transaction. Idempotent. Returns the statements run. ServerRoleError when it cannot."""
    if not isinstance(db, PostgresqlDatabase):
        raise ServerRoleError(msg("这个命令只用于 PostgreSQL 服务器上的登记库（--db postgresql://…）。"))
    owner = _table_owner(db)
    if owner is not None and owner != _current_user(db):
        raise ServerRoleError(msg("登记库的表属于账号“{owner}”，只有它才能分配权限：请用 "
                              "--db {value} 连接后再运行。", owner=owner, value=app_url(db, owner)))
    check_app_role(db, role)
    schema = schema_name(db)
    statements = _grant_sql(db, role, schema)
    for sql in statements:
        db.execute_sql(sql)
    if can_change_schema(db, role):
        # PostgreSQL 14 and older let every account create tables in the public schema.
        db.execute_sql(f"REVOKE CREATE ON SCHEMA {quote(schema)} FROM PUBLIC")
        statements.append(f"REVOKE CREATE ON SCHEMA {quote(schema)} FROM PUBLIC")
    problems = rights_problems(db, role)
    if problems:
        raise ServerRoleError(msg("账号“{role}”的权限没能设成应有的样子（{problems}），"
                              "这些权限来自所有者账号无权收回的地方（它所属的其他角色、PUBLIC）："
                              "请数据库管理员收回后再运行。", role=role, problems='；'.join(problems)))
    recorded = set(recorded_roles(db))
    if role not in recorded:
        models.Meta.put(APP_ROLES_KEY, json.dumps(sorted(recorded | {role}), ensure_ascii=False))
    return statements


def recorded_roles(db: Database) -> list[str]:
    """The everyday accounts server-setup granted on this register."""
    if not isinstance(db, PostgresqlDatabase):
        return []
    row = models.Meta.get_or_none(models.Meta.key == APP_ROLES_KEY)
    if row is None:
        return []
    try:
        names = json.loads(row.value)
    except ValueError:
        return []
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def regrant_recorded(db: Database) -> None:
    """After the owner changed the schema (an upgrade added tables): the recorded everyday
    accounts get their rights on the new tables too, in the upgrade's transaction."""
    for role in recorded_roles(db):
        if role_facts(db, role).exists:
            for sql in _grant_sql(db, role, schema_name(db)):
                db.execute_sql(sql)


# --- at open: an everyday account that cannot do what the register needs ----------------


def app_url(db: Database, role: str) -> str:
    """The address of the open server database as `role` (no password: the program asks for
    it, or it comes from the server's password file)."""
    params: Mapping[str, Any] = db.connect_params if isinstance(db, PostgresqlDatabase) else {}
    host = params.get("host") or msg("服务器")
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{quote_url(role)}@{host}{port}/{db.database}"


def quote_url(name: str) -> str:
    from urllib.parse import quote as url_quote

    return url_quote(name, safe="")


def setup_command(db: Database, owner: str | None, app_role: str) -> str:
    """The command IT runs as the owner to create or upgrade the schema and grant the rights."""
    url = app_url(db, owner) if owner else app_url(db, "").replace("postgresql://@", msg("postgresql://所有者账号@"))
    return f"python -m registry --db {url} server-setup --app-role {app_role}"


@dataclass(frozen=True)
class _Connection:
    """Who a server connection is, and who owns the register there."""

    user: str
    owner: str | None  # of the register's tables, else of the schema
    has_tables: bool
    command: str  # what IT runs as the owner


def _connection(db: Database) -> _Connection:
    row = db.execute_sql(
        "SELECT current_user, "
        f"  (SELECT tableowner FROM pg_tables WHERE schemaname = {SCHEMA_SQL} AND tablename = %s), "
        # PostgreSQL 15 gives the public schema to pg_database_owner: the database's owner.
        "  (SELECT CASE WHEN n.nspowner = 'pg_database_owner'::regrole "
        "          THEN (SELECT datdba::regrole::text FROM pg_database WHERE datname = current_database()) "
        "          ELSE n.nspowner::regrole::text END "
        f"   FROM pg_namespace n WHERE n.nspname = {SCHEMA_SQL})",
        (META,)).fetchone()
    user, table_owner, schema_owner = str(row[0]), row[1], row[2]
    owner = table_owner or schema_owner
    return _Connection(user, owner, table_owner is not None, setup_command(db, owner, user))


def read_refusal(db: Database) -> str | None:
    """An account that was never granted the register on the server: what to do, or None."""
    row = db.execute_sql(
        "SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
        f"FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = %s "
        f"WHERE n.nspname = {SCHEMA_SQL}", (META,)).fetchone()
    if row is None or row[0]:
        return None  # no register yet (ensure_schema makes one), or one this account may read
    conn = _connection(db)
    return (msg("数据库账号“{user}”还没有使用服务器上这个登记库的权限。请信息管理员用数据库所有者账号"
            "“{owner}”运行一次：{command}", user=conn.user, owner=conn.owner, command=conn.command))


def _may_create(db: Database) -> bool:
    row = db.execute_sql(f"SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n "
                         f"WHERE n.nspname = {SCHEMA_SQL}").fetchone()
    return row is not None and bool(row[0])


def create_refusal(db: Database) -> str | None:
    """An empty server database the connected account may not build the register in."""
    if _may_create(db):
        return None
    conn = _connection(db)
    return (msg("服务器上的数据库“{database}”里还没有登记库，而本程序连接所用的账号“{user}”无权建立"
            "（日常账号本来就不该有修改数据库结构的权限）。请信息管理员用数据库所有者账号运行一次："
            "{command}，然后再打开程序。", database=db.database, user=conn.user, command=conn.command))


def migrate_refusal(db: Database) -> str | None:
    """migrate-to into a server database as an account that may not build the register."""
    if _may_create(db):
        return None
    conn = _connection(db)
    owner = app_url(db, conn.owner) if conn.owner else msg("postgresql://所有者账号@…")
    return (msg("账号“{user}”无权在服务器数据库“{database}”里建表，迁移没有进行：请用数据库所有者账号的地址"
            "（{owner}）运行 migrate-to，之后再运行 server-setup --app-role 日常账号。", user=conn.user,
            database=db.database, owner=owner))


def upgrade_refusal(db: Database, version: int, current: int) -> str | None:
    """A register that needs an upgrade the connected account may not make."""
    conn = _connection(db)
    if not conn.has_tables:
        return None
    row = db.execute_sql("SELECT pg_has_role(current_user, %s, 'USAGE')", (conn.owner,)).fetchone()
    if row is not None and row[0]:
        return None
    return (msg("服务器上的登记库是第 {version} 版结构，本程序需要先把它升级到第 {current} 版，"
            "而本程序连接所用的账号“{user}”无权修改数据库结构（日常账号本来就不该有这个权限），"
            "登记库没有被改动。请信息管理员用数据库所有者账号运行一次：{command}，然后再打开程序。", version=version,
            current=current, user=conn.user, command=conn.command))


def rebuild_refusal(db: Database, names: list[str]) -> str | None:
    """Indexes found missing at open that the connected account may not build (only the
    owner of the tables may): what IT must run, or None when this account may."""
    conn = _connection(db)
    row = db.execute_sql("SELECT pg_has_role(current_user, %s, 'USAGE')", (conn.owner,)).fetchone()
    if not conn.has_tables or (row is not None and row[0]):
        return None
    return (msg("服务器上的登记库缺少 {length} 个索引（查询会变得很慢），本程序连接所用的账号“{user}”"
            "无权重建，登记库没有被改动。请信息管理员用数据库所有者账号运行一次：{command}"
            "（它会重建缺少的索引），然后再打开程序。", length=len(names), user=conn.user, command=conn.command))
