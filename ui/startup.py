"""Steps between opening the register and showing the window: the bundled district file,
logging in, what the account may do, and the warnings found at open."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from registry.ops import Changes
from ui.runtime.i18n import translate
from ui.runtime.settings import settings
from ui.runtime.worker import Worker

log = logging.getLogger(__name__)


def apply_bundled_district(actor: str) -> tuple[Changes, list[str]]:
    """On the worker: check and apply the district file an installer carries (it only adds
    streets and communities). What it changed, and the problems found, in Chinese ([] when
    all is well). Applying it is an administrator's: for anyone else it waits, unsaid, for
    the next administrator's start (a clerk can do nothing about it)."""
    from registry.ops.district import apply_district, bundled_district_file, check_district
    from registry.queries.access import may
    from registry.rules.permissions import Action

    path = bundled_district_file()
    if path is None:
        return Changes(), []
    if not may(actor, Action.APPLY_DISTRICT):
        log.info("district file %s left for an administrator", path.name)
        return Changes(), []
    try:
        config, problems = check_district(path)
        if config is None:
            return Changes(), [translate("Startup", "District file “{name}”: {problem}").format(
                name=path.name, problem=p) for p in problems]
        return apply_district(actor, config, path.name), []
    except Exception as exc:  # a bad file never stops the program
        log.exception("district file %s", path)
        return Changes(), [translate("Startup", "District file “{name}” was not applied: {error}").format(
            name=path.name, error=exc)]


def opening_warnings() -> list[str]:
    """On the worker: the warnings the checks at open found, each once."""
    from registry.storage.lifecycle import open_warnings

    seen = list(dict.fromkeys(open_warnings))
    open_warnings.clear()
    return seen


def accounts_exist_now() -> bool:
    from registry.queries.access import accounts_exist

    return accounts_exist()


def show_warnings(parent: QWidget, title: str, lines: list[str]) -> QMessageBox | None:
    """A non-blocking warning dialog (the window stays usable)."""
    if not lines:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n\n".join(lines),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("startup_warnings")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def _seen_key(register: str, notice: str) -> str:
    """Where the user's settings remember that this register's notice was shown."""
    digest = hashlib.sha1(f"{register}\n{notice}".encode()).hexdigest()[:16]
    return f"notices_seen/{digest}"


def notices_to_show(register: str, role: str | None, notices: list[str]) -> list[str]:
    """The storage notices found at open that this user is to read now: an administrator
    (or the one user of a register without accounts) reads each once per register; anyone
    else reads none (a clerk can do nothing about them; they are in the log)."""
    if role not in (None, "admin"):
        for notice in notices:
            log.info("storage notice left for an administrator: %s", notice)
        return []
    store = settings()
    unseen = [n for n in notices if not store.value(_seen_key(register, n), False, type=bool)]
    for notice in unseen:
        store.setValue(_seen_key(register, notice), True)
    return unseen


def show_notices(parent: QWidget, lines: list[str]) -> QMessageBox | None:
    """The administrator's notices, once, over the window as it opens: modal to the window,
    so they come before the work, never in the middle of it."""
    if not lines or not parent.isVisible():  # a window closed before its first rows came tells no one
        return None
    box = QMessageBox(QMessageBox.Icon.Information, translate("Startup", "For the administrator"),
                      translate("Startup", "The checks at start found the following. The register "
                                "can be used as usual; this notice is shown once."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n\n".join(lines))
    box.setObjectName("storage_notices")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def after_show(window: Any, warnings: list[str]) -> None:
    """Once the window is up, on the worker after the first rows: the filter boxes'
    choices and the district file the installer carries (what it adds reaches the window
    as any change does). Then tell the administrator, once, what was found at open and in
    the district file. Never in the status bar: it is the clerk's, for what their own
    work did."""
    ctx = window.ctx
    window.reload_lookups()
    ctx.worker.call(apply_bundled_district, ctx.actor,
                    on_done=lambda found: district_applied(window, *found))
    show_notices(window, notices_to_show(ctx.database_label, ctx.role, warnings))


def district_applied(window: Any, changes: Changes, problems: list[str]) -> None:
    window.ctx.hub.changed.emit(changes)
    if problems:
        show_warnings(window, translate("Startup", "The district file has problems"),
                      [translate("Startup", "The bundled district file was not applied; the "
                                 "program works without it."), *problems])


class LoginRefused(Exception):
    """Logging in without the dialog failed; the message says why, in the program's language."""


def login(worker: Worker, default_actor: str, *, user: str | None = None, password: str | None = None,
          interactive: bool = True) -> tuple[str, str | None] | None:
    """(actor, role): without accounts the system user name (or `user`) and no role; None:
    cancelled. With accounts, `user` and `password` log in without the dialog; when there
    is no one to ask (`interactive` False) they are required, else LoginRefused."""
    if not worker.run_sync(accounts_exist_now):
        return user or default_actor, None
    from registry.rules.permissions import LoginFailed
    from ui.dialogs.login import ask_login, check_login  # the dialog, only where there are accounts

    if user and password:
        try:
            return worker.run_sync(lambda: check_login(user, password))
        except LoginFailed as exc:
            raise LoginRefused(translate("Startup", "Could not log in as {user}: {reason}").format(
                user=user, reason=exc)) from exc
    if not interactive:
        raise LoginRefused(translate(
            "Startup", "This register has accounts. Without a window to log in, give the user name "
                       "with --user NAME and the password in the environment variable "
                       "REGISTRY_PASSWORD."))
    result = ask_login(worker)
    if result is None:
        return None
    return result[0], result[1]


__all__ = ["LoginRefused", "QMessageBox", "after_show", "apply_bundled_district", "district_applied", "login",
           "opening_warnings"]
