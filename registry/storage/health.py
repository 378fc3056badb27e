"""Checks at start: a SQLite library with a known WAL bug, a register on a network share,
and a register damaged by a crash.

quick_check reads the whole file, seconds on a district's register, so it runs at open
only when the last session did not close cleanly (its marker file is still there)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from registry.rules.problems import RegistryError
from registry.storage import sqlite_library as sqlite
from registry.storage.faults import describe
from registry.storage.migrations import VERSION_KEY, SchemaError
from registry.texts import msg

log = logging.getLogger(__name__)

# Releases that fixed the WAL-reset corruption bug, per branch; branches in between have
# no fixed release.
_FIXED = ((3, 44, 6), (3, 50, 7), (3, 51, 3))
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs"}


SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseDamagedError(RegistryError):
    """The register failed its integrity check; str() says what to do, in Chinese."""


class NotARegisterError(SchemaError):
    """The file is not a register of this program (another program's database, or not a
    database at all); it was not changed."""


def recognize(path: Path) -> None:
    """Before any pragma that writes (journal_mode=wal rewrites the header), make sure the
    file at `path` is a register of ours or empty; raises NotARegisterError (untouched),
    DatabaseDamagedError (cut short). Read-only: the file's bytes stay as they were."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return  # a new register
    if size == 0:
        return  # an empty file: SQLite's empty database, ours to fill
    with path.open("rb") as file:
        header = file.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise NotARegisterError(msg("“{name}”不是街道社会工作登记台的登记库（也不是数据库文件），程序没有改动它。"
                                "请检查打开的文件是否正确。", name=path.name))
    if len(header) < 100 or (_cut_short(header, size) and not _wal_holds_pages(path)):
        raise DatabaseDamagedError(damaged_sentence(path, msg("文件不完整（可能复制或下载时被截断）")))
    try:
        conn = sqlite.connect(path, readonly=True)
    except sqlite.Error as exc:
        raise NotARegisterError(msg("无法读取“{name}”（{value}），程序没有改动它。", name=path.name,
                                    value=_said(exc))) from exc
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "registry_meta" not in tables:
            raise NotARegisterError(msg("“{name}”是别的程序的数据库，不是街道社会工作登记台的登记库，"
                                    "程序不会改动它。请检查打开的文件是否正确。", name=path.name))
        if tables:
            conn.execute("SELECT value FROM registry_meta WHERE key = ?", (VERSION_KEY,)).fetchall()
    except sqlite.Error as exc:
        if sqlite.primary_code(exc) not in (sqlite.SQLITE_CORRUPT, sqlite.SQLITE_NOTADB):
            # locked by a writer, or a WAL a read-only reader may not recover: a file already in
            # WAL mode, which opening does not rewrite; it waits, recovers or says why as usual
            return
        raise DatabaseDamagedError(damaged_sentence(path, msg("无法读出它的结构"))) from exc
    finally:
        conn.close()


def _cut_short(header: bytes, size: int) -> bool:
    """The header's page count is kept up to date (its change counter matches): a file
    smaller than that many pages was cut short."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    return valid and pages > 0 and size < pages * page_size


def _wal_holds_pages(path: Path) -> bool:
    """Pages not yet copied back from the WAL (a checkpoint that a full disk stopped): the
    file may then be shorter than its header says, and is whole with its WAL."""
    try:
        return Path(f"{path}-wal").stat().st_size > 32
    except OSError:
        return False


def _said(exc: BaseException) -> str:
    return describe(exc) or msg("数据库报告错误")


def damaged_sentence(path: Path, what: str) -> str:
    from registry.storage.backup import latest_good_backup  # only for a damaged register

    good = latest_good_backup(path)
    offer = msg("最近一份完好的备份是“{good}”，请由管理员恢复。",
                good=good) if good else msg("没有找到完好的备份，请联系管理员。")
    return msg("登记库“{name}”{what}，可能已损坏，程序不会再写入它。{offer}", name=path.name, what=what, offer=offer)


def sqlite_version_ok(version: tuple[int, int, int] = sqlite.SQLITE_VERSION) -> bool:
    for fixed in _FIXED:
        if version[:2] == fixed[:2]:
            return version >= fixed
    return version > _FIXED[-1]


def sqlite_version_warning(version: tuple[int, int, int] = sqlite.SQLITE_VERSION) -> str | None:
    """None with the SQLite the program ships; the check stays for a program run on an
    older library (an APSW installed by hand, say)."""
    if sqlite_version_ok(version):
        return None
    # For the administrator, in words (the log keeps the version): what it means, what to do.
    return (msg("本程序自带的数据库组件版本较旧（SQLite {sqlite_version}），极少数情况下可能损坏"
            "登记库。现在的数据没有问题，可以照常使用；请联系信息科为本机安装新版程序，"
            "在此之前请照常每天备份。", sqlite_version=".".join(map(str, version))))


def _mount_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    text = str(path.resolve())
    for line in mounts:
        parts = line.split()
        inside = len(parts) >= 3 and (text == parts[1] or text.startswith(parts[1].rstrip("/") + "/"))
        if inside and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type


def on_network_share(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name == "nt":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
    return _mount_type(path) in _NETWORK_FS


def network_share_warning(path: Path) -> str | None:
    if not on_network_share(path):
        return None
    return (msg("登记库放在网络共享文件夹上。几台电脑同时打开它时，数据可能损坏。"
            "如果要几台电脑共用一个登记库，请联系信息科改用共享服务器（PostgreSQL）。"))


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".in-use")


def check_at_open(path: Path) -> list[str]:
    """Run before opening a SQLite register; returns warnings, raises when it is damaged."""
    warnings = [w for w in (sqlite_version_warning(), network_share_warning(path)) if w]
    for warning in warnings:
        log.warning(warning)
    if path.exists() and _marker(path).exists() and not _passes_quick_check(path):
        raise DatabaseDamagedError(damaged_sentence(path, msg("校验未通过")))
    _marker(path).touch()
    return warnings


def _passes_quick_check(path: Path) -> bool:
    # imported here: a clean start needs neither the backups' compression nor their sealing
    # (25 ms of the start)
    from registry.storage.backup import quick_check

    return quick_check(path)


def closed_cleanly(path: Path) -> None:
    _marker(path).unlink(missing_ok=True)
