"""Writing a certificate's PDF where the clerk chooses (the folder is remembered) and
offering to open it; the same for a reprint, which the core logs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from registry.ops import Changes
from registry.queries.certificates import certificate_number
from ui.runtime import settings
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

FOLDER_KEY = "paths/certificates"


def certificate_folder() -> str:
    value = str(settings.settings().value(FOLDER_KEY, "") or "")
    if value and Path(value).is_dir():
        return value
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


@dataclass(frozen=True)
class WrittenCertificate:
    path: str
    changes: Changes  # a reprint is logged; a first print changes nothing


def write_pdf(actor: str, certificate_id: int, path: str, reprint: bool,
              full_number: bool = False) -> WrittenCertificate:
    """On the worker: (log the reprint and) write the PDF; its ID number masked unless an
    account that may unmask asked for it whole (the core logs that)."""
    from registry.certificates.pdf import write_stored_certificate_pdf
    from registry.ops.certificates import record_reprint

    changes = record_reprint(actor, certificate_id) if reprint else Changes()
    written = write_stored_certificate_pdf(certificate_id, Path(path), actor=actor, full_number=full_number)
    return WrittenCertificate(str(written), changes)


def save_certificate(ctx: AppContext, parent: QWidget, certificate_id: int, reprint: bool = False,
                     full_number: bool = False) -> None:
    ctx.worker.call(certificate_number, certificate_id,
                    on_done=lambda number: _ask_path(ctx, parent, certificate_id, number, reprint,
                                                     full_number))


def _ask_path(ctx: AppContext, parent: QWidget, certificate_id: int, number: str, reprint: bool,
              full_number: bool = False) -> None:
    default = str(Path(certificate_folder()) / f"志愿服务证明-{number}.pdf")
    path, _ = QFileDialog.getSaveFileName(parent, translate("Certificates", "Save the certificate as"),
                                          default, "PDF (*.pdf)")
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    settings.settings().setValue(FOLDER_KEY, str(Path(path).parent))
    actor = ctx.actor

    parent._certificate_task = ctx.run_op(  # type: ignore[attr-defined]  # kept alive while it runs
        parent, lambda _job: write_pdf(actor, certificate_id, path, reprint, full_number),
        lambda written: offer_open(ctx, parent, written.path),
        progress=translate("Certificates", "Writing the certificate…"))


def offer_open(ctx: AppContext, parent: QWidget, path: str) -> None:
    answer = QMessageBox.question(parent, translate("Certificates", "Certificate saved"),
                                  translate("Certificates", "The certificate was saved to\n{path}\n\n"
                                            "Open it now to print?").format(path=path))
    if answer == QMessageBox.StandardButton.Yes and ctx.open_folders:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
