"""登记库设置 (administrators): which star, continuing-education and rounding rules the
register uses, and how long deactivated people's personal data is kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from registry.ops import Changes, save_settings
from registry.ops.retention import KINDS, RetentionReport, apply_retention, setting_key
from registry.queries.presets import PresetChoice, get_setting, preset_choices
from ui.runtime.context import AppContext, error_text
from ui.runtime.i18n import translate
from ui.runtime.progress import BackgroundTask

PRESET_KEYS = ("star_preset", "ce_preset", "rounding_preset")
CHOICES = "choices"  # in current_settings(): setting key → the presets it may name


def current_settings() -> dict[str, Any]:
    """On the worker: the chosen presets, every preset each may name (shipped and the
    district's own) and the retention years of each kind."""
    values: dict[str, Any] = {key: get_setting(key) for key in PRESET_KEYS}
    values[CHOICES] = preset_choices()
    for kind in KINDS:
        values[kind] = int(get_setting(setting_key(kind), "0") or 0)
    return values


def source_text(choice: PresetChoice) -> str:
    """Where a preset comes from and when it takes effect, as the dialog shows it."""
    source = choice.source or translate("Settings", "unknown")
    if choice.effective is None:
        text = translate("Settings", "Source: {source}; in force from: unknown").format(source=source)
    else:
        text = translate("Settings", "Source: {source}; in force from {date}").format(
            source=source, date=choice.effective.isoformat())
    if not choice.shipped:
        text = translate("Settings", "Defined by the district file. {text}").format(text=text)
    return text


class RegisterSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: dict[str, Any] = {}
        self.task: BackgroundTask | None = None
        self.report: RetentionReport | None = None
        self.setWindowTitle(translate("Settings", "Register settings"))
        self.setMinimumWidth(620)
        self.resize(860, 420)
        rules = QFormLayout()
        self.presets: dict[str, QComboBox] = {}
        self.sources: dict[str, QLabel] = {}  # under each choice: its source and date
        self.choices: dict[str, list[PresetChoice]] = {}
        for key, label in (("star_preset", translate("Settings", "Volunteer star levels")),
                           ("ce_preset", translate("Settings", "Continuing education")),
                           ("rounding_preset", translate("Settings", "Rounding of service hours"))):
            box = QComboBox()
            box.setObjectName(key)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(30)
            source = QLabel()
            source.setObjectName(f"{key}_source")
            source.setWordWrap(True)
            source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.currentIndexChanged.connect(self.show_source)
            rules.addRow(label, box)
            rules.addRow("", source)
            self.presets[key] = box
            self.sources[key] = source
        rules_note = QLabel(translate("Settings", "A new star standard recomputes every volunteer's star "
                                      "level; a new continuing-education standard recounts every "
                                      "social worker's hours."))
        rules_note.setWordWrap(True)
        rules.addRow(rules_note)
        rules_box = QGroupBox(translate("Settings", "Rules"))
        rules_box.setLayout(rules)

        keep = QFormLayout()
        self.years: dict[str, QSpinBox] = {}
        for kind, label in (("volunteer", translate("Settings", "Deactivated volunteers")),
                            ("social_worker", translate("Settings", "Deactivated social workers"))):
            spin = QSpinBox()
            spin.setObjectName(f"retention_{kind}")
            spin.setRange(0, 100)
            spin.setSuffix(translate("Settings", " years"))
            spin.setSpecialValueText(translate("Settings", "Keep for ever"))
            keep.addRow(label, spin)
            self.years[kind] = spin
        keep_note = QLabel(translate("Settings", "After these years their name, ID number, phone and "
                                     "address are erased; their service hours stay. Someone who still "
                                     "holds another role is kept."))
        keep_note.setWordWrap(True)
        keep.addRow(keep_note)
        self.apply_button = QPushButton(translate("Settings", "Apply now…"))
        self.apply_button.setObjectName("apply_retention")
        self.apply_button.clicked.connect(self.apply_now)
        keep.addRow(self.apply_button)
        keep_box = QGroupBox(translate("Settings", "Keeping personal data"))
        keep_box.setLayout(keep)

        self.message = QLabel()
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("Settings", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Settings", "Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(rules_box)
        layout.addWidget(keep_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._set_busy(True)
        ctx.worker.call(current_settings, on_done=self._loaded, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.apply_button.setEnabled(not busy)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.choices = values.pop(CHOICES)
        self.saved = values
        for key, box in self.presets.items():
            box.blockSignals(True)
            box.clear()
            for choice in self.choices[key]:
                box.addItem(choice.label, choice.name)
                box.setItemData(box.count() - 1, "\n".join((choice.label, choice.values, source_text(choice))),
                                Qt.ItemDataRole.ToolTipRole)
            box.setCurrentIndex(max(0, box.findData(values[key])))
            box.blockSignals(False)
        self.show_source()
        for kind, spin in self.years.items():
            spin.setValue(values[kind])
        self._set_busy(False)

    @Slot()
    def show_source(self) -> None:
        """Under each choice: the source and the date of the preset chosen."""
        for key, box in self.presets.items():
            chosen = next((c for c in self.choices.get(key, ()) if c.name == box.currentData()), None)
            self.sources[key].setText(source_text(chosen) if chosen is not None else "")

    def changed(self) -> dict[str, Any]:
        """What differs from the saved settings."""
        wanted: dict[str, Any] = {key: box.currentData() for key, box in self.presets.items()}
        wanted.update({kind: spin.value() for kind, spin in self.years.items()})
        return {key: value for key, value in wanted.items() if self.saved.get(key) != value}

    @Slot()
    def save(self) -> None:
        self.save_then(None)

    def save_then(self, then: Any) -> None:
        """Save what changed on the worker, then call `then()` (if given)."""
        changed, actor = self.changed(), self.ctx.actor
        if not changed:
            self.message.setText(translate("Settings", "Nothing changed."))
            if then is not None:
                then()
            return

        def done(_changes: Changes) -> None:
            self.saved.update(changed)
            self._set_busy(False)
            self.message.setText(translate("Settings", "Saved."))
            if then is not None:
                then()

        self._set_busy(True)
        self.message.setText("")
        self.task = self.ctx.run_op(self, lambda _job: save_settings(actor, changed), done, self._failed,
                                    progress=translate("Settings", "Saving the settings…"))

    def retention_text(self, kind: str) -> str:
        years = self.years[kind].value()
        if not years:
            return translate("Settings", "kept for ever")
        return translate("Settings", "erased {years} years after deactivation").format(years=years)

    @Slot()
    def apply_now(self) -> None:
        if not any(spin.value() for spin in self.years.values()):
            self.message.setText(translate("Settings", "No retention period is set; nothing is erased."))
            return
        question = translate(
            "Settings", "Erase now the personal data that is due?\n\nVolunteers: {volunteer}\n"
            "Social workers: {social_worker}\n\nService hours stay. Unsaved changes in this dialog "
            "are saved first. This cannot be undone.").format(
            volunteer=self.retention_text("volunteer"), social_worker=self.retention_text("social_worker"))
        if QMessageBox.question(self, translate("Settings", "Apply retention"),
                                question) != QMessageBox.StandardButton.Yes:
            return
        self.save_then(self._erase)

    def _erase(self) -> None:
        actor = self.ctx.actor
        self._set_busy(True)
        self.task = self.ctx.run_op(self, lambda _job: apply_retention(actor), self._erased, self._failed,
                                    progress=translate("Settings", "Erasing personal data…"))

    def _erased(self, report: RetentionReport) -> None:
        self.report = report
        self._set_busy(False)
        self.message.setText(translate(
            "Settings", "Erased: {volunteers} volunteers, {workers} social workers; kept because they "
            "hold another role: {kept}.").format(volunteers=report.erased.get("volunteer", 0),
                                                 workers=report.erased.get("social_worker", 0),
                                                 kept=report.kept_for_other_roles))

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        self.message.setText(error_text(error))
        return True  # shown in the dialog
