"""What every part of the demonstration generator shares: the row and progress types,
the progress stages, the presets the data is summed under, the error, and the helpers
for weighted picks and hour texts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any, TypeVar

from registry.rules.problems import RegistryError

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]
_T = TypeVar("_T")

STAGE_GEOGRAPHY = "地区"
STAGE_PEOPLE = "人员"
STAGE_SEARCH_KEYS = "检索索引"
STAGE_VOLUNTEERS = "志愿者"
STAGE_ORGANIZATIONS = "社会组织"
STAGE_SOCIAL_WORKERS = "持证社工"
STAGE_TRAINING = "培训"
STAGE_ACTIVITIES = "活动"  # the first stage of the service-hours phase
STAGE_RECORDS = "服务记录"
STAGE_SUMMARIES = "时长汇总"

STAR_PRESET = "national"
CE_PRESET = "national"


class DemoError(RegistryError):
    """The demonstration data cannot be written (for example, the register is not empty)."""


def weighted_table(pairs: Sequence[tuple[_T, float]], size: int = 1000) -> tuple[_T, ...]:
    """A lookup table where each value fills a share of slots matching its weight, so a
    weighted pick in a hot loop is one index: table[int(random() * len(table))]."""
    total = sum(w for _, w in pairs)
    out: list[_T] = []
    for value, weight in pairs:
        out.extend(repeat(value, max(1, round(size * weight / total))))
    return tuple(out)


def hours_text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"
