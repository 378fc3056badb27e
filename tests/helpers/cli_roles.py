"""The role matrix of the command line: every command registered in registry.cli, run by
every role (viewer, clerk, administrator, and a register with no accounts), each on its
own copy of a small register. Used by tests/unit/registry/cli/test_roles.py and
bench/attack/roles.py.

A run is *refused* when it exits 2 with the role's sentence; a refused run must also leave
everything as it was: no file written, no audit entry, no record changed."""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

PASSWORDS = {"boss": "boss-password", "li": "clerk-password", "wang": "viewer-password"}
ROLE_USERS = {"admin": "boss", "clerk": "li", "viewer": "wang", "no accounts": None}
NEW_PASSWORD = "a-brand-new-secret"
REFUSAL = "权限"  # the sentence of a role refusal: "查看员账号不能进行此操作，需要管理员权限。"
ROOT = Path(__file__).resolve().parents[2]
SECOND_RECORD = "110105198001010024"  # 张三 registered again: merge-people merges 张三 (V0001) into it
DISTRICT_FILE = ROOT / "packaging" / "districts" / "110105-chaoyang.toml"


@dataclass(frozen=True)
class Case:
    """One command line; `{out}` and `{base}` in its words are the run's output folder and the
    folder of the register's fixtures; `ok` the exit codes of a run that was allowed."""

    command: str
    words: tuple[str, ...]
    ok: frozenset[int] = frozenset({0})
    empty: bool = False  # run on a register with no data (demo needs one)
    ok_without_accounts: frozenset[int] | None = None  # when that differs (no account to disable)

    def ok_for(self, role: str) -> frozenset[int]:
        return self.ok_without_accounts if role == "no accounts" and self.ok_without_accounts else self.ok


def cases(server_url: str = "postgresql://nobody@127.0.0.1:9/none") -> list[Case]:
    return [
        Case("check-id", ("check-id", "11010519491231002X")),
        Case("check-uscc", ("check-uscc", "51110105MJ0000000X"), frozenset({0, 1})),
        Case("demo", ("demo", "--volunteers", "3", "--records", "0"), empty=True),
        Case("stats", ("stats",)),
        Case("presets", ("presets",)),
        Case("search", ("search", "张三")),
        Case("certificate", ("certificate", "V0001", "--from", "2025-01-01", "--to", "2025-12-31",
                             "-o", "{out}/c.pdf")),
        Case("verify", ("verify", "ABCD-EFGH-JKLM"), frozenset({1})),
        Case("deadlines", ("deadlines",)),
        Case("export", ("export", "volunteers", "-o", "{out}/v.xlsx")),
        Case("export", ("export", "volunteers", "-o", "{out}/u.xlsx", "--unmasked")),
        Case("import", ("import", "volunteers", "{base}/people.xlsx"), frozenset({0, 1})),
        Case("template", ("template", "volunteers", "-o", "{out}/t.xlsx")),
        Case("backup", ("backup",)),
        Case("backup", ("backup", "{out}/copy.sqlite3")),
        Case("restore", ("restore", "{base}/backup.sqlite3", "--yes")),
        # no server listens there: an allowed run fails to connect (exit 2, not the role's sentence)
        Case("migrate-to", ("migrate-to", server_url), frozenset({0, 2})),
        # a register file is no server: an allowed run is told so (exit 2, not the role's sentence)
        Case("server-setup", ("server-setup", "--app-role", "registry"), frozenset({2})),
        Case("retention", ("retention",)),
        Case("district", ("district", "check", str(DISTRICT_FILE))),
        Case("district", ("district", "apply", str(DISTRICT_FILE))),
        Case("user", ("user", "add", "zhao", "--role", "admin")),
        Case("merge-people", ("merge-people", SECOND_RECORD, "11010519491231002X", "--reason", "重复登记", "--yes")),
        Case("user", ("user", "disable", "li"), ok_without_accounts=frozenset({2})),
        Case("user", ("user", "reset", "wang"), ok_without_accounts=frozenset({2})),
    ]


