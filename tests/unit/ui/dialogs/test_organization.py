"""The organization form's 已认定为慈善组织: ticked, it needs the day of recognition, which is
saved with the organization and shown in its details; unticked, the organization is no
charity, whatever day was typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from registry.storage.models import Organization


def registered_organization(running: Any) -> tuple[Any, int]:
    """The organizations section with a registered (not filed) organization selected."""
    section = running.section("organizations")
    keys = [int(key) for row in range(section.model.rowCount())
            if (key := section.model.key_at(row)) is not None]  # the rows loaded so far
    types = running.query(lambda: dict(Organization.select(Organization.id, Organization.org_type)
                                       .where(Organization.id.in_(keys)).tuples()))
    row = next(row for row, key in enumerate(keys) if types[key] != "社区社会组织")
    section.view.selectRow(row)
    running.qtbot.waitUntil(lambda: section.current_key == keys[row])
    running.qtbot.waitUntil(lambda: not section._detail_timer.isActive())
    running.idle()
    return section, keys[row]


def edit(running: Any, qtbot: Any, key: int) -> Any:
    from ui.dialogs.organization import OrganizationDialog

    dialog = OrganizationDialog(running.ctx, key, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.original), timeout=5000)
    return dialog


def save(running: Any, qtbot: Any, dialog: Any) -> Any:
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    running.idle()
    return saved.args[0]


def tick(qtbot: Any, dialog: Any) -> None:
    """Click the box as a clerk does: on its square."""
    box = dialog.charity
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, QStyleOptionButton(), box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=square.center())


def recognized_on(running: Any, key: int) -> dt.date | None:
    day: dt.date | None = running.query(lambda: Organization.get_by_id(key).charity_recognized_on)
    return day


def test_a_ticked_box_needs_its_day_and_saves_it(running: Any, qtbot: Any) -> None:
    section, key = registered_organization(running)
    running.query(lambda: Organization.update(charity_recognized_on=None).where(Organization.id == key).execute())
    dialog = edit(running, qtbot, key)
    day = dialog.form.fields["charity_recognized_on"].widget
    assert not dialog.form.value("charity") and not day.isEnabled()
    tick(qtbot, dialog)
    assert day.isEnabled() and day.hasFocus()
    assert "“慈善组织认定日期”不能为空" in dialog.form.message("charity_recognized_on")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(day, (dt.date.today() + dt.timedelta(days=1)).isoformat())
    assert "超出合理范围" in dialog.form.message("charity_recognized_on") and not dialog.save_button.isEnabled()
    day.clear()
    qtbot.keyClicks(day, "2021-03-05")
    assert dialog.form.is_valid() and dialog.save_button.isEnabled()
    changes = save(running, qtbot, dialog)
    assert not changes.nothing_changed
    assert recognized_on(running, key) == dt.date(2021, 3, 5)
    # a register without a district file gives the charity's 年报 no date: none is promised
    qtbot.waitUntil(lambda: "2021-03-05 认定" in section.detail.toPlainText())
    assert "年报" not in section.detail.toPlainText()


def test_a_charity_opens_ticked_and_unticking_it_ends_the_designation(running: Any, qtbot: Any) -> None:
    section, key = registered_organization(running)
    running.query(lambda: Organization.update(charity_recognized_on=dt.date(2019, 5, 20))
                  .where(Organization.id == key).execute())
    dialog = edit(running, qtbot, key)
    assert dialog.form.value("charity") and dialog.form.value("charity_recognized_on") == "2019-05-20"
    assert save(running, qtbot, dialog).nothing_changed  # opened and saved as it was: nothing to write
    dialog = edit(running, qtbot, key)
    tick(qtbot, dialog)
    assert not dialog.form.fields["charity_recognized_on"].widget.isEnabled()
    assert dialog.form.is_valid()
    save(running, qtbot, dialog)
    assert recognized_on(running, key) is None
    section.refresh()
    qtbot.waitUntil(lambda: "慈善组织未认定" in section.detail.toPlainText().replace("\n", "").replace(" ", ""),
                    timeout=5000)


def test_a_doubtful_day_is_saved_with_its_reminder(running: Any, qtbot: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    _section, key = registered_organization(running)
    dialog = edit(running, qtbot, key)
    dialog.charity.setChecked(True)
    dialog.form.set_value("charity_recognized_on", "2015-06-01")
    save(running, qtbot, dialog)
    assert recognized_on(running, key) == dt.date(2015, 6, 1)
    assert shown and "早于《慈善法》施行之日" in shown[0]
