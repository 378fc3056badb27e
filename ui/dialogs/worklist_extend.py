"""Extending what the clerk selected in the deadline list, after a policy change
(administrators): registrations by some months, evaluation grades to one date; the policy
is the reason in each record's log entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from registry.ops import Changes
from registry.queries.deadlines import DueItem
from ui.dialogs.checks import date_check, int_check
from ui.dialogs.dialog import RecordDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

REGISTRATIONS = "registration_expiry"


class WorklistExtendDialog(RecordDialog):
    def __init__(self, ctx: AppContext, kind: str, items: Sequence[DueItem], parent: QWidget | None = None) -> None:
        grades = kind != REGISTRATIONS
        super().__init__(ctx, translate("Forms", "Extend evaluation grades") if grades
                         else translate("Forms", "Extend registrations"), parent)
        self.resize(620, 320)
        self.kind, self.items = kind, list(items)
        names = "、".join(i.subject for i in self.items[:5]) + ("…" if len(self.items) > 5 else "")
        text = (translate("Forms", "The evaluation grades of the {count} selected organizations ({names}) "
                          "are extended to the date given; a grade already running longer stays as it is.")
                if grades else
                translate("Forms", "The registrations of the {count} selected social workers ({names}) "
                          "are extended by the months given."))
        # two sentences: a space between them in English, none in Chinese
        self.show_banner(translate("Forms", "{what} {when}").format(
            what=text.format(count=len(self.items), names=names),
            when=translate("Forms", "Use this only after a policy change, and name it as the reason.")),
            "color: #2c5d8f;")
        f = self.form
        if grades:
            f.add_text("until", translate("Forms", "Extend to"), date_check("until", "延长至"), "YYYY-MM-DD")
        else:
            f.add_text("months", translate("Forms", "Extend by (months)"), int_check("months", "延长月数"))
            f.set_values({"months": 6})
        f.add_text("reason", translate("Forms", "Policy (reason)"))

    def operation(self) -> Callable[[], Changes]:
        v, actor, items = self.form.values(), self.ctx.actor, self.items
        ids = [i.record_id for i in items]
        if self.kind == REGISTRATIONS:
            first, last = min(i.due for i in items), max(i.due for i in items)

            def registrations() -> Changes:
                from registry.ops.social_workers import extend_registrations  # the kernel, when it writes

                return extend_registrations(actor, first, last, v["months"], v["reason"], worker_ids=ids)
            return registrations

        def grades() -> Changes:
            from registry.ops.grades import extend_grades

            return extend_grades(actor, ids, v["until"], v["reason"])
        return grades

    def _saved(self, changes: Changes) -> None:
        text = (translate("Forms", "{count} registrations were extended.") if self.kind == REGISTRATIONS
                else translate("Forms", "{count} evaluation grades were extended."))
        QMessageBox.information(self, translate("Forms", "Extended"), text.format(count=len(changes.ids)))
        super()._saved(changes)
