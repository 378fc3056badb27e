"""A register that failed its integrity check after a crash: offer to put the latest good
backup in its place. The damaged file is kept beside it, renamed; the backup is first
copied aside and opened there, so an administrator can log in against the accounts it
holds before anything is replaced (a register without accounts needs no login)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.runtime.i18n import translate
from ui.runtime.worker import Worker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovered:
    """A register restored from its backup at start, for the audit log."""

    actor: str  # the administrator who logged in; "" for a register without accounts
    backup: Path
    damaged: Path


def staged_path(target: Path) -> Path:
    return target.with_name(target.name + ".restoring")


def stage_backup(backup: Path, target: Path) -> bool:
    """On the worker: write the register the backup holds (compressed or not) beside the
    register and open the copy; True when it has accounts (then an administrator must log in)."""
    from registry.queries.access import accounts_exist
    from registry.storage.backup_files import unpack
    from registry.storage.lifecycle import open_database

    staged = staged_path(target)
    unpack(backup, staged)
    open_database(staged)
    return accounts_exist()


def discard_stage(target: Path) -> None:
    from registry.storage.lifecycle import close_database

    close_database()
    staged_path(target).unlink(missing_ok=True)


def swap_in(target: Path, now: dt.datetime | None = None) -> Path:
    """On the worker, with the staged copy closed: keep the damaged register (and its WAL)
    under a new name and move the copy into its place. Returns the damaged file's new name."""
    from registry.storage.lifecycle import close_database

    close_database()
    stamp = f"{now or dt.datetime.now():%Y%m%d-%H%M%S}"
    damaged = target.with_name(f"{target.stem}-damaged-{stamp}{target.suffix}")
    for suffix in ("", "-wal", "-shm"):
        old = Path(f"{target}{suffix}")
        if old.exists():
            old.replace(Path(f"{damaged}{suffix}"))
    target.with_name(target.name + ".in-use").unlink(missing_ok=True)
    staged_path(target).replace(target)
    log.warning("damaged register %s kept as %s; restored from a backup", target, damaged)
    return damaged


def damaged_text(error: BaseException, backup: Path | None) -> str:
    text = translate("Recovery", "The register did not pass its integrity check. The program was "
                     "probably not closed properly (a power cut or a crash), and the file may be "
                     "damaged. Nothing will be written to it.")
    if backup is None:
        return text + "\n\n" + translate("Recovery", "No good backup was found. Please ask whoever "
                                         "looks after the program for help.") + f"\n\n{error}"
    return text + "\n\n" + translate(
        "Recovery", "The latest good backup is “{name}”. Restore it now? Whatever was entered after "
        "that backup will be missing; the damaged file is kept beside the register under a new "
        "name.").format(name=backup.name)


def offer_recovery(worker: Worker, target: Path, error: BaseException,
                   parent: QWidget | None = None, ask: Any = None) -> Recovered | None:
    """Ask and, when the clerk agrees, restore; None when nothing was restored. The caller
    reopens the register and calls registry.ops.backups.record_recovery."""
    from registry.storage.backup import latest_good_backup
    from ui.dialogs.login import ask_login

    backup = worker.run_sync(lambda: latest_good_backup(target))
    title = translate("Recovery", "The register may be damaged")
    if backup is None:
        QMessageBox.critical(parent, title, damaged_text(error, None))
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, title, damaged_text(error, backup),
                      QMessageBox.StandardButton.NoButton, parent)
    restore = box.addButton(translate("Recovery", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    has_accounts = worker.run_sync(lambda: stage_backup(backup, target))
    actor = ""
    if has_accounts:
        login = (ask or ask_login)(worker, parent, admin_only=True, note=translate(
            "Recovery", "Restoring needs an administrator. Log in with an administrator's account "
            "of the backup."))
        if login is None:
            worker.run_sync(lambda: discard_stage(target))
            return None
        actor = login[0]
    damaged = worker.run_sync(lambda: swap_in(target))
    return Recovered(actor, backup, damaged)
