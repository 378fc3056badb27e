"""What a person can be found by: pinyin initials and the side-index keys of a name.

Pure functions shared by the operations (which keep the side index in step), the
migrations (which backfill it) and the bulk demo loader.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

NAME_PREFIX = "n"
INITIALS_PREFIX = "p"


@lru_cache(maxsize=65_536)
def pinyin_initials(name: str) -> str:
    """张三 -> "zs"; letters in a name are kept, other characters dropped."""
    parts = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(p[0] for p in parts if p and p[0].isascii() and p[0].isalnum()).lower()


def name_grams(name: str) -> set[str]:
    """Every one- and two-character substring of a name (without spaces)."""
    text = "".join(name.split()).lower()
    grams = set(text)
    grams.update(text[i : i + 2] for i in range(len(text) - 1))
    return grams


def search_keys(name: str, initials: str) -> list[str]:
    keys = {NAME_PREFIX + g for g in name_grams(name)}
    keys.update(INITIALS_PREFIX + initials[:i] for i in range(1, len(initials) + 1))
    return sorted(keys)


def reversed_text(text: str | None) -> str | None:
    return text[::-1] if text else None


def reversed_phone(phone: str | None) -> str | None:
    """The digits of a phone number, last first: "010-62345678" and its tail "5678" are then
    both prefixes of one indexed value."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[::-1] or None
