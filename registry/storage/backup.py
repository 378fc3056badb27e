"""Backups of a SQLite register: made online (a page-by-page snapshot, storage/page_copy.py),
compressed, read back and checked, then named, and rotated (restoring one is an operation:
ops/backups.py). A PostgreSQL register is backed up by its server (pg_dump), not here.

A backup's file name says which register it is of: 朝外街道-20250601-093000-auto.sqlite3.zst
is a backup of 朝外街道.sqlite3 (registers kept in one folder share its backups folder); a
second one made in the same second, by another program, is …-093000-2-auto…. Backups made
before they were compressed end in .sqlite3 alone; those made before they were named are
all registry-…: the register of that folder, whichever it was, so each register lists them
beside its own (the default register is registry.sqlite3, whose backups are named so still).

A backup is written under a name of its own (…​.<process>-<random>.part), and takes its
real name only when whole and checked; what a killed backup left (.part files and their
-journal, -wal, -shm) is cleared by the next backup into that folder."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from peewee import SqliteDatabase

from registry.rules.problems import RegistryError
from registry.storage import sqlite_library as sqlite
from registry.storage.backup_files import Kind, UnreadableBackup, kind_of, pack, readable, unpack
from registry.storage.db import database
from registry.storage.faults import as_fault
from registry.storage.page_copy import copy_pages
from registry.texts import msg

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
AUTO_INTERVAL = dt.timedelta(minutes=30)
RECENT = dt.timedelta(hours=24)  # every backup this young is kept: a mistake at 10:00 is undone
SUFFIX, OLD_SUFFIX = ".sqlite3.zst", ".sqlite3"
_NAME = re.compile(r"^(?P<register>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d{1,4}))?"
                   r"-(?P<reason>[a-z]+(?:-[a-z]+)*)\.sqlite3(?:\.zst)?$")
UNNAMED = "registry"  # what every backup was named after before backups named their register
_NOT_IN_WINDOWS_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                              *(f"LPT{i}" for i in range(1, 10))})
NAME_CHARS = 60  # of the register's name in a backup's: the whole path stays short for Windows
BUDGET_ENV = "REGISTRY_BACKUP_BUDGET_MB"
DEFAULT_BUDGET = 20 * 1024**3  # all backups of a folder together; at most half the disk they could have
_PART = re.compile(r"\.sqlite3(?:\.zst)?\.(?P<pid>\d+)-[0-9a-f]{6}(?:\.check)?\.part(?:-journal|-wal|-shm)?$")
_OLD_PART = re.compile(r"\.sqlite3\.part(?:-journal|-wal|-shm)?$")  # of backups made before they carried their process
STALE = dt.timedelta(hours=1)  # a .part untouched this long belongs to no running backup


class BackupError(RegistryError):
    pass


def sqlite_database() -> SqliteDatabase:
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise BackupError(msg("共享服务器（PostgreSQL）上的登记库由服务器管理员备份，本程序不做文件备份。"))
    return db


def register_file() -> Path | None:
    """The open register's file; None when it is kept on a PostgreSQL server."""
    db = database.obj
    return Path(db.database) if isinstance(db, SqliteDatabase) else None


def register_name(register: Path) -> str:
    """The register's file name without its ending, as a file name on Windows may carry
    it: the characters Windows refuses replaced, no dot or space at its end, no device
    name (CON, NUL, ...); "registry" when nothing is left."""
    name = _NOT_IN_WINDOWS_NAMES.sub("_", register.stem)[:NAME_CHARS].rstrip(" .").lstrip(" ")
    if not name:
        return UNNAMED
    return f"{name}_" if name.split(".")[0].upper() in _WINDOWS_DEVICES else name


def backup_name(register: Path, made: dt.datetime, reason: str, seq: int = 0) -> str:
    counted = f"-{seq}" if seq > 1 else ""
    return f"{register_name(register)}-{made:%Y%m%d-%H%M%S}{counted}-{reason}{SUFFIX}"


class Named(NamedTuple):
    register: str
    made: dt.datetime
    reason: str
    seq: int


def parse_backup_name(path: Path) -> Named | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return Named(match["register"], made, match["reason"], int(match["seq"] or 1))


def read_backup_name(path: Path) -> tuple[str, dt.datetime, str] | None:
    """(the register's name, when it was made, why) from a backup's file name; None for a
    file that is no backup."""
    named = parse_backup_name(path)
    return None if named is None else (named.register, named.made, named.reason)


def backups_folder(db_path: Path | None = None) -> Path:
    """Backups live beside the register, in a folder of their own."""
    path = db_path or Path(sqlite_database().database)
    return path.parent / "backups"


def quick_check(path: Path) -> bool:
    """Whether the SQLite file at `path` passes quick_check, read without changing it."""
    try:
        conn = sqlite.connect(path, readonly=True)
    except sqlite.Error:
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite.Error:
        return False
    finally:
        conn.close()


