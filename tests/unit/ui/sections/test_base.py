"""Driving each section as a clerk would."""

from __future__ import annotations

from typing import Any

from helpers.message_boxes import answering, button_named
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from registry.storage.models import AuditEntry, Person, ServiceRecord, Volunteer

GOOD_ID = "11010519491231002X"


def type_text(qtbot: Any, edit: Any, text: str) -> None:
    """Type as a clerk does: keys for ASCII, committed input-method text for Chinese
    (QTest cannot send non-ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            edit.insert(char)


def test_volunteer_list_shows_rows_and_count(running: Any) -> None:
    section = running.section("volunteers")
    assert section.model.rowCount() == 400
    assert section.model.data(section.model.index(0, 0))
    assert "400" in running.window.status_label.text()


def test_every_section_opens(running: Any) -> None:
    for key in running.window.sections:
        assert running.section(key).is_ready()


def test_filter_by_community_narrows_the_list_and_shows_in_status(running: Any, qtbot: Any) -> None:
    section = running.section("volunteers")
    box = section.filter_boxes["community"]
    box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: section.is_ready() and section.model.rowCount() < 400)
    running.idle()
    expected = running.query(lambda: Volunteer.select().where(
        Volunteer.community == box.currentData()).count())
    assert section.model.rowCount() == expected
    assert box.currentText() in running.window.status_label.text()


def test_search_box_finds_a_person_as_typed(running: Any, qtbot: Any) -> None:
    name = running.query(lambda: Volunteer.select().first().person.name)
    search = running.window.search
    type_text(qtbot, search, name)
    qtbot.waitUntil(lambda: search.results.isVisible() and bool(search.last_results), timeout=5000)
    texts = [search.results.item(i).text() for i in range(search.results.count())]
    assert any(name in t for t in texts)
    # choosing the result opens the volunteer's page with the details
    qtbot.mouseClick(search.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=search.results.visualItemRect(search.results.item(0)).center())
    section = running.window.sections["volunteers"]
    qtbot.waitUntil(lambda: name in section.detail.toPlainText(), timeout=5000)


def test_stale_search_results_are_dropped(running: Any, qtbot: Any) -> None:
    search = running.window.search
    search.setText("张")
    search._search()
    search.setText("zzzzzzzz")
    qtbot.waitUntil(lambda: running.worker.pending == 0)
    assert search.last_results == [] or all("张" not in r.name for r in search.last_results)


def _dialog(qtbot: Any, cls: type) -> Any:
    found: list[Any] = []
    qtbot.waitUntil(lambda: bool(found.extend(w for w in qtbot_top(cls) if w.isVisible()) or found),
                    timeout=5000)
    return found[0]


def qtbot_top(cls: type) -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls)]


def test_bad_id_number_shows_error_and_blocks_saving(running: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    dialog = VolunteerDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    id_edit = dialog.form.fields["id_number"].widget
    qtbot.keyClicks(id_edit, "110105194912310021")
    assert "校验码" in dialog.form.message("id_number")
    assert not dialog.save_button.isEnabled()
    id_edit.clear()
    qtbot.keyClicks(id_edit, GOOD_ID)
    assert dialog.form.fields["id_number"].problems == () or not dialog.form.fields["id_number"].problems[0].is_error
    assert "1949-12-31" in dialog.form.fields["id_facts"].widget.text()
    assert "女" in dialog.form.fields["id_facts"].widget.text()
    assert dialog.save_button.isEnabled()
    running.idle()


def test_new_volunteer_is_saved_listed_and_logged(running: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    section = running.section("volunteers")
    dialog = VolunteerDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, GOOD_ID)
    type_text(qtbot, dialog.form.fields["name"].widget, "测试新人")
    qtbot.keyClicks(dialog.form.fields["phone"].widget, "13800138000")
    dialog.form.fields["community"].widget.setCurrentIndex(1)  # required: the register has communities
    running.idle()
    dialog.activateWindow()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.is_ready() and section.model.rowCount() == 401, timeout=5000)
    last = section.model.rowCount() - 1
    section.view.scrollToBottom()
    qtbot.waitUntil(lambda: section.model.is_loaded(last), timeout=5000)
    assert section.model.row_values(last)[2] == "测试新人"
    audit = running.section("audit")
    qtbot.waitUntil(lambda: audit.model.is_loaded(0), timeout=5000)
    user = [c.title for c in audit.spec.columns].index("User")
    actors = [audit.model.row_values(i)[user + 2] for i in range(3)]  # after (key, sort value)
    assert "测试员" in actors
    assert running.query(lambda: AuditEntry.select().where(
        (AuditEntry.actor == "测试员") & (AuditEntry.table_name == "volunteer")).count()) == 1


def test_an_edit_form_shows_numbers_masked_and_keeps_them(running: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    key, number, phone = running.query(lambda: (lambda v: (v.id, v.person.id_number, v.person.phone))(
        Volunteer.select().where(Volunteer.person.in_(
            Person.select(Person.id).where(Person.phone != ""))).first()))
    dialog = VolunteerDialog(running.ctx, key, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    id_edit = dialog.form.fields["id_number"].widget
    qtbot.waitUntil(lambda: bool(id_edit.text()), timeout=5000)
    assert "*" in id_edit.text() and number not in id_edit.text()
    assert phone not in dialog.form.fields["phone"].widget.text()
    assert not dialog.form.fields["id_number"].problems and dialog.save_button.isEnabled()
    dialog.form.fields["address"].widget.setText("新的住址 1 号")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = running.query(lambda: (lambda p: (p.id_number, p.phone, p.address))(
        Volunteer.get_by_id(key).person))
    assert stored == (number, phone, "新的住址 1 号")


def test_existing_id_number_opens_the_existing_person(running: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    number, name = running.query(lambda: (lambda p: (p.id_number, p.name))(
        Volunteer.select().first().person))
    dialog = VolunteerDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, number)
    open_button = dialog.person.open_button
    qtbot.waitUntil(lambda: not open_button.isHidden(), timeout=5000)
    assert name in dialog.banner.text()
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    section = running.window.sections["volunteers"]
    qtbot.waitUntil(lambda: name in section.detail.toPlainText(), timeout=5000)
    assert running.query(lambda: Person.select().where(Person.id_number == number).count()) == 1


def test_deactivating_asks_for_a_reason(running: Any, qtbot: Any, monkeypatch: Any) -> None:
    from ui.dialogs import deactivate

    section = running.section("volunteers")
    section.view.selectRow(0)
    key = section.model.key_at(0)
    monkeypatch.setattr(deactivate.ReasonDialog, "exec", lambda self: (
        self.reason.setPlainText("搬离本街道"), self.ok.isEnabled() and self.accept())[1] or 1)
    section.deactivate()
    running.idle()
    status, reason = running.query(lambda: (lambda v: (v.status, v.status_reason))(Volunteer.get_by_id(key)))
    assert (status, reason) == ("注销", "搬离本街道")


def test_reason_dialog_needs_a_reason(qtbot: Any) -> None:
    from ui.dialogs.deactivate import ReasonDialog

    dialog = ReasonDialog("注销", "确定吗？")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.reason.insertPlainText("原因")
    assert dialog.ok.isEnabled()


def test_record_approve_and_correct_hours(running: Any, qtbot: Any) -> None:
    from ui.dialogs.hours import CorrectDialog, HoursDialog

    volunteer_id = running.query(lambda: Volunteer.select().where(Volunteer.status == "在册").first().id)
    dialog = HoursDialog(running.ctx, volunteer_id, "某人", running.window)
    qtbot.addWidget(dialog)
    dialog.form.set_value("hours", "2.5")
    dialog.form.set_value("content", "测试服务")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    record_id = saved.args[0].id
    hours = running.section("hours")
    hours.set_filter("approval", "pending")
    qtbot.waitUntil(lambda: hours.is_ready() and hours.model.rowCount() > 0, timeout=5000)
    running.idle()
    row = next(r for r in range(hours.model.rowCount()) if hours.model.key_at(r) == record_id)
    hours.view.selectRow(row)
    with answering(button_named("approve")) as boxes:
        hours.approve()
        qtbot.waitUntil(lambda: len(boxes.seen) == 2, timeout=10_000)  # asked, then told
    running.idle()
    assert running.query(lambda: ServiceRecord.get_by_id(record_id).status) == "approved"
    correct = CorrectDialog(running.ctx, record_id, "2.5", "测试服务", running.window)
    qtbot.addWidget(correct)
    correct.form.set_value("hours", "2")
    correct.form.set_value("correction_reason", "多记了半小时")
    with qtbot.waitSignal(correct.saved, timeout=5000) as fixed:
        correct.save()
    new = running.query(lambda: ServiceRecord.get_by_id(fixed.args[0].id))
    assert new.corrects_id == record_id and str(new.hours) in ("2", "2.00")
    assert running.query(lambda: str(ServiceRecord.get_by_id(record_id).hours)) in ("2.5", "2.50")


def test_activity_hours_for_pasted_id_numbers(running: Any, qtbot: Any) -> None:
    from ui.dialogs.activity import ActivityHoursDialog

    numbers = running.query(lambda: [v.person.id_number for v in Volunteer.select().where(
        Volunteer.status == "在册").order_by(Volunteer.id.desc()).limit(2)])
    dialog = ActivityHoursDialog(running.ctx, running.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.activity.count() > 0, timeout=5000)
    running.idle()
    assert dialog.form.value("hours")  # filled from the activity's times
    dialog.paste.setPlainText("\n".join(numbers))
    qtbot.mouseClick(dialog.findChild(QPushButton, "add_people"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.attendees.person_count() == 2, timeout=5000)
    assert len(dialog.checked()) == 2  # a whole ID number names one person: ticked
    dialog.form.set_value("hours", "1.5")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert len(saved.args[0].ids) == 2


def test_empty_register_says_what_to_do_next(running_empty: Any) -> None:
    window = running_empty.window
    window.show_section("volunteers")
    assert window.stack.currentWidget() is window.welcome
    assert "空" in window.status_label.text()


def test_shortcuts(running: Any, qtbot: Any) -> None:
    window = running.window
    running.section("volunteers")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus() or window.focusWidget() is window.search
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section().key == "export"
    assert window.sections["export"].roster.currentData() == "volunteers"



def test_the_audit_log_shows_changes_with_numbers_masked(running: Any) -> None:
    from registry import ops
    from ui.sections.audit import audit_html

    number, phone = "11010519491231002X", "13800138000"

    def create() -> str:
        person = ops.register_person("测试员", {"id_number": number, "name": "张三", "phone": phone}).id
        entry = AuditEntry.get((AuditEntry.table_name == "person") & (AuditEntry.record_id == person))
        return audit_html(entry.id)
    shown = running.query(create)
    assert "张三" in shown and "110105**********2X" in shown and "138****8000" in shown
    for full in (number, phone):  # neither as typed nor reversed, as the search columns hold them
        assert full not in shown and full[::-1] not in shown


def test_a_person_chosen_elsewhere_is_selected_even_when_the_filters_hid_them(running: Any, qtbot: Any) -> None:
    """Choosing a search result selects that row (filters hiding it cleared), and the
    buttons that act on the selection are off until then."""
    section = running.section("volunteers")
    edit = section.findChild(QPushButton, "edit")
    assert not edit.isEnabled() and edit.toolTip()
    section.filter_boxes["community"].setCurrentIndex(1)
    community = section.filter_boxes["community"].currentData()
    qtbot.waitUntil(lambda: section.is_ready() and section.model.rowCount() < 400)
    running.idle()
    volunteer = running.query(lambda: Volunteer.select().where(Volunteer.community != community)
                              .order_by(Volunteer.id.desc()).first())
    person, key = volunteer.person_id, volunteer.id
    running.window.open_person(person)
    view = section.view
    qtbot.waitUntil(lambda: view.selectionModel().hasSelection()
                    and section.model.key_at(view.currentIndex().row()) == key, timeout=10_000)
    assert section.filters() == {}
    assert view.selectionModel().isRowSelected(view.currentIndex().row())
    assert edit.isEnabled()
