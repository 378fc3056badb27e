"""The person form's 证件类型: the number is checked by the type chosen, a number whose form
shows its type picks it until the clerk picks one, and the type is saved with the person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from registry.storage.models import Person

HONG_KONG = "810000199001011230"


def new_volunteer(running: Any, qtbot: Any) -> Any:
    from ui.dialogs.volunteer import VolunteerDialog

    dialog = VolunteerDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(dialog: Any, qtbot: Any, doc_type: str) -> None:
    """Choose a type as a clerk does: open the list and click the entry."""
    combo = dialog.form.fields["id_type"].widget
    index = combo.findData(doc_type)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a click in the list sends


def test_a_residence_permit_number_picks_its_type_and_says_what_it_holds(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    assert dialog.form.value("id_type") == "居民身份证"
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, HONG_KONG)
    assert dialog.form.value("id_type") == "港澳台居民居住证"
    facts = dialog.form.fields["id_facts"].widget.text()
    assert "1990-01-01" in facts and "男" in facts and facts.count("香港") == 1
    assert not any(p.is_error for p in dialog.form.fields["id_number"].problems)
    running.idle()


def test_the_number_is_checked_by_the_type_the_clerk_picked(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    pick(dialog, qtbot, "港澳居民来往内地通行证")
    edit = dialog.form.fields["id_number"].widget
    qtbot.keyClicks(edit, "H1234567")  # a digit short
    assert "H（香港）或 M（澳门）" in dialog.form.message("id_number")
    qtbot.keyClicks(edit, "8")
    assert not dialog.form.fields["id_number"].problems
    assert "香港" in dialog.form.fields["id_facts"].widget.text()
    pick(dialog, qtbot, "台湾居民来往大陆通行证")  # the same text, checked again by the new type
    assert "8 位数字" in dialog.form.message("id_number")
    running.idle()


def test_a_picked_type_is_not_overridden_by_the_number(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    pick(dialog, qtbot, "居民身份证")
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, HONG_KONG)
    assert dialog.form.value("id_type") == "居民身份证"
    running.idle()


def test_a_volunteer_saved_with_a_taiwan_permit(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    pick(dialog, qtbot, "台湾居民来往大陆通行证")
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, "12345678")
    dialog.form.fields["name"].widget.setText("林小美")
    dialog.form.fields["community"].widget.setCurrentIndex(1)
    running.idle()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = running.query(lambda: list(Person.select(Person.id_type, Person.name).where(
        Person.id_number == "12345678").tuples()))
    assert stored == [("台湾居民来往大陆通行证", "林小美")]


def test_the_number_field_says_the_form_of_the_type_chosen(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    edit = dialog.form.fields["id_number"].widget
    assert "最后一位可能是 X" in edit.placeholderText()
    pick(dialog, qtbot, "台湾居民来往大陆通行证")
    assert edit.placeholderText() == "8 位数字"
    assert not dialog.form.fields["nationality"].widget.placeholderText()
    pick(dialog, qtbot, "护照")
    assert "国籍" in edit.placeholderText()
    assert dialog.form.fields["nationality"].widget.placeholderText()  # asks to be filled
    running.idle()


def test_a_passport_asks_for_the_nationality_until_it_is_given(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    pick(dialog, qtbot, "护照")
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, "E12345678")
    assert "国籍" in dialog.form.message("id_number")
    dialog.form.fields["nationality"].widget.insert("美国")  # as typed (keyClicks types ASCII only)
    assert not dialog.form.fields["id_number"].problems
    running.idle()


def test_a_2017_foreign_card_fills_in_the_nationality(running: Any, qtbot: Any) -> None:
    dialog = new_volunteer(running, qtbot)
    qtbot.keyClicks(dialog.form.fields["id_number"].widget, "USA110090101128")
    assert dialog.form.value("id_type") == "外国人永久居留身份证"
    assert dialog.form.fields["nationality"].widget.text() == "USA"
    assert "3 个字母" in dialog.form.fields["id_number"].widget.placeholderText()
    running.idle()
