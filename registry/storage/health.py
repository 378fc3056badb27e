"""Checks at start: a SQLite library with a known WAL bug, a register on a network share,
and a register damaged by a crash.

quick_check reads the whole file, seconds on a district's register, so it runs at open
only when the last session did not close cleanly (its marker file is still there)."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

# Releases that fixed the WAL-reset corruption bug, per branch; branches in between have
# no fixed release.
_FIXED = ((3, 44, 6), (3, 50, 7), (3, 51, 3))
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs"}


class DatabaseDamagedError(RuntimeError):
    """The register failed its integrity check; str() says what to do, in Chinese."""


def sqlite_version_ok(version: tuple[int, int, int] = sqlite3.sqlite_version_info) -> bool:
    for fixed in _FIXED:
        if version[:2] == fixed[:2]:
            return version >= fixed
    return version > _FIXED[-1]


def sqlite_version_warning() -> str | None:
    if sqlite_version_ok():
        return None
    return (f"SQLite {sqlite3.sqlite_version} 有已知的 WAL 模式数据损坏缺陷"
            "（已在 3.44.6、3.50.7、3.51.3 修复），建议升级程序所带的 SQLite。")


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
    return ("登记库放在网络共享文件夹上，SQLite 的文件锁在网络上不可靠，多人同时使用可能损坏数据。"
            "多台电脑共用时请改用共享服务器（PostgreSQL）模式。")


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".in-use")


def check_at_open(path: Path) -> list[str]:
    """Run before opening a SQLite register; returns warnings, raises when it is damaged."""
    warnings = [w for w in (sqlite_version_warning(), network_share_warning(path)) if w]
    for warning in warnings:
        log.warning(warning)
    if path.exists() and _marker(path).exists():
        from registry.storage.backup import latest_good_backup, quick_check

        if not quick_check(path):
            good = latest_good_backup(path)
            offer = f"最近一份完好的备份是“{good}”，请由管理员恢复。" if good else "没有找到完好的备份。"
            raise DatabaseDamagedError(f"登记库“{path.name}”校验未通过，可能已损坏，程序不会再写入它。{offer}")
    _marker(path).touch()
    return warnings


def closed_cleanly(path: Path) -> None:
    _marker(path).unlink(missing_ok=True)
