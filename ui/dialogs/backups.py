"""备份与恢复: the register's backups, a backup now, and (administrators) a restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.runtime.backups import AutoBackup, backup_if_sqlite, backup_state
from ui.runtime.context import AppContext, show_error
from ui.runtime.i18n import tr_noop, translate
from ui.runtime.icons import icon
from ui.runtime.permissions import refusal_text
from ui.runtime.progress import BackgroundTask

REASONS = {
    "auto": tr_noop("Backups", "Automatic"),
    "close": tr_noop("Backups", "On closing"),
    "import": tr_noop("Backups", "Before an import"),
    "manual": tr_noop("Backups", "By hand"),
    "before-import": tr_noop("Backups", "Before an import"),
    "before-restore": tr_noop("Backups", "Before a restore"),
}
SEALED_FILTER = tr_noop("Backups", "Encrypted backups (*.enc)")
BACKUP_FILTER = tr_noop("Backups", "Backups (*.zst *.sqlite3 *.enc);;All files (*)")


def reason_label(path: Path) -> str:
    from registry.storage.backup import read_backup_name

    reason = (read_backup_name(path) or ("", None, ""))[2]
    return translate("Backups", REASONS[reason]) if reason in REASONS else reason


def register_label(name: str, own: str) -> str:
    """Which register a backup is of, as its file name says: this one's name, or that it is
    from before backups named their register."""
    return name if name == own else translate("Backups", "not named (an older backup)")


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


class BackupDialog(QDialog):
    def __init__(self, ctx: AppContext, auto: AutoBackup | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.auto = ctx, auto
        self.state: dict[str, Any] = {}
        self.task: BackgroundTask | None = None
        self.setWindowTitle(translate("Backups", "Backup and restore"))
        self.resize(820, 460)  # a backup's whole file name (register, time, why) in its column
        self.info = QLabel()
        self.info.setObjectName("backup_info")
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([translate("Backups", "Made at"), translate("Backups", "Why"),
                                              translate("Backups", "Of the register"), translate("Backups", "Size"),
                                              translate("Backups", "File")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 90, 120, 70)):
            self.table.setColumnWidth(col, width)
        self.backup_button = QPushButton(icon("save"), translate("Backups", "Back up now"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.backup_button.setEnabled(ctx.may("backup"))  # a clerk's: a viewer changes nothing
        self.restore_button = QPushButton(icon("correct"), translate("Backups", "Restore from backup…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setVisible(ctx.may("restore"))
        self.restore_file_button = QPushButton(icon("folder"), translate("Backups", "Restore from a file…"))
        self.restore_file_button.setObjectName("restore_file")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.restore_file_button.setVisible(ctx.may("restore"))
        self.export_button = QPushButton(icon("save"), translate("Backups", "Export an encrypted backup…"))
        self.export_button.setObjectName("export_encrypted")
        self.export_button.setToolTip(translate(
            "Backups", "For a USB stick or the district: a backup no one can read without its passphrase."))
        self.export_button.clicked.connect(self.export_encrypted)
        self.export_button.setEnabled(ctx.may("backup"))
        self.folder_button = QPushButton(icon("folder"), translate("Backups", "Open the folder"))
        self.folder_button.clicked.connect(self._open_folder)
        close = QPushButton(translate("Backups", "Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.export_button, self.restore_button, self.restore_file_button,
                  self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.ctx.worker.call(backup_state, on_done=self._show)

    def _show(self, state: dict[str, Any]) -> None:
        self.state = state
        if not state["sqlite"]:
            self.info.setText(translate(
                "Backups", "This register is kept on a shared database server (PostgreSQL). The "
                "server's administrator backs it up; this program makes no file backups of it."))
            self.table.hide()
            for b in (self.backup_button, self.export_button, self.restore_button, self.restore_file_button,
                      self.folder_button):
                b.setEnabled(False)
            return
        self.info.setText(translate(
            "Backups", "Backups are made every 30 minutes while data changes, when the program "
            "closes and before every import. Each is compressed and checked; all of the last 24 hours "
            "are kept, then one a day, a week and a month, within the room on the disk.\n"
            "Register: {register}\nBackups folder: {folder}").format(register=state["register"],
                                                                     folder=state["folder"]))
        rows = state["backups"]
        self.table.setRowCount(len(rows))
        for i, (stamp, path, size, name) in enumerate(rows):
            for c, text in enumerate((stamp.strftime("%Y-%m-%d %H:%M:%S"), reason_label(path),
                                      register_label(name, state["name"]), size_text(size), path.name)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(path) if c == 4 else text)
                self.table.setItem(i, c, item)
        if rows:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(rows) and self.ctx.may("restore"))

    def _busy(self, busy: bool) -> None:
        sqlite = self.state.get("sqlite", False)
        self.backup_button.setEnabled(not busy and sqlite and self.ctx.may("backup"))
        self.export_button.setEnabled(not busy and sqlite and self.ctx.may("backup"))
        self.restore_button.setEnabled(not busy and self.ctx.may("restore") and bool(self.state.get("backups")))
        self.restore_file_button.setEnabled(not busy and sqlite and self.ctx.may("restore"))

    def backup_now(self) -> None:
        if not self.ctx.may("backup"):  # the button is disabled; a shortcut must not get round it
            QMessageBox.information(self, translate("Backups", "Backup and restore"),
                                    refusal_text(self.ctx.role, "backup"))
            return
        self._busy(True)

        def done(path: Path | None) -> None:
            if self.auto is not None:
                self.auto.mark_done(path)
            self._busy(False)
            self.reload()

        def failed(error: BaseException) -> None:
            self._busy(False)
            show_error(self, error)

        self.task = BackgroundTask(self, self.ctx.worker, lambda _job: backup_if_sqlite("manual"),
                                   translate("Backups", "Backing up the register…"), cancellable=False,
                                   on_done=done, on_error=failed)

    def selected_backup(self) -> tuple[Any, Path] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.state.get("backups"):
            return None
        stamp, path, _size, _name = self.state["backups"][rows[0].row()]
        return stamp, path

    def confirm_text(self, stamp: Any, path: Path) -> str:
        return translate(
            "Backups", "Replace ALL the data of the register\n{register}\nwith the backup made at "
            "{when} ({name})?\n\nEverything entered after that backup will be gone from the "
            "register. What is replaced is backed up first, so this can be undone.").format(
            register=self.state["register"], when=stamp.strftime("%Y-%m-%d %H:%M"), name=path.name)

    def restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is None:
            return
        stamp, path = chosen
        answer = QMessageBox.warning(self, translate("Backups", "Restore from backup"),
                                     self.confirm_text(stamp, path),
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.start_restore(path)

    def export_encrypted(self) -> None:
        """导出加密备份: where to, a passphrase (twice), then a checked backup sealed with it."""
        import datetime as dt

        from ui.dialogs.passphrase import ask_passphrase
        from ui.runtime import settings

        if not (self.ctx.may("backup") and self.state.get("sqlite")):
            return
        default = Path(settings.last_folder()) / translate("Backups", "{name}-{when}-encrypted.enc").format(
            name=self.state["name"], when=f"{dt.datetime.now():%Y%m%d-%H%M}")
        chosen, _ = QFileDialog.getSaveFileName(self, translate("Backups", "Export an encrypted backup"),
                                                str(default), translate("Backups", SEALED_FILTER))
        if chosen:
            passphrase = ask_passphrase(self, new=True)
            if passphrase is not None:
                self.start_export(Path(chosen), passphrase)

    def start_export(self, target: Path, passphrase: str) -> None:
        from registry.ops.copies import export_encrypted

        actor = self.ctx.actor
        self._busy(True)

        def done(path: Path) -> None:
            self._busy(False)
            QMessageBox.information(self, translate("Backups", "Encrypted backup exported"), translate(
                "Backups", "The encrypted backup was saved as\n{path}\n\nKeep its passphrase apart from the "
                "file: without it the backup cannot be restored.").format(path=path))

        def failed(error: BaseException) -> None:
            self._busy(False)
            show_error(self, error)

        self.task = BackgroundTask(self, self.ctx.worker, lambda _job: export_encrypted(actor, target, passphrase),
                                   translate("Backups", "Exporting an encrypted backup…"), cancellable=False,
                                   on_done=done, on_error=failed)

    def restore_from_file(self) -> None:
        """A backup from anywhere (a USB stick, the district): compressed, plain or encrypted."""
        from registry.storage.backup_files import Kind, kind_of
        from ui.dialogs.passphrase import ask_passphrase

        if not self.ctx.may("restore"):
            return
        chosen, _ = QFileDialog.getOpenFileName(self, translate("Backups", "Restore from a file"), "",
                                                translate("Backups", BACKUP_FILTER))
        if not chosen:
            return
        path, passphrase = Path(chosen), None
        if kind_of(path) is Kind.SEALED:
            passphrase = ask_passphrase(self, new=False)
            if passphrase is None:
                return
        answer = QMessageBox.warning(self, translate("Backups", "Restore from backup"), translate(
            "Backups", "Replace ALL the data of the register\n{register}\nwith the backup in\n{name}?\n\n"
            "Everything entered after that backup will be gone from the register. What is replaced is "
            "backed up first, so this can be undone.").format(register=self.state["register"], name=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.start_restore(path, passphrase)

    def start_restore(self, path: Path, passphrase: str | None = None) -> None:
        from registry.ops.backups import Restored, restore

        actor = self.ctx.actor
        self._busy(True)

        def done(restored: Restored) -> None:  # its Changes: everything, every screen reloads
            self._busy(False)
            if self.auto is not None:
                self.auto.mark_done(restored.saved)
            self.reload()
            QMessageBox.information(self, translate("Backups", "Restored"), translate(
                "Backups", "The register was restored from {name}. The data it replaced was "
                "backed up to {saved}.").format(name=path.name, saved=restored.saved))

        def failed(_error: BaseException) -> bool:
            self._busy(False)
            return False  # run_op shows it

        self.task = self.ctx.run_op(self, lambda _job: restore(actor, path, passphrase), done, failed,
                                    progress=translate("Backups", "Restoring the register…"))

    def _open_folder(self) -> None:
        folder = self.state.get("folder")
        if folder and self.ctx.open_folders:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
