"""Finding a font with Chinese glyphs for PDF documents (no network, no Qt)."""

from __future__ import annotations

import sys
from pathlib import Path

from registry.rules.problems import RegistryError
from registry.texts import msg

RESOURCES = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2])) / "resources" / "fonts"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
    Path("C:/Windows/Fonts/simsun.ttc"),
    Path("/System/Library/Fonts/PingFang.ttc"),
)


def find_cjk_font() -> Path:
    """The bundled CJK font if the program carries one, else a system one."""
    bundled = sorted(p for p in RESOURCES.glob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    for path in (*bundled, *SYSTEM_FONTS):
        if path.is_file():
            return path
    raise RegistryError(msg("找不到可以显示中文的字体，无法生成 PDF。请安装中文字体（如文泉驿微米黑）。"))
