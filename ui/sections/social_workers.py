"""The social-worker section: continuing education against what the cycle requires, and
(administrators) extending many registrations at once after a policy change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from registry import ops
from registry.queries.presets import current_ce_preset
from registry.rules.presets import cycle_bounds, required_hours, shortfall
from registry.storage.models import SocialWorker
from ui.context import AppContext
from ui.forms.deactivate import ReasonDialog
from ui.forms.extend import ExtendDialog
from ui.forms.social_worker import SocialWorkerDialog
from ui.i18n import tr_noop, translate
from ui.lists import SocialWorkerList, date_text, hours_text
from ui.sections.base import FilterDef, detail_table
from ui.sections.people import _communities, _levels, _statuses, _years, id_text, phone_text
from ui.sections.reveal import RevealNumbers


def ce_rows(w: SocialWorker) -> list[tuple[str, Any]]:
    """On the worker: CE hours this cycle against the requirement, the shortfall, the due date."""
    preset = current_ce_preset()
    done = Decimal(str(w.ce_hours or 0))
    try:
        needed, missing = required_hours(preset, w.level), shortfall(preset, w.level, done)
    except KeyError:  # a level the preset does not know
        needed = missing = None
    cycle = (f"{date_text(cycle_bounds(preset, w.registered_until)[0])} – {date_text(w.registered_until)}"
             if w.registered_until else "")
    return [
        (translate("Sections", "CE cycle"), cycle),
        (translate("Sections", "CE hours this cycle"), hours_text(done)),
        (translate("Sections", "CE hours required"), hours_text(needed)),
        (translate("Sections", "CE shortfall"),
         hours_text(missing) if missing else translate("Sections", "none")),
        (translate("Sections", "CE due by"), date_text(w.registered_until)),
    ]


def social_worker_html(worker_id: int, unmasked: bool = False) -> str:
    w = SocialWorker.get_by_id(worker_id)
    p = w.person
    rows = [
        (translate("Sections", "Sex"), p.sex),
        (translate("Sections", "ID number"), id_text(p.id_number, unmasked)),
        (translate("Sections", "Phone"), phone_text(p.phone, unmasked)),
        (translate("Sections", "Certificate level"), w.level),
        (translate("Sections", "Certificate no."), w.certificate_number),
        (translate("Sections", "Year obtained"), w.obtained_year or ""),
        (translate("Sections", "Registration no."), w.registration_number or ""),
        (translate("Sections", "Registered until"), date_text(w.registered_until)),
        (translate("Sections", "Employer"), w.employer_name), (translate("Sections", "Post"), w.post),
        (translate("Sections", "Community"), w.community.name if w.community else ""),
        (translate("Sections", "Status"), w.status),
        *ce_rows(w),
    ]
    return detail_table(p.name, rows)


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
        self.add_action(translate("Sections", "Edit"), "edit", self.edit_selected, "edit", "update")
        self.add_action(translate("Sections", "Deactivate"), "deactivate", self.deactivate, "deactivate",
                        "deactivate")
        self.extend_button = self.add_action(translate("Sections", "Extend registrations…"), "calendar",
                                             self.extend, "extend", "extend_registration")
        self.add_reveal_button()
        ctx.hub.permissions_changed.connect(self._extend_visibility)
        self._extend_visibility()

    def _extend_visibility(self) -> None:
        self.extend_button.setVisible(self.ctx.may("extend_registration"))

    def title(self) -> str:
        return translate("Sections", "Social workers")

    def detail_html(self, key: Any) -> str:
        return social_worker_html(key, self.unmasked(key))

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
