"""Writing one roster in the background: the export section and the audit log's 导出 button
share this path (an operation with a delayed cancellable progress dialog; its Changes name
the audit log, where every export is written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from registry.rosters.definitions import ROSTERS
from registry.texts import shown
from ui.runtime import settings
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate
from ui.runtime.progress import BackgroundTask
from ui.runtime.worker import Cancelled, Job

if TYPE_CHECKING:
    from registry.rosters import ExportResult, RosterFilters


def default_target(roster: str) -> Path:
    """The last folder used, and the roster's title with today's date."""
    stamp = dt.date.today().strftime("%Y%m%d")
    return Path(settings.last_folder()) / f"{ROSTERS[roster].title}-{stamp}.xlsx"


def ask_target(parent: QWidget, suggestion: Path) -> Path | None:
    """A save dialog for an .xlsx file; None when the clerk cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("Export", "Save roster as"),
                                          str(suggestion), "Excel (*.xlsx)")
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def start_export(parent: QWidget, ctx: AppContext, roster: str, target: Path, filters: RosterFilters,
                 *, unmasked: bool = False, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> BackgroundTask:
    """Write `roster` to `target` on the worker. On success the folder is opened (when the
    context says so) before `on_done(result)`; `on_error` shows every failure itself."""
    actor = ctx.actor
    settings.remember_folder(target)

    def run(job: Job[ExportResult]) -> ExportResult:
        from registry.rosters.export import ExportCancelled, export_roster  # the writer, when it writes

        try:
            return export_roster(roster, target, actor=actor, filters=filters, unmasked=unmasked,
                                 progress=lambda done, total: job.progress(done, total or 0, ""),
                                 cancelled=lambda: job.cancelled)
        except ExportCancelled as exc:
            raise Cancelled from exc

    def done(result: ExportResult) -> None:
        on_done(result)
        if ctx.open_folders:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent)))

    def failed(error: BaseException) -> bool:
        on_error(error)
        return True

    label = translate("Export", "Writing {title}…").format(title=shown(ROSTERS[roster].title))
    return ctx.run_op(parent, run, done, failed, progress=label, cancellable=True)


def result_text(result: Any) -> str:
    return translate("Export", "Written {rows} rows to {path}").format(rows=result.rows, path=result.path)


def failure_text(error: BaseException) -> str:
    if isinstance(error, Cancelled):
        return translate("Export", "Export cancelled; no file was written.")
    return error_text(error)
