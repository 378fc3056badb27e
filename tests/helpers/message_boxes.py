"""Answering the program's message boxes in a test as a clerk would: a box that the code
opens with exec() is found on screen, read, and one of its buttons clicked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


@dataclass
class Seen:
    """A box as the clerk saw it: its text, its buttons' texts, the default button's text."""

    text: str
    buttons: list[str]
    default: str
    object_name: str


@dataclass
class Boxes:
    seen: list[Seen] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.seen]


@contextmanager
def answering(pick: Callable[[QMessageBox], QAbstractButton | None]) -> Iterator[Boxes]:
    """While inside, every message box shown is recorded and answered by the button
    pick(box) returns (None: its default button, as pressing Enter would)."""
    boxes = Boxes()
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            # marked on the box itself: a new box may get the memory (and id()) of one answered
            # and deleted before it, and would then wait for an answer forever
            if isinstance(widget, QMessageBox) and widget.isVisible() and not widget.property("answered_by_test"):
                widget.setProperty("answered_by_test", True)
                default = widget.defaultButton()
                boxes.seen.append(Seen(widget.text(), [b.text() for b in widget.buttons()],
                                       default.text() if default is not None else "", widget.objectName()))
                button = pick(widget) or default or (widget.buttons() or [None])[0]
                if button is not None:
                    button.click()
    timer.timeout.connect(look)
    timer.start()
    try:
        yield boxes
    finally:
        timer.stop()


def button_named(name: str) -> Callable[[QMessageBox], QAbstractButton | None]:
    """The button with this object name or text; else the default one."""
    def pick(box: QMessageBox) -> QAbstractButton | None:
        return next((b for b in box.buttons() if name in (b.objectName(), b.text())), None)
    return pick


def standard(which: QMessageBox.StandardButton) -> Callable[[QMessageBox], QAbstractButton | None]:
    """A standard button (Yes, No…), whatever the translation calls it."""
    def pick(box: QMessageBox) -> QAbstractButton | None:
        return box.button(which)
    return pick
