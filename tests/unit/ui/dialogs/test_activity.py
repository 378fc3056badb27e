"""Issue 13 items 1 and 9, as a clerk meets them in 按活动登记时长: the activity list in the
order activities took place, the newest that has begun chosen; four pasted names, some
carried by several volunteers, tick nobody but the one volunteer of an unshared name; the
namesakes are listed with sex, birth year, community and the masked ID number to pick from;
the name nobody carries is said and left in the box; saving with a namesake undecided asks."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from helpers.importer import id_number
from helpers.message_boxes import answering, standard
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from registry import ops
from registry.storage.models import Community, ServiceRecord, Volunteer

# name → (birth date, community index) of each volunteer made to carry it; 周龙轩: nobody
NAMESAKES = {"张冬霞": [("19850312", 0), ("19620801", 1), ("19850930", 1)],
             "孙林明": [("19710203", 0), ("19710203", 1)],
             "石婷春": [("19880808", 0)]}
PASTED = "张冬霞\n孙林明\n石婷春\n周龙轩\n"
MASKED = re.compile(r"^\d{6}\*{10}[\dX]{2}$")


def _register(running: Any) -> dict[str, list[int]]:
    """The namesakes, in the demo register; their volunteer ids by name."""
    def make() -> dict[str, list[int]]:
        communities = [c.id for c in Community.select().order_by(Community.id).limit(2)]
        assert Volunteer.select().join(ops_person()).where(ops_person().name.in_(list(NAMESAKES))).count() == 0
        out: dict[str, list[int]] = {}
        for serial, (name, people) in enumerate(NAMESAKES.items()):
            for k, (born, community) in enumerate(people):
                number = id_number("110105", born, f"{serial}{k}4")
                out.setdefault(name, []).append(int(ops.register_volunteer(
                    "测试员", {"id_number": number, "name": name, "community": communities[community]}).id))
        for day, name in (((2023, 12, 12), "敬老院探访"), ((2025, 9, 13), "社区清洁"), ((2023, 12, 22), "旧衣回收日")):
            start = dt.datetime(*day, 9)
            ops.create_activity("测试员", {"name": name, "starts_at": start,
                                           "ends_at": start + dt.timedelta(hours=2)})
        later = dt.datetime.now() + dt.timedelta(days=30)  # planned, not held yet
        ops.create_activity("测试员", {"name": "新春联欢", "starts_at": later,
                                       "ends_at": later + dt.timedelta(hours=2)})
        return out
    return running.query(make)  # type: ignore[no-any-return]


def ops_person() -> Any:
    from registry.storage.models import Person
    return Person


def _dialog(running: Any, qtbot: Any) -> Any:
    from ui.dialogs.activity import ActivityHoursDialog

    dialog = ActivityHoursDialog(running.ctx, running.window)
    qtbot.addWidget(dialog)
    dialog.resize(720, 620)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.activity.count() > 0, timeout=5000)
    running.idle()
    return dialog


# a popup list on the offscreen platform: the test platform talking, as in pyproject's list
POPUP_NOISE = ("This plugin does not support raise", "This plugin does not support grabbing")


@pytest.mark.qt_log_ignore(*POPUP_NOISE)
def test_activities_newest_first_the_latest_held_chosen_and_found_by_typing(running: Any, qtbot: Any) -> None:
    _register(running)
    dialog = _dialog(running, qtbot)
    labels = [dialog.activity.itemText(i) for i in range(dialog.activity.count())]
    days = [label[:10] for label in labels]
    assert days == sorted(days, reverse=True), labels
    assert labels[0].endswith("新春联欢")  # the planned one is listed first but not chosen
    chosen = dialog.activity.currentText()
    assert chosen == next(label for label in labels if label[:10] <= dt.date.today().isoformat())
    assert dialog.form.value("hours")  # the chosen activity's hours filled in
    # searchable: typing part of the name offers it; a click on the text opens the list
    line = dialog.activity.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    popup = dialog.activity.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().rowCount() == dialog.activity.count()
    typed = QInputMethodEvent()  # as a Chinese input method commits what was typed
    typed.setCommitString("旧衣回收")
    QApplication.sendEvent(line, typed)
    qtbot.waitUntil(lambda: popup.model().rowCount() == 1, timeout=2000)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.activity.currentText() == "2023-12-22 旧衣回收日", timeout=2000)
    assert dialog.activity.currentData() is not None


def test_pasted_namesakes_are_never_ticked_the_clerk_picks_seeing_who_is_who(running: Any, qtbot: Any) -> None:
    ids = _register(running)
    dialog = _dialog(running, qtbot)
    dialog.paste.setPlainText(PASTED)
    qtbot.mouseClick(dialog.findChild(QPushButton, "add_people"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.attendees.person_count() == 6, timeout=5000)
    # only the one 石婷春 is ticked: no namesake is
    assert dialog.checked() == ids["石婷春"]
    assert "1" in dialog.ticked.text()
    rows = {int(item.data(0, Qt.ItemDataRole.UserRole)): item for item in dialog.attendees.people()}
    for name in ("张冬霞", "孙林明"):
        assert all(rows[v].checkState(0) == Qt.CheckState.Unchecked for v in ids[name])
    # each candidate shows sex, birth year, community and the masked ID; namesakes differ
    for name in ("张冬霞", "孙林明"):
        shown = []
        for v in ids[name]:
            cells = [rows[v].text(c) for c in range(5)]
            assert cells[0] == name and cells[1] in ("男", "女") and re.fullmatch(r"19\d\d年", cells[2]), cells
            assert cells[3].endswith("社区") and MASKED.match(cells[4]), cells
            shown.append(tuple(cells))
        assert len(set(shown)) == len(shown)  # two 孙林明 born the same year: community and ID tell them apart
    tree = dialog.attendees
    everything = "\n".join(tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()))
    assert "张冬霞" in everything and "3" in everything and "孙林明" in everything
    # the name nobody carries is said, and stays in the box to be corrected
    assert "周龙轩" in dialog.banner.text() and dialog.banner.isVisible()
    assert dialog.paste.toPlainText() == "周龙轩"
    assert "张冬霞" in dialog.banner.text() and "孙林明" in dialog.banner.text()
    # pasting again does not list anyone twice
    dialog.paste.setPlainText(PASTED)
    qtbot.mouseClick(dialog.findChild(QPushButton, "add_people"), Qt.MouseButton.LeftButton)
    running.idle()
    assert dialog.attendees.person_count() == 6

    # the clerk ticks the 张冬霞 born in 1962; 孙林明 is left undecided: saving asks
    wanted = next(v for v in ids["张冬霞"] if rows[v].text(2) == "1962年")
    rows[wanted].setCheckState(0, Qt.CheckState.Checked)
    dialog.form.set_value("hours", "2")
    with answering(standard(QMessageBox.StandardButton.No)) as boxes:
        dialog.save()
        qtbot.waitUntil(lambda: len(boxes.seen) == 1, timeout=5000)
    assert "孙林明" in boxes.texts[0] and "张冬霞" not in boxes.texts[0]
    assert not dialog.busy and running.query(lambda: ServiceRecord.select().where(
        ServiceRecord.volunteer.in_([v for vs in ids.values() for v in vs])).count()) == 0
    yes = standard(QMessageBox.StandardButton.Yes)
    with answering(yes) as boxes, qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert len(saved.args[0].ids) == 2 and "孙林明" in boxes.texts[0]
    got = running.query(lambda: sorted(r.volunteer_id for r in ServiceRecord.select().where(
        ServiceRecord.volunteer.in_([v for vs in ids.values() for v in vs]))))
    assert got == sorted([wanted, *ids["石婷春"]])
