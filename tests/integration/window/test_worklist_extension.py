"""The deadline list narrowed to one kind and a due-between range, in a real window at
1024×768 and 1366×768: a clerk picks 社工登记有效期届满 from the kinds menu and types the
range's two dates, sees only those registrations and only inside the range, every control
whole on the screen and no text of the list cut short; exports them as 到期事项清单 and
finds the same rows in the workbook; then selects the soonest, extends it by the months the
form offers with the policy as the reason, and sees its due date move down the list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # each journey is a program of its own on an X screen

KIND = "registration_expiry"
FROM_DAYS, TO_DAYS = 45, 330  # the range typed, from today; the soonest extended stays inside it
REASON = "民政部通知顺延"
CONTROLS = ("deadline_days", "deadline_kinds", "deadline_community", "deadline_from", "deadline_to",
            "deadline_export", "deadline_extend", "deadlines")
WHOLE_COLUMNS = (0, 1, 2)  # 到期日, 剩余天数, 事项: never elided (对象's long names have their tooltip)


def listed(table: Any) -> list[tuple[str, ...]]:
    """(due, days left, what, whose, community) of each row the clerk sees."""
    return [tuple(table.item(r, c).text() for c in range(5)) for r in range(table.rowCount())]


def cut_short(table: Any) -> list[tuple[int, int, str]]:
    """The cells of WHOLE_COLUMNS whose text is wider than the column leaves it."""
    from PySide6.QtWidgets import QStyle

    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    metrics = table.fontMetrics()
    return [(r, c, table.item(r, c).text()) for r in range(table.rowCount()) for c in WHOLE_COLUMNS
            if metrics.horizontalAdvance(table.item(r, c).text()) + margin > table.columnWidth(c)]


def on_screen_rect(widget: Any) -> Any:
    from PySide6.QtCore import QRect

    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def text_and_arrow(button: Any) -> int:
    """The width a menu button's text and its arrow take, side by side."""
    from PySide6.QtWidgets import QStyle

    style = button.style()
    return int(button.fontMetrics().horizontalAdvance(button.text())
               + style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
               + 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button))


