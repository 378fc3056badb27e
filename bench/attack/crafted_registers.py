"""Crafted registers and backups: files made to look like a register while lacking what
protects it (the append-only triggers, a unique constraint), holding what it forbids
(duplicate ID numbers), lying about their version, or not being ours at all.

Each is tried twice through the command line: opened (`stats`) and restored over a good
register (`restore --yes`). A file that must be refused counts as a failure unless the
command ends in one plain Chinese sentence, a non-zero exit and no traceback; data lost
counts a refused file whose bytes changed, or a good register a refused restore changed.
Files whose only fault is a missing or mis-made ordinary index must instead be accepted
with the index rebuilt."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

from registry.storage import schema_check, sqlite_library

try:
    from attack import Row
except ImportError:
    from bench.attack import Row  # type: ignore[no-redef]

DUPLICATE = ("INSERT INTO person (id_number, id_number_rev, name, initials, sex, region_code, address, ethnicity,"
             " political_status, education, notes, active, deactivated_reason, created_at, updated_at)"
             " SELECT id_number, id_number_rev, '冒名', initials, sex, region_code, address, ethnicity,"
             " political_status, education, notes, active, deactivated_reason, created_at, updated_at"
             " FROM person LIMIT 5")
# the indexes of the ledger's two tables (service_record is a view over them), as a killed demo leaves them
LEDGER_INDEXES = tuple(name for name, shape in schema_check.expected(True).indexes.items()
                       if shape.table in ("service_line", "service_detail"))

Craft = Callable[[Path], None]


def sql(*statements: str) -> Craft:
    def craft(path: Path) -> None:
        conn = sqlite_library.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA journal_mode = delete")
        conn.close()
    return craft


def replace_with(data: Callable[[bytes], bytes]) -> Craft:
    def craft(path: Path) -> None:
        path.write_bytes(data(path.read_bytes()))
    return craft


def foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite_library.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
    conn.executemany("INSERT INTO customers (name, phone) VALUES (?, ?)", [(f"c{i}", "138") for i in range(50)])
    conn.close()


def scribbled(data: bytes) -> bytes:
    out = bytearray(data)
    for page in range(3, len(out) // 4096, 7):
        out[page * 4096 + 100:page * 4096 + 400] = b"\xa5" * 300
    return bytes(out)


REFUSED: dict[str, Craft] = {
    "no audit_entry_no_delete trigger": sql("DROP TRIGGER audit_entry_no_delete"),
    "no audit_entry_no_update trigger": sql("DROP TRIGGER audit_entry_no_update"),
    "no service_record_approved_is_final": sql("DROP TRIGGER service_record_approved_is_final"),
    "no service_record_approved_not_deleted": sql("DROP TRIGGER service_record_approved_not_deleted"),
    "all four triggers gone": sql(*(f"DROP TRIGGER {t}" for t in (
        "audit_entry_no_delete", "audit_entry_no_update", "service_record_approved_is_final",
        "service_record_approved_not_deleted"))),
    "a trigger neutered (WHEN 0)": sql(
        "DROP TRIGGER audit_entry_no_delete",
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry WHEN 0 BEGIN SELECT 1; END"),
    "a trigger of its own": sql(
        "CREATE TRIGGER spy AFTER INSERT ON person BEGIN UPDATE person SET notes = 'x' WHERE id = NEW.id; END"),
    "duplicate ID numbers, unique index dropped": sql('DROP INDEX "person_document"', DUPLICATE),
    "duplicate ID numbers, index made non-unique": sql(
        'DROP INDEX "person_document"', 'CREATE INDEX "person_document" ON person (id_number, id_type)', DUPLICATE),
    "duplicate ID numbers, unique index partial": sql(
        'DROP INDEX "person_document"',
        'CREATE UNIQUE INDEX "person_document" ON person (id_number, id_type) WHERE id < 0', DUPLICATE),
    "duplicate volunteer numbers": sql(
        'DROP INDEX "volunteer_volunteer_number"',
        "UPDATE volunteer SET volunteer_number = 'V1' WHERE id IN (1, 2)"),
    "a column missing": sql("ALTER TABLE person DROP COLUMN notes"),
    "a column of its own": sql("ALTER TABLE person ADD COLUMN exfiltrate TEXT"),
    "a table missing": sql("DROP TABLE certificate"),
    "index on the wrong table, table missing": sql(
        'DROP INDEX "person_name"', 'CREATE INDEX "person_name" ON volunteer (skills)', "DROP TABLE rule_preset"),
    "schema version as text": sql("UPDATE registry_meta SET value = 'two' WHERE key = 'schema_version'"),
    "schema version negative": sql("UPDATE registry_meta SET value = '-1' WHERE key = 'schema_version'"),
    "schema version from the future": sql("UPDATE registry_meta SET value = '99' WHERE key = 'schema_version'"),
    "schema version missing": sql("DELETE FROM registry_meta"),
    "another program's database": foreign,
    "not a database at all": replace_with(lambda data: "这不是数据库。".encode() * 2000),
    "truncated to half": replace_with(lambda data: data[: len(data) // 2]),
    "truncated to its header": replace_with(lambda data: data[:100]),
    "pages scribbled over": replace_with(scribbled),
}
REBUILT: dict[str, Craft] = {
    "the ledger's indexes missing (killed demo)": sql(*(f'DROP INDEX "{n}"' for n in LEDGER_INDEXES)),
    "an index on other columns": sql('DROP INDEX "person_name"', 'CREATE INDEX "person_name" ON person (notes)'),
    "an index on the wrong table": sql('DROP INDEX "person_name"', 'CREATE INDEX "person_name" ON volunteer (skills)'),
    "unique index dropped, rows still unique": sql('DROP INDEX "person_document"'),
}


def cli(*argv: str) -> tuple[int | str, str]:
    """Run the command line in this process; a traceback is an exception escaping main()."""
    from registry.cli import main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code: int | str = main(list(argv))
    except BaseException as exc:  # what escapes main() is what is counted
        code = f"traceback: {type(exc).__name__}: {exc}"
    return code, err.getvalue()


def plain_refusal(code: int | str, said: str) -> bool:
    chinese = sum("\u4e00" <= c <= "\u9fff" for c in said)
    return code == 2 and chinese >= 10 and "Traceback" not in said and "Error" not in said


def indexes(path: Path) -> set[str]:
    conn = sqlite_library.connect(path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def snapshot(path: Path) -> tuple[object, ...]:
    conn = sqlite_library.connect(path)
    try:
        return (conn.execute("SELECT id_number FROM person ORDER BY id").fetchall(),
                conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0])
    finally:
        conn.close()


def good_register(workdir: Path) -> Path:
    from registry.demo import fill_demo
    from registry.storage.lifecycle import close_database, open_database

    path = workdir / "good.sqlite3"
    open_database(path)
    fill_demo(volunteers=300, seed=3)
    close_database()
    return path


def run(workdir: Path) -> list[Row]:
    good = good_register(workdir)
    expected = indexes(good)
    target = workdir / "live" / "registry.sqlite3"
    target.parent.mkdir()
    results: dict[str, list[int]] = {k: [0, 0, 0] for k in ("open", "restore", "open (rebuilt)", "restore (rebuilt)")}
    notes: dict[str, list[str]] = {k: [] for k in results}

    def tally(kind: str, failed: bool, lost: int, what: str) -> None:
        results[kind][0] += 1
        results[kind][1] += failed
        results[kind][2] += lost
        if (failed or lost) and len(notes[kind]) < 3:
            notes[kind].append(what)

    for rebuilt, cases in ((False, REFUSED), (True, REBUILT)):
        for name, craft in cases.items():
            crafted = workdir / f"crafted-{len(list(workdir.iterdir()))}.sqlite3"
            shutil.copy(good, crafted)
            craft(crafted)
            marker = Path(f"{crafted}.in-use")
            if name == "pages scribbled over":
                marker.touch()  # as a session that died: the check at open reads the whole file
            bytes_before = crafted.read_bytes()
            # opened
            kind = "open (rebuilt)" if rebuilt else "open"
            opened = workdir / "opened.sqlite3"
            shutil.copy(crafted, opened)
            if marker.exists():
                Path(f"{opened}.in-use").touch()
            code, said = cli("--db", str(opened), "stats")
            if rebuilt:
                tally(kind, code != 0 or not expected <= indexes(opened), 0, f"{name}: {code} {said.strip()[:120]}")
            else:
                changed = opened.read_bytes() != bytes_before
                tally(kind, not plain_refusal(code, said), int(changed), f"{name}: {code} {said.strip()[:120]}")
            for side in ("", "-wal", "-shm", ".in-use"):
                Path(f"{opened}{side}").unlink(missing_ok=True)
            # restored over a good register
            kind = "restore (rebuilt)" if rebuilt else "restore"
            for side in ("", "-wal", "-shm"):
                Path(f"{target}{side}").unlink(missing_ok=True)
            shutil.copy(good, target)
            before = snapshot(target)
            code, said = cli("--db", str(target), "restore", str(crafted), "--yes")
            if rebuilt:
                tally(kind, code != 0 or not expected <= indexes(target), 0, f"{name}: {code} {said.strip()[:120]}")
            else:
                lost = int(snapshot(target) != before) + int(crafted.read_bytes() != bytes_before)
                tally(kind, not plain_refusal(code, said), lost, f"{name}: {code} {said.strip()[:120]}")
    return [Row(f"crafted files: {kind}", a, f, lost, "; ".join(notes[kind]) or
                ("accepted, every index rebuilt" if "rebuilt" in kind else "each refused in one Chinese sentence, "
                 "nothing changed"))
            for kind, (a, f, lost) in results.items()]
