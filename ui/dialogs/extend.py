"""批量延长登记有效期 (administrators): every registration expiring in a period is extended
by some months, after a policy change; the reason goes into each worker's log entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from registry.ops import Changes
from registry.ops.social_workers import extend_registrations
from ui.dialogs.checks import date_check, int_check
from ui.dialogs.dialog import RecordDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate


class ExtendDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Extend registrations"), parent)
        self.resize(620, 340)
        self.show_banner(translate("Forms", "Every registered social worker whose registration "
                                   "expires between the two dates is extended by the months given. "
                                   "Use this only after a policy change, and name it as the reason."),
                         "color: #2c5d8f;")
        f = self.form
        f.add_text("from", translate("Forms", "Expiring from"), date_check("from", "到期起始日期"), "YYYY-MM-DD")
        f.add_text("to", translate("Forms", "Expiring until"), date_check("to", "到期截止日期"), "YYYY-MM-DD")
        f.add_text("months", translate("Forms", "Extend by (months)"), int_check("months", "延长月数"))
        f.add_text("reason", translate("Forms", "Policy (reason)"))
        today = dt.date.today()
        f.set_values({"from": today.isoformat(), "to": (today + dt.timedelta(days=180)).isoformat(),
                      "months": 6})

    def operation(self) -> Callable[[], Changes]:
        v, actor = self.form.values(), self.ctx.actor
        return lambda: extend_registrations(actor, v["from"], v["to"], v["months"], v["reason"])

    def _saved(self, changes: Changes) -> None:
        QMessageBox.information(self, translate("Forms", "Registrations extended"),
                                translate("Forms", "{count} registrations were extended.").format(
                                    count=len(changes.ids)))
        super()._saved(changes)
