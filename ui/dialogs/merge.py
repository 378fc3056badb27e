"""Merging another person record into the one selected (administrators): the record to
merge is chosen with the search box, a reason is required, and the core does the rest
(registry/ops/merging.py: roles, hours, trainings and certificates move to the kept record,
the other stays as a tombstone pointing to it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ui.dialogs.deactivate import ReasonDialog
from ui.runtime.i18n import translate
from ui.widgets.search import SearchBox

if TYPE_CHECKING:
    from registry.ops import Changes
    from ui.runtime.context import AppContext


class MergeDialog(ReasonDialog):
    """"Merge another record into 张三": the other record by search, a reason; OK once both are given."""

    def __init__(self, ctx: AppContext, keep_id: int, keep_name: str, parent: QWidget | None = None) -> None:
        self.keep_id = keep_id
        self.drop_id: int | None = None
        super().__init__(
            translate("Forms", "Merge person records"),
            translate("Forms", "The record of {name} is kept. Find the other record of the same "
                      "person: its roles, hours, trainings and certificates move here, and it stays "
                      "only as a pointer to this record, so its document number and old certificates "
                      "still lead here. A merge cannot be undone.").replace("{name}", keep_name),
            parent, ok_text=translate("Forms", "Merge"), size=(620, 360))
        self.search = SearchBox(ctx.worker, self, actor=lambda: ctx.actor,
                                may_unmask=lambda: ctx.may("unmask"))
        self.search.setObjectName("merge_search")
        self.search.person_chosen.connect(self._chosen)
        self.insert(self.search)
        self.chosen = QLabel(translate("Forms", "No record chosen yet."))
        self.chosen.setObjectName("merge_chosen")
        self.chosen.setWordWrap(True)
        self.insert(self.chosen)

    def _chosen(self, person_id: int) -> None:
        match = next((m for m in self.search.last_results if m.id == person_id), None)
        if person_id == self.keep_id:
            self.drop_id = None
            self.chosen.setText(translate("Forms", "That is the record being kept: choose the other one."))
        else:
            self.drop_id = person_id
            label = match.who.label() if match is not None else str(person_id)
            self.chosen.setText(translate("Forms", "To merge into it: {record}").replace("{record}", label))
        self.update_ok()

    def ready(self) -> bool:
        return self.drop_id is not None and super().ready()


def merge_into(ctx: AppContext, parent: QWidget, role: str, record_id: int) -> None:
    """For the volunteer or social worker `record_id` (`role` as registry.queries.people.role_person
    names it): ask which record to merge into its person, and why; then merge."""
    from registry import ops
    from registry.queries.people import role_person

    def ask(found: tuple[int, str]) -> None:
        keep_id, name = found
        dialog = MergeDialog(ctx, keep_id, name, parent)
        if dialog.exec() and dialog.drop_id is not None:
            drop_id, reason, actor = dialog.drop_id, dialog.text(), ctx.actor
            ctx.run_op(parent, lambda: ops.merge_people(actor, keep_id, drop_id, reason),
                       lambda changes: merged(parent, name, changes))

    ctx.worker.call(lambda: role_person(role, record_id), on_done=ask)


def merged(parent: QWidget, name: str, changes: Changes) -> None:
    """Say the merge is done, with what the core asks the clerk to check (days over 24 hours)."""
    text = translate("Forms", "The records were merged into {name}.").replace("{name}", name)
    if changes.warnings:
        text += "\n\n" + "\n".join(p.message for p in changes.warnings)
    QMessageBox.information(parent, translate("Forms", "Merge person records"), text)
