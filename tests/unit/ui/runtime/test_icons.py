"""The icons are Font Awesome 5 solid glyphs, painted from the font qtawesome ships."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from ui.runtime.icons import NAMES, PREFIX, icon, solid_font


def painted(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal, size: int = 32) -> list[QColor]:
    image = qicon.pixmap(QSize(size, size), mode).toImage()
    return [image.pixelColor(x, y) for x in range(size) for y in range(size) if image.pixelColor(x, y).alpha() > 200]


def near(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 3 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_every_named_icon_is_a_glyph_of_the_font(qapp: Any) -> None:
    _family, glyphs = solid_font()
    missing = [name for name, glyph in NAMES.items() if glyph.removeprefix(PREFIX) not in glyphs]
    assert missing == []


@pytest.mark.parametrize("name", ["volunteers", "refresh", "cog"])
def test_an_icon_paints_its_glyph_in_its_colour_and_grey_when_disabled(qapp: Any, name: str) -> None:
    normal = painted(icon(name))
    assert len(normal) > 100  # a glyph, not an empty square
    assert all(near(c, QColor("#2c5d8f")) for c in normal)  # near: the edges' alpha rounds
    disabled = painted(icon(name), QIcon.Mode.Disabled)
    assert disabled and all(not near(c, QColor("#2c5d8f")) and max(c.red(), c.green(), c.blue())
                            - min(c.red(), c.green(), c.blue()) <= 3 for c in disabled)  # grey


def test_different_names_paint_different_glyphs(qapp: Any) -> None:
    shapes = {name: icon(name).pixmap(QSize(24, 24)).toImage() for name in ("volunteers", "refresh", "cog")}
    assert shapes["volunteers"] != shapes["refresh"] != shapes["cog"] != shapes["volunteers"]


def test_a_font_awesome_name_may_be_given_as_it_is(qapp: Any) -> None:
    image = lambda name: icon(name).pixmap(QSize(24, 24)).toImage()  # noqa: E731
    assert image("fa5s.building") == image("organizations")
    with pytest.raises(KeyError):
        icon("no-such-icon")
