"""Service hours: one volunteer's hours, and correcting an approved entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from registry import ops
from registry.ops import Changes
from registry.rules.vocab import SERVICE_CATEGORIES
from ui.dialogs.checks import date_check, decimal_check
from ui.dialogs.dialog import RecordDialog
from ui.dialogs.form import choices
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

KEYS = ("service_date", "hours", "service_category", "content", "place", "served_group",
        "organization")


class HoursDialog(RecordDialog):
    """Hours for one volunteer (waiting for approval once saved)."""

    def __init__(self, ctx: AppContext, volunteer_id: int, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Record hours for {name}").format(name=name), parent)
        self.resize(600, 420)
        self.volunteer_id = volunteer_id
        f = self.form
        f.add_text("service_date", translate("Forms", "Service date"),
                   date_check("service_date", "服务日期"), "YYYY-MM-DD")
        f.add_text("hours", translate("Forms", "Hours"), decimal_check("hours", "服务时长"))
        combo: QComboBox = f.add_choice("service_category", translate("Forms", "Service category"),
                                        choices(SERVICE_CATEGORIES))
        combo.setEditable(True)
        f.add_text("content", translate("Forms", "Content"))
        f.add_text("place", translate("Forms", "Place"))
        f.add_text("served_group", translate("Forms", "Served group"))
        f.add_choice("organization", translate("Forms", "Organization"),
                     ctx.lookups.get("organizations", []))
        f.set_value("service_date", dt.date.today().isoformat())

    def operation(self) -> Callable[[], Changes]:
        data, actor, vid = self.form.values(KEYS), self.ctx.actor, self.volunteer_id
        return lambda: ops.record_hours(actor, vid, data)


class CorrectDialog(RecordDialog):
    """A correcting entry for an approved one: a new line, never an edit in place."""

    def __init__(self, ctx: AppContext, record_id: int, hours: str, content: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Correct entry {number}").format(number=record_id),
                         parent)
        self.resize(600, 360)
        self.record_id = record_id
        self.show_banner(translate("Forms", "Approved entries are never changed: the correction is "
                                   "a new entry that replaces this one once approved."),
                         "color: #2c5d8f;")
        f = self.form
        f.add_text("hours", translate("Forms", "Correct hours"), decimal_check("hours", "服务时长"))
        f.add_text("content", translate("Forms", "Content"))
        f.add_text("correction_reason", translate("Forms", "Reason for the correction"))
        f.set_values({"hours": hours, "content": content})

    def operation(self) -> Callable[[], Changes]:
        values = self.form.values(("hours", "content"))
        data = {k: v for k, v in values.items() if v}
        reason, actor, rid = self.form.value("correction_reason"), self.ctx.actor, self.record_id
        return lambda: ops.correct_record(actor, rid, data, reason)
