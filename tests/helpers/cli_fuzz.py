"""Hostile values for every command of registry.cli, fed in-process through main(): the
commands and their arguments are read from build_parser(), so a new command is attacked
without anyone adding it here. Used by tests/unit/registry/cli/test_fuzz.py (a few hundred
calls) and bench/attack/cli_fuzz.py (10,000 and more per command).

A call *fails* when the terminal shows a traceback, when the exit code is not 0, 1, 2 or 130,
when it exits non-zero without a sentence, when stderr carries a raw English message, or
when the program had to fall back on "unforeseen problem" (a traceback kept in the log)."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from registry.storage import sqlite_library

UNFORESEEN = "程序遇到意外问题"
_OURS = re.compile(r"python -m registry[^）]*|--?[\w-]+|\S+\.(?:xlsx|xls|pdf|sqlite3|toml)\b")  # names, not English
EXIT_CODES = {0, 1, 2, 130}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'")
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")  # three English words in a row


@dataclass(frozen=True)
class Slot:
    """One place a value goes: a positional, or an option that takes a value."""

    command: str
    dest: str
    option: str | None  # None for a positional
    choices: tuple[str, ...] = ()


@dataclass
class Fixtures:
    folder: Path
    register: Path  # a register with data and no accounts
    with_accounts: Path  # one with accounts (for --user)
    damaged: Path  # a register that fails its check, with its in-use marker
    binary: Path
    directory: Path
    missing: Path
    workbook: Path
    bad_xml: Path  # an .xlsx whose sheet is not XML
    text_version_backup: Path  # a backup whose schema version is text
    out: Path

    def paths(self) -> list[str]:
        return [str(p) for p in (self.directory, self.missing, self.binary, self.damaged, self.workbook,
                                 self.bad_xml, self.text_version_backup, self.out / "x.xlsx")]


def hostile_values(fixtures: Fixtures) -> list[str]:
    """The named classes of hostile value (each of them, once)."""
    return [
        os.fsdecode(b"\xff\xfe"), os.fsdecode("张三".encode("gbk")), "\ud800", "a\udcffb",
        "A" * 100_000, "a\0b", "-x", "--", "-", "--help=1", "", " ", "\n", "..",
        "99999999999999999999999999", "-1", "0", "-5128", "1e9", "NaN", "１２３", "٣",
        "=1+1", "@SUM(A1)", "'; DROP TABLE person; --", "\" OR 1=1 --", "%s%n%x", "{0}", "$(id)",
        "\u202e\u0635", "😀" * 50, "11010519491231002X", "1.10105E+17", "2025-02-30", "9999-12-31",
        "postgresql://u:secret@127.0.0.1:9/x", "sqlite:///nonexistent/x.db",
        *fixtures.paths(),
    ]


def random_values(rng: random.Random, fixtures: Fixtures, count: int) -> Iterator[str]:
    """`count` values drawn from the named classes and mutated: random bytes as the OS hands
    them over, random code points, numbers of every size, dashes, paths."""
    named = hostile_values(fixtures)
    makers: list[Callable[[], str]] = [
        lambda: rng.choice(named),
        lambda: os.fsdecode(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))),
        lambda: "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000),
                                        rng.randrange(0xD800, 0xE000), rng.randrange(0x4E00, 0x9FFF),
                                        rng.randrange(0, 32)])) for _ in range(rng.randrange(1, 16))),
        lambda: str(rng.choice([-1, 1]) * rng.randrange(10 ** rng.randrange(1, 30))),
        lambda: "-" * rng.randrange(1, 3) + rng.choice(["x", "db", "user", "yes", "1", "help", "-"]),
        lambda: rng.choice(fixtures.paths()) + rng.choice(["", "/", "/x", "\0", "..", os.fsdecode(b"\xff")]),
        lambda: rng.choice(named)[: rng.randrange(0, 8)] * rng.randrange(1, 5000),
        lambda: rng.choice("０１２３４５６７８９") * rng.randrange(1, 25),
    ]
    for _ in range(count):
        yield rng.choice(makers)()


def slots() -> list[Slot]:
    """Every positional and every value-taking option of every command, from build_parser."""
    from registry.cli import build_parser

    parser, _ = build_parser()
    found = [Slot("", "db", "--db"), Slot("", "user", "--user")]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for a in sub._actions:
                    if isinstance(a, argparse._HelpAction) or a.nargs == 0:
                        continue
                    found.append(Slot(name, a.dest, a.option_strings[-1] if a.option_strings else None,
                                      tuple(str(c) for c in a.choices or ())))
    return found


def commands() -> list[str]:
    from registry.cli import build_parser

    return list(build_parser()[1])


# a value each argument takes when it is not the one attacked, so the attack reaches the handler
_USUAL = {"number": "11010519491231002X", "code": "ABCD-EFGH-JKLM", "person": "V0001", "text": "张三",
          "date_from": "2025-01-01", "date_to": "2025-12-31", "name": "zhao", "url": "postgresql://nobody@127.0.0.1:9/x",
          "roster": "volunteers", "kind": "volunteers"}


def usual(slot: Slot, fixtures: Fixtures) -> str:
    if slot.choices:
        return slot.choices[0]
    if slot.dest in ("output", "errors"):
        return str(fixtures.out / f"{slot.command}.{'pdf' if slot.command == 'certificate' else 'xlsx'}")
    if slot.dest == "file":
        return str({"restore": fixtures.text_version_backup, "district": fixtures.missing,
                    "backup": fixtures.out / "copy.sqlite3"}.get(slot.command, fixtures.workbook))
    return _USUAL.get(slot.dest, "1")


def command_line(target: Slot, value: str, fixtures: Fixtures) -> list[str]:
    """The command of `target` with every required argument given and `target` set to value."""
    command = target.command or "stats"
    words = ["--db", value if target.dest == "db" else str(fixtures.register)]
    if target.dest == "user":
        words = ["--db", str(fixtures.with_accounts), "--user", value]
    words.append(command)
    options, positionals = [], []
    for slot in slots():
        if slot.command != command:
            continue
        chosen = value if slot == target else usual(slot, fixtures)
        if slot.option is None:
            positionals.append(chosen)
        elif slot == target or slot.dest in ("date_from", "date_to", "output"):
            options.append(f"{slot.option}={chosen}" if chosen.startswith("-") else slot.option)
            if not chosen.startswith("-"):
                options.append(chosen)
    # positionals after --, as the help says, so that a value beginning with - stays a value
    return words + options + (["--", *positionals] if positionals else [])


@dataclass
class Tally:
    calls: int = 0
    failures: list[str] = field(default_factory=list)


def judge(words: list[str], code: int, err: str) -> str | None:
    """Why this call failed, or None."""
    if "Traceback" in err:
        return "traceback"
    if code not in EXIT_CODES:
        return f"exit code {code}"
    if UNFORESEEN in err:
        return "unforeseen failure (traceback in the log)"
    if code != 0 and code != 1 and not err.strip():
        return "no sentence"
    if _ENGLISH.search(_OURS.sub("", _QUOTED.sub("", err))):
        return "English on stderr"
    return None


def call(main: Callable[[list[str]], int], words: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(words)
    return code, err.getvalue()


def make_fixtures(folder: Path) -> Fixtures:
    """The files the attacks point at, and the registers they run on."""
    from helpers.certificates import volunteer_with_hours
    from helpers.importer import write_sheet
    from registry import ops
    from registry.ops.accounts import add_account
    from registry.storage.lifecycle import close_database, open_database

    register = folder / "register" / "registry.sqlite3"
    register.parent.mkdir(parents=True)
    open_database(register)
    district = ops.add_area("tester", "district", "110105", "朝阳区", 3_452_000).id
    street = ops.add_area("tester", "street", "110105001", "建外街道", 62_000, parent=district).id
    community = ops.add_area("tester", "community", "110105001001", "永安里社区", 8_200, parent=street).id
    volunteer_with_hours({"district": district, "street": street, "community": community})
    close_database()
    with_accounts = folder / "accounts" / "registry.sqlite3"
    with_accounts.parent.mkdir()
    open_database(with_accounts)
    add_account("installer", "boss", "admin", "boss-password")
    close_database()
    damaged = folder / "damaged" / "registry.sqlite3"
    damaged.parent.mkdir()
    shutil.copy(register, damaged)
    data = bytearray(damaged.read_bytes())
    data[4096:12288] = b"\xa5" * 8192  # pages after the first: the file opens, the check fails
    damaged.write_bytes(bytes(data))
    damaged.with_name(damaged.name + ".in-use").touch()
    binary = folder / "binary.xlsx"
    binary.write_bytes(bytes(range(256)) * 64)
    directory = folder / "a-folder"
    directory.mkdir()
    workbook = write_sheet(folder / "people.xlsx", ["姓名", "身份证号", "所属社区"],
                           [["王五", "110105198001010015", "永安里社区"]])
    bad_xml = folder / "bad-xml.xlsx"
    _break_sheet_xml(workbook, bad_xml)
    text_version = folder / "text-version.sqlite3"
    shutil.copy(register, text_version)
    with contextlib.closing(sqlite_library.connect(text_version)) as conn, conn:
        conn.execute("UPDATE registry_meta SET value='version two' WHERE key='schema_version'")
    out = folder / "out"
    out.mkdir()
    return Fixtures(folder, register, with_accounts, damaged, binary, directory, folder / "missing.xlsx",
                    workbook, bad_xml, text_version, out)


def _break_sheet_xml(source: Path, target: Path) -> None:
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2] + b"<row r=<<</sheetData"
            zout.writestr(item, data)


def integrity_ok(path: Path) -> bool:
    with contextlib.closing(sqlite_library.connect(path, readonly=True)) as conn:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
