"""The navigation's list of sections names each section's own module and class."""

from __future__ import annotations

import importlib

import pytest

from ui.sections.base import Section
from ui.sections.catalog import SECTIONS, section_title


@pytest.mark.parametrize("entry", SECTIONS, ids=lambda e: e.key)
def test_each_entry_names_the_section_with_its_key(entry: object) -> None:
    cls = getattr(importlib.import_module(f"ui.sections.{entry.module}"), entry.class_name)  # type: ignore[attr-defined]
    assert issubclass(cls, Section) and cls.key == entry.key  # type: ignore[attr-defined]


def test_the_navigation_titles_are_translated_and_distinct() -> None:
    """The titles live here, apart from the sections: each must still find its translation."""
    titles = [section_title(entry.key) for entry in SECTIONS]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in t) and not any(c.isascii() and c.isalpha() for c in t)
               for t in titles), titles
    assert len(set(titles)) == len(titles)
