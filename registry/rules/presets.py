"""Named rule presets: star levels, rounding of service time, continuing education.
A computed value records the preset name that gave it, so names are stable keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeVar

from registry.rules.deadlines import add_years
from registry.texts import mark, msg

SOCIAL_WORKER_LEVELS = (mark("助理社会工作师"), mark("社会工作师"), mark("高级社会工作师"))
_CENT = Decimal("0.01")
_T = TypeVar("_T")


@dataclass(frozen=True)
class StarPreset:
    """A choice of the hours each star level needs."""

    name: str
    label: str
    thresholds: tuple[Decimal, ...]  # cumulative hours for 1, 2, … 5 stars, ascending


@dataclass(frozen=True)
class RoundingPreset:
    """A choice of how service hours are rounded."""

    name: str
    label: str
    method: Literal["half_hour", "quarter_hour", "exact"]


@dataclass(frozen=True)
class ContinuingEducationPreset:
    """A choice of the continuing-education hours each level needs per cycle."""

    name: str
    label: str
    cycle_years: int
    required: tuple[tuple[str, Decimal], ...]  # (level, hours per cycle)


def _hours(*values: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


STAR_PRESETS = {
    p.name: p
    for p in (
        # 《志愿服务记录办法》 (民政部, 2012); Beijing's rule today as well
        StarPreset("national", mark("全国标准（100/300/600/1000/1500 小时，北京现行）"),
                   _hours(100, 300, 600, 1000, 1500)),
        # Beijing's early trial rule: kept so old records can be read against it, not for new work
        StarPreset("beijing_trial", mark("北京早期试行标准（100/200/500/800/1000 小时，已停用）"),
                   _hours(100, 200, 500, 800, 1000)),
    )
}
# Names a register or district file may still carry from earlier versions: the preset the
# name meant (now kept under a historical name) and the one in force that replaces it.
# "beijing" was Beijing's early trial rule, shipped as if it were current.
RETIRED_STAR_PRESETS = {"beijing": ("beijing_trial", "national")}
ROUNDING_PRESETS = {
    p.name: p
    for p in (
        RoundingPreset("half_hour", mark("按半小时计（不足 15 分钟不计，15–44 分钟计半小时，"
                       "45 分钟及以上计 1 小时）"), "half_hour"),
        RoundingPreset("quarter_hour", mark("按刻钟计（四舍五入到 0.25 小时）"), "quarter_hour"),
        RoundingPreset("exact", mark("按实际分钟折算（保留两位小数）"), "exact"),
    )
}
CE_PRESETS = {
    p.name: p
    for p in (
        ContinuingEducationPreset("national", mark("全国标准（每 3 年登记周期，助理 72 学时，"
                                  "社工师和高级 90 学时）"), 3,
                                  tuple(zip(SOCIAL_WORKER_LEVELS, _hours(72, 90, 90),
                                            strict=True))),
        ContinuingEducationPreset("annual_90", mark("每年 90 学时（部分地区）"), 1,
                                  tuple((level, Decimal(90)) for level in SOCIAL_WORKER_LEVELS)),
    )
}


def _get(presets: dict[str, _T], name: str, what: str) -> _T:
    try:
        return presets[name]
    except KeyError:
        raise KeyError(msg("没有名为“{name}”的{what}规则", name=name, what=what)) from None


def get_star_preset(name: str) -> StarPreset:
    return _get(STAR_PRESETS, name, msg("星级"))


def get_rounding_preset(name: str) -> RoundingPreset:
    return _get(ROUNDING_PRESETS, name, msg("时长取整"))


def get_ce_preset(name: str) -> ContinuingEducationPreset:
    return _get(CE_PRESETS, name, msg("继续教育"))


def thresholds_text(preset: StarPreset) -> str:
    """The thresholds as a clerk reads them: 100/300/600/1000/1500."""
    return "/".join(f"{t.normalize():f}" for t in preset.thresholds)


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
    exact: minutes / 60, rounded half up to 0.01."""
    if minutes < 0:
        raise ValueError(msg("服务时长不能为负数：{minutes} 分钟", minutes=minutes))
    whole, rest = divmod(minutes, 60)
    if preset.method == "half_hour":
        extra = Decimal(0) if rest < 15 else Decimal("0.5") if rest < 45 else Decimal(1)
        result = whole + extra
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
