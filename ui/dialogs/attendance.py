"""Attendance at a training: tick people from the social workers and volunteers, or paste
ID numbers one per line (unknown numbers are listed and nothing is saved until they are
fixed); hours credited and passed apply to everyone saved at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from registry.ops import Changes, record_attendance
from registry.queries.choices import Choice, attendance_candidates, people_with_id_numbers
from registry.queries.records import training_hours
from ui.models.lists import hours_text
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate


def save_attendance(actor: str, training_id: int, ticked: list[int], lines: list[str],
                    hours: str, passed: bool) -> dict[str, Any]:
    """On the worker: {"unknown": [...]} when a pasted number is unknown (nothing saved),
    else {"changes": Changes}."""
    found, unknown = people_with_id_numbers(lines)
    if unknown:
        return {"unknown": unknown}
    changes = record_attendance(actor, training_id, [*ticked, *found],
                                hours_credited=hours or None, passed=passed)
    return {"changes": changes}


class AttendanceDialog(QDialog):
    def __init__(self, ctx: AppContext, training_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.training_id = ctx, training_id
        self.ticked: dict[int, str] = {}
        self.busy = False
        self.setWindowTitle(translate("Forms", "Attendance: {title}").format(title=title))
        self.resize(620, 560)
        self.filter = QLineEdit()
        self.filter.setObjectName("people_filter")
        self.filter.setPlaceholderText(translate("Forms", "Name or start of the ID number"))
        self.people = QListWidget()
        self.people.setObjectName("people")
        self.people.itemChanged.connect(self._ticked)
        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        pick_layout.addWidget(self.filter)
        pick_layout.addWidget(self.people, 1)
        self.pasted = QPlainTextEdit()
        self.pasted.setObjectName("pasted_ids")
        self.pasted.setPlaceholderText(translate("Forms", "One ID number per line"))
        self.tabs = QTabWidget()
        self.tabs.addTab(pick, translate("Forms", "Tick from the list"))
        self.tabs.addTab(self.pasted, translate("Forms", "Paste ID numbers"))
        self.count = QLabel()
        self.count.setObjectName("ticked_count")
        self.hours = QLineEdit()
        self.hours.setObjectName("hours_credited")
        self.passed = QCheckBox(translate("Forms", "Passed"))
        self.passed.setObjectName("passed")
        self.passed.setChecked(True)
        form = QFormLayout()
        form.addRow(translate("Forms", "Hours credited"), self.hours)
        form.addRow("", self.passed)
        self.message = QLabel()
        self.message.setObjectName("attendance_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("Forms", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.count)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        ctx.worker.call(training_hours, training_id, on_done=self._training_hours)
        self.search()
        self._update_count()

    def _training_hours(self, hours: Any) -> None:
        self.hours.setPlaceholderText(translate("Forms", "the training's {hours} h").format(hours=hours_text(hours)))

    def search(self) -> None:
        text = self.filter.text().strip()
        self.ctx.worker.call(attendance_candidates, text, self.ctx.actor, on_done=self._listed)

    def _listed(self, people: tuple[Choice, ...]) -> None:
        self.people.blockSignals(True)
        self.people.clear()
        for person in people:
            item = QListWidgetItem(person.label)
            item.setData(Qt.ItemDataRole.UserRole, person.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.value in self.ticked
                               else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        pid = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.ticked[pid] = item.text()
        else:
            self.ticked.pop(pid, None)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(translate("Forms", "{count} people ticked").format(count=len(self.ticked)))

    def save(self) -> None:
        lines = self.pasted.toPlainText().splitlines()
        if self.busy:
            return
        if not self.ticked and not any(line.strip() for line in lines):
            self.message.setText(translate("Forms", "Tick people or paste ID numbers first."))
            return
        self.busy = True
        args = (self.ctx.actor, self.training_id, list(self.ticked), lines, self.hours.text().strip(),
                self.passed.isChecked())
        self.ctx.worker.call(save_attendance, *args, on_done=self._saved, on_error=self._failed)

    def _saved(self, result: dict[str, Any]) -> None:
        self.busy = False
        if "unknown" in result:
            self.tabs.setCurrentIndex(1)
            self.message.setText(translate(
                "Forms", "These ID numbers are not in the register; nothing was saved. Correct or "
                "remove them, or register the people first:") + "\n" + "\n".join(result["unknown"]))
            return
        changes: Changes = result["changes"]
        self.ctx.announce(changes)  # as run_op does; this dialog shows its own failures inline
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(error))
