"""Turning what a clerk typed (or a spreadsheet held) into stored values, with problems.

Each cleaner takes the raw value and the field's name and Chinese label, and returns the
clean value (None when empty) and the problems found. Forms, operations and the importer
all use these, so a value is judged the same way wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_text
from registry.texts import msg

MAX_TEXT = 2_000
MAX_NUMBER = Decimal(10) ** 12  # beyond any amount, count or hours the register holds
# Excel counts days from 1899-12-30 (its 1900 leap-year bug already folded in).
EXCEL_EPOCH = dt.date(1899, 12, 30)
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)

FieldCleaner = Callable[..., tuple[Any, list[Problem]]]
# (field name, cleaner, the cleaner's arguments after the raw value and field name, keywords)
Rule = tuple[str, FieldCleaner, tuple[Any, ...], Mapping[str, Any]]

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),  # zh-data
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not normalize_text(raw))


def clean_text(raw: Any, field: str, label: str, *, required: bool = False,
               max_length: int = MAX_TEXT) -> tuple[str, list[Problem]]:
    if raw.__class__ is str:  # nearly every cell: normalized once, not twice via is_blank
        text = normalize_text(raw)
        if not text:
            return "", [error("required", field, msg("“{label}”不能为空。", label=label))] if required else []
    elif is_blank(raw):
        return "", [error("required", field, msg("“{label}”不能为空。", label=label))] if required else []
    else:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)  # spreadsheets hand whole numbers over as floats
        text = normalize_text(str(raw))
    if not text.isprintable():  # the filter below would keep every character
        text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    if len(text) > max_length:
        return text[:max_length], [error("too_long", field,
                                         msg("“{label}”太长（{length} 个字），最多 {max_length} 个字。",
                                             label=label, length=len(text), max_length=max_length))]
    return text, []


def clean_choice(raw: Any, field: str, label: str, choices: tuple[str, ...], *,
                 required: bool = False, aliases: dict[str, str] | None = None,
                 ) -> tuple[str, list[Problem]]:
    text, problems = clean_text(raw, field, label, required=required)
    if not text or problems:
        return text, problems
    text = (aliases or {}).get(text, text)
    if text not in choices:
        return "", [error("choice", field, msg("“{label}”填的是“{text}”，只能是：{choices}。",
                                               label=label, text=text, choices='、'.join(choices)))]
    return text, []


def parse_date(raw: Any) -> dt.date | None:
    """A date from a date, an Excel serial number or the ways clerks write one; None if
    it cannot be read. Raises nothing."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        if 1 <= raw < 2_958_466:  # Excel's valid serial range
            return EXCEL_EPOCH + dt.timedelta(days=int(raw))
        return None
    text = normalize_text(str(raw))
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


def clean_date(raw: Any, field: str, label: str, *, required: bool = False,
               earliest: dt.date = EARLIEST, latest: dt.date = LATEST,
               ) -> tuple[dt.date | None, list[Problem]]:
    if is_blank(raw):
        return None, [error("required", field, msg("“{label}”不能为空。", label=label))] if required else []
    value = parse_date(raw)
    if value is None:
        return None, [error("date", field,
                            msg("“{label}”填的是“{raw}”，不是一个有效日期（例如 2024-05-12）。", label=label, raw=raw))]
    if not earliest <= value <= latest:
        return None, [error("date_range", field, msg("“{label}” {value} 超出合理范围"
                                                 "（{earliest} 至 {latest}）。", label=label, value=value.isoformat(),
                                                 earliest=earliest.isoformat(), latest=latest.isoformat()))]
    return value, []


