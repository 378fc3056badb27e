"""Finding fonts with Chinese glyphs for PDF documents (no network, no Qt).

The main font is the one the program carries (WenQuanYi Micro Hei), else a system one. It
has the common characters only: names with rare characters (生僻字), many of them outside
the Basic Multilingual Plane (CJK Extension B and on: 𠀀 U+20000, 𪚥 U+2A6A5), need another.
Those fonts are tens of megabytes, more than the program's bundle has room for
(packaging/build.py), and every Chinese Windows has one: so they are taken from the system,
as a fallback chain, per character, and only when the document needs them. A character no
font here has is refused before anything is written: a box in its place (tofu) on a
certificate is a defect, not a rendering detail."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from registry.rules.problems import RegistryError
from registry.texts import mark, msg

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
# For the characters the main font lacks, in this order: Windows' own Extension B fonts,
# then Debian's (fonts-hanazono: Extension B in HanaMinB, Extension A in HanaMinA; Noto CJK
# has a few hundred of them), then macOS's.
FALLBACK_FONTS = (
    Path("C:/Windows/Fonts/simsunb.ttf"),  # SimSun-ExtB
    Path("C:/Windows/Fonts/mingliub.ttc"),  # MingLiU-ExtB
    Path("C:/Windows/Fonts/simsun.ttc"),  # Extension A
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
    Path("/System/Library/Fonts/Supplemental/Songti.ttc"),
)
INSTALL_ADVICE = mark("请安装含扩展汉字的字体后再试：中文 Windows 自带 SimSun-ExtB（simsunb.ttf），缺少时可在“设置 → "
                      "应用 → 可选功能”中添加“中文(简体)补充字体”；Debian、统信、麒麟可安装 fonts-hanazono")


def find_cjk_font() -> Path:
    """The bundled CJK font if the program carries one, else a system one."""
    bundled = sorted(p for p in RESOURCES.glob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    for path in (*bundled, *SYSTEM_FONTS):
        if path.is_file():
            return path
    raise RegistryError(msg("找不到可以显示中文的字体，无法生成 PDF。请安装中文字体（如文泉驿微米黑）。"))


@lru_cache(maxsize=16)
def characters_of(path: Path) -> frozenset[int]:
    """The code points the font (the first of a collection) has a glyph for; only its
    character map is read, not the glyphs (a few milliseconds for a 30 MB font)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception:  # a damaged or unreadable font file: as if it were not there
        return frozenset()


def fonts_for(text: str) -> tuple[Path, list[Path]]:
    """(the main font, the fallback fonts the text needs, in the order to try them); a
    RegistryError naming the characters no font on this computer has."""
    main = find_cjk_font()
    missing = {ord(c) for c in text if c.isprintable() and not c.isspace()} - characters_of(main)
    fallbacks: list[Path] = []
    for path in FALLBACK_FONTS:
        if not missing:
            break
        if path == main or not path.is_file():
            continue
        covered = missing & characters_of(path)
        if covered:
            fallbacks.append(path)
            missing -= covered
    if missing:
        characters = "、".join(f"“{chr(c)}”（U+{c:04X}）" for c in sorted(missing)[:10])
        raise RegistryError(msg("{characters}在本机的字体中都没有，印出来会是方框，所以没有生成 PDF；{advice}。",
                                characters=characters, advice=INSTALL_ADVICE))
    return main, fallbacks
