"""The organization section: the list, the detail panel with the organization's year
(inspections, grades, projects), and the dialogs that record them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from registry import ops
from registry.queries.organizations import OrganizationDetail, Project, organization_detail, organization_name
from registry.rules.charity import FILED_TYPE
from registry.rules.vocab import ORG_STATUSES, ORG_TYPES
from registry.texts import shown
from ui.dialogs.org_year import DeregisterDialog, GradeDialog, InspectionDialog, ProjectDialog
from ui.dialogs.organization import OrganizationDialog
from ui.models.lists import OrganizationList, date_text, hours_text
from ui.runtime.context import AppContext
from ui.runtime.i18n import tr_noop, translate
from ui.sections.base import FilterDef, ListSection, detail_table, small_table
from ui.sections.people import _communities, _years


def _org_types(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(t, t) for t in ORG_TYPES]


def _org_statuses(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [(s, shown(s)) for s in ORG_STATUSES]


def organization_html(org_id: int) -> str:
    """On the worker: the organization with its inspections, grades and projects."""
    o = organization_detail(org_id)
    rows = [
        (translate("Sections", "USCC"), o.uscc), (translate("Sections", "Type"), o.org_type),
        *charity_rows(o),
        (translate("Sections", "Registration authority"), o.registration_authority),
        (translate("Sections", "Supervising unit"), o.supervising_unit),
        (translate("Sections", "Legal representative"), o.legal_representative),
        (translate("Sections", "Founded"), date_text(o.founded_on)),
        (translate("Sections", "Address"), o.address),
        (translate("Sections", "Service fields"), o.service_fields),
        (translate("Sections", "Status"), o.status),
    ]
    if o.status != "正常":
        rows.append((translate("Sections", "Reason"), o.status_reason))
    if o.evaluation_barrier:
        rows.append((translate("Sections", "Evaluation"), shown(o.evaluation_barrier)))
    extra = small_table(translate("Sections", "Annual inspections"),
                        [translate("Sections", "Year"), translate("Sections", "Result"),
                         translate("Sections", "Reported")],
                        [[i.year, i.result, date_text(i.reported_on)] for i in o.inspections])
    extra += small_table(translate("Sections", "Evaluation grades"),
                         [translate("Sections", "Grade"), translate("Sections", "Awarded"),
                          translate("Sections", "Valid until")],
                         [[f"{g.grade}A", date_text(g.awarded_on), date_text(g.expires_on)] for g in o.grades])
    extra += project_lines(o.projects)
    return detail_table(o.name, rows, extra)


def charity_rows(o: OrganizationDetail) -> list[tuple[str, str]]:
    """Whether it was recognized as a charity, when, and from which year it files the charity's
    annual report instead of its type's reports; nothing for a community group filed at the
    street that is not (it cannot be one)."""
    label = translate("Sections", "Charity")
    if o.charity_recognized_on is None:
        return [] if o.org_type == FILED_TYPE else [(label, translate("Sections", "not recognized"))]
    day = date_text(o.charity_recognized_on)
    if o.charity_reports_from is None:  # the district gives the charity's 年报 no date
        return [(label, translate("Sections", "recognized on {day}").format(day=day))]
    return [(label, translate("Sections", "recognized on {day}; files the charity annual report from {year}")
             .format(day=day, year=o.charity_reports_from))]


def project_lines(projects: Sequence[Project]) -> str:
    """Projects as one line each: a table is too wide for the detail panel."""
    lines = [html.escape(translate("Sections", "{name}; bought by {buyer}; {amount} yuan; {start} – {end}; "
                                   "{status}").format(
        name=p.name, buyer=p.buyer or "—", amount=hours_text(p.amount) or "—",
        start=date_text(p.starts_on) or "?", end=date_text(p.ends_on) or "?", status=p.status))
        for p in projects] or [html.escape(translate("Sections", "none"))]
    title = translate("Sections", "Purchased-service projects")
    return (f"<h4 style='color:#2c5d8f;margin-bottom:2px'>{html.escape(title)}</h4>"
            + "".join(f"<p style='margin:2px 0'>• {line}</p>" for line in lines))


class OrganizationsSection(ListSection):
    key = "organizations"
    spec = OrganizationList()
    tables = frozenset({"organization", "annual_inspection", "evaluation_grade", "service_project"})
    filter_defs = (
        FilterDef("community", tr_noop("Sections", "Community"), _communities),
        FilterDef("org_type", tr_noop("Sections", "Type"), _org_types),
        FilterDef("status", tr_noop("Sections", "Status"), _org_statuses),
        FilterDef("year", tr_noop("Sections", "Year founded"), _years),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "New organization"), "new", self.new_record, "new", "create")
        self.add_action(translate("Sections", "Edit"), "edit", self.edit_selected, "edit", "update",
                        on_selection=True)
        self.add_action(translate("Sections", "Deregister"), "deactivate", self.deregister, "deactivate",
                        "deactivate", on_selection=True)
        self.add_detail_action(translate("Sections", "Inspection…"), "inspection",
                               lambda: self._with_name(InspectionDialog), "inspection", "inspection")
        self.add_detail_action(translate("Sections", "Grade…"), "grade",
                               lambda: self._with_name(GradeDialog), "grade", "create")
        self.add_detail_action(translate("Sections", "Project…"), "project",
                               lambda: self._with_name(ProjectDialog), "project", "create")

    def detail_html(self, key: Any) -> str:
        return organization_html(key)

    def new_record(self) -> None:
        OrganizationDialog(self.ctx, None, self).exec()

    def edit_selected(self) -> None:
        if self.current_key is not None:
            OrganizationDialog(self.ctx, self.current_key, self).exec()

    def _with_name(self, dialog: Any) -> None:
        """Open `dialog(ctx, org id, name)` for the selected organization."""
        key = self.current_key
        if key is not None:
            self.ctx.worker.call(organization_name, key,
                                 on_done=lambda name: dialog(self.ctx, key, name, self).exec())

    def deregister(self) -> None:
        key = self.current_key
        if key is not None:
            self.ctx.worker.call(organization_name, key, on_done=lambda name: self._deregister(key, name))

    def _deregister(self, key: int, name: str) -> None:
        dialog = DeregisterDialog(name, self)
        if dialog.exec():
            reason, status, actor = dialog.text(), dialog.chosen_status(), self.ctx.actor
            self.ctx.run_op(self, lambda: ops.deregister_organization(actor, key, status, reason))
