"""Read-only figures for the statistics section (run on the worker), all from the core's
summaries: none of them scans the hours ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

from registry.queries import stats
from registry.queries.deadlines import upcoming


def community_indicators() -> list[dict[str, Any]]:
    """Per community: residents, volunteers and their share, social workers per 1,000."""
    return [{"name": c.community, "population": c.population, "volunteers": c.volunteers,
             "share": float(c.volunteer_share) * 100 if c.volunteer_share is not None else None,
             "workers": c.social_workers,
             "per_mille": float(c.social_workers_per_thousand)
             if c.social_workers_per_thousand is not None else None}
            for c in stats.community_indicators()]


def hours_by_month_and_category(year: int) -> tuple[list[float], list[tuple[str, float]]]:
    """Approved hours of `year` by month (12 values) and by service category."""
    months = [float(h) for h in stats.hours_by_month(year)]
    categories = [(name, float(hours)) for name, hours in stats.hours_by_category(year)]
    return months, categories


def all_stats(year: int, within_days: int = 90) -> dict[str, Any]:
    months, categories = hours_by_month_and_category(year)
    return {"communities": community_indicators(), "months": months, "categories": categories,
            "deadlines": deadlines(within_days), "year": year}


def deadlines(within_days: int = 90) -> list[Any]:
    return upcoming(dt.date.today(), within_days=within_days)