def intact(path: Path) -> bool:
    """Whether a backup in the folder is as it was written: an older uncompressed one passes
    quick_check; a compressed one (checked when it was made) reads through, its checksum
    matching."""
    kind = kind_of(path)
    if kind is Kind.SQLITE:
        return quick_check(path)
    return kind is Kind.COMPRESSED and readable(path)


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{side}") for side in ("", "-journal", "-wal", "-shm")]


def _remove(*paths: Path) -> None:
    for path in paths:
        for side in _side_files(path):
            side.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True  # os.kill would end it: there, a leftover is stale by its age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clear_leftovers(folder: Path, now: dt.datetime | None = None, *, older: bool = False) -> list[Path]:
    """Remove what killed backups left in `folder`: their .part files (and -journal, -wal,
    -shm) of a process that is gone or untouched for an hour; with `older` (the backups
    folder), those of backups made before .part files carried their process. Nothing else
    is touched, whatever its name (a folder of one's choosing may hold others' .part files)."""
    now = now or dt.datetime.now()
    removed = []
    for path in [*folder.glob("*.part"), *folder.glob("*.part-*")]:
        match = _PART.search(path.name)
        if match is None and not (older and _OLD_PART.search(path.name)):
            continue
        try:
            touched = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        if match is None or not _running(int(match["pid"])) or now - touched > STALE:
            try:
                path.unlink()
            except OSError:
                continue  # still open (Windows): it is someone's backup under way
            removed.append(path)
    return removed


