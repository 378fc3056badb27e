"""Registering and editing a volunteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from registry import ops
from registry.models import Volunteer
from registry.ops import Changes
from registry.vocab import SERVICE_CATEGORIES
from ui.context import AppContext
from ui.forms.checks import date_check
from ui.forms.dialog import RecordDialog
from ui.forms.person import PERSON_KEYS, PersonFields
from ui.i18n import translate

ROLE_KEYS = ("community", "volunteer_number", "national_number", "registered_on", "skills",
             "service_categories", "consent_contact", "consent_publish")


def load_volunteer(volunteer_id: int) -> dict[str, Any]:
    """On the worker: the stored values of a volunteer and their person."""
    v = Volunteer.get_by_id(volunteer_id)
    values = {k: getattr(v.person, k) for k in PERSON_KEYS}
    values.update({k: getattr(v, k) for k in ROLE_KEYS if k != "community"})
    values["community"] = v.community_id
    return values


class VolunteerDialog(RecordDialog):
    def __init__(self, ctx: AppContext, volunteer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("Forms", "New volunteer") if volunteer_id is None
                 else translate("Forms", "Edit volunteer"))
        super().__init__(ctx, title, parent)
        self.volunteer_id = volunteer_id
        self.person = PersonFields(self.form, ctx.worker, self._existing)
        f = self.form
        f.add_choice("community", translate("Forms", "Community"), ctx.lookups.get("communities", []))
        f.add_text("volunteer_number", translate("Forms", "Volunteer number"))
        f.add_text("national_number", translate("Forms", "National system number"))
        f.add_text("registered_on", translate("Forms", "Registered on"),
                   date_check("registered_on", "注册日期"), "YYYY-MM-DD")
        f.add_text("skills", translate("Forms", "Skills"))
        f.add_text("service_categories", translate("Forms", "Service categories"),
                   placeholder="、".join(SERVICE_CATEGORIES[:3]))
        f.add_check("consent_contact", translate("Forms", "May be contacted"))
        f.add_check("consent_publish", translate("Forms", "Name may be published"))
        self.original: dict[str, Any] = {}
        if volunteer_id is None:
            f.set_value("registered_on", dt.date.today().isoformat())
        else:
            self.person.watch_duplicates = False
            ctx.worker.call(load_volunteer, volunteer_id, on_done=self._loaded)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.original = {k: ("" if v is None else v) for k, v in values.items()}
        self.form.set_values(values)
        self.person.watch_duplicates = True

    def _existing(self, found: dict[str, Any]) -> None:
        if self.volunteer_id is not None:
            return
        if found.get("volunteer"):
            self.show_banner(translate("Forms", "{name} is already a volunteer: open the existing "
                                       "record instead of creating a second one.").format(
                name=found["name"]))
            if found.get("open"):
                self.duplicate_person(found["id"], "")
        else:
            self.show_banner(translate("Forms", "{name} is already in the register; saving adds "
                                       "the volunteer role to the same person.").format(
                name=found["name"]), "color: #2c5d8f;")
            for key, value in found["values"].items():
                if key != "id_number" and value and not self.form.value(key):
                    self.form.set_value(key, value)

    def operation(self) -> Callable[[], Changes]:
        data = self.form.values((*PERSON_KEYS, *ROLE_KEYS))
        actor = self.ctx.actor
        if self.volunteer_id is None:
            return lambda: ops.register_volunteer(actor, data)
        changed = {k: v for k, v in data.items() if self.original.get(k, "") != v}
        vid = self.volunteer_id
        return lambda: ops.update_volunteer(actor, vid, changed)
