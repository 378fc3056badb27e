"""Hours for a whole activity: pick the activity (newest first, searchable), paste the
attendees' ID numbers or names; the hours come from the activity's times with the
district's rounding preset. A name that several volunteers carry ticks nobody: the clerk
picks among them, seeing sex, birth year, community and masked ID (widgets/attendee_list.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from registry import ops
from registry.ops import Changes
from registry.queries.choices import Choice, Matches, active_volunteers_for, recent_activities
from registry.queries.records import activity_hours
from registry.rules.vocab import SERVICE_CATEGORIES
from ui.dialogs.checks import decimal_check, int_check
from ui.dialogs.dialog import RecordDialog
from ui.dialogs.form import choices
from ui.models.lists import hours_text
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.widgets.attendee_list import AttendeeList
from ui.widgets.choice_box import make_searchable


class ActivityHoursDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Hours for an activity"), parent)
        f = self.form
        self.activity = make_searchable(f.add_choice("activity", translate("Forms", "Activity"), [], empty=None))
        self.activity.setObjectName("activity")
        line = self.activity.lineEdit()
        if line is not None:
            line.setPlaceholderText(translate("Forms", "Type part of a date or name to find it"))
        new = QPushButton(translate("Forms", "New activity…"))
        new.clicked.connect(self._new_activity)
        f.layout_.addRow("", new)
        f.add_text("hours", translate("Forms", "Hours per attendee"), decimal_check("hours", "服务时长"))
        self.paste = QPlainTextEdit()
        self.paste.setObjectName("paste")
        self.paste.setPlaceholderText(translate("Forms", "Paste ID numbers or type names, one a line"))
        self.paste.setFixedHeight(80)
        # its row as high as the box: an expanding row centred it below its label, with a gap above
        self.paste.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        add = QPushButton(translate("Forms", "Add to the list"))
        add.setObjectName("add_people")
        add.clicked.connect(self._add_people)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.paste, 1)
        box.addWidget(add)
        f.layout_.addRow(translate("Forms", "Attendees"), row)
        self.attendees = AttendeeList()
        self.attendees.setMinimumHeight(220)
        f.layout_.addRow("", self.attendees)
        self.ticked = QLabel()
        self.ticked.setObjectName("ticked_count")
        f.layout_.addRow("", self.ticked)
        self.attendees.ticked_changed.connect(self._show_ticked)
        self._show_ticked(0)
        self.activity.currentIndexChanged.connect(self._activity_changed)
        self._reload_activities()

    def _reload_activities(self, select: int | None = None) -> None:
        def done(activities: tuple[Choice, ...]) -> None:
            self.activity.blockSignals(True)
            self.activity.clear()
            for choice in activities:
                self.activity.addItem(choice.label, choice.value)
            self.activity.blockSignals(False)
            # the newest activity that has begun: hours are recorded after the event
            today = dt.date.today()
            begun = next((i for i, c in enumerate(activities) if c.day is None or c.day <= today), -1)
            wanted = self.activity.findData(select) if select is not None else begun
            self.activity.setCurrentIndex(wanted)
            self._activity_changed()
        self.ctx.worker.call(recent_activities, on_done=done)

    def _activity_changed(self) -> None:
        activity_id = self.activity.currentData()
        if activity_id is not None:
            self.ctx.worker.call(activity_hours, activity_id,
                                 on_done=lambda h: self.form.set_value("hours", hours_text(h)))

    def _new_activity(self) -> None:
        dialog = ActivityDialog(self.ctx, self)
        if dialog.exec() and dialog.last_changes is not None:
            self._reload_activities(dialog.last_changes.id)

    def _show_ticked(self, count: int) -> None:
        self.ticked.setText(translate("Forms", "{count} people ticked").format(count=count))

    def _add_people(self) -> None:
        lines = [t.strip() for t in self.paste.toPlainText().splitlines() if t.strip()]
        if lines:
            self.ctx.worker.call(active_volunteers_for, lines, self.ctx.actor, on_done=self._people_found)

    def _people_found(self, matches: Matches) -> None:
        self.attendees.add_found(matches.found)
        for group in matches.namesakes:
            self.attendees.add_namesakes(group)
        self.paste.setPlainText("\n".join(matches.missing))
        self._show_ticked(len(self.attendees.checked()))
        parts = []
        if matches.namesakes:
            parts.append(translate("Forms", "Not ticked, as these name more than one volunteer: {items}. "
                                   "Tick in the list who took part.").format(
                items="、".join(translate("Forms", "{name} ({count})").format(
                    name=g.text, count=len(g.candidates)) for g in matches.namesakes)))
        if matches.missing:
            parts.append(translate("Forms", "Not found among active volunteers (left in the box above): "
                                   "{items}").format(items="、".join(matches.missing)))
        self.show_banner("\n".join(parts))

    def checked(self) -> list[int]:
        return self.attendees.checked()

    def save(self) -> None:
        undecided = self.attendees.undecided()
        if undecided and not self.busy and QMessageBox.question(
                self, translate("Forms", "Hours for an activity"),
                translate("Forms", "Nobody is ticked for {names}: they get no hours. Save anyway?").format(
                    names="、".join(undecided)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        super().save()

    def operation(self) -> Callable[[], Changes]:
        activity_id, hours, ids = self.activity.currentData(), self.form.value("hours"), self.checked()
        actor = self.ctx.actor

        def run() -> Changes:
            if activity_id is None:
                raise ops.RegistryError(translate("Forms", "Choose an activity first."))
            return ops.record_activity_hours(actor, activity_id, ids, hours or None)
        return run


class ActivityDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "New activity"), parent)
        self.resize(600, 480)
        f = self.form
        f.add_text("name", translate("Forms", "Activity name"))
        now = QDateTime.currentDateTime()
        self.starts = QDateTimeEdit(now.addSecs(-3 * 3600))
        self.ends = QDateTimeEdit(now)
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        f.layout_.addRow(translate("Forms", "Starts at"), self.starts)
        f.layout_.addRow(translate("Forms", "Ends at"), self.ends)
        f.add_text("travel_minutes", translate("Forms", "Travel (minutes, not credited)"),
                   int_check("travel_minutes", "路途时间"))
        combo = f.add_choice("service_category", translate("Forms", "Service category"),
                             choices(SERVICE_CATEGORIES))
        combo.setEditable(True)
        f.add_choice("community", translate("Forms", "Community"), ctx.lookups.get("communities", []))
        f.add_choice("organization", translate("Forms", "Organization"),
                     ctx.lookups.get("organizations", []))
        f.add_text("place", translate("Forms", "Place"))
        f.add_text("served_group", translate("Forms", "Served group"))
        f.add_text("content", translate("Forms", "Content"))

    def operation(self) -> Callable[[], Changes]:
        data: dict[str, Any] = self.form.values()
        data["starts_at"] = _py(self.starts.dateTime())
        data["ends_at"] = _py(self.ends.dateTime())
        actor = self.ctx.actor
        return lambda: ops.create_activity(actor, data)


def _py(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
