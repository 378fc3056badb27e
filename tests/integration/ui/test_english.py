"""The program in English (`python -m ui --lang en`): every section, and every dialog its
buttons open, shows no Chinese except the register's data (names, places, what clerks typed).
Qt's and the core's words are both English: one language switch (ui.runtime.i18n sets
registry.texts too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from registry.storage import sqlite_library

IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]+")
TAGS = re.compile(r"<[^>]+>")


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    # an earlier test's window may still be telling its administrator, in Chinese, what its
    # start found (after its first rows): that box is not this English start's
    from PySide6.QtWidgets import QApplication

    from registry import texts
    from ui.runtime.i18n import install_translations

    for _ in range(20):
        qapp.processEvents()
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "storage_notices":
            w.close()
    install_translations(qapp, "en")
    assert texts.language() == "en"
    try:
        yield
    finally:
        install_translations(qapp, "zh_CN")
    assert texts.language() == "zh_CN"


def register_data(path: Path) -> str:
    """Every text the register holds, one blob to look runs of Chinese up in."""
    with sqlite_library.connect(path, readonly=True) as db:
        values = []
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in db.execute(f'SELECT * FROM "{table}"'):
                values += [v for v in row if isinstance(v, str)]
    return "\x00".join(values)


def widget_texts(root: Any) -> list[str]:
    """What a person can read in `root` and its visible children."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            out.append(TAGS.sub(" ", w.text()))
        elif isinstance(w, QAbstractButton):
            out += [w.text(), w.toolTip()]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            columns = range(1 if isinstance(model, QAbstractListModel) else model.columnCount(top))
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
            for r in range(min(model.rowCount(top), 30)):
                out += [str(model.index(r, c).data() or "") for c in columns]
    return [t for t in out if t]


ROSTER_FILE = re.compile(r"[^\s/]+\.xlsx")  # the rosters and templates are Chinese documents, named so


def is_data(run: str, data: str) -> bool:
    """A run of Chinese from the register: one of its texts, or two side by side (the
    district and street of the window's title)."""
    return run in data or any(run[:i] in data and run[i:] in data for i in range(1, len(run)))


def chinese_left(texts: list[str], data: str) -> list[str]:
    """The texts holding a run of Chinese that is no part of the register's data."""
    return [t for t in texts if any(not is_data(run, data) for run in IDEOGRAPHS.findall(ROSTER_FILE.sub("", t)))]


def close_modals(qtbot: Any, seen: list[str], rounds: int = 4) -> None:
    """Read, then close, whatever modal dialog (question, file dialog, form) is open."""
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        qtbot.wait(150)
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        seen += [f"[{type(modal).__name__}] {t}" for t in widget_texts(modal)]
        modal.reject() if hasattr(modal, "reject") else modal.close()


def test_every_section_and_dialog_speaks_english(english: None, running: Any, demo_path: Path,
                                                 qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QTableView

    data = register_data(demo_path) + "\x00" + running.ctx.actor  # the user's name is data too
    seen: list[str] = []
    dialogs = 0
    for key in running.window.sections:
        section = running.section(key)
        view = section.findChild(QAbstractItemView)
        if isinstance(view, QTableView) and view.model() is not None:
            view.selectRow(0)
            running.idle()
            qtbot.wait(100)
        seen += [f"[{key}] {t}" for t in widget_texts(running.window)]
        for button in section.findChildren(QPushButton):
            if not (button.isVisible() and button.isEnabled()) or not button.text():
                continue
            if button.menu() is not None:  # a menu, not a dialog: its entries read, not popped up
                seen += [f"[{key} → {button.text()}] {a.text()}" for a in button.menu().actions()]
                continue
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            found: list[str] = []
            QTimer.singleShot(0, lambda found=found: close_modals(qtbot, found))
            button.click()
            close_modals(qtbot, found)
            for w in QApplication.topLevelWidgets():
                if w.isVisible() and id(w) not in before and w is not running.window:
                    found += [f"[{type(w).__name__}] {t}" for t in widget_texts(w)]
                    w.close()
            dialogs += bool(found)
            seen += [f"[{key} → {button.text()}] {t}" for t in found]
            running.idle()
    assert dialogs >= 10, f"only {dialogs} dialogs were opened"
    left = chinese_left(seen, data)
    assert left == [], "Chinese in English mode:\n" + "\n".join(left)


def test_core_messages_shown_by_the_window_are_english(english: None) -> None:
    """A start-up notice and a validation failure, as the window gets them from the core."""
    from registry.rules.fields import clean_text
    from registry.storage import health

    _, problems = clean_text("", "name", "Name", required=True)
    assert problems[0].message == "“Name” cannot be empty."
    notice = health.network_share_warning(Path("//server/share/registry.sqlite3"))
    assert notice is not None and notice.startswith("The register is in a shared network folder.")