def build_bases(folder: Path) -> dict[tuple[bool, bool], Path]:
    """The registers each run copies: (with accounts, empty) → file; and the fixtures."""
    from helpers.certificates import volunteer_with_hours
    from helpers.importer import write_sheet
    from registry import ops
    from registry.ops.accounts import add_account
    from registry.storage.backup import backup_to
    from registry.storage.lifecycle import close_database, open_database

    bases: dict[tuple[bool, bool], Path] = {}
    for accounts in (True, False):
        for empty in (True, False):
            path = folder / f"base-{int(accounts)}{int(empty)}" / "registry.sqlite3"
            path.parent.mkdir(parents=True)
            open_database(path)
            if not empty:
                district = ops.add_area("tester", "district", "110105", "朝阳区", 3_452_000).id
                street = ops.add_area("tester", "street", "110105001", "建外街道", 62_000, parent=district).id
                community = ops.add_area("tester", "community", "110105001001", "永安里社区", 8_200,
                                         parent=street).id
                volunteer_with_hours({"district": district, "street": street, "community": community})
                ops.register_person("clerk", {"id_number": SECOND_RECORD, "name": "张三"})  # the same human, say
            if accounts:
                add_account("installer", "boss", "admin", PASSWORDS["boss"])
                add_account("boss", "li", "clerk", PASSWORDS["li"])
                add_account("boss", "wang", "viewer", PASSWORDS["wang"])
            if not empty:
                backup_to(path.parent / "backup.sqlite3")
            close_database()
            bases[(accounts, empty)] = path
    sheet = folder / "people.xlsx"
    write_sheet(sheet, ["姓名", "身份证号", "所属社区"], [["王五", "110105198001010015", "永安里社区"]])
    for path in bases.values():
        shutil.copy(sheet, path.parent / "people.xlsx")
    return bases


@dataclass(frozen=True)
class Outcome:
    code: int
    err: str
    refused: bool  # refused for the role, with its sentence
    untouched: bool  # nothing written, no audit entry, no record changed


def fingerprint(path: Path) -> str:
    """Every table's rows but the account's login times and counts (a login writes them)."""
    from registry.storage import sqlite_library

    digest = hashlib.sha256()
    conn = sqlite_library.connect(path, readonly=True)
    try:
        tables = [t for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            columns = "name, role, password_hash, active" if table == "account" else "*"
            for row in conn.execute(f'SELECT {columns} FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(("-wal", "-shm", ".lock"))}


@contextlib.contextmanager
def environment(values: dict[str, str | None]) -> Iterator[None]:
    import os

    saved = {k: os.environ.get(k) for k in values}
    try:
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_case(case: Case, role: str, bases: dict[tuple[bool, bool], Path], work: Path,
             main: Callable[[list[str]], int]) -> Outcome:
    """Run `case` as `role` on a fresh copy of its base register, in this process."""
    user = ROLE_USERS[role]
    base = bases[(user is not None, case.empty)]
    run = work / "register"
    shutil.copytree(base.parent, run)
    out = work / "out"
    out.mkdir()
    db = run / "registry.sqlite3"
    before_print, before_files = fingerprint(db), files_in(run) | files_in(out)
    words = [w.replace("{out}", str(out)).replace("{base}", str(run)) for w in case.words]
    argv = ["--db", str(db), *(["--user", user] if user else []), *words]
    err = io.StringIO()
    env = {"REGISTRY_PASSWORD": PASSWORDS[user] if user else None, "REGISTRY_NEW_PASSWORD": NEW_PASSWORD}
    with environment(env), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    text = err.getvalue()
    refused = code == 2 and REFUSAL in text
    untouched = fingerprint(db) == before_print and files_in(run) | files_in(out) == before_files
    return Outcome(code, text, refused, untouched)


def expected_role(case: Case) -> str | None:
    """The least role the table (rules/permissions.py) gives the command line's action."""
    from registry.cli import build_parser
    from registry.rules.permissions import role_needed

    parser, commands = build_parser()
    args = parser.parse_args(list(case.words))
    action = commands[case.command].action(args)
    return None if action is None else role_needed(action)


def allowed(needed: str | None, role: str) -> bool:
    from registry.rules.permissions import ROLES

    if needed is None or role == "no accounts":
        return True
    return ROLES.index(role) >= ROLES.index(needed)
