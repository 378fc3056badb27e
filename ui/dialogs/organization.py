"""Registering and editing a social organization; the USCC is checked as typed and the
organization type it encodes is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from registry import ops
from registry.ops import Changes
from registry.ops.organizations import LABELS
from registry.queries.editing import OrganizationValues, Seen, organization_values
from registry.rules.fields import clean_date
from registry.rules.uscc import check_uscc
from registry.rules.vocab import ORG_TYPES
from ui.dialogs.checks import date_check, decimal_check, uscc_check
from ui.dialogs.dialog import RecordDialog
from ui.dialogs.form import choices
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

KEYS = ("name", "uscc", "org_type", "registration_authority", "supervising_unit",
        "legal_representative_name", "founded_on", "address", "business_scope", "service_fields",
        "registered_capital", "community", "filed_on", "responsible_person", "venue", "notes",
        "charity_recognized_on")


class OrganizationDialog(RecordDialog):
    def __init__(self, ctx: AppContext, org_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("Forms", "New organization") if org_id is None
                 else translate("Forms", "Edit organization"))
        super().__init__(ctx, title, parent)
        self.org_id = org_id
        f = self.form
        f.add_text("name", translate("Forms", "Organization name"))
        self.uscc = f.add_text("uscc", translate("Forms", "USCC"), uscc_check,
                               translate("Forms", "18 characters"))
        self.uscc_facts = f.add_info("uscc_facts", translate("Forms", "From the USCC"))
        f.add_choice("org_type", translate("Forms", "Type"), choices(ORG_TYPES))
        # 已认定为慈善组织 and the day: a charity files the charity's annual report instead of its type's
        self.charity = f.add_check("charity", translate("Forms", "Recognized as a charity"))
        self.charity_on = f.add_text("charity_recognized_on", translate("Forms", "Recognized as a charity on"),
                                     placeholder="YYYY-MM-DD")
        self.charity_on.setEnabled(False)
        f.add_text("registration_authority", translate("Forms", "Registration authority"))
        f.add_text("supervising_unit", translate("Forms", "Supervising unit"))
        f.add_text("legal_representative_name", translate("Forms", "Legal representative"))
        f.add_text("founded_on", translate("Forms", "Founded on"), date_check("founded_on", "成立日期"),
                   "YYYY-MM-DD")
        f.add_text("address", translate("Forms", "Address"))
        f.add_multiline("business_scope", translate("Forms", "Business scope"))
        f.add_text("service_fields", translate("Forms", "Service fields"))
        f.add_text("registered_capital", translate("Forms", "Registered capital (yuan)"),
                   decimal_check("registered_capital", "注册资金"))
        f.add_choice("community", translate("Forms", "Community"), ctx.lookups.get("communities", []))
        f.add_text("filed_on", translate("Forms", "Filed on (community organizations)"),
                   date_check("filed_on", "备案日期"), "YYYY-MM-DD")
        f.add_text("responsible_person", translate("Forms", "Person responsible"))
        f.add_text("venue", translate("Forms", "Venue"))
        f.add_multiline("notes", translate("Forms", "Notes"))
        self.uscc.textChanged.connect(self._uscc_changed)
        self.charity.toggled.connect(self._charity_toggled)
        self.charity.clicked.connect(lambda checked: self.charity_on.setFocus() if checked else None)
        self.charity_on.textChanged.connect(self._check_charity)
        self.original: dict[str, Any] = {}
        self.seen: Seen | None = None  # the version the form was filled from: a stale save is refused
        if org_id is not None:
            ctx.worker.call(organization_values, org_id, on_done=self._loaded)

    def _loaded(self, stored: OrganizationValues) -> None:
        self.seen = stored.seen
        values = asdict(stored)
        del values["seen"]
        self.original = {k: ("" if v is None else v) for k, v in values.items()}
        self.form.set_values(values)
        self.charity.setChecked(stored.charity_recognized_on is not None)

    @Slot(bool)
    def _charity_toggled(self, checked: bool) -> None:
        self.charity_on.setEnabled(checked)
        self._check_charity()

    @Slot(str)
    def _check_charity(self, _text: str = "") -> None:
        """A ticked box needs its day (a real one, not after today); an unticked one needs none."""
        problems = (clean_date(self.charity_on.text(), "charity_recognized_on", LABELS["charity_recognized_on"],
                               required=True, latest=dt.date.today())[1] if self.charity.isChecked() else [])
        self.form.set_problems("charity_recognized_on", problems)

    def _uscc_changed(self, text: str) -> None:
        facts, _ = check_uscc(text, "uscc") if text.strip() else (None, [])
        if facts is None:
            self.uscc_facts.setText("")
            return
        kind = facts.org_type or translate("Forms", "not a civil-affairs code")
        self.uscc_facts.setText(translate("Forms", "Registered by: {dept}; type: {kind}").format(
            dept=facts.department, kind=kind))
        if facts.org_type in ORG_TYPES and not self.form.value("org_type"):
            self.form.set_value("org_type", facts.org_type)

    def operation(self) -> Callable[[], Changes]:
        data = self.form.values(KEYS)
        if not self.charity.isChecked():
            data["charity_recognized_on"] = ""  # unticked: not a charity, whatever day was typed
        actor = self.ctx.actor
        if self.org_id is None:
            return lambda: ops.register_organization(actor, data)
        changed = {k: v for k, v in data.items() if str(self.original.get(k, "")) != str(v or "")}
        oid, seen = self.org_id, self.seen
        return lambda: ops.update_organization(actor, oid, changed, seen=seen)
