"""PostgreSQL: the account the program connects as, checked at every connect.

Refused, in a sentence for the IT person with the fix:
- a connection the server turned down because of the account or the database (no such
  account, a wrong password, no CONNECT right, no pg_hba.conf line, no such database);
- an everyday account without the rights the program's work needs (SELECT, INSERT, UPDATE,
  DELETE on the register's tables, its id sequences): it would fail at the first record.

Warned (the program works, but whoever learns the password can erase the audit trail):
- a superuser, or the register's owner (or a member of it), used as the program's account;
- an everyday account with more than its rights: CREATEROLE, CREATEDB, owning the database,
  creating tables, TRUNCATE or TRIGGER on a table, changing the audit log.

What the everyday account should have is server_roles.expected_rights; server-setup gives
exactly that, so each fix below either names one statement or that command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import Database, PostgresqlDatabase

from registry.storage import server_roles
from registry.storage.server_roles import RECREATE, quote
from registry.texts import msg

SUGGESTED_APP_ROLE = "registry"  # the README's name for the everyday account


class AccountRefused(Exception):
    """The connected account can't do the register's work; str() says why and the fix."""


@dataclass(frozen=True)
class Account:
    """The connected account as the server sees it."""

    user: str
    superuser: bool
    create_role: bool
    create_db: bool
    owns_database: bool
    owner: str | None  # of the register's tables
    owners_rights: bool  # it is the owner, or a member of it


def read_account(db: Database) -> Account:
    row = db.execute_sql(
        "SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, "
        "       r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()), "
        f"      (SELECT tableowner FROM pg_tables WHERE schemaname = {server_roles.SCHEMA_SQL} "
        "        AND tablename = %s) "
        "FROM pg_roles r WHERE r.rolname = current_user", (server_roles.META,)).fetchone()
    user, superuser, create_role, create_db, owns_database, owner = row
    owners_rights = bool(superuser) or owner == user or (owner is not None and bool(db.execute_sql(
        "SELECT pg_has_role(current_user, %s, 'USAGE')", (owner,)).fetchone()[0]))
    return Account(str(user), bool(superuser), bool(create_role), bool(create_db), bool(owns_database),
                   None if owner is None else str(owner), owners_rights)


def check_account(db: Database) -> list[str]:
    """Refuse (AccountRefused) an account too weak for the register; warn of one too strong."""
    account = read_account(db)
    if account.owner is None:
        return []  # no register here yet: migrations said what to do
    if account.owners_rights:
        return [_owner_used_daily(db, account)]
    if missing := _missing(db, account.user):
        raise AccountRefused(msg("本程序连接服务器所用的账号“{user}”缺少日常工作需要的权限（{missing}），"
                                 "登记、审核等操作会失败，登记库没有打开。请信息科用数据库所有者账号"
                                 "“{owner}”运行一次：{command}", user=account.user,
                                 missing="；".join(missing), owner=account.owner,
                                 command=server_roles.setup_command(db, account.owner, account.user)))
    excess = _excess(db, account)
    return [excess] if excess else []


def _owner_used_daily(db: Database, account: Account) -> str:
    what = (msg("是服务器的超级用户") if account.superuser
            else msg("是登记库的所有者（或拥有它的权限），能修改数据库结构"))
    app_role = SUGGESTED_APP_ROLE if account.user != SUGGESTED_APP_ROLE else SUGGESTED_APP_ROLE + "_clerk"
    command = server_roles.setup_command(db, account.owner, app_role)
    return msg("本程序连接服务器所用的账号“{user}”{what}：知道这个密码的人可以清空操作记录、删掉整个登记库。"
               "请信息科另建一个日常账号（CREATE ROLE {role} LOGIN PASSWORD '…';），用所有者账号运行一次："
               "{command}（它只给日常账号各表的 SELECT、INSERT、UPDATE、DELETE），再让程序改用日常账号连接"
               "（REGISTRY_DATABASE_URL={url}）。", user=account.user, what=what, role=quote(app_role),
               command=command, url=server_roles.app_url(db, app_role))


def _missing(db: Database, user: str) -> list[str]:
    """What the everyday account lacks on the register's tables and their sequences."""
    missing = []
    for table, found in sorted(server_roles.rights_of(db, user).items()):
        if lacking := server_roles.expected_rights(table) - found:
            missing.append(msg("表 {table} 缺少 {items}", table=table, items="、".join(sorted(lacking))))
    rows = db.execute_sql(
        "SELECT s.oid::regclass::text FROM pg_class s "
        "JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid "
        "  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
        "JOIN pg_class t ON t.oid = d.refobjid "
        f"WHERE s.relkind = 'S' AND t.relnamespace = to_regnamespace({server_roles.SCHEMA_SQL}) "
        # CASE: the planner may test the right before the kind, and a TOAST table is no sequence.
        "  AND t.relname = ANY(%s) "
        "  AND CASE WHEN s.relkind = 'S' THEN NOT has_sequence_privilege(%s, s.oid, 'USAGE') END "
        "ORDER BY 1",
        (server_roles.table_names(), user)).fetchall()
    missing.extend(msg("序列 {sequence} 缺少 USAGE", sequence=name) for (name,) in rows)
    return missing


