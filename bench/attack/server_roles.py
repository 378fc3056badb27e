"""PostgreSQL: someone who holds the clerks' program's server password (the everyday account)
tries to erase, hide or switch off the audit trail and the append-only guards, directly in
SQL. Attempts: forbidden statements tried; failures: those the server ran. Data lost: audit
entries or approved service lines changed or gone afterwards. Also counted: the program's
normal work as that account (a failure is an operation refused), and an upgrade it may not
make (a failure is one not refused in plain words, or a register changed).

Uses the server at REGISTRY_TEST_POSTGRES_URL (a superuser), or starts a throwaway one the
way packaging/dev.py does."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from attack import Row

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.server_roles import CLERK, OWNER, POSTGRES_ENV, ServerAccounts, server_accounts  # noqa: E402

TABLES = ("audit_entry", "service_record", "registry_meta", "person", "account", "volunteer")


def forbidden() -> list[str]:
    """What an everyday account must not be able to do, on the tables that matter most."""
    statements = []
    for table in TABLES:
        statements += [
            f"TRUNCATE {table}",
            f"TRUNCATE {table} CASCADE",
            f"ALTER TABLE {table} DISABLE TRIGGER ALL",
            f"ALTER TABLE {table} DISABLE TRIGGER USER",
            f"DROP TABLE {table} CASCADE",
            f"ALTER TABLE {table} ADD COLUMN sneaky text",
            f"ALTER TABLE {table} RENAME TO {table}_old",
            f"ALTER TABLE {table} OWNER TO {CLERK}",
            f"CREATE TRIGGER sneaky BEFORE INSERT ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION registry_refuse_change('x')",
            f"CREATE RULE sneaky AS ON INSERT TO {table} DO INSTEAD NOTHING",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY sneaky ON {table} USING (false)",
            f"COMMENT ON TABLE {table} IS 'x'",
            f"CREATE INDEX sneaky ON {table} (id)" if table != "registry_meta" else
            f"CREATE INDEX sneaky ON {table} (key)",
        ]
    statements += [
        # Holding every other reader and writer off: on the tables the program writes, UPDATE
        # allows it (as it does the importer's lock), so only these two are refused.
        "LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE",
        "LOCK TABLE registry_meta IN ACCESS EXCLUSIVE MODE",
        "UPDATE audit_entry SET detail = 'nothing happened'",
        "UPDATE audit_entry SET actor = 'someone else' WHERE id = (SELECT max(id) FROM audit_entry)",
        "DELETE FROM audit_entry",
        "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)",
        "UPDATE registry_meta SET value = '1' WHERE key = 'schema_version'",
        "DELETE FROM registry_meta",
        "INSERT INTO registry_meta (key, value) VALUES ('sneaky', 'x')",
        "DROP TRIGGER audit_entry_append_only ON audit_entry",
        "DROP TRIGGER service_record_approved_is_final ON service_record",
        "DROP FUNCTION registry_refuse_change() CASCADE",
        "CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger AS $$ "
        "BEGIN RETURN NULL; END $$ LANGUAGE plpgsql",
        "CREATE FUNCTION sneaky() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql",
        "SET session_replication_role = replica",
        "SELECT setval('audit_entry_id_seq', 1)",
        "ALTER SEQUENCE audit_entry_id_seq RESTART WITH 1",
        "DROP SEQUENCE audit_entry_id_seq CASCADE",
        "CREATE TABLE audit_entry_copy (id integer)",
        "CREATE TABLE audit_entry_copy AS SELECT * FROM audit_entry",
        "CREATE VIEW sneaky AS SELECT 1",
        "CREATE SCHEMA sneaky",
        "DROP SCHEMA public CASCADE",
        "ALTER SCHEMA public RENAME TO old",
        "CREATE EXTENSION IF NOT EXISTS hstore",
        f'GRANT "{OWNER}" TO "{CLERK}"',
        f'ALTER ROLE "{CLERK}" SUPERUSER',
        f'ALTER ROLE "{CLERK}" CREATEROLE',
        f'REASSIGN OWNED BY "{OWNER}" TO "{CLERK}"',
        f'GRANT ALL ON audit_entry TO "{CLERK}"',
        f"ALTER DATABASE {{database}} OWNER TO \"{CLERK}\"",
        "COPY audit_entry TO '/tmp/registry-audit-copy'",
    ]
    return statements


@contextmanager
def server() -> Iterator[str]:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        yield url
        return
    spec = importlib.util.spec_from_file_location("dev", ROOT / "packaging" / "dev.py")
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    pg = dev.TestPostgres()
    started = pg.start()
    if not started:
        raise SystemExit("PostgreSQL is not installed here: server_roles cannot run")
    try:
        yield started
    finally:
        pg.stop()


def ran(url: str, statements: list[str]) -> tuple[list[str], list[str]]:
    """Each statement on its own, rolled back whatever happens: (those the server ran, those
    refused with an error other than a missing right, for the note)."""
    import psycopg

    through, other = [], []
    warned: list[str] = []
    with psycopg.connect(url, autocommit=True) as conn:
        # A GRANT of rights one does not hold runs, warns (01007) and grants nothing.
        conn.add_notice_handler(lambda notice: warned.append(notice.sqlstate or ""))
        database = conn.info.dbname
        for sql in statements:
            sql = sql.replace("{database}", database)
            warned.clear()
            try:
                with conn.transaction(force_rollback=True):
                    conn.execute(sql)
                    if "01007" not in warned:
                        through.append(sql)
            except psycopg.errors.InsufficientPrivilege:
                pass
            except psycopg.Error as exc:
                other.append(f"{sql}: {exc.sqlstate}")
    return through, other


def snapshot(url: str) -> tuple[list[Any], list[Any]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return (conn.execute("SELECT * FROM audit_entry ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM service_record WHERE status = 'approved' ORDER BY id").fetchall())


def normal_work(accounts: ServerAccounts, workdir: Path) -> tuple[int, list[str]]:
    """The clerks' work as the everyday account: (operations tried, those refused)."""
    from helpers.importer import id_number, write_sheet

    from registry import ops
    from registry.importer import commit_import, preview_import
    from registry.ops.accounts import add_account, authenticate
    from registry.rosters import export_roster
    from registry.storage.lifecycle import close_database, open_database

    state: dict[str, int] = {}
    sheet = write_sheet(workdir / "in.xlsx", ["姓名", "身份证号", "所在社区"],
                        [["李四", id_number("110105", "19800101", "011"), "永安里社区"]])
    steps: list[tuple[str, Callable[[], object]]] = [
        ("open", lambda: open_database(accounts.clerk)),
        ("district", lambda: state.update(d=ops.add_area("clerk", "district", "110105", "朝阳区", 1).id)),
        ("street", lambda: state.update(s=ops.add_area("clerk", "street", "110105001", "建外街道", 1,
                                                       parent=state["d"]).id)),
        ("community", lambda: state.update(c=ops.add_area("clerk", "community", "110105001001", "永安里社区", 1,
                                                          parent=state["s"]).id)),
        ("volunteer", lambda: state.update(v=ops.register_volunteer(
            "clerk", {"id_number": "11010519491231002X", "name": "张三", "community": state["c"]}).id)),
        ("hours", lambda: state.update(r=ops.record_hours(
            "clerk", state["v"], {"service_date": dt.date(2025, 5, 1), "hours": "2.5"}).id)),
        ("approve", lambda: ops.approve_records("chief", [state["r"]])),
        ("correct", lambda: state.update(f=ops.correct_record(
            "clerk", state["r"], {"service_date": dt.date(2025, 5, 1), "hours": 3}, "少记了").id)),
        ("approve correction", lambda: ops.approve_records("chief", [state["f"]])),
        ("pending", lambda: state.update(p=ops.record_hours(
            "clerk", state["v"], {"service_date": dt.date(2025, 5, 2), "hours": 1}).id)),
        ("delete pending", lambda: ops.delete_pending_record("clerk", state["p"], "记重了")),
        ("import", lambda: commit_import(preview_import("volunteers", sheet), actor="clerk")),
        ("export", lambda: export_roster("volunteers", workdir / "out.xlsx", actor="clerk")),
        ("first account", lambda: add_account("it", "boss", "admin", "boss-password")),
        ("login", lambda: authenticate("boss", "boss-password")),
        ("wrong password", lambda: _wrong_password(authenticate)),
    ]
    refused = []
    try:
        for name, step in steps:
            try:
                step()
            except Exception as exc:  # counted, not raised: the table says which
                refused.append(f"{name}: {exc}")
    finally:
        close_database()
    return len(steps), refused


