"""取消 on a record form: a form the clerk filled in is not thrown away without asking; an
untouched form, or one the program filled, closes at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox


def new_volunteer(running: Any, qtbot: Any) -> Any:
    from ui.dialogs.volunteer import VolunteerDialog

    dialog = VolunteerDialog(running.ctx, None, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as the window manager does: its keys go to it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """Click `choice` ("discard" or "keep") in the question, and note what was asked."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        wanted = {"discard": QMessageBox.ButtonRole.DestructiveRole, "keep": QMessageBox.ButtonRole.RejectRole}[choice]
        button = next(b for b in box.buttons() if box.buttonRole(b) == wanted)
        button.click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def cancel(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_cancel_on_a_filled_form_asks_and_keeps_it_when_told(running: Any, qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = new_volunteer(running, qtbot)
    qtbot.keyClicks(dialog.form.fields["name"].widget, "Zhang")  # typed, as a clerk types
    asked = answer(monkeypatch, "keep")
    cancel(dialog)
    assert asked and "没有保存" in asked[0]
    assert dialog.isVisible() and dialog.form.value("name") == "Zhang"
    qtbot.keyClick(dialog.form.fields["name"].widget, Qt.Key.Key_Escape)  # Esc asks the same
    assert len(asked) == 2 and dialog.isVisible()
    answer(monkeypatch, "discard")
    cancel(dialog)
    assert not dialog.isVisible()


def test_an_untouched_or_program_filled_form_closes_without_asking(running: Any, qtbot: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "keep")
    dialog = new_volunteer(running, qtbot)
    cancel(dialog)
    assert not dialog.isVisible()
    dialog = new_volunteer(running, qtbot)
    dialog.form.set_values({"name": "李四", "volunteer_number": "V-1"})  # as a loaded record is shown
    cancel(dialog)
    assert not dialog.isVisible() and asked == []
