"""A date typed into a 不限 (any) date field, as a clerk writes it: the field shows that
date and gives it, whether it said 不限 or held another date, with - / . or no separators."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from ui.widgets.optional_date import OptionalDateEdit


@pytest.fixture
def field(qtbot: Any) -> OptionalDateEdit:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


@pytest.mark.parametrize("typed", ["2027-01-16", "20270116", "2027/1/16", "2027.1.16"])
@pytest.mark.parametrize("before", [None, dt.date(2025, 3, 4)], ids=["any", "a date"])
def test_a_date_typed_over_the_field_is_the_date_it_gives(
        field: OptionalDateEdit, qtbot: Any, typed: str, before: dt.date | None) -> None:
    field.set_value(before)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, typed)
    assert field.text() == "2027-01-16" and field.value() == dt.date(2027, 1, 16)


def test_typed_over_any_without_selecting_it_first(field: OptionalDateEdit, qtbot: Any) -> None:
    assert field.text() == "不限" and field.value() is None
    qtbot.keyClicks(field, "2027-12-31")
    assert field.value() == dt.date(2027, 12, 31)


def test_an_impossible_date_is_not_taken(field: OptionalDateEdit, qtbot: Any) -> None:
    qtbot.keyClicks(field, "2027-02-30")
    assert field.value() != dt.date(2027, 3, 2) and field.date().month() == 2


def test_back_to_any(field: OptionalDateEdit) -> None:
    field.setDate(QDate(2027, 1, 16))
    field.clear_value()
    assert field.value() is None and field.text() == "不限"
