"""Registering and editing a certified social worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from registry import ops
from registry.ops import Changes
from registry.queries.editing import social_worker_values
from registry.rules.vocab import SOCIAL_WORKER_LEVELS
from ui.dialogs.checks import date_check, int_check
from ui.dialogs.form import choices
from ui.dialogs.role import RoleDialog
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

ROLE_KEYS = ("level", "certificate_number", "obtained_year", "registration_number",
             "registered_on", "registered_until", "employer", "employer_name", "post", "community")


class SocialWorkerDialog(RoleDialog):
    role_flag = "social_worker"
    role_keys = ROLE_KEYS

    def __init__(self, ctx: AppContext, worker_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("Forms", "New social worker") if worker_id is None
                 else translate("Forms", "Edit social worker"))
        super().__init__(ctx, title, worker_id, parent)
        self.worker_id = worker_id
        f = self.form
        f.add_choice("level", translate("Forms", "Certificate level"), choices(SOCIAL_WORKER_LEVELS))
        f.add_text("certificate_number", translate("Forms", "Certificate number"))
        f.add_text("obtained_year", translate("Forms", "Year obtained"),
                   int_check("obtained_year", "取得年份"))
        f.add_text("registration_number", translate("Forms", "Registration number"))
        f.add_text("registered_on", translate("Forms", "Registered on"),
                   date_check("registered_on", "登记日期"), "YYYY-MM-DD")
        f.add_text("registered_until", translate("Forms", "Registration valid until"),
                   date_check("registered_until", "登记有效期至"),
                   translate("Forms", "empty: 3 years after registration"))
        f.add_choice("employer", translate("Forms", "Employer (registered)"),
                     ctx.lookups.get("organizations", []))
        f.add_text("employer_name", translate("Forms", "Employer"))
        f.add_text("post", translate("Forms", "Post"))
        self.add_community()
        self.load(social_worker_values)

    def already_holds_role(self, name: str) -> str:
        return translate("Forms", "{name} is already registered as a social worker: "
                         "open the existing record.").format(name=name)

    def adds_role(self, name: str) -> str:
        return translate("Forms", "{name} is already in the register; saving adds "
                         "the social worker role to the same person.").format(name=name)

    def operation(self) -> Callable[[], Changes]:
        data, actor, wid, seen = self.entered(), self.ctx.actor, self.worker_id, self.seen
        if wid is None:
            return lambda: ops.register_social_worker(actor, data)
        return lambda: ops.update_social_worker(actor, wid, data, seen=seen)
