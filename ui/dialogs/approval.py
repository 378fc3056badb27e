"""审核所选: first what will be approved (lines, people, hours) and a question whose default
is 取消, since approved hours can only be corrected, never edited; afterwards what was done
and what was not, and why (one's own lines under the four-eyes rule, lines approved before)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from registry.queries.approval import ApprovalPlan
from ui.models.lists import hours_text
from ui.runtime.i18n import translate


def title() -> str:
    return translate("Approval", "Approve hours")


def not_approved(plan: ApprovalPlan) -> list[str]:
    """Why the lines left out are left out, one sentence each."""
    out = []
    if plan.own:
        out.append(translate("Approval", "{count} of the lines chosen you recorded yourself: another "
                             "clerk or an administrator approves them.").format(count=plan.own))
    if plan.already:
        out.append(translate("Approval", "{count} were approved before.").format(count=plan.already))
    if plan.gone:
        out.append(translate("Approval", "{count} are no longer in the register.").format(count=plan.gone))
    return out


def question_text(plan: ApprovalPlan) -> str:
    text = translate("Approval", "Approve {lines} lines of hours for {people} people, {hours} hours in "
                     "all?").format(lines=len(plan.approvable), people=plan.people, hours=hours_text(plan.hours))
    text += "\n" + translate("Approval", "Approved hours count in the volunteers' totals and can no "
                             "longer be edited, only corrected.")
    left_out = not_approved(plan)
    if left_out:
        text += "\n\n" + translate("Approval", "Not approved:") + "\n" + "\n".join(left_out)
    return text


def done_text(plan: ApprovalPlan) -> str:
    text = translate("Approval", "Approved {lines} lines of hours for {people} people, {hours} hours in "
                     "all.").format(lines=len(plan.approvable), people=plan.people, hours=hours_text(plan.hours))
    left_out = not_approved(plan)
    if left_out:
        text += "\n\n" + translate("Approval", "Not approved:") + "\n" + "\n".join(left_out)
    return text


def nothing_text(plan: ApprovalPlan) -> str:
    return "\n".join([translate("Approval", "Nothing was approved."), *not_approved(plan)])


def confirm_approval(parent: QWidget, plan: ApprovalPlan) -> bool:
    """Ask before approving; 取消 is the default, for Enter and Esc alike."""
    box = QMessageBox(QMessageBox.Icon.Question, title(), question_text(plan), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("approval_question")
    approve = box.addButton(translate("Approval", "Approve"), QMessageBox.ButtonRole.AcceptRole)
    approve.setObjectName("approve")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(translate("Approval", "Cancel"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton() is approve
    box.deleteLater()
    return chosen


def tell(parent: QWidget, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title(), text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("approval_report")
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(translate("Approval", "OK"))
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.exec()
    box.deleteLater()
