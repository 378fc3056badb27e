"""An organization's year: annual inspection, evaluation grade, purchased-service project,
deregistration (注销/撤销)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QWidget

from registry import ops
from registry.ops import Changes
from registry.rules.vocab import INSPECTION_RESULTS, ORG_STATUSES, PROJECT_STATUSES
from ui.dialogs.checks import date_check, decimal_check, int_check
from ui.dialogs.deactivate import ReasonDialog
from ui.dialogs.dialog import RecordDialog
from ui.dialogs.form import choices
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate

GRADES = [(f"{g}A", f"{g}A") for g in range(5, 0, -1)]


class InspectionDialog(RecordDialog):
    def __init__(self, ctx: AppContext, org_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Annual inspection: {name}").format(name=name), parent)
        self.resize(560, 300)
        self.org_id = org_id
        f = self.form
        f.add_text("year", translate("Forms", "Year"), int_check("year", "年度"))
        f.add_choice("result", translate("Forms", "Result"), choices(INSPECTION_RESULTS))
        f.add_text("reported_on", translate("Forms", "Reported on"), date_check("reported_on", "报送日期"),
                   "YYYY-MM-DD")
        f.set_values({"year": dt.date.today().year - 1, "reported_on": dt.date.today().isoformat()})

    def operation(self) -> Callable[[], Changes]:
        v, actor, org = self.form.values(), self.ctx.actor, self.org_id
        return lambda: ops.record_annual_inspection(actor, org, v["year"], v["result"], v["reported_on"] or None)


class GradeDialog(RecordDialog):
    def __init__(self, ctx: AppContext, org_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Evaluation grade: {name}").format(name=name), parent)
        self.resize(560, 260)
        self.org_id = org_id
        f = self.form
        f.add_choice("grade", translate("Forms", "Grade"), GRADES)
        f.add_text("awarded_on", translate("Forms", "Awarded on"), date_check("awarded_on", "评估日期"),
                   "YYYY-MM-DD")
        f.set_value("awarded_on", dt.date.today().isoformat())

    def operation(self) -> Callable[[], Changes]:
        v, actor, org = self.form.values(), self.ctx.actor, self.org_id
        return lambda: ops.set_evaluation_grade(actor, org, v["grade"], v["awarded_on"])


class ProjectDialog(RecordDialog):
    def __init__(self, ctx: AppContext, org_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("Forms", "Purchased-service project: {name}").format(name=name), parent)
        self.resize(600, 380)
        self.org_id = org_id
        f = self.form
        f.add_text("name", translate("Forms", "Project name"))
        f.add_text("buyer", translate("Forms", "Buyer"))
        f.add_text("amount", translate("Forms", "Amount (yuan)"), decimal_check("amount", "金额"))
        f.add_text("starts_on", translate("Forms", "Starts on"), date_check("starts_on", "开始日期"), "YYYY-MM-DD")
        f.add_text("ends_on", translate("Forms", "Ends on"), date_check("ends_on", "结束日期"), "YYYY-MM-DD")
        f.add_choice("status", translate("Forms", "Project status"), choices(PROJECT_STATUSES), None)

    def operation(self) -> Callable[[], Changes]:
        data, actor, org = self.form.values(), self.ctx.actor, self.org_id
        return lambda: ops.add_service_project(actor, org, data)


class DeregisterDialog(ReasonDialog):
    """注销 or 撤销, with a reason; the question names the organization."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("Forms", "Deregister organization"), translate(
            "Forms", "Mark “{name}” as deregistered (注销) or revoked (撤销)? It stays in the register "
            "with its history, but can no longer be chosen for new records.").format(name=name), parent)
        self.status = QComboBox()
        self.status.setObjectName("deregister_status")
        for status in ORG_STATUSES[1:]:
            self.status.addItem(status, status)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)  # the dialog's own vertical layout
        layout.insertWidget(1, QLabel(translate("Forms", "New status:")))
        layout.insertWidget(2, self.status)

    def chosen_status(self) -> str:
        return str(self.status.currentData())
