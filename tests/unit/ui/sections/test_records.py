"""The organization's year, training attendance, continuing education, extending
registrations, certificates, deadlines and showing full numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox


def first_key(running: Any, key: str) -> Any:
    section = running.section(key)
    section.view.selectRow(0)
    running.qtbot.waitUntil(lambda: section.current_key is not None)
    running.qtbot.waitUntil(lambda: not section._detail_timer.isActive())
    running.idle()
    return section, section.current_key


def save_dialog(running: Any, dialog: Any, values: dict[str, Any]) -> None:
    dialog.form.set_values(values)
    dialog.save()
    running.qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    running.idle()


def test_organization_year_inspection_grade_project_and_deregistration(running: Any, monkeypatch: Any) -> None:
    from registry.storage.models import Organization
    from ui.dialogs.org_year import DeregisterDialog, GradeDialog, InspectionDialog, ProjectDialog

    section, key = first_key(running, "organizations")
    year = dt.date.today().year - 1
    for dialog, values in (
            (InspectionDialog(running.ctx, key, "X", section), {"year": year, "result": "基本合格"}),
            (GradeDialog(running.ctx, key, "X", section), {"grade": "4A", "awarded_on": "2024-03-01"}),
            (ProjectDialog(running.ctx, key, "X", section),
             {"name": "社区养老购买服务", "buyer": "民政局", "amount": "120000", "starts_on": "2025-01-01"})):
        save_dialog(running, dialog, values)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    running.qtbot.waitUntil(lambda: "社区养老购买服务" in section.detail.toPlainText())
    text = section.detail.toPlainText()
    assert f"{year}" in text and "基本合格" in text and "4A" in text and "2029-03-01" in text

    def fill(self: DeregisterDialog) -> int:
        self.status.setCurrentIndex(self.status.findData("撤销"))
        self.reason.setPlainText("连续两年未年检")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(DeregisterDialog, "exec", fill)
    section.deregister()
    running.idle()
    assert running.query(lambda: Organization.get_by_id(key).status) == "撤销"


def test_a_failed_inspection_shows_the_organization_may_not_apply_for_evaluation(running: Any) -> None:
    from registry.storage.models import Organization
    from ui.dialogs.org_year import InspectionDialog

    section, key = first_key(running, "organizations")
    running.query(lambda: Organization.update(org_type="社会团体").where(Organization.id == key).execute())
    year = dt.date.today().year - 1
    save_dialog(running, InspectionDialog(running.ctx, key, "X", section), {"year": year, "result": "不合格"})
    running.qtbot.waitUntil(lambda: "不能申请评估" in section.detail.toPlainText())
    assert f"不能申请评估：{year} 年度年检不合格" in section.detail.toPlainText()


def test_inspection_problems_are_shown_beside_the_field(running: Any) -> None:
    from ui.dialogs.org_year import InspectionDialog

    section, key = first_key(running, "organizations")
    dialog = InspectionDialog(running.ctx, key, "X", section)
    save_dialog(running, dialog, {"year": "1900"})
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.form.message("year")


def test_attendance_by_ticking_and_by_pasting_with_unknown_numbers_listed(running: Any) -> None:
    from registry.storage.models import Attendance, Person
    from ui.dialogs.attendance import AttendanceDialog

    section, key = first_key(running, "trainings")
    before = running.query(lambda: Attendance.select().where(Attendance.training == key).count())
    dialog = AttendanceDialog(running.ctx, key, "培训", section)
    running.qtbot.addWidget(dialog)
    running.qtbot.waitUntil(lambda: dialog.people.count() > 2)
    for row in (0, 1):
        dialog.people.item(row).setCheckState(Qt.CheckState.Checked)
    assert "2" in dialog.count.text()
    known = running.query(lambda: Person.select().order_by(Person.id.desc()).first().id_number)
    dialog.pasted.setPlainText(f"{known}\n110105199001011234\n")
    dialog.save()
    running.qtbot.waitUntil(lambda: "110105199001011234" in dialog.message.text())
    assert running.query(lambda: Attendance.select().where(Attendance.training == key).count()) == before
    dialog.pasted.setPlainText(known)
    dialog.hours.setText("3")
    dialog.save()
    running.qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    running.idle()
    after = running.query(lambda: Attendance.select().where(Attendance.training == key).count())
    assert before < after <= before + 3
    running.qtbot.waitUntil(lambda: "3" in section.detail.toPlainText())
    assert "签到" in section.detail.toPlainText() or "Attendance" in section.detail.toPlainText()


def test_social_worker_detail_shows_continuing_education(running: Any) -> None:
    section, _key = first_key(running, "social_workers")
    text = section.detail.toPlainText()
    for label in ("本周期继续教育学时", "要求学时", "尚差学时", "继续教育周期", "完成期限"):
        assert label in text, label


def test_extending_registrations_is_for_administrators(running_as: Any, monkeypatch: Any) -> None:
    from registry.storage.models import SocialWorker
    from ui.dialogs.extend import ExtendDialog

    r = running_as("管理员")
    assert r.section("social_workers").extend_button.isVisibleTo(r.window)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    soon = r.query(lambda: SocialWorker.select().where(SocialWorker.registered_until.is_null(False))
                   .order_by(SocialWorker.registered_until).first())
    dialog = ExtendDialog(r.ctx, r.window)
    day = soon.registered_until.isoformat()
    save_dialog(r, dialog, {"from": day, "to": day, "months": "6", "reason": "民政部通知"})
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    assert r.query(lambda: SocialWorker.get_by_id(soon.id).registered_until) > soon.registered_until


def test_certificate_issued_written_listed_and_reprinted(running: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from pypdf import PdfReader

    from registry.storage.models import AuditEntry, Certificate, ServiceRecord
    from ui.dialogs.certificate import CertificateDialog

    volunteer = running.query(lambda: ServiceRecord.select(ServiceRecord.volunteer)
                              .where(ServiceRecord.status == "approved").first().volunteer_id)
    section = running.section("volunteers")
    saved_to = tmp_path / "证明.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved_to), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    dialog = CertificateDialog(running.ctx, volunteer, "某人", section)
    running.qtbot.waitUntil(lambda: "办事处" in dialog.form.value("issuing_organization"))
    save_dialog(running, dialog, {"period_from": "2000-01-01", "person_in_charge": "王主任",
                                  "contact": "010-65001234"})
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    running.qtbot.waitUntil(lambda: saved_to.exists() and bool(asked), timeout=10_000)
    assert "志愿服务证明" in PdfReader(str(saved_to)).pages[0].extract_text().replace(" ", "")
    assert str(saved_to) in asked[0]

    certs = running.section("certificates")
    assert certs.model.rowCount() == 1
    number = running.query(lambda: Certificate.get().number)
    assert certs.model.data(certs.model.index(0, 0)) == number
    assert "*" in certs.model.data(certs.model.index(0, 2))  # the ID number stays masked
    certs.view.selectRow(0)
    running.qtbot.waitUntil(lambda: certs.current_key is not None)
    saved_to.unlink()
    certs.reprint()
    running.qtbot.waitUntil(lambda: saved_to.exists(), timeout=10_000)
    running.idle()
    assert running.query(lambda: AuditEntry.select().where(AuditEntry.action == "reprint").count()) == 1


def test_deadlines_filter_and_open_the_record(running: Any) -> None:
    from registry.queries.deadlines import upcoming

    stats = running.section("stats")
    counts = {}
    for days in (30, 90, 180):
        stats.within.setCurrentIndex(stats.within.findData(days))
        running.idle()
        counts[days] = stats.deadlines.rowCount()
        assert counts[days] == len(running.query(lambda d=days: upcoming(within_days=d)))
    assert counts[30] <= counts[90] <= counts[180] and counts[180] > 0
    row = next(i for i, d in enumerate(stats.due_items) if d.table == "social_worker")
    stats.open_deadline(row)
    running.idle()
    section = running.window.current_section()
    assert section.key == "social_workers" and section.current_key == stats.due_items[row].record_id
    row = next((i for i, d in enumerate(stats.due_items) if d.table == "organization"), None)
    if row is not None:
        stats.open_deadline(row)
        assert running.window.current_section().key == "organizations"


def test_an_administrator_reveals_full_numbers_in_the_detail_only_and_it_is_logged(running_as: Any) -> None:
    from registry.storage.models import AuditEntry, Person, Volunteer

    r = running_as("管理员")
    section, key = first_key(r, "volunteers")
    number = r.query(lambda: Volunteer.get_by_id(key).person.id_number)
    assert number not in section.detail.toPlainText()
    assert section.reveal_button.isVisible()
    section.reveal_button.click()
    r.qtbot.waitUntil(lambda: number in section.detail.toPlainText())
    assert number not in str(section.model.data(section.model.index(0, 2)))
    assert r.query(lambda: AuditEntry.select().where(AuditEntry.action == "unmask").count()) == 1
    section.view.selectRow(1)
    r.qtbot.waitUntil(lambda: section.current_key != key)
    other = r.query(lambda: Person.get_by_id(Volunteer.get_by_id(section.current_key).person_id).id_number)
    r.qtbot.waitUntil(lambda: not section._detail_timer.isActive())
    r.idle()
    assert other not in section.detail.toPlainText()


def test_show_full_numbers_turns_into_hide_and_back(running_as: Any) -> None:
    from registry.storage.models import AuditEntry, Volunteer

    r = running_as("管理员")
    section, key = first_key(r, "volunteers")
    number = r.query(lambda: Volunteer.get_by_id(key).person.id_number)
    assert section.reveal_button.text() == "显示完整号码"
    section.reveal_button.click()
    r.qtbot.waitUntil(lambda: number in section.detail.toPlainText())
    assert section.reveal_button.text() == "隐藏完整号码"
    section.reveal_button.click()  # hide: at once, and nothing more is logged
    r.qtbot.waitUntil(lambda: number not in section.detail.toPlainText())
    assert section.reveal_button.text() == "显示完整号码"
    r.idle()
    assert r.query(lambda: AuditEntry.select().where(AuditEntry.action == "unmask").count()) == 1
    section.reveal_button.click()
    r.qtbot.waitUntil(lambda: section.reveal_button.text() == "隐藏完整号码")
    section.view.selectRow(1)  # another person: masked again, the button says so
    r.qtbot.waitUntil(lambda: section.current_key != key)
    assert section.reveal_button.text() == "显示完整号码"
