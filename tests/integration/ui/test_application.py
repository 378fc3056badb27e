"""Every section rendered with demo data to PNG files a person can look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QImage


@pytest.fixture(scope="session")
def screenshot_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nSCREENSHOTS: {folder}")
    return folder


def test_screenshots_of_every_section(running: Any, screenshot_folder: Path, capsys: Any) -> None:
    from ui.application import take_screenshots

    paths = take_screenshots(running.window, screenshot_folder)
    with capsys.disabled():
        print(f"\nScreenshots of every section written to: {screenshot_folder}")
    assert {p.stem for p in paths} == set(running.window.sections)
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
        assert path.stat().st_size > 20_000, f"{path.name} looks empty"
        colours = {image.pixelColor(x, y).name() for x in range(0, 1366, 17) for y in range(0, 768, 13)}
        assert len(colours) > 8, f"{path.name} is nearly blank"


def test_chinese_glyphs_render(qapp: Any) -> None:
    """志愿者 must be drawn with three different glyphs, not three boxes."""
    from PySide6.QtGui import QFont, QPainter

    families = [f for f in QFontDatabase.families() if "WenQuanYi" in f or "CJK" in f or "YaHei" in f]
    assert families, "no Chinese font installed (Debian: apt-get install fonts-wqy-microhei)"

    def glyph(char: str) -> QImage:
        image = QImage(40, 40, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(QFont(qapp.font().families(), 24))
        painter.drawText(4, 32, char)
        painter.end()
        return image

    images = [glyph(c) for c in "志愿者"]
    assert images[0] != images[1] and images[1] != images[2] and images[0] != images[2]
    assert all(img != glyph(" ") for img in images)