def a_range_of_registrations_exported_and_one_extended(desk: Any) -> None:
    from PySide6.QtWidgets import QApplication
    from python_calamine import CalamineWorkbook

    from registry.queries.deadlines import DueFilter, upcoming
    from registry.rules.deadlines import KIND_LABELS, add_months
    from registry.storage.models import AuditEntry
    from registry.texts import shown
    from ui.dialogs.worklist_extend import WorklistExtendDialog
    from ui.runtime.i18n import translate

    today = dt.date.today()
    start, end = today + dt.timedelta(days=FROM_DAYS), today + dt.timedelta(days=TO_DAYS)
    label = shown(KIND_LABELS[KIND])
    section = desk.section("stats")
    worklist = section.worklist
    table = desk.find("deadlines", section)
    desk.wait(lambda: table.rowCount() > 0, "the demonstration register's deadlines", timeout=30)
    desk.shot("worklist")

    # the kind, from its menu
    kinds = desk.find("deadline_kinds", section)
    desk.click(kinds)
    menu = desk.gui(kinds.menu)
    desk.wait(menu.isVisible, "the kinds menu open")
    desk.assert_inside_screen(menu, "the kinds menu")
    action = desk.gui(lambda: next(a for a in menu.actions() if a.text() == label))
    desk.click(menu, desk.gui(lambda: menu.actionGeometry(action).center()))
    desk.wait(lambda: kinds.text() == label, f"the kinds button saying {label}")
    needs, has = desk.gui(lambda: (text_and_arrow(kinds), kinds.width()))
    assert needs <= has, f"the kinds button's arrow covers its text: {needs} px in {has}"
    desk.wait(lambda: table.rowCount() > 0 and {row[2] for row in listed(table)} == {label},
              f"only {label} listed", timeout=20)
    desk.shot("one-kind")

    # the range, typed into its two dates
    for name, day in (("deadline_from", start), ("deadline_to", end)):
        desk.type_into(desk.find(name, section), day.isoformat())
    desk.key("Tab")
    wanted = DueFilter(kinds=frozenset({KIND}), due_from=start, due_to=end)
    desk.wait(lambda: worklist.due_filter() == wanted, f"the list asked for {label} from {start} to {end}")
    expected = desk.on_register(lambda: upcoming(today, due=wanted))
    around = desk.on_register(lambda: upcoming(today, within_days=TO_DAYS + 365,
                                               due=DueFilter(kinds=frozenset({KIND}))))
    assert len(expected) >= 3 and len(around) > len(expected), \
        f"the demonstration register has {len(expected)} of {len(around)} registrations in the range"
    on_screen = [(i.due.isoformat(), str(i.days_left), label, i.subject, i.community) for i in expected]
    desk.wait(lambda: listed(table) == on_screen, "the range's registrations listed", timeout=20)
    desk.idle()
    desk.settle(300)
    shown_rows = desk.gui(lambda: listed(table))
    assert shown_rows == on_screen, "the list changed after the register answered"
    assert all(start <= dt.date.fromisoformat(due) <= end and what == label
               for due, _days, what, _whose, _where in shown_rows), f"a row outside the range: {shown_rows}"
    assert not desk.gui(desk.find("deadline_days", section).isEnabled), \
        "the horizon still offered when the range gives the closing date"

    # every control whole, nothing to scroll sideways for, no date or kind cut short
    street = desk.find("deadline_street", section)
    for name in CONTROLS + (("deadline_street",) if desk.gui(street.isVisible) else ()):
        desk.assert_whole(desk.find(name, section), name)
    assert desk.gui(lambda: table.horizontalScrollBar().maximum()) == 0, \
        "the list's columns (所在社区 last) need scrolling sideways"
    assert not desk.gui(lambda: cut_short(table)), f"cells cut short: {desk.gui(lambda: cut_short(table))[:3]}"
    for name in ("deadline_from", "deadline_to"):
        field = desk.find(name, section)
        wide = desk.gui(lambda f=field: f.fontMetrics().horizontalAdvance(f.text()))
        room = desk.gui(lambda f=field: f.lineEdit().width())
        assert wide <= room, f"{name} shows {desk.gui(field.text)} in {room} px, {wide} px wide"
    desk.shot("range")

    # exported: the workbook holds what the list shows
    where = desk.gui(lambda: on_screen_rect(table))
    result = desk.find("deadline_result", section)
    target = desk.export(desk.find("deadline_export", section), result, "worklist")
    focused = desk.gui(lambda: QApplication.focusWidget())
    assert desk.gui(lambda: focused is not None and worklist.isAncestorOf(focused)), \
        f"the keys went to {desk.gui(lambda: focused.objectName() if focused else None)} after the export"
    now = desk.gui(lambda: on_screen_rect(table))
    assert (now.left(), now.right()) == (where.left(), where.right()), \
        f"the list moved sideways when the export said what it did: {where} → {now}"
    desk.shot("exported")
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    header = next(r for r in rows if "事项" in r and "对象" in r)
    at = [header.index(name) for name in ("到期日", "剩余天数", "事项", "对象", "所在社区")]
    written = [r for r in rows[rows.index(header) + 1:] if r[at[3]]]
    in_file = [(str(r[at[0]])[:10], str(r[at[1]]).removesuffix(".0"), *(str(r[i]) for i in at[2:])) for r in written]
    assert in_file == shown_rows, f"the workbook differs from the list: {in_file[:3]} … / {shown_rows[:3]} …"
    said = f"到期日 {start.isoformat()} 至 {end.isoformat()}"
    assert any(said in str(cell) for r in rows[:rows.index(header)] for cell in r), \
        f"the workbook does not say its range ({said}): {rows[:rows.index(header)]}"

    # the soonest extended by the months offered, the policy its reason
    soonest = expected[0]
    moved = add_months(soonest.due, 6)
    assert moved <= end, f"{soonest.subject}'s registration, extended, leaves the range: {moved}"

    def row_of(item: Any) -> Any:
        row = next(r for r, i in enumerate(worklist.items) if i.record_id == item.record_id)
        table.scrollToItem(table.item(row, 3))
        return table.visualItemRect(table.item(row, 3)).center()
    desk.click(desk.gui(table.viewport), desk.gui(lambda: row_of(soonest)))
    extend = desk.find("deadline_extend", section)
    desk.wait(lambda: [i.record_id for i in worklist.selected()] == [soonest.record_id], "the soonest selected")
    desk.wait(extend.isEnabled, "Extend selected… offered for one registration")
    desk.shot("selected")
    desk.click(extend)
    dialog = desk.dialog(WorklistExtendDialog, "the extension form")
    desk.assert_inside_screen(dialog, "the extension form")
    desk.assert_whole(dialog.banner, "what the extension form says it extends")
    banner = desk.gui(dialog.banner.text)
    assert soonest.subject in banner, "the form names whose registration it extends"
    assert "。 " not in banner and "  " not in banner, f"a space between Chinese sentences: {banner}"
    assert desk.gui(lambda: dialog.form.value("months")) == "6", "the form offers 6 months"
    desk.type_into(desk.find("reason", dialog), REASON)
    desk.assert_whole(desk.gui(lambda: dialog.save_button), "the form's Save")
    desk.shot("extend-form")
    desk.click(desk.gui(lambda: dialog.save_button))
    done = desk.message(translate("Forms", "{count} registrations were extended.").format(count=1), timeout=20)
    desk.assert_inside_screen(done, "what the extension did")
    desk.shot("extended-message")
    desk.key("Return")
    desk.gone(done, "the message")
    desk.gone(dialog, "the extension form")

    def moved_row() -> list[tuple[str, str]]:
        return [(i.due.isoformat(), table.item(r, 0).text()) for r, i in enumerate(worklist.items)
                if i.record_id == soonest.record_id]
    desk.wait(lambda: moved_row() == [(moved.isoformat(), moved.isoformat())],
              f"{soonest.subject} due {moved} in the list", timeout=20)
    assert desk.gui(result.text) == "", f"the export's line outlived the list it wrote: {desk.gui(result.text)}"
    desk.idle()
    desk.settle(300)
    row = desk.gui(lambda: next(listed(table)[r] for r, i in enumerate(worklist.items)
                                if i.record_id == soonest.record_id))
    assert row == (moved.isoformat(), str((moved - today).days), label, soonest.subject, soonest.community), row
    dues = desk.gui(lambda: [row[0] for row in listed(table)])
    assert len(dues) == len(shown_rows), "the extension changed how many registrations the range holds"
    assert dues == sorted(dues), f"the list is no longer soonest first: {dues}"
    desk.click(desk.gui(table.viewport), desk.gui(lambda: row_of(soonest)))  # where it went, selected
    desk.wait(lambda: [i.due for i in worklist.selected()] == [moved], "the moved registration selected")
    desk.shot("moved")
    logged = desk.on_register(lambda: [(e.action, e.detail) for e in AuditEntry.select().where(
        (AuditEntry.table_name == soonest.table) & (AuditEntry.record_id == soonest.record_id)
        & (AuditEntry.action == "extend_registration"))])
    assert logged == [("extend_registration", REASON)], f"the record's log: {logged}"


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_a_range_of_registrations_is_exported_and_one_extended(desk: Any, screen: tuple[int, int]) -> None:
    output = desk.run(a_range_of_registrations_exported_and_one_extended, screen=screen, register="demo",
                      timeout=120)
    print(output.splitlines()[-1])
