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
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from shiboken6 import Shiboken

import ui  # noqa: F401  (the PySide reference-count fix, before any Qt call)

ROOT = Path(__file__).resolve().parents[3]


class OnGui(QObject):
    """Runs a function on the program's (GUI) thread for the journey's thread, however
    deeply the program is nested in a menu's or a dialog's own event loop."""

    asked = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.asked.connect(self._run, Qt.ConnectionType.QueuedConnection)
        # Every Qt object handed to the journey, held here until the program ends. A dialog
        # the program no longer holds would otherwise be deleted when the journey's last
        # reference to it goes, on the journey's thread, while the program paints: a crash.
        self.kept: list[Any] = []

    @Slot(object)
    def _run(self, call: tuple[Callable[[], Any], Future[Any]]) -> None:
        fn, future = call
        try:
            result = fn()
            held = result if isinstance(result, list | tuple) else (result,)
            self.kept.extend(r for r in held if isinstance(r, Shiboken.Object))
            future.set_result(result)
        except BaseException as exc:  # handed to the journey's thread
            future.set_exception(exc)


class Desk:
    """One program on one screen, and what a person at it can do and see. The journey
    runs on a thread of its own while the program runs its event loop as always; what
    touches a widget goes through gui() (the checks below do)."""

    def __init__(self, app: Any, shots: Path, on_gui: OnGui) -> None:
        self.app, self.shots, self.on_gui = app, shots, on_gui
        self.window: Any = None  # the main window, once the start (a first start's set-up) made it
        self.taken = 0

    def gui(self, fn: Callable[..., Any], *args: Any, timeout: float = 30.0) -> Any:
        """fn(*args) on the program's thread; its result, or its exception raised here."""
        future: Future[Any] = Future()
        self.on_gui.asked.emit((lambda: fn(*args), future))
        return future.result(timeout)

    # --- looking -------------------------------------------------------------------------

    def _screen(self) -> Any:
        from PySide6.QtGui import QGuiApplication

        return self.window.screen() if self.window is not None else QGuiApplication.primaryScreen()

    def screen(self) -> Any:
        """The available area of the window's screen (logical pixels)."""
        return self.gui(lambda: self._screen().availableGeometry())

    def shot(self, step: str) -> Path:
        """The whole screen as the clerk sees it (menus and dialogs included), as
        tests/screenshots/<test>/<run>/<nn>-<step>.png."""
        self.settle(150)
        self.taken += 1
        path = self.shots / f"{self.taken:02d}-{step}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.gui(lambda: self._screen().grabWindow(0).save(str(path)))
        return path

    def assert_inside_screen(self, widget: Any, what: str) -> None:
        def check() -> None:
            from PySide6.QtCore import QRect

            area = self._screen().availableGeometry()
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
            top = widget.window()  # the main window, or the dialog it is in
            corner = top.mapFromGlobal(widget.mapToGlobal(widget.rect().bottomRight()))
            assert top.rect().contains(corner), f"{what} is outside its window"
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

    def click(self, widget: Any, where: Any = None, *, holding: str = "") -> None:
        """Click (with `holding` a key down, "shift" or "ctrl", to select more)."""
        self.assert_inside_screen(widget, f"{self.gui(widget.objectName) or type(widget).__name__} to click")
        x, y = self.point(widget, where)
        down, up = (["keydown", holding], ["keyup", holding]) if holding else ([], [])
        self._xdotool("mousemove", "--sync", str(x), str(y), *down, "click", "1", *up)

    def type(self, text: str) -> None:
        """Keys as typed. A Chinese character xdotool maps to a spare key for the moment of
        its press and back again; when the program reads the key map after the "back"
        the key means nothing and is lost, so such a character is typed alone and again
        (up to 4 times) until the focused field shows it, each time holding the key
        longer before xdotool takes it back: on a busy X server the same character was
        lost at every try of the same speed."""
        for run in _runs(text):
            if run == "\n":  # xdotool types a newline as nothing a field hears
                self.key("Return")
                continue
            if run.isascii():
                self._xdotool("type", "--delay", "25", run)
                continue
            for delay_ms in _CHARACTER_DELAYS_MS:
                before = self._focused_text()
                self._xdotool("type", "--delay", str(delay_ms), run)
                if before is None or self._text_changed(before, within=0.6):
                    break

    def _text_changed(self, before: str, within: float) -> bool:
        """Whether the focused field's text changes from `before` within `within` s (a key
        typed may take a moment to arrive: typing it again at once would type it twice)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self._focused_text() != before:
                return True
            time.sleep(0.03)
        return False

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

    def window_opened(self) -> None:
        """The main window is up, framed and placed by the window manager, and the
        administrator's notices at start read (a journey through the set-up calls this
        once it is done)."""
        self.wait(lambda: self.window is not None and self.window.isVisible(), "the main window", timeout=30)
        self.settle(400)
        acknowledge_notices(self)

    def top_level(self, match: Callable[[Any], bool], what: str, timeout: float = 10.0) -> Any:
        """The shown window (a dialog, a message box, a file dialog) `match` picks, once it
        is up and has the keyboard."""
        def find() -> Any:
            from PySide6.QtWidgets import QApplication

            return next((w for w in QApplication.topLevelWidgets() if w.isVisible() and match(w)), None)
        self.wait(lambda: find() is not None, what, timeout)
        found = self.gui(find)
        self.wait(found.isActiveWindow, f"{what} to have the keyboard", timeout)
        self.settle(150)
        return found

    def dialog(self, kind: type, what: str, timeout: float = 10.0) -> Any:
        return self.top_level(lambda w: isinstance(w, kind), what, timeout)

    def message(self, words: str, timeout: float = 10.0) -> Any:
        """The message box whose text holds `words`."""
        from PySide6.QtWidgets import QMessageBox

        return self.top_level(lambda w: isinstance(w, QMessageBox) and words in w.text(),
                              f"a message saying “{words}”", timeout)

    def export(self, button: Any, result: Any, what: str, timeout: float = 30.0) -> Path:
        """Click an export button, save under the name the save dialog suggests, wait for
        `result` (a label) to say what was done; the workbook's path, .xlsx as the dialog adds it."""
        from PySide6.QtWidgets import QFileDialog

        self.click(button)
        files = self.dialog(QFileDialog, f"where to save {what}")
        target = Path(self.gui(lambda: files.selectedFiles()[0]))
        self.shot(f"{what}-save-as")
        self.key("Return")  # the suggested name
        self.gone(files, "the save dialog")
        self.wait(lambda: bool(result.text()), f"what the export of {what} did", timeout=timeout)
        self.assert_whole(result, f"what the export of {what} says it did")
        target = target if target.suffix == ".xlsx" else target.with_suffix(".xlsx")
        assert target.is_file(), f"no workbook at {target}: {self.gui(result.text)}"
        return target

    def gone(self, widget: Any, what: str, timeout: float = 10.0) -> None:
        from shiboken6 import isValid

        self.wait(lambda: not isValid(widget) or not widget.isVisible(), f"{what} to close", timeout)

    def button(self, root: Any, text: str) -> Any:
        """The shown button of `root` whose text (without its & shortcut mark) holds `text`."""
        from PySide6.QtWidgets import QAbstractButton

        def find() -> Any:
            return next((b for b in root.findChildren(QAbstractButton)
                         if b.isVisible() and text in b.text().replace("&", "")), None)
        self.wait(lambda: find() is not None, f"a button “{text}”")
        return self.gui(find)

    def press(self, root: Any, text: str) -> None:
        self.click(self.button(root, text))

    def choose(self, combo: Any, text: str) -> None:
        """Open the drop-down list and click the entry holding `text`."""
        self.click(combo)
        view = self.gui(combo.view)
        self.wait(view.isVisible, "the drop-down list")

        def entry() -> Any:
            row = next(r for r in range(combo.count()) if text in combo.itemText(r))
            index = combo.model().index(row, 0)
            view.scrollTo(index)
            return view.visualRect(index).center()
        self.settle(150)  # the list slides open
        self.click(view.viewport(), self.gui(entry))
        self.wait(lambda: not view.isVisible() and text in combo.currentText(), f"“{text}” chosen")

    def tick(self, tree: Any, item: Any) -> None:
        """Click the check box of a row of a tree (the first column's)."""
        def box() -> Any:
            from PySide6.QtCore import QPoint
            from PySide6.QtWidgets import QStyle

            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            width = tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
            margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
            return QPoint(rect.left() + margin + 1 + width // 2, rect.center().y())
        before = self.gui(lambda: item.checkState(0))
        self.click(tree.viewport(), self.gui(box))
        self.wait(lambda: item.checkState(0) != before, "the row ticked")

    def type_into(self, field: Any, text: str) -> None:
        """Click a field, replace what it holds with `text` as typed, and check it took it."""
        self.click(field)
        self.wait(field.hasFocus, "the field to take the keys")
        for _attempt in range(3):  # a key lost on a busy X server: the clerk sees it and types again
            self.key("ctrl+a")
            self.type(text)
            shown = self.gui(lambda: field.toPlainText() if hasattr(field, "toPlainText") else field.text())
            if shown.strip() == text.strip():
                return
        raise AssertionError(f"typed {text!r} three times, the field shows {shown!r}")

    def on_register(self, fn: Callable[[], Any]) -> Any:
        """fn() on the register's worker, as the core sees it (what a colleague did
        elsewhere, what the register now holds)."""
        return self.window.ctx.worker.run_sync(fn)

    def visible_children(self, root: Any, *types: Any) -> list[Any]:
        from PySide6.QtWidgets import QWidget

        found: list[Any] = self.gui(lambda: [c for c in root.findChildren(QWidget)
                                             if isinstance(c, types) and c.isVisible()])
        return found


# xdotool's delay between a key's press, its release and giving its key code back; 12 ms
# is its default.
_CHARACTER_DELAYS_MS = (12, 120, 300, 600)


def _runs(text: str) -> list[str]:
    """ASCII stretches whole, every other character (and each line break) on its own."""
    runs: list[str] = []
    for char in text:
        if char != "\n" and char.isascii() and runs and runs[-1].isascii() and runs[-1] != "\n":
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
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    Path(documents).mkdir(parents=True, exist_ok=True)  # as a clerk's computer has one
    prepare_settings(args)
    journey = load_journey(args.journey)
    worker = Worker()
    on_gui = OnGui()
    outcome: dict[str, Any] = {}
    quit_ = threading.Event()  # the program's event loop has returned

    def drive(desk: Desk) -> None:  # the journey's thread
        try:
            desk.wait(lambda: desk.window is not None or _set_up_wizard() is not None,
                      "the window, or the first start's set-up", timeout=30)
            if desk.window is not None:  # a journey at the set-up opens the window itself
                desk.window_opened()
            journey(desk)
            outcome["ok"] = True
        except BaseException:
            outcome["error"] = traceback.format_exc()
            with contextlib.suppress(Exception):  # what the screen showed when it failed
                desk.shot("failed")
        finally:
            # closing may meet a question a closed dialog asks, or a box shown after: again,
            # until the program has quit; a program that will not is ended
            for _ in range(10):
                on_gui.asked.emit((_close_all, Future()))
                if quit_.wait(2):
                    break
            else:
                print(outcome.get("error", "") + "\nthe program did not quit after the journey",
                      file=sys.stderr, flush=True)
                os._exit(1)

    desk = Desk(app, Path(args.shots), on_gui)
    # the journey runs from the start: a first start's set-up is on the screen before the window
    thread = threading.Thread(target=drive, args=(desk,), daemon=True)
    thread.start()
    try:
        program = parse_args(["--db", database_target(args.db), "--lang", args.lang, "--actor", "王芳"])
        result = start_window(worker, program)
        assert not isinstance(result, int), f"the program stopped at start (exit {result})"
        window, warnings = result
        window.ctx.open_folders = False  # no file manager on the test's screen
        after_show(window, warnings)
        desk.window = window
        if thread.is_alive():  # (a journey that ended at the set-up quit no loop yet)
            app.exec()  # the program's own event loop, as a clerk's start runs it
    except Exception:
        outcome.setdefault("error", traceback.format_exc())
    finally:
        from registry.storage.lifecycle import close_database

        quit_.set()
        thread.join(30)

        worker.run_sync(close_database, timeout=30)
        worker.shutdown()
    if "error" in outcome:
        print(outcome["error"], file=sys.stderr)
    print(f"journey-time {time.perf_counter() - started:.2f}", flush=True)
    return 0 if outcome.get("ok") else 1


def _set_up_wizard() -> Any:
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "first_start" and w.isVisible()), None)


def _close_all() -> None:
    """The journey is over: close what is open (a menu or a dialog first), then the program."""
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.dialog import RecordDialog

    RecordDialog.confirm_discard = lambda self: True  # type: ignore[method-assign]  # nobody to answer
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
