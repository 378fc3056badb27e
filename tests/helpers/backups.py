"""Reading and crafting backups as files: what a compressed backup holds, as a register a
test can open with sqlite3; a backup changed by hand, written back as the program writes it."""

from __future__ import annotations

from pathlib import Path

from registry.storage import sqlite_library
from registry.storage.backup_files import Kind, kind_of, pack, unpack


def opened(backup: Path) -> Path:
    """The register `backup` holds, written beside it as a plain SQLite file."""
    plain = backup.with_name(backup.name + ".opened.sqlite3")
    plain.unlink(missing_ok=True)
    unpack(backup, plain)
    return plain


def rows(backup: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite_library.connect(opened(backup))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def crafted(backup: Path, *sql: str) -> Path:
    """`backup` changed by `sql`, written back in the form it had (compressed or plain)."""
    plain = opened(backup)
    conn = sqlite_library.connect(plain)
    for statement in sql:
        conn.execute(statement)
    conn.close()
    if kind_of(backup) is Kind.COMPRESSED:
        with backup.open("wb") as out:
            pack(plain, out)
    else:
        plain.replace(backup)
    plain.unlink(missing_ok=True)
    return backup