def _wrong_password(authenticate: Callable[[str, str], object]) -> None:
    from registry.rules.permissions import LoginFailed

    try:
        authenticate("boss", "not-the-password")
    except LoginFailed:
        return  # refused, and the failed attempt counted: that is an UPDATE on account
    raise AssertionError("a wrong password was accepted")


def upgrade_refused(accounts: ServerAccounts) -> tuple[int, list[str]]:
    """The register one version behind, opened as the everyday account: (1, what went wrong)."""
    import psycopg

    from registry.storage import migrations, models
    from registry.storage.lifecycle import close_database, open_database

    with psycopg.connect(accounts.owner) as conn:
        conn.execute("UPDATE registry_meta SET value = '1' WHERE key = 'schema_version'")
    saved = migrations.UPGRADES
    migrations.UPGRADES = {1: lambda db: db.create_tables([models.Account])}
    wrong = []
    try:
        open_database(accounts.clerk)
        wrong.append("the everyday account opened a register it could not upgrade")
    except migrations.SchemaError as exc:
        if "server-setup" not in str(exc):
            wrong.append(f"refused without the command: {exc}")
    finally:
        close_database()
        migrations.UPGRADES = saved
    with psycopg.connect(accounts.owner) as conn:
        version = conn.execute("SELECT value FROM registry_meta WHERE key = 'schema_version'").fetchone()
        if version != ("1",):
            wrong.append(f"the register was changed: version {version}")
        conn.execute("UPDATE registry_meta SET value = %s WHERE key = 'schema_version'",
                     (str(migrations.CURRENT_VERSION),))
    return 1, wrong