def _sync(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return  # NTFS journals the rename itself; a folder cannot be opened to flush
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _claim(part: Path, name_for: Callable[[int], Path]) -> Path:
    """Give `part` the first of name_for(1), name_for(2), ... that no file has yet, never
    replacing one, even against another program naming its backup in the same second."""
    for seq in range(1, 10_000):
        target = name_for(seq)
        try:
            if os.name == "nt":
                os.rename(part, target)  # Windows refuses to rename onto an existing file
                return target
            os.link(part, target)  # fails if the name is taken: atomic, no replacing
        except FileExistsError:
            continue
        except OSError:  # a file system without links (FAT on a USB stick)
            if target.exists():
                continue
            os.replace(part, target)
            return target
        part.unlink()
        return target
    raise BackupError(msg("备份文件夹里同一时刻的备份太多，没有保存。"))


def write_backup(target: Path | Callable[[int], Path], *, compressed: bool = True, passphrase: str | None = None,
                 db: SqliteDatabase | None = None) -> Path:
    """Write the open register (or `db`) as a backup, while it stays in use: a snapshot
    copied page by page, compressed (and sealed with `passphrase`), then read back into a
    temporary register that must pass quick_check; only then does the file take its name.
    `target` is the file (replaced), or names to choose from (never replacing one)."""
    db = db or sqlite_database()
    first = target(1) if callable(target) else Path(target)
    folder = first.parent
    clear_leftovers(folder)
    token = f"{os.getpid()}-{secrets.token_hex(3)}"
    part, check = folder / f"{first.name}.{token}.part", folder / f"{first.name}.{token}.check.part"
    try:
        copy_pages(db.connection(), check)  # the snapshot
        if compressed or passphrase is not None:
            with part.open("wb") as out:
                pack(check, out, passphrase)
            _remove(check)
            unpack(part, check, passphrase)  # read back what was written
            whole = quick_check(check)
        else:
            check.replace(part)
            whole = quick_check(part)
        _remove(check)
        if not whole:
            raise BackupError(msg("备份文件校验失败，没有保存。请检查磁盘空间后重试。"))
        _sync(part)
        path = _claim(part, target) if callable(target) else part.replace(first)
        _sync_folder(folder)
    except (sqlite.Error, OSError, UnreadableBackup) as exc:  # a full disk, a folder that may not be written
        _remove(part, check)
        raise as_fault(exc, folder) or BackupError(msg("备份没有完成（{exc}），没有保存。", exc=exc)) from exc
    except BaseException:
        _remove(part, check)
        raise
    return path


def backup_to(target: Path) -> Path:
    """A checked copy of the open register at `target`: compressed when its name ends in
    .zst, else a plain SQLite file (for another program to open)."""
    target = Path(target)
    return write_backup(target, compressed=target.name.endswith(".zst"))


def make_backup(reason: str, now: dt.datetime | None = None, *, keep: Path | None = None,
                db: SqliteDatabase | None = None) -> Path:
    """A rotated backup in the backups folder; reason: auto, close, import, restore, ...
    The rotation spares `keep` too (the backup a restore is about to read)."""
    now = now or dt.datetime.now()
    register = Path((db or sqlite_database()).database)
    folder = backups_folder(register)
    folder.mkdir(parents=True, exist_ok=True)
    clear_leftovers(folder, older=True)
    path = write_backup(lambda seq: folder / backup_name(register, now, reason, seq), db=db)
    rotate(folder, protect=path, spare=keep, now=now)
    log.info("backup written: %s", path)
    return path


def list_backups(folder: Path, register: Path | None = None) -> list[tuple[dt.datetime, Path]]:
    """Backups in the folder, newest first: all, or those of `register` (named after it, and
    those made before backups were named)."""
    names = None if register is None else {register_name(register), UNNAMED}
    found = []
    for path in [*folder.glob(f"*-*{SUFFIX}"), *folder.glob(f"*-*{OLD_SUFFIX}")]:
        named = parse_backup_name(path)
        if named is not None and (names is None or named.register in names):
            found.append((named.made, named.seq, path))
    return [(made, path) for made, _seq, path in sorted(found, reverse=True)]


def budget(folder: Path, held: int) -> int:
    """How many bytes a folder's backups may take together: REGISTRY_BACKUP_BUDGET_MB or
    20 GB, and never more than half of what the disk could give them (the `held` bytes they
    take now and the free space), so that backups never fill the register's disk."""
    try:
        wanted = int(os.environ[BUDGET_ENV]) * 1024**2
    except (KeyError, ValueError):
        wanted = DEFAULT_BUDGET
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = wanted
    return min(wanted, (held + free) // 2)


_PERIODS: tuple[tuple[str, Callable[[dt.datetime], object], int], ...] = (
    ("daily", lambda t: t.date(), KEEP_DAILY),
    ("weekly", lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
    ("monthly", lambda t: (t.year, t.month), KEEP_MONTHLY),
)


def _tiers(backups: list[tuple[dt.datetime, Path]]) -> dict[Path, str]:
    """A register's backups (newest first) kept by count, each with the finest rule that
    keeps it: the newest of each of the last 12 days, else of 10 weeks, else of 9 months."""
    tier: dict[Path, str] = {}
    for name, period, count in _PERIODS:
        seen: list[object] = []
        for stamp, path in backups:
            key = period(stamp)
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    tier.setdefault(path, name)
    return tier


def rotate(folder: Path, protect: Path | None = None, spare: Path | None = None, now: dt.datetime | None = None,
           limit: int | None = None) -> list[Path]:
    """Keep, of each register's backups: every one of the last 24 hours, then the newest of
    each of the last 12 days, 10 weeks and 9 months; and always `protect` (the backup just
    made) and `spare` (the one a restore reads). When those take more than the folder's
    budget (`limit`, else budget()), the oldest monthly ones go first, then weekly, then
    daily, but each register keeps its newest daily, weekly and monthly one. One register's
    many backups never push out another's by count."""
    now = now or dt.datetime.now()
    held = {p.resolve() for p in (protect, spare) if p is not None}
    registers: dict[str, list[tuple[dt.datetime, Path]]] = {}
    listed = list_backups(folder)  # once: a backup another process names after it is not ours to judge
    for stamp, path in listed:
        named = parse_backup_name(path)
        if named is not None:
            registers.setdefault(named.register, []).append((stamp, path.resolve()))
    kept: dict[Path, int] = {}
    evictable: dict[str, list[tuple[dt.datetime, Path]]] = {name: [] for name, _, _ in _PERIODS}
    for backups in registers.values():
        tier = _tiers(backups)
        for stamp, path in backups:
            if path in held or now - stamp < RECENT or path in tier:
                kept[path] = _size(path)
        for name, _period, _count in _PERIODS:
            of_tier = [(stamp, path) for stamp, path in backups
                       if tier.get(path) == name and path not in held and now - stamp >= RECENT]
            newest = next((path for _stamp, path in backups if tier.get(path) == name), None)
            evictable[name] += [(stamp, path) for stamp, path in of_tier if path != newest]
    removed = [path for _stamp, path in listed if path.resolve() not in kept]
    total = sum(kept.values())
    allowed = budget(folder, total) if limit is None else limit
    for name, _period, _count in reversed(_PERIODS):
        for _stamp, path in sorted(evictable[name]):  # oldest first
            if total <= allowed:
                break
            total -= kept.pop(path)
            removed.append(path)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def latest_good_backup(db_path: Path) -> Path | None:
    """The register's newest whole backup: of those named after it first, then of the older
    unnamed ones (which may be another register's of the same folder)."""
    backups = [path for _stamp, path in list_backups(backups_folder(db_path), db_path)]
    own = [path for path in backups if path.name.startswith(f"{register_name(db_path)}-")]
    for path in [*own, *(path for path in backups if path not in own)]:
        if intact(path):
            return path
    return None


def due(last_backup: dt.datetime | None, changed_since: bool, now: dt.datetime | None = None) -> bool:
    """Whether an automatic backup is due: data changed and none in the last 30 minutes."""
    now = now or dt.datetime.now()
    return changed_since and (last_backup is None or now - last_backup >= AUTO_INTERVAL)
