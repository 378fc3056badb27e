"""Fixtures for the desktop program's tests, in process and out (each ui test folder's
conftest.py imports them): temporary settings, a demo register, a main window running on
its own database worker; and `python -m ui` run as a clerk would start it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ui  # noqa: F401  (the PySide reference-count fix, before any Qt call)
from helpers import ROOT
from helpers.demo import DEMO_TODAY, DemoRegisters

PASSWORD = "password1"  # of every account the tests make


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Iterator[Path]:
    """QSettings go to a fresh folder, never the real user's settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["street-registry-tests"]


@pytest.fixture(scope="session", autouse=True)
def chinese(qapp: Any) -> None:
    """The shipped language, and a Chinese font, as the program sets them up."""
    from ui.application import setup_font
    from ui.runtime.i18n import install_translations

    qapp.setOrganizationName("StreetOfficeRegistry")
    qapp.setApplicationName("StreetRegistryTests")
    install_translations(qapp, "zh_CN")
    setup_font(qapp)


@pytest.fixture
def demo_path(demo_registers: DemoRegisters, tmp_path: Path) -> Path:
    """The test's own copy of helpers.demo.DEMO_TODAY (400 volunteers, seed 7, dated today),
    not opened: the window's worker opens it."""
    return demo_registers.copy(DEMO_TODAY, tmp_path / "registry.sqlite3")


class Running:
    """A main window over a register, with helpers to wait for the worker."""

    def __init__(self, qtbot: Any, path: Path, actor: str = "测试员") -> None:
        from registry.storage.lifecycle import open_database
        from ui.main_window import MainWindow, load_lookups
        from ui.runtime.context import AppContext, Hub
        from ui.runtime.permissions import load_permissions
        from ui.runtime.worker import Worker

        self.qtbot = qtbot
        self.worker = Worker()
        self.worker.run_sync(lambda: open_database(path))
        values = self.worker.run_sync(load_lookups)
        empty = bool(values.pop("empty"))
        allowed = self.worker.run_sync(lambda: load_permissions(actor))
        self.ctx = AppContext(self.worker, actor, Hub(), values, str(path), open_folders=False,
                              role=allowed["role"], permissions=allowed["permissions"])
        self.window = MainWindow(self.ctx, empty)
        self.window.show()

    def idle(self, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: self.worker.pending == 0, timeout=timeout)

    def section(self, key: str) -> Any:
        section = self.window.show_section(key)
        self.qtbot.waitUntil(section.is_ready, timeout=10_000)
        self.idle()
        return section

    def query(self, fn: Any) -> Any:
        """Read the register on the worker (the only thread that touches it)."""
        return self.worker.run_sync(fn)

    def close(self) -> None:
        import shiboken6

        from registry.storage.lifecycle import close_database

        self.idle()
        if shiboken6.isValid(self.window):
            self.window.close()
            self.idle()
            self.window.deleteLater()
        self.worker.run_sync(close_database)
        self.worker.shutdown()


@pytest.fixture
def running(qtbot: Any, demo_path: Path) -> Iterator[Running]:
    r = Running(qtbot, demo_path)
    yield r
    r.close()


@pytest.fixture
def running_as(qtbot: Any, demo_path: Path) -> Iterator[Any]:
    """running_as(actor): the demo register with accounts 管理员 (admin), 办事员 (clerk) and
    查看员 (viewer), all with password "password1", and a window acting as `actor`."""
    started: list[Running] = []

    def start(actor: str) -> Running:
        from registry.ops.accounts import add_account
        from registry.storage.lifecycle import close_database, open_database

        if not started:
            open_database(demo_path)
            try:
                add_account("", "管理员", "admin", PASSWORD)
                add_account("管理员", "办事员", "clerk", PASSWORD)
                add_account("管理员", "查看员", "viewer", PASSWORD)
            finally:
                close_database()
        r = Running(qtbot, demo_path, actor)
        started.append(r)
        return r

    yield start
    for r in started:
        r.close()


@pytest.fixture
def running_empty(qtbot: Any, tmp_path: Path) -> Iterator[Running]:
    r = Running(qtbot, tmp_path / "empty.sqlite3")
    yield r
    r.close()



def run_ui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m ui ARGS` on the offscreen platform, from the repository; its outcome."""
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "ui", *args], cwd=ROOT, env=full, text=True,
                          capture_output=True, timeout=120)
