"""What the statistics section shows, in one read: the indicators by community and for the
whole register against the aim of one social worker per 1,000 residents, a year's approved
hours by month and by service category, and the deadlines falling due. All of it comes
from the summaries (stats.py) and deadlines.py: nothing here scans the hours ledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from registry.queries import stats
from registry.queries.deadlines import DueFilter, DueItem, upcoming
from registry.queries.stats import CommunityIndicator

AIM_PER_THOUSAND = 1.0  # social workers per 1,000 residents


def meets_aim(per_thousand: float | None) -> bool:
    return per_thousand is not None and per_thousand >= AIM_PER_THOUSAND


@dataclass(frozen=True)
class Totals:
    """The indicators over every community of the register."""

    population: int
    volunteers: int
    social_workers: int

    @property
    def volunteer_share(self) -> float:
        """Volunteers as a share of residents (0 without a population)."""
        return self.volunteers / self.population if self.population else 0.0

    @property
    def social_workers_per_thousand(self) -> float:
        return self.social_workers / self.population * 1000 if self.population else 0.0


@dataclass(frozen=True)
class Overview:
    year: int
    communities: tuple[CommunityIndicator, ...]  # in street and community code order
    totals: Totals
    hours_by_month: tuple[Decimal, ...]  # approved hours of `year`, January first
    hours_by_category: tuple[tuple[str, Decimal], ...]  # most first
    deadlines: tuple[DueItem, ...]  # soonest first


def due_within(days: int, today: dt.date | None = None, due: DueFilter | None = None) -> tuple[DueItem, ...]:
    return tuple(upcoming(today or dt.date.today(), within_days=days, due=due))


def overview(year: int, within_days: int = 90, today: dt.date | None = None) -> Overview:
    communities = tuple(stats.community_indicators(year))
    totals = Totals(sum(c.population for c in communities), sum(c.volunteers for c in communities),
                    sum(c.social_workers for c in communities))
    return Overview(year, communities, totals, tuple(stats.hours_by_month(year)),
                    tuple(stats.hours_by_category(year)), due_within(within_days, today))
