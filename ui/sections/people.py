"""The volunteer and social-worker sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from registry import ops
from registry.rules.vocab import ROLE_STATUSES, SOCIAL_WORKER_LEVELS
from registry.texts import shown
from ui.models.lists import VolunteerList, date_text, hours_text, stars
from ui.runtime.context import AppContext
from ui.runtime.i18n import tr_noop, translate
from ui.sections.base import FilterDef, detail_table
from ui.sections.reveal import RevealNumbers


def _communities(ctx: AppContext) -> list[tuple[Any, str]]:
    return list(ctx.lookups.get("communities", []))


def _organizations(ctx: AppContext) -> list[tuple[Any, str]]:
    return list(ctx.lookups.get("organizations", []))


def _statuses(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(s, shown(s)) for s in ROLE_STATUSES]


def _stars(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(0, translate("Sections", "No star"))] + [(i, "★" * i) for i in range(1, 6)]


def _levels(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(s, shown(s)) for s in SOCIAL_WORKER_LEVELS]


def _years(_ctx: AppContext) -> list[tuple[Any, str]]:
    this = dt.date.today().year
    return [(y, str(y)) for y in range(this, this - 16, -1)]


def volunteer_html(volunteer_id: int, actor: str, reveal: bool = False) -> str:
    """On the worker: the volunteer's details and service history."""
    from registry.queries.history import service_history
    from registry.queries.people import volunteer_detail
    from ui.widgets.service_history import history_html

    v = volunteer_detail(volunteer_id, actor, reveal=reveal)
    next_star = (translate("Sections", "highest level reached") if v.hours_to_next_star is None
                 else translate("Sections", "{hours} h to the next star").format(
                     hours=hours_text(v.hours_to_next_star)))
    rows = [
        (translate("Sections", "Sex"), v.sex), (translate("Sections", "Born"), date_text(v.birth_date)),
        (translate("Sections", "ID number"), v.id_number),
        (translate("Sections", "Phone"), v.phone),
        (translate("Sections", "Community"), v.community),
        (translate("Sections", "Volunteer no."), v.volunteer_number),
        (translate("Sections", "Registered"), date_text(v.registered_on)),
        (translate("Sections", "Status"), v.status),
        (translate("Sections", "Hours this year"), hours_text(v.hours_this_year)),
        (translate("Sections", "Hours overall"), hours_text(v.hours_total)),
        (translate("Sections", "Star level"), stars(v.star_level) or translate("Sections", "none yet")),
        (translate("Sections", "Next star"), next_star),
        (translate("Sections", "Skills"), v.skills),
        (translate("Sections", "Service categories"), v.service_categories),
    ]
    if v.status_reason:
        rows.append((translate("Sections", "Reason"), v.status_reason))
    return detail_table(v.name, rows, history_html(service_history(volunteer_id)))


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
        self.add_action(translate("Sections", "Edit"), "edit", self.edit_selected, "edit", "update",
                        on_selection=True)
        self.add_action(translate("Sections", "Record hours"), "hours", self.record_hours, "record_hours",
                        "create", on_selection=True)
        self.add_action(translate("Sections", "Deactivate"), "deactivate", self.deactivate, "deactivate",
                        "deactivate", on_selection=True)
        self.add_action(translate("Sections", "Service certificate…"), "certificates", self.certificate,
                        "certificate", "issue", on_selection=True)
        self.add_reveal_button()
        self.merge_button = self.add_detail_action(translate("Sections", "Merge person records…"), "merge",
                                                   self.merge, "merge", "merge_people")
        self._merge_visibility()
        ctx.hub.permissions_changed.connect(self._merge_visibility)

    def _merge_visibility(self) -> None:
        self.merge_button.setVisible(self.ctx.may("merge_people"))  # administrators' only

    def merge(self) -> None:
        from ui.dialogs.merge import merge_into

        if self.current_key is not None:
            merge_into(self.ctx, self, "volunteer", self.current_key)

    def detail_html(self, key: Any) -> str:
        return volunteer_html(key, self.ctx.actor, self.unmasked(key))

    # the dialogs, and what the details read, are imported when first used: the list is
    # shown without them (the other sections import this module too, for its choices)
    def certificate(self) -> None:
        from registry.queries.people import volunteer_name
        from ui.dialogs.certificate import CertificateDialog

        key = self.current_key
        if key is not None:
            self.ctx.worker.call(volunteer_name, key,
                                 on_done=lambda name: CertificateDialog(self.ctx, key, name, self).exec())

    def new_record(self) -> None:
        from ui.dialogs.volunteer import VolunteerDialog

        VolunteerDialog(self.ctx, None, self).exec()

    def edit_selected(self) -> None:
        from ui.dialogs.volunteer import VolunteerDialog

        if self.current_key is not None:
            VolunteerDialog(self.ctx, self.current_key, self).exec()

    def record_hours(self) -> None:
        from registry.queries.people import volunteer_name
        from ui.dialogs.hours import HoursDialog

        if self.current_key is None:
            return
        key = self.current_key
        self.ctx.worker.call(volunteer_name, key,
                             on_done=lambda name: HoursDialog(self.ctx, key, name, self).exec())

    def deactivate(self) -> None:
        from ui.dialogs.deactivate import ReasonDialog

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
