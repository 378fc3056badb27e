"""The deadline list as a worklist, in a real window at 1024×768 and 1366×768: a clerk
narrows it to one kind of item from the kinds menu and widens the horizon, sees only that
kind, every control whole on the screen, exports it through the save dialog and finds the
same items in the 到期事项清单 workbook."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # each journey is a program of its own on an X screen

CONTROLS = ("deadline_days", "deadline_kinds", "deadline_community", "deadline_from", "deadline_to",
            "deadline_export", "deadlines")


def listed(table: Any) -> list[tuple[str, str, str]]:
    """(due, what, whose) of each row the clerk sees."""
    return [(table.item(r, 0).text(), table.item(r, 2).text(), table.item(r, 3).text())
            for r in range(table.rowCount())]


def a_worklist_narrowed_and_exported(desk: Any) -> None:
    from python_calamine import CalamineWorkbook

    section = desk.section("stats")
    table = desk.find("deadlines", section)
    worklist = desk.gui(table.parentWidget)
    desk.wait(lambda: table.rowCount() > 0, "the demonstration register's deadlines", timeout=30)
    for name in CONTROLS:
        desk.assert_whole(desk.find(name, section), name)
    assert desk.gui(lambda: table.horizontalScrollBar().maximum()) == 0, \
        "the list's columns (所在社区 last) need scrolling sideways"
    desk.shot("worklist")

    # the kind most items are of, unless it is every item's: choosing it must narrow the list
    counts = Counter(what for _due, what, _whose in desk.gui(lambda: listed(table)))
    kind_label = next((label for label, _n in counts.most_common() if counts[label] < sum(counts.values())),
                      counts.most_common(1)[0][0])
    kinds = desk.find("deadline_kinds", section)
    desk.click(kinds)
    menu = desk.gui(kinds.menu)
    desk.wait(menu.isVisible, "the kinds menu open")
    desk.assert_inside_screen(menu, "the kinds menu")
    desk.shot("kinds-menu")
    action = desk.gui(lambda: next(a for a in menu.actions() if a.text() == kind_label))
    desk.click(menu, desk.gui(lambda: menu.actionGeometry(action).center()))
    desk.wait(lambda: kinds.text() == kind_label, f"the kinds button saying {kind_label}")
    desk.wait(lambda: table.rowCount() > 0 and {what for _d, what, _w in listed(table)} == {kind_label},
              f"only {kind_label} listed", timeout=20)

    days = desk.find("deadline_days", section)
    widest = desk.gui(lambda: days.itemText(days.count() - 1))
    before = desk.gui(table.rowCount)
    desk.click(days)  # opened with the mouse, the last entry taken with the keys
    desk.wait(lambda: days.view().isVisible(), "the horizons listed")
    desk.settle(150)
    desk.key("End")
    desk.key("Return")
    desk.wait(lambda: days.currentText() == widest, f"“{widest}” chosen")
    desk.wait(lambda: worklist.days() == int(days.itemData(days.count() - 1)), "the widest horizon chosen")
    desk.idle()
    desk.settle(300)
    shown = desk.gui(lambda: listed(table))
    assert len(shown) >= before, f"a wider horizon listed fewer items: {len(shown)} < {before}"
    assert {what for _d, what, _w in shown} == {kind_label}, "another kind came back with the horizon"
    horizon = desk.gui(worklist.days)
    assert all(int(table_days) <= horizon for table_days in desk.gui(
        lambda: [table.item(r, 1).text() for r in range(table.rowCount())])), "an item past the horizon"
    desk.shot("narrowed")

    target = desk.export(desk.find("deadline_export", section), desk.find("deadline_result", section),
                         "worklist")
    desk.shot("worklist-exported")
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    header = next(r for r in rows if "事项" in r and "对象" in r)
    at = {name: header.index(name) for name in ("事项", "对象", "到期日")}
    written = [r for r in rows[rows.index(header) + 1:] if r[at["事项"]] == kind_label]
    in_file = Counter((str(r[at["到期日"]])[:10], r[at["对象"]]) for r in written)
    on_screen = Counter((due, whose) for due, _what, whose in shown)
    assert in_file == on_screen, f"the workbook's items differ from the list's: {in_file ^ on_screen}"
    others = [r for r in rows[rows.index(header) + 1:] if r[at["事项"]] and r[at["事项"]] != kind_label
              and r[at["对象"]]]
    assert not others, f"the workbook holds other kinds: {others[:3]}"


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_a_worklist_narrowed_to_one_kind_is_what_its_export_holds(desk: Any, screen: tuple[int, int]) -> None:
    desk.run(a_worklist_narrowed_and_exported, screen=screen, register="demo", timeout=180)
