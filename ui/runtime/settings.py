"""Remembered window state and folders (QSettings, organization StreetOfficeRegistry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QPoint, QRect, QSettings, QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

ORGANIZATION = "StreetOfficeRegistry"
APPLICATION = "StreetRegistry"
REGISTER_SETTING = "paths/register"  # the register chosen at first start (ui/dialogs/first_start.py)


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def remembered_register() -> str | None:
    """The register chosen at an earlier first start, if it is still there."""
    value = str(settings().value(REGISTER_SETTING, "") or "")
    return value if value and Path(value).exists() else None


def last_folder() -> str:
    value = settings().value("paths/last_folder", "")
    if value and Path(str(value)).is_dir():
        return str(value)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(path: str | Path) -> None:
    folder = Path(path)
    settings().setValue("paths/last_folder", str(folder if folder.is_dir() else folder.parent))


# A window's frame (title bar, borders) before the window manager has drawn it: Windows'
# at 100 %; once the window is shown its real frame is used instead.
TYPICAL_FRAME = QMargins(8, 31, 8, 8)


def save_geometry(name: str, widget: QWidget) -> None:
    settings().setValue(f"geometry/{name}", widget.saveGeometry())


def restore_geometry(name: str, widget: QWidget) -> bool:
    """The saved size and place, made to fit the screen the window is on now (the
    settings may come from a bigger screen, or from a monitor since unplugged)."""
    data = settings().value(f"geometry/{name}")
    restored = bool(data) and widget.restoreGeometry(data)
    if restored:
        fit_on_screen(widget)
    return restored


def screen_of(widget: QWidget) -> QScreen:
    """The screen under the window's centre; the primary one when it is on none."""
    found = QGuiApplication.screenAt(widget.frameGeometry().center())
    return found or widget.screen() or QGuiApplication.primaryScreen()


def frame_of(widget: QWidget) -> QMargins:
    frame, inner = widget.frameGeometry(), widget.geometry()
    if frame == inner and not widget.isVisible():
        return TYPICAL_FRAME
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())


def on_a_real_screen() -> bool:
    """The offscreen platform's screen (tests, --screenshot) is no one's: pictures are
    taken at the size asked for, whatever it says."""
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def size_for_screen(widget: QWidget, preferred: QSize) -> None:
    """A first start: `preferred`, or the whole screen when it is smaller, centred."""
    if not on_a_real_screen():
        widget.resize(preferred)
        return
    area = screen_of(widget).availableGeometry()
    frame = frame_of(widget)
    room = area.size().shrunkBy(frame)
    size = preferred.boundedTo(room).expandedTo(widget.minimumSize())
    widget.resize(size)
    outer = QRect(QPoint(0, 0), size.grownBy(frame))
    outer.moveCenter(area.center())
    widget.move(max(area.left(), outer.left()), max(area.top(), outer.top()))


def fit_on_screen(widget: QWidget) -> None:
    """Shrink and move the window so that all of it, frame included, is on its screen's
    available area (not under the taskbar); never below its minimum size."""
    if not on_a_real_screen():
        return
    area = screen_of(widget).availableGeometry()
    frame = frame_of(widget)
    room = area.size().shrunkBy(frame)
    size = widget.size().boundedTo(room).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    outer = QRect(widget.frameGeometry().topLeft(), size.grownBy(frame))
    x = min(max(outer.left(), area.left()), area.left() + area.width() - outer.width())
    y = min(max(outer.top(), area.top()), area.top() + area.height() - outer.height())
    x, y = max(x, area.left()), max(y, area.top())  # a window bigger than the screen: its top left
    if (x, y) != (outer.left(), outer.top()):
        widget.move(x, y)


def save_splitter(name: str, splitter: QSplitter) -> None:
    settings().setValue(f"splitters/{name}", splitter.saveState())


def restore_splitter(name: str, splitter: QSplitter) -> None:
    data = settings().value(f"splitters/{name}")
    if data:
        splitter.restoreState(data)


def save_header(name: str, header: QHeaderView) -> None:
    settings().setValue(f"columns/{name}", header.saveState())


def restore_header(name: str, header: QHeaderView) -> bool:
    data = settings().value(f"columns/{name}")
    return bool(data) and header.restoreState(data)
