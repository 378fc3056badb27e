"""Named rule presets: star levels, rounding of service time, continuing education.
A computed value records the preset name that gave it, so names are stable keys.

Each preset is data: its name, its label, its values, the document it comes from and the
date that document takes effect (None when unknown). The shipped ones are below; a district
file may define more (rules/preset_definitions.py reads them, the register keeps them), and
a PresetBook is the shipped ones with a register's own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeVar

from registry.rules.deadlines import add_years
from registry.texts import mark, msg, shown

SOCIAL_WORKER_LEVELS = (mark("助理社会工作师"), mark("社会工作师"), mark("高级社会工作师"))
_CENT = Decimal("0.01")
_T = TypeVar("_T")


@dataclass(frozen=True)
class StarPreset:
    """A choice of the hours each star level needs."""

    name: str
    label: str
    thresholds: tuple[Decimal, ...]  # cumulative hours for 1, 2, … 5 stars, ascending
    source: str = ""  # the document it comes from
    effective: date | None = None  # the date that document takes effect, None when unknown


@dataclass(frozen=True)
class RoundingPreset:
    """A choice of how service hours are rounded."""

    name: str
    label: str
    method: Literal["half_hour", "quarter_hour", "exact", "steps"]
    source: str = ""
    effective: date | None = None
    # method "steps": (minutes past the whole hour, hours they count), both ascending; a
    # remainder below the first cut-off counts nothing
    steps: tuple[tuple[int, Decimal], ...] = field(default=())


@dataclass(frozen=True)
class ContinuingEducationPreset:
    """A choice of the continuing-education hours each level needs per cycle."""

    name: str
    label: str
    cycle_years: int
    required: tuple[tuple[str, Decimal], ...]  # (level, hours per cycle)
    source: str = ""
    effective: date | None = None


Preset = StarPreset | RoundingPreset | ContinuingEducationPreset
Kind = Literal["star", "ce", "rounding"]
KINDS: tuple[Kind, ...] = ("star", "ce", "rounding")
SETTING_KEYS: dict[Kind, str] = {"star": "star_preset", "ce": "ce_preset", "rounding": "rounding_preset"}
KIND_WORDS: dict[Kind, str] = {"star": mark("星级"), "ce": mark("继续教育"), "rounding": mark("时长取整")}
PRESET_TYPES: dict[Kind, type[Preset]] = {"star": StarPreset, "ce": ContinuingEducationPreset,
                                          "rounding": RoundingPreset}


def kind_of(preset: Preset) -> Kind:
    return "star" if isinstance(preset, StarPreset) else "ce" if isinstance(
        preset, ContinuingEducationPreset) else "rounding"


def _hours(*values: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# Where a document's own date of effect is not known for certain, effective stays None.
STAR_PRESETS = {
    p.name: p
    for p in (
        # Beijing's rule today as well. The notice (民函〔2012〕340号, 2012-10-23) says 请遵照执行:
        # in force as issued.
        StarPreset("national", mark("全国标准（100/300/600/1000/1500 小时，北京现行）"),
                   _hours(100, 300, 600, 1000, 1500),
                   mark("《志愿服务记录办法》（民政部，民函〔2012〕340号）"), date(2012, 10, 23)),
        # Beijing's early trial rule: kept so old records can be read against it, not for new work
        StarPreset("beijing_trial", mark("北京早期试行标准（100/200/500/800/1000 小时，已停用）"),
                   _hours(100, 200, 500, 800, 1000),
                   mark("北京市早期试行的志愿者星级认定做法（已停用，原文件未核实）")),
    )
}
# Names a register or district file may still carry from earlier versions: the preset the
# name meant (now kept under a historical name) and the one in force that replaces it.
# "beijing" was Beijing's early trial rule, shipped as if it were current.
RETIRED_STAR_PRESETS = {"beijing": ("beijing_trial", "national")}
_COMMON_PRACTICE = mark("常见的计时做法（无全国统一规定）")
ROUNDING_PRESETS = {
    p.name: p
    for p in (
        # No national document sets how service time is rounded: these are common practice.
        RoundingPreset("half_hour", mark("按半小时计（不足 15 分钟不计，15–44 分钟计半小时，"
                       "45 分钟及以上计 1 小时）"), "half_hour", _COMMON_PRACTICE),
        RoundingPreset("quarter_hour", mark("按刻钟计（四舍五入到 0.25 小时）"), "quarter_hour",
                       _COMMON_PRACTICE),
        RoundingPreset("exact", mark("按实际分钟折算（保留两位小数）"), "exact", _COMMON_PRACTICE),
    )
}
CE_PRESETS = {
    p.name: p
    for p in (
        # 民发〔2009〕123号 (2009-09-07) says 请遵照执行: in force as issued.
        ContinuingEducationPreset("national", mark("全国标准（每 3 年登记周期，助理 72 学时，"
                                  "社工师和高级 90 学时）"), 3,
                                  tuple(zip(SOCIAL_WORKER_LEVELS, _hours(72, 90, 90),
                                            strict=True)),
                                  mark("《社会工作者继续教育办法》（民政部，民发〔2009〕123号）"), date(2009, 9, 7)),
        ContinuingEducationPreset("annual_90", mark("每年 90 学时（部分地区）"), 1,
                                  tuple((level, Decimal(90)) for level in SOCIAL_WORKER_LEVELS),
                                  mark("部分省市的地方规定（以当地文件为准）")),
    )
}


# Names no district may define: a stamp carrying one means the shipped (or retired) preset.
RESERVED_NAMES: dict[Kind, frozenset[str]] = {
    "star": frozenset(STAR_PRESETS) | frozenset(RETIRED_STAR_PRESETS),
    "ce": frozenset(CE_PRESETS),
    "rounding": frozenset(ROUNDING_PRESETS),
}


def _get(presets: Mapping[str, _T], name: str, what: str) -> _T:
    try:
        return presets[name]
    except KeyError:
        raise KeyError(msg("没有名为“{name}”的{what}规则", name=name, what=what)) from None


def get_star_preset(name: str) -> StarPreset:
    """A shipped star preset (a register's own: PresetBook, or registry.queries.presets)."""
    return _get(STAR_PRESETS, name, msg("星级"))


def get_rounding_preset(name: str) -> RoundingPreset:
    return _get(ROUNDING_PRESETS, name, msg("时长取整"))


def get_ce_preset(name: str) -> ContinuingEducationPreset:
    return _get(CE_PRESETS, name, msg("继续教育"))


@dataclass(frozen=True)
class PresetBook:
    """Every preset a register knows by name: the shipped ones first, then its own."""

    star: Mapping[str, StarPreset]
    ce: Mapping[str, ContinuingEducationPreset]
    rounding: Mapping[str, RoundingPreset]

    def of(self, kind: Kind) -> Mapping[str, Preset]:
        found: Mapping[str, Preset] = self.star if kind == "star" else self.ce if kind == "ce" else self.rounding
        return found

    def with_defined(self, defined: Iterable[Preset]) -> PresetBook:
        """This book and `defined` (a shipped name is never replaced)."""
        star, ce, rounding = dict(self.star), dict(self.ce), dict(self.rounding)
        for preset in defined:
            if isinstance(preset, StarPreset):
                star.setdefault(preset.name, preset)
            elif isinstance(preset, ContinuingEducationPreset):
                ce.setdefault(preset.name, preset)
            else:
                rounding.setdefault(preset.name, preset)
        return PresetBook(star, ce, rounding)

    def star_preset(self, name: str) -> StarPreset:
        return _get(self.star, name, msg("星级"))

    def ce_preset(self, name: str) -> ContinuingEducationPreset:
        return _get(self.ce, name, msg("继续教育"))

    def rounding_preset(self, name: str) -> RoundingPreset:
        return _get(self.rounding, name, msg("时长取整"))


SHIPPED = PresetBook(STAR_PRESETS, CE_PRESETS, ROUNDING_PRESETS)


def is_shipped(preset: Preset) -> bool:
    return SHIPPED.of(kind_of(preset)).get(preset.name) is preset


def thresholds_text(preset: StarPreset) -> str:
    """The thresholds as a clerk reads them: 100/300/600/1000/1500."""
    return "/".join(f"{t.normalize():f}" for t in preset.thresholds)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def values_text(preset: Preset) -> str:
    """What the preset computes, in a clerk's words: 100/300/600/1000/1500 小时, ……"""
    if isinstance(preset, StarPreset):
        return msg("一至五星：{thresholds} 小时", thresholds=thresholds_text(preset))
    if isinstance(preset, ContinuingEducationPreset):
        return msg("每 {years} 年：{levels} 学时", years=preset.cycle_years,
                   levels="、".join(f"{shown(level)} {_number(hours)}" for level, hours in preset.required))
    if preset.method == "steps":
        return msg("整点之后{steps}，不足 {first} 分钟不计",
                   steps="、".join(msg("满 {minutes} 分钟计 {hours} 小时", minutes=m, hours=_number(h))
                                   for m, h in preset.steps), first=preset.steps[0][0])
    return shown(ROUNDING_PRESETS[preset.method].label)


def star_level(preset: StarPreset, hours: Decimal) -> int:
    """0–5: the number of thresholds reached (a threshold counts when hours equal it)."""
    return sum(1 for t in preset.thresholds if hours >= t)


def hours_to_next_star(preset: StarPreset, hours: Decimal) -> Decimal | None:
    level = star_level(preset, hours)
    if level >= len(preset.thresholds):
        return None
    return preset.thresholds[level] - hours


def credited_hours(preset: RoundingPreset, minutes: int) -> Decimal:
    """Hours credited for one service record of `minutes`, to two decimals.
    half_hour: on top of whole hours, a remainder r < 15 → 0, 15 ≤ r < 45 → 0.5,
    r ≥ 45 → 1. quarter_hour: nearest 0.25 h (integral minutes never tie).
    exact: minutes / 60, rounded half up to 0.01. steps: on top of whole hours, the hours of
    the last cut-off the remainder reaches (none reached: 0)."""
    if minutes < 0:
        raise ValueError(msg("服务时长不能为负数：{minutes} 分钟", minutes=minutes))
    whole, rest = divmod(minutes, 60)
    if preset.method == "half_hour":
        extra = Decimal(0) if rest < 15 else Decimal("0.5") if rest < 45 else Decimal(1)
        result = whole + extra
    elif preset.method == "steps":
        result = whole + max((hours for cut_off, hours in preset.steps if rest >= cut_off), default=Decimal(0))
    elif preset.method == "quarter_hour":
        result = (Decimal(minutes) / 15).quantize(Decimal(1), ROUND_HALF_UP) / 4
    else:
        result = Decimal(minutes) / 60
    return result.quantize(_CENT, ROUND_HALF_UP)


def required_hours(preset: ContinuingEducationPreset, level: str) -> Decimal:
    for known, hours in preset.required:
        if known == level:
            return hours
    raise KeyError(msg("没有“{level}”这个社工证书等级，应为：{social_worker_levels}",
                       level=level, social_worker_levels='、'.join(SOCIAL_WORKER_LEVELS)))


def cycle_bounds(preset: ContinuingEducationPreset, registered_until: date) -> tuple[date, date]:
    """(cycle start, due date): the cycle ends when the registration does and starts
    cycle_years earlier; a 02-29 end gives a 02-28 start in a common year."""
    return add_years(registered_until, -preset.cycle_years), registered_until


def shortfall(preset: ContinuingEducationPreset, level: str, hours_done: Decimal) -> Decimal:
    return max(Decimal(0), required_hours(preset, level) - hours_done)