def clean_decimal(raw: Any, field: str, label: str, *, required: bool = False,
                  minimum: Decimal | None = Decimal(0), maximum: Decimal | None = None,
                  places: int = 2) -> tuple[Decimal | None, list[Problem]]:
    if is_blank(raw):
        return None, [error("required", field, msg("“{label}”不能为空。", label=label))] if required else []
    if isinstance(raw, bool):
        return None, [error("number", field, msg("“{label}”应当是数字。", label=label))]
    try:
        text = normalize_text(str(raw)).replace(",", "").replace("小时", "").strip()  # zh-data
        value = Decimal(text)
    except InvalidOperation:
        return None, [error("number", field, msg("“{label}”填的是“{raw}”，应当是数字。", label=label, raw=raw))]
    if not value.is_finite() or abs(value) >= MAX_NUMBER:
        return None, [error("number", field, msg("“{label}”填的是“{raw}”，不是一个合理的数字。", label=label, raw=raw))]
    if minimum is not None and value < minimum:
        return None, [error("number_range", field, msg("“{label}”不能小于 {minimum}。", label=label, minimum=minimum))]
    if maximum is not None and value > maximum:
        return None, [error("number_range", field, msg("“{label}”不能大于 {maximum}。", label=label, maximum=maximum))]
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum)
    problems = []
    if rounded != value:
        problems.append(warning("rounded", field, msg("“{label}”保留 {places} 位小数，记为 {rounded}。",
                                                      label=label, places=places, rounded=rounded)))
    return rounded, problems


def clean_int(raw: Any, field: str, label: str, *, required: bool = False,
              minimum: int | None = 0, maximum: int | None = None,
              ) -> tuple[int | None, list[Problem]]:
    value, problems = clean_decimal(raw, field, label, required=required,
                                    minimum=None, maximum=None, places=6)
    if value is None or problems:
        return None, problems
    if value != value.to_integral_value():
        return None, [error("integer", field, msg("“{label}”应当是整数。", label=label))]
    number = int(value)
    if minimum is not None and number < minimum:
        return None, [error("number_range", field, msg("“{label}”不能小于 {minimum}。", label=label, minimum=minimum))]
    if maximum is not None and number > maximum:
        return None, [error("number_range", field, msg("“{label}”不能大于 {maximum}。", label=label, maximum=maximum))]
    return number, []


_TRUE = {"是", "有", "同意", "y", "yes", "true", "1", "√", "✓"}  # zh-data
_FALSE = {"否", "无", "不同意", "n", "no", "false", "0", "×", "✗"}  # zh-data


def clean_bool(raw: Any, field: str, label: str) -> tuple[bool | None, list[Problem]]:
    if is_blank(raw):
        return None, []
    if isinstance(raw, bool):
        return raw, []
    text = normalize_text(str(raw)).lower()
    if text.endswith(".0"):
        text = text[:-2]
    if text in _TRUE:
        return True, []
    if text in _FALSE:
        return False, []
    return None, [error("bool", field, msg("“{label}”填的是“{raw}”，应当填“是”或“否”。", label=label, raw=raw))]


class Cleaner:
    """Cleans the fields of one record from a mapping of raw values.

    With `partial`, fields absent from the mapping are left out (an update of some
    fields); otherwise absent fields are cleaned as empty, so required ones complain."""

    def __init__(self, data: Mapping[str, Any], *, partial: bool = False) -> None:
        self.data = data
        self.partial = partial
        self.values: dict[str, Any] = {}
        self.problems: list[Problem] = []

    def wants(self, name: str) -> bool:
        return not self.partial or name in self.data

    def take(self, name: str, cleaner: Callable[..., tuple[Any, list[Problem]]],
             *args: Any, **kwargs: Any) -> None:
        data = self.data
        if self.partial and name not in data:  # wants(), inline: called per field per row
            return
        value, problems = cleaner(data.get(name), name, *args, **kwargs)
        self.values[name] = value
        if problems:
            self.problems.extend(problems)

    def take_all(self, rules: Iterable[Rule]) -> None:
        """take(name, cleaner, *args, **kwargs) for each rule in turn: one call for a record
        rather than one per field, for cleaners that run once per imported row."""
        data, values, problems, partial = self.data, self.values, self.problems, self.partial
        for name, cleaner, args, kwargs in rules:
            if partial and name not in data:
                continue
            value, found = cleaner(data.get(name), name, *args, **kwargs)
            values[name] = value
            if found:
                problems.extend(found)
