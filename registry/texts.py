"""The core's one translation mechanism, without Qt: its messages are written in Simplified
Chinese and shown in the language the program speaks.

    raise NotFoundError(msg("第 {row} 行：{field}不能为空", row=row, field=field))
    SEXES = (mark("男"), mark("女"))  # marked when the module loads, translated where shown:
    label = shown(person.sex)         # a marked word in the current language, data unchanged

Placeholders are named ({row}, not f-strings) so that a translation can move them.
Simplified Chinese is the source and the default: in it nothing is read and every text is
byte for byte what the code says. The English catalog is resources/translations/registry_en.po
(gettext PO: Poedit or any text editor), refreshed from the marked calls by
resources/translations/update_translations.py; tests/unit/registry/test_texts.py checks it
is complete and that no unmarked Chinese is left in the core.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
LANGUAGE_ENV = "REGISTRY_LANG"
LIST_SEPARATOR = "、"  # between the words of a stored list (registry.rules.vocab)
CATALOG_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"  # registry/ → the top

_language = SOURCE_LANGUAGE
_catalog: dict[str, str] = {}  # Chinese source → translation; empty in Chinese


def msg(source: str, /, **values: Any) -> str:
    """`source` (Simplified Chinese, marked for translation) in the current language, its
    {placeholders} filled from `values`. A value that is itself a marked text (a field's
    label, a vocabulary word, a module's constant) is shown in the current language too."""
    if not _catalog:
        return source.format(**values) if values else source
    text = _catalog.get(source, source)
    if not values:  # as in Chinese: a text whose {} the caller fills later stays unfilled
        return text
    return text.format(**{k: _catalog.get(v, v) if isinstance(v, str) else v for k, v in values.items()})


def mark(source: str) -> str:
    """Mark `source` for translation without translating it yet (a module-level constant, a
    vocabulary word stored as it is): translate it where it is shown, with shown() or msg()."""
    return source


def shown(text: str) -> str:
    """A marked text in the current language; any other text (a name, a place) unchanged. A
    list of marked words as the register stores it ("为老服务、助残服务") is shown word by word."""
    if not _catalog:
        return text
    found = _catalog.get(text)
    if found is not None:
        return found
    parts = text.split(LIST_SEPARATOR) if LIST_SEPARATOR in text else ()
    if parts and all(part in _catalog for part in parts):
        return ", ".join(_catalog[part] for part in parts)
    return text


def language() -> str:
    return _language


def set_language(language: str) -> None:
    """Speak `language` from now on (the UI calls this when it installs its own translations,
    the command line from the environment): one switch for the whole program."""
    global _language, _catalog
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    _catalog = {} if language == SOURCE_LANGUAGE else read_po(CATALOG_DIR / f"registry_{language}.po")
    _language = language


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """REGISTRY_LANG (zh_CN or en) if set, else the system's (LC_ALL, LC_MESSAGES, LANG as POSIX
    reads them): English only where it says English; Simplified Chinese otherwise."""
    chosen = environ.get(LANGUAGE_ENV, "")
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def read_po(path: Path) -> dict[str, str]:
    """The finished entries of a gettext PO catalog: msgid → msgstr (fuzzy and empty ones left
    out, so their Chinese shows rather than a wrong or blank text)."""
    catalog: dict[str, str] = {}
    for entry in po_entries(path.read_text(encoding="utf-8")):
        if entry["msgid"] and entry["msgstr"] and "fuzzy" not in entry["flags"]:
            catalog[entry["msgid"]] = entry["msgstr"]
    return catalog


def po_entries(text: str) -> list[dict[str, Any]]:
    """The entries of a PO file: msgid, msgstr, flags and comments (the subset this program's
    catalogs use: no plural forms, no msgctxt)."""
    entries: list[dict[str, Any]] = []
    entry: dict[str, Any] = {}
    key = ""

    def finish() -> None:
        if "msgid" in entry:
            entries.append({"msgid": "", "msgstr": "", "flags": (), "comments": [], **entry})
        entry.clear()

    for line in (*text.split("\n"), ""):
        line = line.strip()
        if not line:
            finish()
        elif line.startswith("#,"):
            if "msgid" in entry:
                finish()
            entry["flags"] = tuple(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            if "msgid" in entry:
                finish()
            entry.setdefault("comments", []).append(line)
        elif line.startswith(('msgid "', 'msgstr "')):
            if line.startswith("msgid") and "msgid" in entry:
                finish()
            key, _, rest = line.partition(" ")
            entry[key] = ast.literal_eval(rest)
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    return entries
