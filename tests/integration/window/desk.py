"""The clerk's side of the real-window tests: this file runs as its own process on an X
screen (Xvfb, the real `xcb` platform), starts the program the way `python -m ui` does,
and runs one journey: a function of a test module given a Desk, which drives the window
with the mouse and keyboard (xdotool, so the events come through the X server as a
person's do) and looks at what is on the screen. A failed assertion ends the process
with its traceback; the test (conftest.py) shows it.

    python desk.py --journey FILE::FUNCTION --db REGISTER --shots FOLDER [options]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

import ui  # noqa: F401  (the PySide reference-count fix, before any Qt call)

ROOT = Path(__file__).resolve().parents[3]


class OnGui(QObject):
    """Runs a function on the program's (GUI) thread for the journey's thread, however
    deeply the program is nested in a menu's or a dialog's own event loop."""

    asked = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.asked.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, call: tuple[Callable[[], Any], Future[Any]]) -> None:
        fn, future = call
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed to the journey's thread
            future.set_exception(exc)


class Desk:
    """One program on one screen, and what a person at it can do and see. The journey
    runs on a thread of its own while the program runs its event loop as always; what
    touches a widget goes through gui() (the checks below do)."""

    def __init__(self, app: Any, window: Any, shots: Path, on_gui: OnGui) -> None:
        self.app, self.window, self.shots, self.on_gui = app, window, shots, on_gui
        self.taken = 0

    def gui(self, fn: Callable[..., Any], *args: Any, timeout: float = 30.0) -> Any:
        """fn(*args) on the program's thread; its result, or its exception raised here."""
        future: Future[Any] = Future()
        self.on_gui.asked.emit((lambda: fn(*args), future))
        return future.result(timeout)

    # --- looking -------------------------------------------------------------------------

    def screen(self) -> Any:
        """The available area of the window's screen (logical pixels)."""
        return self.gui(lambda: self.window.screen().availableGeometry())

    def shot(self, step: str) -> Path:
        """The whole screen as the clerk sees it (menus and dialogs included), as
        tests/screenshots/<test>/<run>/<nn>-<step>.png."""
        self.settle(150)
        self.taken += 1
        path = self.shots / f"{self.taken:02d}-{step}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.gui(lambda: self.window.screen().grabWindow(0).save(str(path)))
        return path

    def assert_inside_screen(self, widget: Any, what: str) -> None:
        def check() -> None:
            from PySide6.QtCore import QRect

            area = self.window.screen().availableGeometry()
            rect = (widget.frameGeometry() if widget.isWindow()
                    else QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()))
            assert area.contains(rect), f"{what} is not all on the screen: {rect} on {area}"
        self.gui(check)

    def assert_whole(self, widget: Any, what: str) -> None:
        """Shown, none of it cut off by a parent too small for it, inside the window and
        on the screen."""
        def check() -> None:
            assert widget.isVisible(), f"{what} is not shown"
            seen = widget.visibleRegion().boundingRect()
            assert seen == widget.rect(), f"{what} is cut off: {seen.size()} of {widget.size()} visible"
            corner = self.window.mapFromGlobal(widget.mapToGlobal(widget.rect().bottomRight()))
            assert self.window.rect().contains(corner), f"{what} is outside the window"
        self.gui(check)
        self.assert_inside_screen(widget, what)

    # --- waiting -------------------------------------------------------------------------

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
        """Until condition() (run on the program's thread) holds."""
        deadline = time.monotonic() + timeout
        while not self.gui(condition):
            assert time.monotonic() < deadline, f"waited {timeout} s for: {what}"
            time.sleep(0.03)

    def settle(self, ms: int = 100) -> None:
        """Let the program run (paint, hear the window manager) for `ms`."""
        time.sleep(ms / 1000)

    def idle(self) -> None:
        worker = self.window.ctx.worker
        self.wait(lambda: worker.pending == 0, "the register's answers")

    # --- doing, through the X server --------------------------------------------------------

    def _xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, timeout=20)
        self.settle(80)

    def point(self, widget: Any, where: Any = None) -> tuple[int, int]:
        """The screen pixel (device pixels, as X counts them) of a point of `widget`."""
        def find() -> tuple[int, int]:
            at = widget.mapToGlobal(widget.rect().center() if where is None else where)
            ratio = widget.devicePixelRatioF()
            return round(at.x() * ratio), round(at.y() * ratio)
        found: tuple[int, int] = self.gui(find)
        return found

    def click(self, widget: Any, where: Any = None) -> None:
        self.assert_inside_screen(widget, f"{self.gui(widget.objectName) or type(widget).__name__} to click")
        x, y = self.point(widget, where)
        self._xdotool("mousemove", "--sync", str(x), str(y), "click", "1")

    def type(self, text: str) -> None:
        """Keys as typed. A Chinese character xdotool maps to a spare key for the moment of
        its press and back again; when the program reads the key map after the "back"
        the key means nothing and is lost, so such a character is typed alone and again
        (up to 4 times) until the focused field shows it."""
        for run in _runs(text):
            if run.isascii():
                self._xdotool("type", "--delay", "25", run)
                continue
            for _attempt in range(4):
                before = self._focused_text()
                self._xdotool("type", run)
                after = self._focused_text()
                if before is None or after != before:
                    break
                self.settle(150)

    def _focused_text(self) -> str | None:
        def read() -> str | None:
            from PySide6.QtWidgets import QApplication

            widget = QApplication.focusWidget()
            for getter in ("text", "toPlainText", "currentText"):
                if hasattr(widget, getter):
                    return str(getattr(widget, getter)())
            return None
        found: str | None = self.gui(read)
        return found

    def key(self, *names: str) -> None:
        self._xdotool("key", *names)

    # --- the program's parts ------------------------------------------------------------------

    def find(self, name: str, root: Any = None) -> Any:
        """The widget (or action) of that object name."""
        from PySide6.QtCore import QObject as Q

        found = self.gui(lambda: (root or self.window).findChild(Q, name))
        assert found is not None, f"no {name} in the window"
        return found

    def section(self, key: str) -> Any:
        """Click the section in the navigation list, as a clerk does; wait for its rows."""
        nav = self.window.nav

        def item_rect() -> Any:
            row = next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
            nav.scrollToItem(nav.item(row))
            return nav.visualItemRect(nav.item(row)).center()
        self.click(nav.viewport(), self.gui(item_rect))
        section = self.window.sections[key]
        self.wait(lambda: self.window.current_section() is section and section.is_ready(), f"section {key}")
        self.idle()
        return section

    def visible_children(self, root: Any, *types: Any) -> list[Any]:
        from PySide6.QtWidgets import QWidget

        found: list[Any] = self.gui(lambda: [c for c in root.findChildren(QWidget)
                                             if isinstance(c, types) and c.isVisible()])
        return found