def _excess(db: Database, account: Account) -> str | None:
    """One warning listing what the everyday account may do beyond its work, with the fixes."""
    user, owner = quote(account.user), quote(account.owner or "")
    found: list[str] = []
    fixes: list[str] = []
    if account.create_role:
        found.append(msg("有 CREATEROLE 权限（可以给自己加上所有者的权限）"))
        fixes.append(f"ALTER ROLE {user} NOCREATEROLE;")
    if account.create_db:
        found.append(msg("有 CREATEDB 权限"))
        fixes.append(f"ALTER ROLE {user} NOCREATEDB;")
    if account.owns_database:
        found.append(msg("是数据库“{database}”的所有者（可以删掉整个 schema）", database=db.database))
        fixes.append(f"ALTER DATABASE {quote(str(db.database))} OWNER TO {owner};")
    extra = [msg("表 {table} 多了 {items}", table=table, items="、".join(sorted(more)))
             for table, rights in sorted(server_roles.rights_of(db, account.user).items())
             if (more := rights - server_roles.expected_rights(table))]
    if server_roles.can_change_schema(db, account.user):
        extra.append(msg("能在数据库里建表"))
    if extra:
        found.extend(extra)
        # server-setup takes back every right the everyday account should not have.
        fixes.append(server_roles.setup_command(db, account.owner, account.user))
    if not found:
        return None
    return msg("本程序连接服务器所用的日常账号“{user}”权限过多：{found}。知道这个密码的人就能绕过或清空操作记录。"
               "请信息科以数据库管理员身份运行：{fixes}", user=account.user, found="；".join(found),
               fixes=" ".join(fixes))


# --- a connection the server turned down ------------------------------------------------

_QUOTED = r'"([^"]*)"'


def connect_refusal(db: Database, error: BaseException) -> str | None:
    """The sentence for a connection refused because of the account or the database
    (psycopg gives these no SQLSTATE, only the server's words); None for any other error."""
    if not isinstance(db, PostgresqlDatabase):
        return None
    # peewee keeps the driver's error as .orig (and as the cause when it re-raised it).
    text = " ".join(str(e) for e in (error, getattr(error, "orig", None), error.__cause__, error.__context__)
                    if e is not None)
    user = str(db.connect_params.get("user") or "")
    database = str(db.database)
    if found := re.search(r"role " + _QUOTED + " does not exist", text):
        name = found.group(1)
        return msg("服务器上没有数据库账号“{user}”：请检查登记库地址中的账号名；要新建，请信息科以数据库管理员身份运行 "
                   "CREATE ROLE {role} LOGIN PASSWORD '…'; 再用所有者账号运行一次 server-setup --app-role {user}。",
                   user=name, role=quote(name))
    if found := re.search(r"role " + _QUOTED + " is not permitted to log in", text):
        return msg("数据库账号“{user}”不允许登录：请信息科运行 ALTER ROLE {role} LOGIN;", user=found.group(1),
                   role=quote(found.group(1)))
    if found := re.search(r"password authentication failed for user " + _QUOTED, text):
        name = found.group(1)
        return msg("服务器不接受账号“{user}”的密码：请检查登记库地址中的密码（postgresql://{user}:密码@…）"
                   "或 PostgreSQL 密码文件 pgpass.conf；密码忘了，请信息科运行 ALTER ROLE {role} PASSWORD '…';",
                   user=name, role=quote(name))
    if re.search(r"permission denied for database", text):
        return msg("数据库账号“{user}”没有连接数据库“{database}”的权限：请信息科以数据库管理员身份运行 "
                   "GRANT CONNECT ON DATABASE {db} TO {role};", user=user, database=database,
                   db=quote(database), role=quote(user))
    if "no pg_hba.conf entry" in text:
        return msg("服务器不接受从这台电脑以账号“{user}”连接数据库“{database}”"
                   "（服务器的 pg_hba.conf 里没有对应的一行）：请信息科在 pg_hba.conf 中为办公室的电脑加上一行，"
                   "例如 host {database} {user} 192.168.1.0/24 "
                   "scram-sha-256，然后运行 SELECT pg_reload_conf();", user=user, database=database)
    if re.search(r"database " + _QUOTED + " does not exist", text):
        return msg("服务器上没有数据库“{database}”：请检查登记库地址；要新建，请信息科按说明运行：{sql}",
                   database=database, sql=RECREATE)
    return None
