"""The social-worker section: continuing education against what the cycle requires, and
(administrators) extending many registrations at once after a policy change."""

from __future__ import annotations

from typing import Any

from registry import ops
from registry.queries.people import ContinuingEducation, social_worker_detail
from ui.dialogs.deactivate import ReasonDialog
from ui.dialogs.extend import ExtendDialog
from ui.dialogs.social_worker import SocialWorkerDialog
from ui.models.lists import SocialWorkerList, date_text, hours_text
from ui.runtime.context import AppContext
from ui.runtime.i18n import tr_noop, translate
from ui.sections.base import FilterDef, detail_table
from ui.sections.people import _communities, _levels, _statuses, _years
from ui.sections.reveal import RevealNumbers


def ce_rows(ce: ContinuingEducation) -> list[tuple[str, Any]]:
    """CE hours this cycle against the requirement, the shortfall, the due date."""
    cycle = f"{date_text(ce.cycle_start)} – {date_text(ce.due)}" if ce.due else ""
    return [
        (translate("Sections", "CE cycle"), cycle),
        (translate("Sections", "CE hours this cycle"), hours_text(ce.hours_done)),
        (translate("Sections", "CE hours required"), hours_text(ce.hours_required)),
        (translate("Sections", "CE shortfall"),
         hours_text(ce.hours_missing) if ce.hours_missing else translate("Sections", "none")),
        (translate("Sections", "CE due by"), date_text(ce.due)),
    ]


def social_worker_html(worker_id: int, actor: str, reveal: bool = False) -> str:
    """On the worker: the social worker's details and continuing education."""
    w = social_worker_detail(worker_id, actor, reveal=reveal)
    rows = [
        (translate("Sections", "Sex"), w.sex),
        (translate("Sections", "ID number"), w.id_number),
        (translate("Sections", "Phone"), w.phone),
        (translate("Sections", "Certificate level"), w.level),
        (translate("Sections", "Certificate no."), w.certificate_number),
        (translate("Sections", "Year obtained"), w.obtained_year or ""),
        (translate("Sections", "Registration no."), w.registration_number),
        (translate("Sections", "Registered until"), date_text(w.registered_until)),
        (translate("Sections", "Employer"), w.employer_name), (translate("Sections", "Post"), w.post),
        (translate("Sections", "Community"), w.community),
        (translate("Sections", "Status"), w.status),
        *ce_rows(w.ce),
    ]
    return detail_table(w.name, rows)


class SocialWorkersSection(RevealNumbers):
    key = "social_workers"
    reveal_table = "social_worker"
    spec = SocialWorkerList()
    tables = frozenset({"social_worker", "person", "attendance"})
    filter_defs = (
        FilterDef("community", tr_noop("Sections", "Community"), _communities),
        FilterDef("level", tr_noop("Sections", "Certificate level"), _levels),
        FilterDef("status", tr_noop("Sections", "Status"), _statuses),
        FilterDef("year", tr_noop("Sections", "Year obtained"), _years),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "New social worker"), "new", self.new_record, "new", "create")
        self.add_action(translate("Sections", "Edit"), "edit", self.edit_selected, "edit", "update",
                        on_selection=True)
        self.add_action(translate("Sections", "Deactivate"), "deactivate", self.deactivate, "deactivate",
                        "deactivate", on_selection=True)
        self.extend_button = self.add_action(translate("Sections", "Extend registrations…"), "calendar",
                                             self.extend, "extend", "extend_registration")
        self.add_reveal_button()
        self.merge_button = self.add_detail_action(translate("Sections", "Merge person records…"), "merge",
                                                   self.merge, "merge", "merge_people")
        self._merge_visibility()
        ctx.hub.permissions_changed.connect(self._merge_visibility)
        ctx.hub.permissions_changed.connect(self._extend_visibility)
        self._extend_visibility()

    def _extend_visibility(self) -> None:
        self.extend_button.setVisible(self.ctx.may("extend_registration"))

    def _merge_visibility(self) -> None:
        self.merge_button.setVisible(self.ctx.may("merge_people"))  # administrators' only

    def merge(self) -> None:
        from ui.dialogs.merge import merge_into

        if self.current_key is not None:
            merge_into(self.ctx, self, "social_worker", self.current_key)

    def detail_html(self, key: Any) -> str:
        return social_worker_html(key, self.ctx.actor, self.unmasked(key))

    def new_record(self) -> None:
        SocialWorkerDialog(self.ctx, None, self).exec()

    def edit_selected(self) -> None:
        if self.current_key is not None:
            SocialWorkerDialog(self.ctx, self.current_key, self).exec()

    def extend(self) -> None:
        ExtendDialog(self.ctx, self).exec()

    def deactivate(self) -> None:
        key = self.current_key
        if key is None:
            return
        dialog = ReasonDialog(translate("Sections", "Deactivate social worker"),
                              translate("Sections", "Deactivate the selected social worker?"), self)
        if dialog.exec():
            reason, actor = dialog.text(), self.ctx.actor
            self.ctx.run_op(self, lambda: ops.deactivate_social_worker(actor, key, reason))
