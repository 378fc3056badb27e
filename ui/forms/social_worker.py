"""Registering and editing a certified social worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from registry import ops
from registry.models import SocialWorker
from registry.ops import Changes
from registry.vocab import SOCIAL_WORKER_LEVELS
from ui.context import AppContext
from ui.forms.checks import date_check, int_check
from ui.forms.dialog import RecordDialog
from ui.forms.form import choices
from ui.forms.person import PERSON_KEYS, PersonFields
from ui.i18n import translate

ROLE_KEYS = ("level", "certificate_number", "obtained_year", "registration_number",
             "registered_on", "registered_until", "employer", "employer_name", "post", "community")


def load_social_worker(worker_id: int) -> dict[str, Any]:
    w = SocialWorker.get_by_id(worker_id)
    values = {k: getattr(w.person, k) for k in PERSON_KEYS}
    values.update({k: getattr(w, k) for k in ROLE_KEYS if k not in ("employer", "community")})
    values["employer"], values["community"] = w.employer_id, w.community_id
    return values


class SocialWorkerDialog(RecordDialog):
    def __init__(self, ctx: AppContext, worker_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("Forms", "New social worker") if worker_id is None
                 else translate("Forms", "Edit social worker"))
        super().__init__(ctx, title, parent)
        self.worker_id = worker_id
        self.person = PersonFields(self.form, ctx.worker, self._existing)
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
        f.add_choice("community", translate("Forms", "Community"), ctx.lookups.get("communities", []))
        self.original: dict[str, Any] = {}
        if worker_id is not None:
            self.person.watch_duplicates = False
            ctx.worker.call(load_social_worker, worker_id, on_done=self._loaded)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.original = {k: ("" if v is None else v) for k, v in values.items()}
        self.form.set_values(values)
        self.person.watch_duplicates = True

    def _existing(self, found: dict[str, Any]) -> None:
        if self.worker_id is not None:
            return
        if found.get("social_worker"):
            self.show_banner(translate("Forms", "{name} is already registered as a social worker: "
                                       "open the existing record.").format(name=found["name"]))
            if found.get("open"):
                self.duplicate_person(found["id"], "")
        else:
            self.show_banner(translate("Forms", "{name} is already in the register; saving adds "
                                       "the social worker role to the same person.").format(
                name=found["name"]), "color: #2c5d8f;")
            for key, value in found["values"].items():
                if key != "id_number" and value and not self.form.value(key):
                    self.form.set_value(key, value)

    def operation(self) -> Callable[[], Changes]:
        data = self.form.values((*PERSON_KEYS, *ROLE_KEYS))
        actor = self.ctx.actor
        if self.worker_id is None:
            return lambda: ops.register_social_worker(actor, data)
        changed = {k: v for k, v in data.items() if str(self.original.get(k, "")) != str(v or "")}
        wid = self.worker_id
        return lambda: ops.update_social_worker(actor, wid, changed)
