"""Clean up text as it arrives from a clerk's spreadsheet or keyboard."""

from __future__ import annotations

import re
import unicodedata

# Only these characters go through NFKC: applied to the whole string it would also turn
# Chinese punctuation （），： into ASCII and ① into 1, changing names the clerk typed.
_FULL_WIDTH = (
    [chr(c) for c in range(0xFF10, 0xFF1A)]  # ０–９
    + [chr(c) for c in range(0xFF21, 0xFF3B)]  # Ａ–Ｚ
    + [chr(c) for c in range(0xFF41, 0xFF5B)]  # ａ–ｚ
    + ["\u3000", "\uff0b", "\uff0d", "\uff0e"]  # ideographic space, ＋ － ．
)
_TABLE: dict[int, str | None] = {ord(c): unicodedata.normalize("NFKC", c) for c in _FULL_WIDTH}
_TABLE[0x00A0] = " "  # NBSP: pasted from web pages and Word
for _zw in ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
    _TABLE[ord(_zw)] = None  # invisible, but they make two equal IDs compare unequal

# Most values hold none of the characters _TABLE maps (all of them non-ASCII): for those
# translate() would only copy the string, so one scan that proves it is cheaper.
_MAPPED = re.compile("[" + "".join(re.escape(chr(code)) for code in _TABLE) + "]")
_has_mapped = _MAPPED.search
assert all(code > 0x7F for code in _TABLE), "the isascii() shortcut needs non-ASCII keys"

# Dashes people type between digit groups; all mean "-" in an ID-like value.
_ID_DROP: dict[int, str | None] = {
    ord(c): None for c in (" ", "\t", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014")
}


def normalize_text(s: str) -> str:
    """Full-width digits, letters and spaces to half-width; drop zero-width characters;
    strip surrounding whitespace (including U+3000 and NBSP). Chinese text is untouched."""
    if s.isascii() or _has_mapped(s) is None:
        return s.strip()
    return s.translate(_TABLE).strip()


def normalize_id_like(s: str) -> str:
    """normalize_text, then drop inner spaces and hyphens and upper-case (x → X)."""
    return normalize_text(s).translate(_ID_DROP).upper()