def run(workdir: Path) -> list[Row]:
    os.environ.setdefault("XDG_DATA_HOME", str(workdir / "data"))  # never the real user folders
    from registry.ops.server import setup_server
    from registry.storage.lifecycle import close_database, open_database

    with server() as url:
        accounts = server_accounts(url)
        open_database(accounts.owner)
        setup_server("it", CLERK)
        close_database()
        work_tried, work_refused = normal_work(accounts, workdir)
        before = snapshot(accounts.owner)
        statements = forbidden()
        through, other = ran(accounts.clerk, statements)
        after = snapshot(accounts.owner)
        lost = sum(len(set(b) - set(a)) for b, a in zip(before, after, strict=True))
        as_owner, _ = ran(accounts.owner, statements)
        upgrade_tried, upgrade_wrong = upgrade_refused(accounts)
    note = f"as the owner {len(as_owner)} of the same run (a single-account install is not protected)"
    if other:
        note += f"; {len(other)} refused for another reason: {other[:2]}"
    if through:
        note += f"; got through: {through[:3]}"
    return [
        Row("server roles: forbidden SQL as the everyday account", len(statements), len(through), lost, note),
        Row("server roles: normal work as the everyday account", work_tried, len(work_refused), 0,
            "; ".join(work_refused[:3])),
        Row("server roles: upgrade needing the owner", upgrade_tried, len(upgrade_wrong), 0,
            "; ".join(upgrade_wrong)),
    ]
