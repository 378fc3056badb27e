"""A preset defined as data (a district file's [[presets.star_presets]] and the like, or a
row the register keeps): read and checked here, every problem in plain Chinese naming the
preset and the field. One shape for both, so what the register stores reads back the same:

    name = "beijing_2025"                  # a simple key: a–z, 0–9, _ (the stamp a value keeps)
    label = "北京 2025 年标准"             # what a clerk reads
    source = "《……》（……，2024）"          # the document it comes from
    effective = 2025-01-01                 # the date it takes effect (or "2025-01-01"; may be left out)
    star:      thresholds = [100, 300, 600, 1000, 1500]      # hours for 1–5 stars, ascending
    ce:        cycle_years = 3                                # 1–10
               hours = { "助理社会工作师" = 72, "社会工作师" = 90, "高级社会工作师" = 90 }
    rounding:  method = "half_hour" | "quarter_hour" | "exact"
          or   steps = [{ minutes = 15, hours = 0.5 }, { minutes = 45, hours = 1 }]
                 # past the whole hour: a remainder of at least `minutes` counts `hours`
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

from registry.rules.presets import (
    KIND_WORDS,
    RESERVED_NAMES,
    SOCIAL_WORKER_LEVELS,
    ContinuingEducationPreset,
    Kind,
    Preset,
    RoundingPreset,
    StarPreset,
    kind_of,
)
from registry.texts import msg

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_TEXT = 200  # label and source: the register's text columns hold 255
MAX_HOURS = Decimal(100_000)
STAR_COUNT = 5
CYCLE_YEARS = (1, 10)
ROUNDING_METHODS = ("half_hour", "quarter_hour", "exact")
CE_EXAMPLE = '{ "助理社会工作师" = 72, "社会工作师" = 90, "高级社会工作师" = 90 }'  # zh-data: TOML keys
STEPS_EXAMPLE = "[{ minutes = 15, hours = 0.5 }, { minutes = 45, hours = 1 }]"
_COMMON = ("name", "label", "source", "effective")
FIELDS: dict[Kind, tuple[str, ...]] = {
    "star": (*_COMMON, "thresholds"),
    "ce": (*_COMMON, "cycle_years", "hours"),
    "rounding": (*_COMMON, "method", "steps"),
}


class _Checker:
    """The problems of one definition, each naming it (“星级规则“x”的“thresholds”……”)."""

    def __init__(self, kind: Kind, entry: Mapping[str, Any], where: str) -> None:
        self.kind, self.entry = kind, entry
        self.problems: list[str] = []
        name = entry.get("name")
        self.where = (msg("{kind}规则“{name}”", kind=KIND_WORDS[kind], name=name)
                      if isinstance(name, str) and name.strip() else where)

    def add(self, key: str, problem: str) -> None:
        self.problems.append(msg("{where}的“{key}”{problem}", where=self.where, key=key, problem=problem))

    def text(self, key: str) -> str:
        value = self.entry.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(key, msg("不能为空，应当是一段文字（用英文双引号括起来）。"))
            return ""
        if len(value.strip()) > MAX_TEXT:
            self.add(key, msg("太长（{length} 个字），最多 {max} 个字。", length=len(value.strip()), max=MAX_TEXT))
            return ""
        return value.strip()

    def hours(self, key: str, value: Any, *, at_most: Decimal = MAX_HOURS) -> Decimal | None:
        """A positive number of hours with at most two decimals, or None (the problem added)."""
        number: Decimal | None = None
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            try:
                number = Decimal(str(value))
            except InvalidOperation:  # pragma: no cover - str() of a finite number always parses
                number = None
        if number is None or number <= 0 or number > at_most or number != number.quantize(Decimal("0.01")):
            self.add(key, msg("中的“{value}”应当是大于 0、不超过 {max} 的数（最多两位小数）。",
                              value=value, max=f"{at_most.normalize():f}"))
            return None
        return number


def _effective(c: _Checker) -> dt.date | None:
    value = c.entry.get("effective")
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        c.add("effective", msg("应当是一个日期，不带时刻，如 2025-01-01。"))
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            c.add("effective", msg("写的“{value}”不是真实的日期。", value=value))
            return None
    c.add("effective", msg("写的“{value}”不是日期，应当写成 2025-01-01 的样子。", value=value))
    return None


def _name(c: _Checker) -> str:
    value = c.entry.get("name")
    if not isinstance(value, str) or not NAME_PATTERN.fullmatch(value):
        c.problems.append(msg("{where}的名称“{value}”不合规：应当以小写英文字母开头，只用小写英文字母、数字和下划线，"
                              "最长 40 个字符（如 beijing_2025）。", where=c.where, value=value if value is not None
                              else ""))
        return ""
    if value in RESERVED_NAMES[c.kind]:
        c.problems.append(msg("{where}的名称“{value}”是程序自带（或已停用）的{kind}规则的名称，不能重新定义；"
                              "请另起一个名称。", where=c.where, value=value, kind=KIND_WORDS[c.kind]))
        return ""
    return value


def _thresholds(c: _Checker) -> tuple[Decimal, ...]:
    raw = c.entry.get("thresholds")
    if not isinstance(raw, list) or len(raw) != STAR_COUNT:
        c.add("thresholds", msg("应当正好列出 {count} 个小时数（一星到五星），如 [100, 300, 600, 1000, 1500]。",
              count=STAR_COUNT))
        return ()
    numbers = [c.hours("thresholds", value) for value in raw]
    if any(n is None for n in numbers):
        return ()
    found = tuple(n for n in numbers if n is not None)
    if any(b <= a for a, b in pairwise(found)):
        c.add("thresholds", msg("应当从小到大、一个比一个多（现在是 {values}）。",
              values="/".join(f"{n.normalize():f}" for n in found)))
        return ()
    return found


def _ce(c: _Checker) -> tuple[int, tuple[tuple[str, Decimal], ...]]:
    years = c.entry.get("cycle_years")
    if not isinstance(years, int) or isinstance(years, bool) or not CYCLE_YEARS[0] <= years <= CYCLE_YEARS[1]:
        c.add("cycle_years", msg("应当是 {low} 到 {high} 之间的整数（一个周期几年），现在是“{value}”。",
              low=CYCLE_YEARS[0], high=CYCLE_YEARS[1], value=years if years is not None else ""))
        years = 0
    raw = c.entry.get("hours")
    if not isinstance(raw, Mapping):
        c.add("hours", msg("应当为每个证书等级写出每周期的学时，如 {example}。", example=CE_EXAMPLE))
        return years, ()
    unknown = [str(level) for level in raw if level not in SOCIAL_WORKER_LEVELS]
    missing = [level for level in SOCIAL_WORKER_LEVELS if level not in raw]
    if unknown:
        c.add("hours", msg("中的“{levels}”不是社工证书等级，应为：{known}。", levels="、".join(unknown),
              known="、".join(SOCIAL_WORKER_LEVELS)))
    if missing:
        c.add("hours", msg("缺少“{levels}”的学时：三个等级都要写。", levels="、".join(missing)))
    required = tuple((level, c.hours("hours", raw[level])) for level in SOCIAL_WORKER_LEVELS if level in raw)
    if unknown or missing or any(h is None for _, h in required):
        return years, ()
    return years, tuple((level, h) for level, h in required if h is not None)


def _rounding(c: _Checker) -> tuple[str, tuple[tuple[int, Decimal], ...]]:
    method, steps = c.entry.get("method"), c.entry.get("steps")
    if (method is None) == (steps is None):
        c.add("method", msg("和“steps”应当二选一：method 为 {methods} 之一，或用 steps 列出分钟分界。",
              methods="、".join(ROUNDING_METHODS)))
        return "", ()
    if method is not None:
        if method not in ROUNDING_METHODS:
            c.add("method", msg("写的“{value}”不认识，可用的有：{methods}。", value=method,
                  methods="、".join(ROUNDING_METHODS)))
            return "", ()
        return str(method), ()
    example = msg("如 {example}", example=STEPS_EXAMPLE)
    if not isinstance(steps, list) or not steps or not all(isinstance(s, Mapping) for s in steps):
        c.add("steps", msg("应当列出整点之后的分钟分界和所计小时，{example}。", example=example))
        return "", ()
    found: list[tuple[int, Decimal]] = []
    for step in steps:
        minutes, extra = step.get("minutes"), set(step) - {"minutes", "hours"}
        if extra:
            c.add("steps", msg("中的“{keys}”不认识，每一档只写 minutes 和 hours，{example}。",
                  keys="、".join(sorted(map(str, extra))), example=example))
            return "", ()
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 59:
            c.add("steps", msg("中的 minutes = “{value}”应当是 1 到 59 之间的整数（整点之后的分钟）。",
                  value=minutes if minutes is not None else ""))
            return "", ()
        hours = c.hours("steps", step.get("hours"), at_most=Decimal(1))
        if hours is None:
            return "", ()
        found.append((minutes, hours))
    if any(b[0] <= a[0] or b[1] <= a[1] for a, b in pairwise(found)):
        c.add("steps", msg("中的分钟和小时都应当从小到大、一档比一档多。"))
        return "", ()
    return "steps", tuple(found)


def preset_from_data(kind: Kind, entry: Mapping[str, Any], where: str) -> tuple[Preset | None, list[str]]:
    """One definition, checked: the preset, or None and what is wrong (`where` names it
    while its name is unknown, e.g. “第 2 个星级规则”)."""
    if not isinstance(entry, Mapping):
        return None, [msg("{where}格式不对：应当是一组“键 = 值”。", where=where)]
    c = _Checker(kind, entry, where)
    unknown = [str(key) for key in entry if key not in FIELDS[kind]]
    if unknown:
        c.problems.append(msg("{where}中的“{keys}”不认识，可用的有：{known}。", where=c.where,
                              keys="、".join(unknown), known="、".join(FIELDS[kind])))
    name, label, source, effective = _name(c), c.text("label"), c.text("source"), _effective(c)
    preset: Preset
    if kind == "star":
        preset = StarPreset(name, label, _thresholds(c), source, effective)
    elif kind == "ce":
        years, required = _ce(c)
        preset = ContinuingEducationPreset(name, label, years, required, source, effective)
    else:
        method, steps = _rounding(c)
        preset = RoundingPreset(name, label, method, source, effective, steps)  # type: ignore[arg-type]
    return (None, c.problems) if c.problems else (preset, [])


def presets_from_data(definitions: Mapping[Kind, Sequence[Any]], where: Mapping[Kind, str]
                      ) -> tuple[list[Preset], list[str]]:
    """Every definition of every kind, checked, and no name twice within a kind."""
    found: list[Preset] = []
    problems: list[str] = []
    for kind, entries in definitions.items():
        seen: set[str] = set()
        for i, entry in enumerate(entries, start=1):
            place = msg("{where}的第 {i} 个", where=where[kind], i=i)
            preset, wrong = preset_from_data(kind, entry, place)
            problems.extend(wrong)
            if preset is None:
                continue
            if preset.name in seen:
                problems.append(msg("{kind}规则的名称“{name}”定义了不止一次：每个名称只能定义一次。",
                                    kind=KIND_WORDS[kind], name=preset.name))
                continue
            seen.add(preset.name)
            found.append(preset)
    return found, problems


def preset_to_data(preset: Preset) -> dict[str, Any]:
    """The definition that reads back as `preset` (JSON-ready: numbers, ISO dates)."""
    def number(value: Decimal) -> int | float:
        return int(value) if value == value.to_integral_value() else float(value)

    data: dict[str, Any] = {"name": preset.name, "label": preset.label, "source": preset.source,
                            "effective": preset.effective.isoformat() if preset.effective else ""}
    if isinstance(preset, StarPreset):
        data["thresholds"] = [number(t) for t in preset.thresholds]
    elif isinstance(preset, ContinuingEducationPreset):
        data["cycle_years"] = preset.cycle_years
        data["hours"] = {level: number(hours) for level, hours in preset.required}
    elif preset.method == "steps":
        data["steps"] = [{"minutes": minutes, "hours": number(hours)} for minutes, hours in preset.steps]
    else:
        data["method"] = preset.method
    return data


def values_of(preset: Preset) -> dict[str, Any]:
    """What a stamp of the preset's name means: its data less label, source and date."""
    return {key: value for key, value in preset_to_data(preset).items() if key not in _COMMON}


def same_values(a: Preset, b: Preset) -> bool:
    return kind_of(a) == kind_of(b) and values_of(a) == values_of(b)
