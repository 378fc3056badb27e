"""A clerk's first look at the program in a real window, at 1024×768, 1366×768 and a
1920×1080 screen at 150 % (1280×720 to the program): the window, its menus and buttons
on the screen; every section's controls reachable without scrolling sideways; the
detail pane readable; the welcome page whole; a search result chosen is the row
selected in its list."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow  # each journey is a program of its own on an X screen

SCREENS = [pytest.param((1024, 768), 1.0, id="1024x768"), pytest.param((1366, 768), 1.0, id="1366x768"),
           pytest.param((1920, 1080), 1.5, id="1920x1080@150%")]
DETAIL_READABLE = 240  # px: the detail pane's labels and values side by side


# --- journeys (run in the program's process; see desk.py) ---------------------------------


def every_section_fits(desk: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from ui.sections.base import ListSection

    window = desk.window
    desk.assert_inside_screen(window, "the window, its frame and title bar buttons included")
    desk.shot("opened")
    for key in window.sections:
        section = desk.section(key)
        desk.settle(150)
        for control in desk.visible_children(section, QAbstractButton, QComboBox):
            label = desk.gui(lambda c=control: f"“{c.text() if hasattr(c, 'text') else c.currentText()}” "
                                               f"({c.objectName()})")
            desk.assert_whole(control, f"{key}: {label}")
        if isinstance(section, ListSection):
            desk.assert_whole(section.detail, f"{key}: the detail pane")
            width = desk.gui(section.detail.width)
            assert width >= DETAIL_READABLE, f"{key}: the detail pane is {width} px wide"
            assert desk.gui(section.view.width) >= 300, f"{key}: the list is too narrow"
        if key == "stats":
            indicators_fit(desk, section.communities)
        desk.shot(key)
    for name in ("refresh", "admin_menu", "search"):
        desk.assert_whole(desk.find(name), name)
    desk.click(desk.find("admin_menu"))
    desk.wait(window.admin_menu.isVisible, "the 系统 menu open")
    desk.shot("system-menu")
    desk.assert_inside_screen(window.admin_menu, "the 系统 menu")
    desk.key("Escape")


def indicators_fit(desk: Any, table: Any) -> None:
    """The per-community indicators need no scrolling sideways; each community's name is
    whole and its 1‰ verdict shown; what the width leaves out is in the name's tooltip."""
    desk.wait(lambda: table.rowCount() > 0, "the indicators filled")
    widths = desk.gui(lambda: [0 if table.isColumnHidden(c) else table.columnWidth(c)
                               for c in range(table.columnCount())])
    room = desk.gui(lambda: table.viewport().width())
    assert desk.gui(lambda: table.horizontalScrollBar().maximum()) == 0, \
        f"各社区指标 needs scrolling sideways: columns {widths} px in {room} px"
    names = desk.gui(lambda: (table.columnWidth(0), table.sizeHintForColumn(0)))
    assert names[0] >= names[1], f"community names cut short: {names[0]} px of {names[1]}"
    assert not desk.gui(lambda: table.isColumnHidden(table.AIM)), "the 1‰ verdict left out"
    tip = desk.gui(lambda: table.item(0, 0).toolTip())
    assert "常住人口：" in tip and "每千人：" in tip, tip


def a_saved_window_fits(desk: Any) -> None:
    desk.assert_inside_screen(desk.window, "the window restored from a bigger screen's settings")
    desk.shot("restored")


def welcome_is_whole(desk: Any) -> None:
    window = desk.window
    desk.wait(lambda: window.stack.currentWidget() is window.welcome, "the welcome page, not the last section")
    desk.shot("welcome")
    for name in ("welcome_title", "welcome_text", "welcome_import", "welcome_volunteer",
                 "welcome_organization"):
        widget = desk.find(name, window.welcome)
        desk.assert_whole(widget, name)
        height, needed = desk.gui(lambda w=widget: (w.height(), w.heightForWidth(w.width())))
        assert height >= needed, f"{name}: {height} px high, its lines need {needed}"


def search_selects_the_row(desk: Any) -> None:
    window = desk.window
    section = desk.section("volunteers")
    edit, certificate = desk.find("edit", section), desk.find("certificate", section)
    assert not desk.gui(edit.isEnabled) and not desk.gui(certificate.isEnabled), \
        "修改 and 出具志愿服务证明 with no row selected"
    assert desk.gui(edit.toolTip), "a disabled 修改 says why"
    name = desk.gui(lambda: window.ctx.worker.run_sync(lambda: _far_volunteer(section)))
    search = window.search
    desk.type_into(search, name)  # types again if a busy X server lost a key
    desk.wait(lambda: search.results.isVisible() and bool(search.last_results), f"results for {name}")
    desk.shot("search-results")

    def result_point() -> Any:
        results = search.results
        item = next(results.item(i) for i in range(results.count())
                    if results.item(i).data(256) is not None and name in results.item(i).text())
        return results.visualItemRect(item).center()
    desk.click(search.results.viewport(), desk.gui(result_point))
    view = section.view
    desk.wait(lambda: view.selectionModel().hasSelection()
              and section.model.row_values(view.currentIndex().row()) is not None, "the chosen row selected")
    desk.idle()
    desk.wait(lambda: name in section.detail.toPlainText(), "the chosen person's details")
    desk.shot("chosen")

    def check() -> None:
        from PySide6.QtCore import QRect

        chosen = view.currentIndex().row()
        assert view.selectionModel().isRowSelected(chosen), "the chosen person's row is selected"
        line = section.model.row_values(chosen)
        assert line is not None and name in line, f"row {chosen} is {line}, not {name}"
        shown = view.visualRect(section.model.index(chosen, 0))
        assert QRect(view.viewport().rect()).contains(shown), "the chosen row is scrolled into view"
        assert chosen > 100, f"row {chosen}: not far down the list, scrolling untested"
        assert edit.isEnabled() and certificate.isEnabled(), "修改 and 出具志愿服务证明 with the row selected"
    desk.gui(check)


def _far_volunteer(section: Any) -> str:
    """On the worker: the name of a volunteer near the end of the list's order, whose
    name no one else has (so the search shows one line for it)."""
    from registry.queries.paging import PageRequest

    lines = section.spec.page({}, PageRequest(size=1000))
    names = [line[2] for line in lines]
    return next(n for n in reversed(names[:-3]) if names.count(n) == 1)


# --- tests ------------------------------------------------------------------------------


@pytest.mark.parametrize(("screen", "scale"), SCREENS)
def test_every_section_fits_the_screen(desk: Any, screen: tuple[int, int], scale: float) -> None:
    desk.run(every_section_fits, screen=screen, scale=scale)


def test_a_window_saved_on_a_bigger_screen_is_brought_onto_this_one(desk: Any) -> None:
    desk.run(a_saved_window_fits, screen=(1024, 768), saved_geometry=(300, 150, 1366, 768))


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
def test_the_empty_register_opens_on_a_whole_welcome_page(desk: Any, screen: tuple[int, int]) -> None:
    desk.run(welcome_is_whole, screen=screen, register="set up", settings={"main/section": "import"})


def test_a_search_result_chosen_is_selected_in_its_list(desk: Any) -> None:
    desk.run(search_selects_the_row, screen=(1024, 768))
