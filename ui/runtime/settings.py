"""Remembered window state and folders (QSettings, organization StreetOfficeRegistry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

ORGANIZATION = "StreetOfficeRegistry"
APPLICATION = "StreetRegistry"


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def last_folder() -> str:
    value = settings().value("paths/last_folder", "")
    if value and Path(str(value)).is_dir():
        return str(value)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(path: str | Path) -> None:
    folder = Path(path)
    settings().setValue("paths/last_folder", str(folder if folder.is_dir() else folder.parent))


def save_geometry(name: str, widget: QWidget) -> None:
    settings().setValue(f"geometry/{name}", widget.saveGeometry())


def restore_geometry(name: str, widget: QWidget) -> bool:
    data = settings().value(f"geometry/{name}")
    return bool(data) and widget.restoreGeometry(data)


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
