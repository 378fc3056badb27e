"""Creating a training session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from registry import ops
from registry.ops import Changes
from ui.dialogs.checks import date_check, decimal_check
from ui.dialogs.dialog import RecordDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

KEYS = ("title", "organizer", "starts_on", "ends_on", "hours", "category", "counts_as_ce", "place")


class TrainingDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "New training"), parent)
        f = self.form
        f.add_text("title", translate("Forms", "Title"))
        f.add_text("organizer", translate("Forms", "Organizer"))
        f.add_text("starts_on", translate("Forms", "Starts on"), date_check("starts_on", "开始日期"),
                   "YYYY-MM-DD")
        f.add_text("ends_on", translate("Forms", "Ends on"), date_check("ends_on", "结束日期"),
                   "YYYY-MM-DD")
        f.add_text("hours", translate("Forms", "Hours"), decimal_check("hours", "学时"))
        f.add_text("category", translate("Forms", "Category"))
        f.add_check("counts_as_ce", translate("Forms", "Counts as continuing education"))
        f.add_text("place", translate("Forms", "Place"))
        f.set_value("starts_on", dt.date.today().isoformat())

    def operation(self) -> Callable[[], Changes]:
        data, actor = self.form.values(KEYS), self.ctx.actor
        return lambda: ops.create_training(actor, data)
