"""The QApplication (translations, a CJK font) and running its event loop until a
condition holds: what the program, its self-test and the benchmarks share."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.runtime.collector import collect_on_gui_thread
from ui.runtime.i18n import install_translations

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.sections.base import Section

CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                "Source Han Sans SC", "PingFang SC")
SCREENSHOT_SIZE = (1366, 768)


def setup_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    chosen = [f for f in CJK_FAMILIES if f in families]
    if chosen:
        font = QFont(app.font())
        font.setFamilies([*chosen, *font.families()])
        font.setPointSize(10)
        app.setFont(font)


def create_app(argv: Sequence[str], language: str) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "street-registry", *argv])
    assert isinstance(app, QApplication)
    collect_on_gui_thread(app)
    app.setOrganizationName("StreetOfficeRegistry")
    app.setApplicationName("StreetRegistry")
    install_translations(app, language)
    setup_font(app)
    return app


def wait_until(condition: Callable[[], bool], timeout_ms: int = 20_000) -> bool:
    """Run the event loop until `condition()` holds (or the timeout passes)."""
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)

    def check() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()
    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    return condition()


def take_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    """Render every section with the current data to folder/<section>.png."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SCREENSHOT_SIZE)
    out = []
    for key in window.sections:
        settle(window, window.show_section(key))
        QCoreApplication.processEvents()
        path = folder / f"{key}.png"
        window.grab().save(str(path))
        out.append(path)
    return out


def settle(window: MainWindow, section: Section) -> None:
    """Wait until `section` has loaded and, for a list with rows, shows its first row's details."""
    from ui.sections.base import ListSection

    worker = window.ctx.worker
    wait_until(lambda: section.is_ready() and worker.pending == 0)
    if isinstance(section, ListSection) and section.model.rowCount() and not window.empty:
        section.view.selectRow(0)
        timer = section._detail_timer
        wait_until(lambda: worker.pending == 0 and not timer.isActive())
        wait_until(lambda: worker.pending == 0, 2_000)
