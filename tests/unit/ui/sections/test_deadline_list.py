"""The deadline list as a worklist: filters, 导出 as 到期事项清单, extending the selected items."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from helpers.rosters import data_rows, values
from PySide6.QtCore import QDate, QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

TODAY = dt.date.today()


def worklist(running: Any) -> Any:
    stats = running.section("stats")
    w = stats.worklist
    w.within.setCurrentIndex(w.within.findData(180))
    running.idle()
    return w


def shown_items(w: Any) -> list[tuple[str, str, str]]:
    return [(w.table.item(r, 2).text(), w.table.item(r, 3).text(), w.table.item(r, 4).text())
            for r in range(w.table.rowCount())]


def select_rows(w: Any, rows: list[int]) -> None:
    w.table.clearSelection()
    model = w.table.selectionModel()
    for row in rows:
        model.select(w.table.model().index(row, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_the_filters_narrow_the_list_as_the_core_does(running: Any) -> None:
    from registry.queries.deadlines import DueFilter, upcoming

    w = worklist(running)
    everything = running.query(lambda: upcoming(within_days=180))
    assert [i.subject for i in w.items] == [i.subject for i in everything] and len(everything) > 3

    w.kind_actions["registration_expiry"].setChecked(True)
    running.idle()
    assert w.kinds.text() == "社工登记有效期届满"
    assert {i.kind for i in w.items} == {"registration_expiry"}
    assert len(w.items) == sum(i.kind == "registration_expiry" for i in everything)
    w.kind_actions["evaluation_expiry"].setChecked(True)
    running.idle()
    assert {i.kind for i in w.items} == {"registration_expiry", "evaluation_expiry"}

    community = next(i.community for i in w.items if i.community)
    w.community.setCurrentIndex(w.community.findText(community))
    running.idle()
    assert w.items and all(row[2] == community for row in shown_items(w))

    w.community.setCurrentIndex(0)
    start, end = TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=120)
    w.due_from.setDate(QDate(start.year, start.month, start.day))
    w.due_to.setDate(QDate(end.year, end.month, end.day))
    running.idle()
    assert not w.within.isEnabled()  # the closing date replaces the horizon
    expected = running.query(lambda: upcoming(due=DueFilter(
        kinds=frozenset({"registration_expiry", "evaluation_expiry"}), due_from=start, due_to=end)))
    assert [(i.kind, i.record_id) for i in w.items] == [(i.kind, i.record_id) for i in expected]
    assert all(start <= i.due <= end for i in w.items)


def test_export_writes_the_list_as_filtered(running: Any, tmp_path: Path) -> None:
    w = worklist(running)
    w.kind_actions["registration_expiry"].setChecked(True)
    running.idle()
    target = tmp_path / "到期事项清单.xlsx"
    w.export_to(target)
    running.qtbot.waitUntil(lambda: w.export_button.isEnabled() and target.exists(), timeout=20_000)
    running.idle()
    sheet = values(target)
    assert sheet[0][0].endswith("到期事项清单") and "事项=社工登记有效期届满" in sheet[1][0]
    assert [(r[2], r[4].date()) for r in data_rows(target)] == [(i.subject, i.due) for i in w.items]
    assert str(target) in w.result.text()


def test_the_selected_registrations_and_grades_are_extended_each_logged(
        running_as: Any, monkeypatch: Any) -> None:
    from registry.storage.models import AuditEntry, EvaluationGrade, SocialWorker
    from ui.dialogs.worklist_extend import WorklistExtendDialog

    r = running_as("管理员")
    w = worklist(r)
    assert w.extend_button.isVisibleTo(r.window) and not w.extend_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    answers: dict[str, str] = {}

    def fill(dialog: WorklistExtendDialog) -> int:
        dialog.form.set_values(answers)
        dialog.save()
        r.qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
        return int(dialog.result())
    monkeypatch.setattr(WorklistExtendDialog, "exec", fill)

    w.kind_actions["registration_expiry"].setChecked(True)
    r.idle()
    select_rows(w, [0, 1])
    picked = [i.record_id for i in w.selected()]
    before = r.query(lambda: {x.id: x.registered_until for x in SocialWorker.select()})
    assert len(picked) == 2 and w.extend_button.isEnabled()
    answers.update(months="6", reason="民政部通知：有效期顺延 6 个月")
    w.extend()
    r.idle()
    after = r.query(lambda: {x.id: x.registered_until for x in SocialWorker.select()})
    assert {k for k in after if after[k] != before[k]} == set(picked)
    assert r.query(lambda: AuditEntry.select().where(AuditEntry.action == "extend_registration").count()) == 2

    w.kind_actions["registration_expiry"].setChecked(False)
    w.kind_actions["evaluation_expiry"].setChecked(True)
    r.idle()
    select_rows(w, [0])
    [grade] = w.selected()
    answers.clear()
    answers.update(until="2027-12-31", reason="因政策调整，评估等级有效期统一延长至 2027-12-31")
    w.extend()
    r.idle()
    assert r.query(lambda: max(g.expires_on for g in EvaluationGrade.select().where(
        EvaluationGrade.organization == grade.record_id))) == dt.date(2027, 12, 31)
    assert r.query(lambda: AuditEntry.select().where(AuditEntry.action == "extend_grade").count()) == 1
    assert grade.record_id not in [i.record_id for i in w.items]  # refreshed: no longer due within 180 days

    w.kind_actions["registration_expiry"].setChecked(True)  # a mixed selection extends nothing
    r.idle()
    select_rows(w, list(range(w.table.rowCount())))
    assert {i.kind for i in w.selected()} == {"registration_expiry", "evaluation_expiry"}
    assert not w.extend_button.isEnabled()


def test_a_clerk_sees_no_extension(running_as: Any) -> None:
    r = running_as("办事员")
    w = worklist(r)
    assert not w.extend_button.isVisibleTo(r.window)
