"""Icons drawn from Font Awesome 5's solid font, the copy qtawesome ships (no network, no
image files).

The glyphs are painted here, as qtawesome paints them, rather than through qtawesome: its
import pulls in qtpy, whose star imports build every class and enum of QtCore, QtGui and
QtWidgets, and its first icon loads all ten of its fonts; together a third of a second of
every start. Here one font is loaded, at the first icon, and each icon is painted when Qt
first shows it.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

NAMES = {
    "organizations": "fa5s.building",
    "volunteers": "fa5s.hands-helping",
    "social_workers": "fa5s.user-graduate",
    "trainings": "fa5s.chalkboard-teacher",
    "hours": "fa5s.clock",
    "export": "fa5s.file-export",
    "import": "fa5s.file-import",
    "stats": "fa5s.chart-bar",
    "audit": "fa5s.history",
    "new": "fa5s.plus",
    "edit": "fa5s.edit",
    "deactivate": "fa5s.user-slash",
    "refresh": "fa5s.sync-alt",
    "search": "fa5s.search",
    "approve": "fa5s.check",
    "correct": "fa5s.undo-alt",
    "activity": "fa5s.users",
    "save": "fa5s.save",
    "folder": "fa5s.folder-open",
    "template": "fa5s.file-excel",
    "warning": "fa5s.exclamation-triangle",
    "certificates": "fa5s.certificate",
    "users-cog": "fa5s.users-cog",
    "cog": "fa5s.cog",
    "eye": "fa5s.eye",
    "pdf": "fa5s.file-pdf",
    "calendar": "fa5s.calendar-plus",
    "attendance": "fa5s.user-check",
    "inspection": "fa5s.clipboard-check",
    "grade": "fa5s.award",
    "project": "fa5s.project-diagram",
    "key": "fa5s.key",
    "switch_user": "fa5s.user-friends",
    "about": "fa5s.info-circle",
    "merge": "fa5s.object-group",
}
PREFIX = "fa5s."
GLYPH_SCALE = 0.875  # of the icon's height, as qtawesome: room for the font's bearings
# the built program carries the font here (packaging/street_registry.spec), beside ui/
BUNDLED_FONTS = Path(__file__).resolve().parents[2] / "qtawesome" / "fonts"


def fonts_dir() -> Path:
    if BUNDLED_FONTS.is_dir():
        return BUNDLED_FONTS
    spec = importlib.util.find_spec("qtawesome")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("qtawesome (the icons' font) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@cache
def solid_font() -> tuple[str, dict[str, str]]:
    """The font's family, loaded into Qt once, and its glyphs by name."""
    folder = fonts_dir()
    ttf = max(folder.glob("fontawesome5-solid-webfont-*.ttf"))
    charmap = ttf.with_name(ttf.name.replace("webfont-", "webfont-charmap-")).with_suffix(".json")
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(ttf)))
    if not families:
        raise OSError(f"Qt could not load the icon font {ttf}")
    glyphs = {name: chr(int(code, 16)) for name, code in json.loads(charmap.read_text("utf-8")).items()}
    return families[0], glyphs


class GlyphEngine(QIconEngine):
    """One glyph in one colour (a disabled control's in the palette's disabled text)."""

    def __init__(self, glyph: str, color: str) -> None:
        super().__init__()
        self.glyph = glyph
        self.color = color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        family, _ = solid_font()
        font = QFont(family)
        font.setStyleName("Solid")
        font.setPixelSize(round(GLYPH_SCALE * rect.height()))
        color = (QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                 if mode == QIcon.Mode.Disabled else QColor(self.color))
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.glyph)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.glyph, self.color)


def icon(name: str, color: str = "#2c5d8f") -> QIcon:
    """The icon NAMES gives `name` (or a Font Awesome 5 solid name, "fa5s.…")."""
    glyph_name = NAMES.get(name, name).removeprefix(PREFIX)
    return QIcon(GlyphEngine(solid_font()[1][glyph_name], color))
