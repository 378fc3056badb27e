"""What a person can be found by: pinyin initials and the side-index keys of a name.

Pure functions shared by the operations (which keep the side index in step), the
migrations (which backfill it) and the bulk demo loader.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

NAME_PREFIX = "n"
INITIALS_PREFIX = "p"


# Surnames read differently from the character's everyday reading (曾 zēng, not céng):
# clerks type the surname as it is said.
SURNAME_INITIALS = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "翟": "z", "覃": "q",
    "乐": "y", "盖": "g", "种": "c", "召": "s", "繁": "p", "员": "y", "句": "g", "谌": "c",
    "隗": "w", "祭": "z", "郇": "h", "宓": "f", "逄": "p", "朴": "p", "缪": "m", "尉": "y",
}
DOUBLE_SURNAME_INITIALS = {"万俟": "mq", "尉迟": "yc", "长孙": "zs", "澹台": "tt", "单于": "cy"}
_WORDS = re.compile(r"[A-Za-z0-9]+|\S")


@lru_cache(maxsize=16_384)
def _char_initial(char: str) -> str:
    # Initials are read one character at a time, where pypinyin's 2.5 MB phrase dictionary
    # plays no part: don't load it. pypinyin itself is imported here, when first needed:
    # loading its character dictionary is a start's 30 ms, and a start reads no name.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, lazy_pinyin

    letter = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="default")[0][:1]
    return letter if letter.isascii() and letter.isalnum() else ""


@lru_cache(maxsize=65_536)
def pinyin_initials(name: str) -> str:
    """张三 -> "zs", 曾志伟 -> "zzw"; a run of Latin letters or digits counts as one word."""
    text = "".join(name.split())
    head = DOUBLE_SURNAME_INITIALS.get(text[:2], "")
    if head:
        text = text[2:]
    elif text[:1] in SURNAME_INITIALS:
        head, text = SURNAME_INITIALS[text[0]], text[1:]
    words = _WORDS.findall(text)
    return (head + "".join(w[0] if w[0].isascii() else _char_initial(w) for w in words)).lower()


def name_grams(name: str) -> set[str]:
    """Every one- and two-character substring of a name (without spaces)."""
    text = "".join(name.split()).lower()
    grams = set(text)
    grams.update(text[i : i + 2] for i in range(len(text) - 1))
    return grams


def search_keys(name: str, initials: str) -> list[str]:
    return list(_search_keys(name, initials))


@lru_cache(maxsize=65_536)  # names repeat (张伟, 王芳 …): an import computes each once
def _search_keys(name: str, initials: str) -> tuple[str, ...]:
    keys = {NAME_PREFIX + g for g in name_grams(name)}
    keys.update(INITIALS_PREFIX + initials[:i] for i in range(1, len(initials) + 1))
    return tuple(sorted(keys))


def reversed_text(text: str | None) -> str | None:
    return text[::-1] if text else None


def reversed_phone(phone: str | None) -> str | None:
    """The digits of a phone number, last first: "010-62345678" and its tail "5678" are then
    both prefixes of one indexed value."""
    if phone and phone.isdigit():  # the usual case, already digits only
        return phone[::-1]
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[::-1] or None