def _runs(text: str) -> list[str]:
    """ASCII stretches whole, every other character on its own."""
    runs: list[str] = []
    for char in text:
        if char.isascii() and runs and runs[-1].isascii():
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def load_journey(spec: str) -> Callable[[Desk], None]:
    file, _, function = spec.partition("::")
    module_spec = importlib.util.spec_from_file_location(Path(file).stem + "_journeys", file)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    journey: Callable[[Desk], None] = getattr(module, function)
    return journey


def prepare_settings(args: argparse.Namespace) -> None:
    """What earlier sessions left in the settings (before the window reads them)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    from ui.runtime import settings

    store = settings.settings()
    for pair in args.setting:
        key, _, value = pair.partition("=")
        store.setValue(key, value)
    if args.saved_geometry:  # as a bigger screen, or one since unplugged, left it
        x, y, w, h = (int(v) for v in args.saved_geometry.split(","))
        other = QWidget()
        other.setGeometry(QRect(x, y, w, h))
        store.setValue("geometry/main", other.saveGeometry())
    store.sync()


def acknowledge_notices(desk: Desk) -> None:
    """The administrator's once-only notices at start (ui/startup.py), read and closed with
    their button, as the administrator would before any work."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    def open_box() -> Any:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                     and w.objectName() in ("storage_notices", "startup_warnings") and w.isVisible()), None)

    box = desk.gui(open_box)
    if box is None:
        return
    desk.shot("notice")
    desk.click(desk.gui(lambda: box.button(QMessageBox.StandardButton.Ok)))
    desk.wait(lambda: open_box() is None, "the notice to close")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journey", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--setting", action="append", default=[], help="KEY=VALUE in the settings")
    parser.add_argument("--saved-geometry", default="", help="x,y,w,h saved by an earlier session")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    from ui.app import database_target, parse_args, start_window
    from ui.application import create_app
    from ui.runtime.worker import Worker
    from ui.startup import after_show

    app = create_app([], args.lang)
    assert app.platformName() == "xcb", f"not a real window: platform {app.platformName()}"
    prepare_settings(args)
    journey = load_journey(args.journey)
    worker = Worker()
    on_gui = OnGui()
    outcome: dict[str, Any] = {}

    def drive(desk: Desk) -> None:  # the journey's thread
        try:
            desk.wait(lambda: desk.window.isVisible(), "the window")
            desk.settle(400)  # the window manager frames and places it
            acknowledge_notices(desk)
            journey(desk)
            outcome["ok"] = True
        except BaseException:
            outcome["error"] = traceback.format_exc()
            with contextlib.suppress(Exception):  # what the screen showed when it failed
                desk.shot("failed")
        finally:
            on_gui.asked.emit((_close_all, Future()))

    try:
        program = parse_args(["--db", database_target(args.db), "--lang", args.lang, "--actor", "王芳"])
        result = start_window(worker, program)
        assert not isinstance(result, int), f"the program stopped at start (exit {result})"
        window, warnings, district_problems = result
        after_show(window, warnings, district_problems)
        desk = Desk(app, window, Path(args.shots), on_gui)
        thread = threading.Thread(target=drive, args=(desk,), daemon=True)
        thread.start()
        app.exec()  # the program's own event loop, as a clerk's start runs it
        thread.join(30)
    except Exception:
        outcome["error"] = traceback.format_exc()
    finally:
        from registry.storage.lifecycle import close_database

        worker.run_sync(close_database, timeout=30)
        worker.shutdown()
    if "error" in outcome:
        print(outcome["error"], file=sys.stderr)
    print(f"journey-time {time.perf_counter() - started:.2f}", flush=True)
    return 0 if outcome.get("ok") else 1


def _close_all() -> None:
    """The journey is over: close what is open (a menu or a dialog first), then the program."""
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        popup = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if popup is None:
            break
        popup.close()
    for top in QApplication.topLevelWidgets():
        top.close()
    QApplication.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
