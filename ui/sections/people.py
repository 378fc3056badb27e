"""The volunteer and social-worker sections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from registry import ops
from registry.queries.presets import current_star_preset
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone
from registry.rules.presets import hours_to_next_star
from registry.rules.vocab import ROLE_STATUSES, SOCIAL_WORKER_LEVELS
from registry.storage.models import Volunteer, VolunteerYear
from ui.context import AppContext
from ui.forms.deactivate import ReasonDialog
from ui.forms.hours import HoursDialog
from ui.forms.volunteer import VolunteerDialog
from ui.i18n import tr_noop, translate
from ui.lists import VolunteerList, date_text, hours_text, stars
from ui.sections.base import FilterDef, detail_table
from ui.sections.reveal import RevealNumbers
from ui.service_history import history_html, service_history


def _communities(ctx: AppContext) -> list[tuple[Any, str]]:
    return list(ctx.lookups.get("communities", []))


def _organizations(ctx: AppContext) -> list[tuple[Any, str]]:
    return list(ctx.lookups.get("organizations", []))


def _statuses(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(s, s) for s in ROLE_STATUSES]


def _stars(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(0, translate("Sections", "No star"))] + [(i, "★" * i) for i in range(1, 6)]


def _levels(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(s, s) for s in SOCIAL_WORKER_LEVELS]


def _years(_ctx: AppContext) -> list[tuple[Any, str]]:
    this = dt.date.today().year
    return [(y, str(y)) for y in range(this, this - 16, -1)]


def volunteer_summary(volunteer_id: int) -> dict[str, Any]:
    """On the worker: the volunteer with totals this year and overall, star level and the
    hours still needed for the next star."""
    v = Volunteer.get_by_id(volunteer_id)
    p = v.person
    year = dt.date.today().year
    this_year = (VolunteerYear.select(VolunteerYear.hours)
                 .where((VolunteerYear.volunteer == v.id) & (VolunteerYear.year == year)).scalar())
    preset = current_star_preset()
    total = Decimal(str(v.total_hours or 0))
    return {"id": v.id, "person": p.id, "name": p.name, "sex": p.sex, "birth": p.birth_date,
            "id_number": p.id_number, "phone": p.phone, "community": v.community.name if v.community else "",
            "number": v.volunteer_number, "registered": v.registered_on, "status": v.status,
            "reason": v.status_reason, "skills": v.skills, "categories": v.service_categories,
            "total": total, "year": Decimal(str(this_year or 0)), "star": v.star_level,
            "next": hours_to_next_star(preset, total), "preset": preset.label}


def id_text(number: str | None, unmasked: bool) -> str:
    return (number or "") if unmasked else mask_id_number(number or "")


def phone_text(phone: str | None, unmasked: bool) -> str:
    return "" if not phone else phone if unmasked else mask_phone(phone)


def volunteer_html(volunteer_id: int, unmasked: bool = False) -> str:
    s = volunteer_summary(volunteer_id)
    next_star = (translate("Sections", "highest level reached") if s["next"] is None
                 else translate("Sections", "{hours} h to the next star").format(hours=hours_text(s["next"])))
    rows = [
        (translate("Sections", "Sex"), s["sex"]), (translate("Sections", "Born"), date_text(s["birth"])),
        (translate("Sections", "ID number"), id_text(s["id_number"], unmasked)),
        (translate("Sections", "Phone"), phone_text(s["phone"], unmasked)),
        (translate("Sections", "Community"), s["community"]),
        (translate("Sections", "Volunteer no."), s["number"] or ""),
        (translate("Sections", "Registered"), date_text(s["registered"])),
        (translate("Sections", "Status"), s["status"]),
        (translate("Sections", "Hours this year"), hours_text(s["year"])),
        (translate("Sections", "Hours overall"), hours_text(s["total"])),
        (translate("Sections", "Star level"), stars(s["star"]) or translate("Sections", "none yet")),
        (translate("Sections", "Next star"), next_star),
        (translate("Sections", "Skills"), s["skills"]), (translate("Sections", "Service categories"), s["categories"]),
    ]
    if s["reason"]:
        rows.append((translate("Sections", "Reason"), s["reason"]))
    return detail_table(s["name"], rows, history_html(*service_history(volunteer_id)))


class VolunteersSection(RevealNumbers):
    key = "volunteers"
    reveal_table = "volunteer"
    spec = VolunteerList()
    tables = frozenset({"volunteer", "person", "service_record"})
    filter_defs = (
        FilterDef("community", tr_noop("Sections", "Community"), _communities),
        FilterDef("organization", tr_noop("Sections", "Organization"), _organizations),
        FilterDef("status", tr_noop("Sections", "Status"), _statuses),
        FilterDef("star", tr_noop("Sections", "Stars"), _stars),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "New volunteer"), "new", self.new_record, "new", "create")
        self.add_action(translate("Sections", "Edit"), "edit", self.edit_selected, "edit", "update")
        self.add_action(translate("Sections", "Record hours"), "hours", self.record_hours, "record_hours",
                        "create")
        self.add_action(translate("Sections", "Deactivate"), "deactivate", self.deactivate, "deactivate",
                        "deactivate")
        self.add_action(translate("Sections", "Service certificate…"), "certificates", self.certificate,
                        "certificate", "issue")
        self.add_reveal_button()

    def title(self) -> str:
        return translate("Sections", "Volunteers")

    def detail_html(self, key: Any) -> str:
        return volunteer_html(key, self.unmasked(key))

    def certificate(self) -> None:
        from ui.forms.certificate import CertificateDialog

        key = self.current_key
        if key is not None:
            self.ctx.worker.call(lambda: Volunteer.get_by_id(key).person.name,
                                 on_done=lambda name: CertificateDialog(self.ctx, key, name, self).exec())

    def new_record(self) -> None:
        VolunteerDialog(self.ctx, None, self).exec()

    def edit_selected(self) -> None:
        if self.current_key is not None:
            VolunteerDialog(self.ctx, self.current_key, self).exec()

    def record_hours(self) -> None:
        if self.current_key is None:
            return
        key = self.current_key
        self.ctx.worker.call(lambda: Volunteer.get_by_id(key).person.name,
                             on_done=lambda name: HoursDialog(self.ctx, key, name, self).exec())

    def deactivate(self) -> None:
        key = self.current_key
        if key is None:
            return
        dialog = ReasonDialog(translate("Sections", "Deactivate volunteer"),
                              translate("Sections", "Deactivate the selected volunteer? The record "
                                        "stays in the register with its hours."), self)
        if dialog.exec():
            reason, actor = dialog.text(), self.ctx.actor
            self.ctx.run_op(self, lambda: ops.deactivate_volunteer(actor, key, reason))


__all__ = ["VolunteersSection"]
