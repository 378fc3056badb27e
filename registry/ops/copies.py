"""Copies of the whole register: a backup into its own backups folder (a clerk's), and a copy
anywhere else — a file of one's choosing, a PostgreSQL server — which takes every record,
the account hashes included, out of the register's place: an administrator's, refused before
anything is copied, and audited with where the copy went (never a password)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from registry.ops.kernel import Permit, allow
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError
from registry.storage.backup import backup_to, make_backup, register_file, write_backup
from registry.storage.sealing import passphrase_problem
from registry.storage.transfer import TableCheck, migrate_to
from registry.texts import msg


def backup_register(actor: str) -> Path:
    """A checked, rotated backup in the register's backups folder, audited."""
    permit = allow(actor, Action.BACKUP)
    path = make_backup("manual")
    with permit.write() as w:
        w.log("registry", None, detail=f"备份到备份文件夹：{path.name}")
    return path


def copy_register_to_file(actor: str, target: Path) -> Path:
    """The whole register copied to `target` (an administrator's), audited with the file.
    When the audit entry cannot be written the copy is removed: no copy without its trace."""
    permit = allow(actor, Action.COPY_REGISTER)
    return _audited_copy(permit, Path(target), backup_to, "复制整个登记库到文件")  # zh-data: the audit log's words


def export_encrypted(actor: str, target: Path, passphrase: str) -> Path:
    """导出加密备份: a checked, compressed backup sealed with `passphrase`, to carry away (a
    USB stick, the district). A clerk's, as a backup is: without the passphrase the file
    gives nothing away, unlike a plain copy (an administrator's). Audited with the file."""
    permit = allow(actor, Action.BACKUP)
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise RegistryError(problem)
    return _audited_copy(permit, Path(target), lambda target: write_backup(target, passphrase=passphrase),
                         "导出加密备份到文件")  # zh-data: the audit log's words


def _audited_copy(permit: Permit, target: Path, write: Callable[[Path], Path], what: str) -> Path:
    here = register_file()
    if here is not None and target.resolve() == here.resolve():
        raise RegistryError(msg("不能把登记库复制到它自己的文件上，请另选一个文件。"))
    if target.is_dir():
        raise RegistryError(msg("“{target}”是一个文件夹，请指定要保存的文件名。", target=target))
    path = write(target)
    try:
        with permit.write() as w:
            w.log("registry", None, detail=f"{what}：{path.resolve()}")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def shown_url(url: str) -> str:
    """A database URL as it may be recorded or shown: the password left out."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return msg("（无法识别的地址）")
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


def copy_register_to_server(actor: str, url: str,
                            progress: Callable[[str, int], None] | None = None) -> list[TableCheck]:
    """migrate-to: the register copied into an empty PostgreSQL database (an
    administrator's). The new register's audit entry is written inside the server
    transaction that copies the rows (storage/transfer.py), so a killed migration leaves
    the server empty; this register's entry then says where the copy went."""
    permit = allow(actor, Action.COPY_REGISTER)
    name = register_file()

    def record(checks: list[TableCheck]) -> None:
        with permit.write() as w:
            w.log("registry", None, detail=f"从本机登记库 {name.name if name else ''} 迁移到共享服务器："
                                           f"{len(checks)} 张表的行数和校验和全部一致")

    checks = migrate_to(url, progress=progress, record=record)
    bad = sum(1 for c in checks if not c.ok)
    with permit.write() as w:
        w.log("registry", None, detail=f"复制整个登记库到数据库服务器：{shown_url(url)}（{len(checks)} 张表"
                                       + (f"，{bad} 张不一致，已撤销）" if bad else "，全部一致）"))
    return checks
