"""Data import (数据导入), a three-step wizard: choose the file, see every problem row by
row, then import the valid rows (or cancel) and keep the workbook of rejected rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry.importer import KINDS, ImportResult, commit_import, preview_import, write_error_workbook, write_template
from registry.importer.model import CREATE, REJECT, UNCHANGED, UPDATE
from registry.texts import shown
from ui.runtime import settings
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.runtime.progress import BackgroundTask
from ui.runtime.worker import Job
from ui.sections.base import ROW_HEIGHT, Section

MAX_PROBLEM_ROWS = 5000  # shown in the table; the error workbook has them all


class ImportSection(Section):
    key = "import"

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.preview: Any = None
        self.result: Any = None
        self.task: BackgroundTask | None = None
        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_page())
        self.steps.addWidget(self._preview_page())
        self.steps.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-weight: bold; color: #2c5d8f;")
        layout.addWidget(self.step_label)
        layout.addWidget(self.steps, 1)
        self.go(0)

    def go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        labels = [translate("Import", "Step 1 of 3: choose the spreadsheet"),
                  translate("Import", "Step 2 of 3: check every row"),
                  translate("Import", "Step 3 of 3: done")]
        self.step_label.setText(labels[step])
        self.status_changed.emit()

    # --- step 1 ------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("import_kind")
        for name, kind in KINDS.items():
            self.kind.addItem(shown(kind.label), name)
        self.file = QLineEdit()
        self.file.setObjectName("import_file")
        browse = QPushButton(icon("folder"), translate("Import", "Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form.addRow(translate("Import", "What the spreadsheet holds"), self.kind)
        form.addRow(translate("Import", "Spreadsheet"), row)
        self.preview_button = QPushButton(icon("search"), translate("Import", "Check the rows"))
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.start_preview)
        self.guard(self.preview_button, "import")
        template = QPushButton(icon("template"), translate("Import", "Save an empty template…"))
        template.setObjectName("template")
        template.clicked.connect(self._template)
        self.choose_message = QLabel()
        self.choose_message.setWordWrap(True)
        self.choose_message.setObjectName("choose_message")
        intro = QLabel(translate(
            "Import", "Import the rosters you already keep in Excel (.xlsx, .xls) or CSV. Nothing is "
            "written until you have seen every row and chosen to import. People are merged on their "
            "ID number, never entered twice."))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(template)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.choose_message)
        layout.addStretch(1)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("Import", "Choose a spreadsheet"),
                                              settings.last_folder(),
                                              translate("Import", "Spreadsheets (*.xlsx *.xls *.csv)"))
        if path:
            self.file.setText(path)

    def _template(self) -> None:
        kind = self.kind.currentData()
        default = str(Path(settings.last_folder()) / f"{KINDS[kind].label}导入模板.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, translate("Import", "Save template as"), default,
                                              "Excel (*.xlsx)")
        if path:
            settings.remember_folder(path)
            self.ctx.worker.call(write_template, kind, path, on_done=lambda _r: self.choose_message.setText(
                translate("Import", "Template saved: {path}").format(path=path)),
                on_error=lambda e: self.choose_message.setText(error_text(e)))

    def start_preview(self) -> None:
        kind, path = self.kind.currentData(), self.file.text().strip()
        if not path or not Path(path).is_file():
            self.choose_message.setText(translate("Import", "Choose an existing spreadsheet first."))
            return
        settings.remember_folder(path)
        self.choose_message.setText("")

        def run(job: Job[Any]) -> Any:
            preview = preview_import(kind, path)
            job.check()
            return preview, preview.problems

        self.task = BackgroundTask(self, self.ctx.worker, run,
                                   translate("Import", "Reading and checking the rows…"),
                                   on_done=self._previewed,
                                   on_error=lambda e: self.choose_message.setText(error_text(e)))

    # --- step 2 ------------------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        self.problems = QTableWidget(0, 5)
        self.problems.setObjectName("import_problems")
        self.problems.setHorizontalHeaderLabels([
            translate("Import", "Row"), translate("Import", "Column"), translate("Import", "Value"),
            translate("Import", "Kind"), translate("Import", "Problem")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A problem is read whole: wrapped over as many lines as it needs (rows sized to
        # their text, again when the columns change width), every cell's full text on hover.
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.problems.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.problems.verticalHeader().hide()
        self.problems.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((50, 100, 150, 50)):
            self.problems.setColumnWidth(col, width)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(60)
        self._fit_rows.timeout.connect(self.problems.resizeRowsToContents)
        self.problems.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows.start())
        self.problems_hint = QLabel(translate(
            "Import", "Point at a cell to read all of it. The rejected rows, each with its reasons in "
                      "full, are also in the workbook that “Save the rejected rows…” writes."))
        self.problems_hint.setObjectName("import_problems_hint")
        self.problems_hint.setWordWrap(True)
        self.problems_hint.setStyleSheet("color: #555;")
        self.import_button = QPushButton(icon("approve"), translate("Import", "Import the valid rows"))
        self.import_button.setObjectName("commit")
        self.import_button.clicked.connect(self.commit)
        errors = QPushButton(icon("template"), translate("Import", "Save the rejected rows…"))
        errors.setObjectName("save_errors")
        errors.clicked.connect(self._save_errors)
        cancel = QPushButton(translate("Import", "Cancel"))
        cancel.setObjectName("cancel_import")
        cancel.clicked.connect(lambda: self.go(0))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(errors)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.problems_hint)
        layout.addLayout(buttons)
        return page

    def _previewed(self, result: tuple[Any, list[Any]]) -> None:
        self.preview, problems = result
        p = self.preview
        self.counts.setText(translate(
            "Import", "{rows} rows read: {new} new, {update} to update, {same} unchanged, "
            "{reject} rejected. {problems} problems listed below (rejected rows in red).").format(
            rows=len(p.rows), new=p.count(CREATE), update=p.count(UPDATE), same=p.count(UNCHANGED),
            reject=p.count(REJECT), problems=len(problems)) + "".join("\n" + n for n in p.notes))
        shown = problems[:MAX_PROBLEM_ROWS]
        self.problems.setRowCount(len(shown))
        for i, problem in enumerate(shown):
            kind = translate("Import", "error") if problem.is_error else translate("Import", "reminder")
            for c, value in enumerate((str(problem.row), problem.column, problem.value, kind,
                                       problem.message)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if problem.is_error:
                    item.setForeground(_red())
                self.problems.setItem(i, c, item)
        self.problems.resizeRowsToContents()
        self.import_button.setEnabled(p.count(CREATE) + p.count(UPDATE) > 0 and self.ctx.may("import"))
        self.go(1)

    def _save_errors(self) -> None:
        if self.preview is None:
            return
        default = str(Path(settings.last_folder()) / f"{Path(self.preview.path).stem}-错误清单.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, translate("Import", "Save rejected rows as"),
                                              default, "Excel (*.xlsx)")
        if path:
            self.save_errors_to(path)

    def save_errors_to(self, path: str) -> None:
        preview, actor = self.preview, self.ctx.actor

        def write(preview: Any, path: str) -> int:  # numbers masked unless the actor may see them
            from registry.queries.masking import masker_for

            return write_error_workbook(preview, path, masker_for(actor, reveal=True))

        self.ctx.worker.call(write, preview, path, on_done=lambda n: self.counts.setText(
            self.counts.text() + "\n" + translate("Import", "{count} rejected rows saved to {path}").format(
                count=n, path=path)))

    def commit(self) -> None:
        preview, actor = self.preview, self.ctx.actor
        self.import_button.setEnabled(False)

        def run(job: Job[ImportResult]) -> ImportResult:
            from ui.runtime.backups import backup_if_sqlite

            def backup() -> None:
                job.progress(0, 0, translate("Import", "Backing up the register before the import…"))
                backup_if_sqlite("import")
                job.progress(0, 0, translate("Import", "Importing…"))

            return commit_import(preview, actor=actor, skip_invalid=True, before_write=backup)

        self.task = self.ctx.run_op(self, run, self._committed, self._commit_failed,
                                    progress=translate("Import", "Importing…"))

    def _commit_failed(self, error: BaseException) -> bool:
        self.import_button.setEnabled(True)
        self.counts.setText(error_text(error))
        return True  # shown on the page

    # --- step 3 ------------------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName("import_done")
        self.done_label.setWordWrap(True)
        again = QPushButton(translate("Import", "Import another spreadsheet"))
        again.clicked.connect(lambda: self.go(0))
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addWidget(again)
        layout.addStretch(1)
        return page

    def _committed(self, result: ImportResult) -> None:  # its Changes are announced
        self.result = result
        self.done_label.setText(translate(
            "Import", "Read {read} rows: {created} added, {updated} updated, {unchanged} unchanged, "
            "{rejected} rejected.").format(read=result.read, created=result.created,
                                           updated=result.updated, unchanged=result.unchanged,
                                           rejected=result.rejected)
            + "".join("\n" + n for n in result.notes))
        self.go(2)

    def status_text(self) -> str:
        return self.step_label.text()


def _red() -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor("#b00020"))
