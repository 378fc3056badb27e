"""The training and service-hours sections."""

from __future__ import annotations

from typing import Any

from registry import ops
from registry.queries.approval import ApprovalPlan, approval_plan
from registry.queries.records import record_detail, training_detail, training_title
from ui.dialogs import approval
from ui.dialogs.activity import ActivityHoursDialog
from ui.dialogs.attendance import AttendanceDialog
from ui.dialogs.hours import CorrectDialog
from ui.dialogs.training import TrainingDialog
from ui.models.lists import ServiceRecordList, TrainingList, date_text, hours_text
from ui.runtime.context import AppContext, show_error
from ui.runtime.i18n import tr_noop, translate
from ui.sections.base import FilterDef, ListSection, detail_table, small_table
from ui.sections.people import _communities, _organizations, _years


def training_html(training_id: int, actor: str) -> str:
    """On the worker: the training and who attended it."""
    t = training_detail(training_id, actor)
    rows = [(translate("Sections", "Organizer"), t.organizer),
            (translate("Sections", "Dates"), f"{t.starts_on} – {t.ends_on}"),
            (translate("Sections", "Hours"), hours_text(t.hours)),
            (translate("Sections", "Category"), t.category),
            (translate("Sections", "Continuing education"),
             translate("Lists", "Yes") if t.counts_as_ce else translate("Lists", "No")),
            (translate("Sections", "Attendees"), t.attendee_count)]
    extra = small_table(translate("Sections", "Attendance"),
                        [translate("Sections", "Name"), translate("Sections", "ID number"),
                         translate("Sections", "Hours credited"), translate("Sections", "Passed")],
                        [[a.name, a.id_number, hours_text(a.hours_credited),
                          translate("Lists", "Yes") if a.passed else translate("Lists", "No")]
                         for a in t.attendees])
    return detail_table(t.title, rows, extra)


class TrainingsSection(ListSection):
    key = "trainings"
    spec = TrainingList()
    tables = frozenset({"training", "attendance"})
    filter_defs = (FilterDef("year", tr_noop("Sections", "Year"), _years),)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "New training"), "new", self.new_record, "new", "create")
        self.add_action(translate("Sections", "Attendance…"), "attendance", self.record_attendance,
                        "attendance", "attendance", on_selection=True)

    def detail_html(self, key: Any) -> str:
        return training_html(key, self.ctx.actor)

    def new_record(self) -> None:
        TrainingDialog(self.ctx, self).exec()

    def record_attendance(self) -> None:
        key = self.current_key
        if key is not None:
            self.ctx.worker.call(training_title, key,
                                 on_done=lambda title: AttendanceDialog(self.ctx, key, title, self).exec())


def _approval(_ctx: AppContext) -> list[tuple[Any, str]]:
    return [("pending", translate("Lists", "Pending")), ("approved", translate("Lists", "Approved"))]


def record_html(record_id: int) -> str:
    """On the worker: one line of the hours ledger."""
    r = record_detail(record_id)
    rows = [(translate("Sections", "Volunteer"), r.volunteer),
            (translate("Sections", "Service date"), date_text(r.service_date)),
            (translate("Sections", "Hours"), hours_text(r.hours)),
            (translate("Sections", "Category"), r.category),
            (translate("Sections", "Content"), r.content), (translate("Sections", "Place"), r.place),
            (translate("Sections", "Recorder"), r.recorder),
            (translate("Sections", "Approver"), r.approver),
            (translate("Sections", "Corrects entry"), r.corrects or ""),
            (translate("Sections", "Reason"), r.correction_reason)]
    return detail_table(translate("Sections", "Entry {number}").format(number=r.id), rows)


class HoursSection(ListSection):
    key = "hours"
    spec = ServiceRecordList()
    tables = frozenset({"service_record", "activity"})
    filter_defs = (
        FilterDef("approval", tr_noop("Sections", "Status"), _approval),
        FilterDef("community", tr_noop("Sections", "Community"), _communities),
        FilterDef("organization", tr_noop("Sections", "Organization"), _organizations),
        FilterDef("year", tr_noop("Sections", "Year"), _years),
    )

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "Hours for an activity"), "activity", self.new_record,
                        "activity_hours", "create")
        self.add_action(translate("Sections", "Approve selected"), "approve", self.approve, "approve",
                        "approve", on_selection=True)
        self.add_action(translate("Sections", "Correct"), "correct", self.correct, "correct", "correct",
                        on_selection=True)

    def detail_html(self, key: Any) -> str:
        return record_html(key)

    def new_record(self) -> None:
        ActivityHoursDialog(self.ctx, self).exec()

    def approve(self) -> None:
        """Say what approving the selected lines would do, ask, approve, say what was done."""
        keys, actor = self.selected_keys(), self.ctx.actor
        if not keys:
            approval.tell(self, translate("Approval", "Select the lines to approve in the list first "
                                          "(Ctrl or Shift and a click select several)."))
            return

        def planned(plan: ApprovalPlan) -> None:
            if not plan.approvable:
                approval.tell(self, approval.nothing_text(plan))
            elif approval.confirm_approval(self, plan):
                ids = plan.approvable
                self.ctx.run_op(self, lambda: ops.approve_records(actor, ids),
                                on_done=lambda _changes: approval.tell(self, approval.done_text(plan)))
        self.ctx.worker.call(approval_plan, actor, keys, on_done=planned,
                             on_error=lambda error: show_error(self, error))

    def correct(self) -> None:
        key = self.current_key
        if key is None:
            return
        row = self.view.currentIndex().row()
        values = self.model.row_values(row) or ()
        hours = values[7] if len(values) > 7 else ""
        content = values[5] if len(values) > 5 else ""
        CorrectDialog(self.ctx, key, str(hours), str(content), self).exec()
