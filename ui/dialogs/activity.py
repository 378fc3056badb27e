"""Hours for a whole activity: pick the activity, tick the attendees or paste their ID
numbers; the hours come from the activity's times with the district's rounding preset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
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


class ActivityHoursDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Hours for an activity"), parent)
        f = self.form
        self.activity = f.add_choice("activity", translate("Forms", "Activity"), [], empty=None)
        new = QPushButton(translate("Forms", "New activity…"))
        new.clicked.connect(self._new_activity)
        f.layout_.addRow("", new)
        f.add_text("hours", translate("Forms", "Hours per attendee"), decimal_check("hours", "服务时长"))
        self.paste = QPlainTextEdit()
        self.paste.setObjectName("paste")
        self.paste.setPlaceholderText(translate("Forms", "Paste ID numbers or type names, one a line"))
        self.paste.setFixedHeight(80)
        add = QPushButton(translate("Forms", "Add to the list"))
        add.setObjectName("add_people")
        add.clicked.connect(self._add_people)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.paste, 1)
        box.addWidget(add)
        f.layout_.addRow(translate("Forms", "Attendees"), row)
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendees")
        f.layout_.addRow("", self.attendees)
        self.activity.currentIndexChanged.connect(self._activity_changed)
        self._reload_activities()

    def _reload_activities(self, select: int | None = None) -> None:
        def done(activities: tuple[Choice, ...]) -> None:
            self.activity.clear()
            for choice in activities:
                self.activity.addItem(choice.label, choice.value)
            if select is not None:
                self.activity.setCurrentIndex(max(0, self.activity.findData(select)))
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

    def _add_people(self) -> None:
        lines = [t.strip() for t in self.paste.toPlainText().splitlines() if t.strip()]
        if lines:
            self.ctx.worker.call(active_volunteers_for, lines, self.ctx.actor, on_done=self._people_found)

    def _people_found(self, matches: Matches) -> None:
        missing = matches.missing
        present = {self.attendees.item(i).data(Qt.ItemDataRole.UserRole)
                   for i in range(self.attendees.count())}
        for choice in matches.found:
            if choice.value in present:
                continue
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.attendees.addItem(item)
        self.paste.setPlainText("\n".join(missing))
        if missing:
            self.show_banner(translate("Forms", "Not found among active volunteers: {items}").format(
                items="、".join(missing)))
        else:
            self.show_banner("")

    def checked(self) -> list[int]:
        return [self.attendees.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.attendees.count())
                if self.attendees.item(i).checkState() == Qt.CheckState.Checked]

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
