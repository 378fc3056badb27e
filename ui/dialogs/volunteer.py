"""Registering and editing a volunteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from registry import ops
from registry.ops import Changes
from registry.queries.editing import volunteer_values
from registry.rules.vocab import SERVICE_CATEGORIES
from ui.dialogs.checks import date_check
from ui.dialogs.role import RoleDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

ROLE_KEYS = ("community", "volunteer_number", "national_number", "registered_on", "skills",
             "service_categories", "consent_contact", "consent_publish")


class VolunteerDialog(RoleDialog):
    role_flag = "volunteer"
    role_keys = ROLE_KEYS

    def __init__(self, ctx: AppContext, volunteer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("Forms", "New volunteer") if volunteer_id is None
                 else translate("Forms", "Edit volunteer"))
        super().__init__(ctx, title, volunteer_id, parent)
        self.volunteer_id = volunteer_id
        f = self.form
        self.add_community()
        f.add_text("volunteer_number", translate("Forms", "Volunteer number"))
        f.add_text("national_number", translate("Forms", "National system number"))
        f.add_text("registered_on", translate("Forms", "Registered on"),
                   date_check("registered_on", "注册日期"), "YYYY-MM-DD")
        f.add_text("skills", translate("Forms", "Skills"))
        f.add_text("service_categories", translate("Forms", "Service categories"),
                   placeholder="、".join(SERVICE_CATEGORIES[:3]))
        f.add_check("consent_contact", translate("Forms", "May be contacted"))
        f.add_check("consent_publish", translate("Forms", "Name may be published"))
        if volunteer_id is None:
            f.set_value("registered_on", dt.date.today().isoformat())
        self.load(volunteer_values)

    def already_holds_role(self, name: str) -> str:
        return translate("Forms", "{name} is already a volunteer: open the existing "
                         "record instead of creating a second one.").format(name=name)

    def adds_role(self, name: str) -> str:
        return translate("Forms", "{name} is already in the register; saving adds "
                         "the volunteer role to the same person.").format(name=name)

    def operation(self) -> Callable[[], Changes]:
        data, actor, vid, seen = self.entered(), self.ctx.actor, self.volunteer_id, self.seen
        if vid is None:
            return lambda: ops.register_volunteer(actor, data)
        return lambda: ops.update_volunteer(actor, vid, data, seen=seen)
