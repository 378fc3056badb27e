"""出具志愿服务证明: the period, who issues it (an organization or the street office), who
signs; the core counts the approved hours and numbers the certificate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from registry.ops import Changes
from registry.ops.certificates import issue_certificate
from registry.queries.certificates import handler_name, street_office_name
from registry.queries.identities import Identity, volunteer_identity
from ui.dialogs.certificate_files import save_certificate
from ui.dialogs.checks import date_check
from ui.dialogs.dialog import RecordDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

KEYS = ("period_from", "period_to", "issuer", "issuing_organization", "person_in_charge", "handler",
        "contact")


class CertificateDialog(RecordDialog):
    def __init__(self, ctx: AppContext, volunteer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Service certificate for {name}").format(name=name), parent)
        self.resize(600, 340)
        self.volunteer_id = volunteer_id
        self.office = ""
        f = self.form
        # which 张伟 this is: the namesakes' facts, masked, as every person picker shows them
        self.who = f.add_info("who", translate("Forms", "Volunteer"))
        self.who.setObjectName("certificate_who")
        self.who.setText(name)
        today = dt.date.today()
        f.add_text("period_from", translate("Forms", "Service from"), date_check("period_from", "起始日期"),
                   "YYYY-MM-DD")
        f.add_text("period_to", translate("Forms", "Service until"), date_check("period_to", "截止日期"),
                   "YYYY-MM-DD")
        self.issuer: QComboBox = f.add_choice("issuer", translate("Forms", "Issued by"),
                                              ctx.lookups.get("organizations", []),
                                              translate("Forms", "the street office"))
        f.add_text("issuing_organization", translate("Forms", "Issuer's name as printed"))
        f.add_text("person_in_charge", translate("Forms", "Person in charge"))
        f.add_text("handler", translate("Forms", "Handled by"))
        f.add_text("contact", translate("Forms", "Contact phone"))
        # masked on the certificate as everywhere; an administrator may print it whole (logged)
        self.full_number = f.add_check("full_number", translate("Forms", "Print the full ID number (logged)"))
        self.full_number_offered = ctx.may("unmask") and ctx.role is not None
        row = self.full_number.parentWidget()
        if row is not None:
            f.layout_.setRowVisible(row, self.full_number_offered)
        # 经办人: the account's own name, never the computer's login; typed when there is none
        f.set_values({"period_from": dt.date(today.year, 1, 1).isoformat(), "period_to": today.isoformat()})
        self.handler_offered = False
        self.issuer.currentIndexChanged.connect(self._issuer_changed)
        ctx.worker.call(street_office_name, on_done=self._office)
        ctx.worker.call(handler_name, ctx.actor, on_done=self._handler)
        ctx.worker.call(volunteer_identity, volunteer_id, ctx.actor, on_done=self._identity)

    def _handler(self, name: str) -> None:
        if not self.form.value("handler"):  # the clerk typed first: theirs stays
            self.form.set_value("handler", name)
        self.handler_offered = True

    def _identity(self, who: Identity | None) -> None:
        if who is not None:
            self.who.setText(who.label())

    def _office(self, name: str) -> None:
        self.office = name
        self._issuer_changed()

    def _issuer_changed(self) -> None:
        org = self.issuer.currentData()
        self.form.set_value("issuing_organization", self.office if org is None else self.issuer.currentText())

    def operation(self) -> Callable[[], Changes]:
        data, actor, vid = self.form.values(KEYS), self.ctx.actor, self.volunteer_id
        return lambda: issue_certificate(actor, vid, data)

    def _saved(self, changes: Changes) -> None:
        parent = self.parentWidget() or self
        super()._saved(changes)
        save_certificate(self.ctx, parent, changes.id,
                         full_number=self.full_number_offered and self.full_number.isChecked())
