"""LedgerSums gives each summary exactly what the counted lines of a ledger add up to,
however lines are approved and corrected; Stars agrees with the star thresholds."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from registry.rules.ledger import LedgerSums, Stars, to_cents, to_hours
from registry.rules.presets import STAR_PRESETS


@dataclass
class Line:
    id: int
    volunteer: int
    day: dt.date
    hours: Decimal
    community: int | None
    organization: int | None
    category: str | None
    approved: bool = False
    corrects: int | None = None


HOURS = st.integers(min_value=1, max_value=2400).map(lambda c: Decimal(c) / 100)
FIELDS = st.fixed_dictionaries({
    "volunteer": st.integers(1, 4),
    "day": st.dates(dt.date(2022, 1, 1), dt.date(2025, 12, 31)),
    "hours": HOURS,
    "community": st.none() | st.integers(1, 3),
    "organization": st.none() | st.integers(1, 3),
    "category": st.sampled_from([None, "", "为老服务", "社区治理"]),
})
# record a new line / approve the n-th pending one / correct the n-th line that counts
STEPS = st.lists(st.one_of(st.tuples(st.just("record"), FIELDS),
                           st.tuples(st.just("approve"), st.integers(0, 50)),
                           st.tuples(st.just("correct"), st.integers(0, 50), FIELDS)), max_size=60)


def counting(ledger: list[Line]) -> list[Line]:
    """Approved lines that no approved correction replaces."""
    replaced = {line.corrects for line in ledger if line.approved and line.corrects is not None}
    return [line for line in ledger if line.approved and line.id not in replaced]


def play(steps: list[tuple]) -> tuple[list[Line], LedgerSums]:
    """Runs the steps on a ledger, adding up as approving does: an approved line counts,
    an approved correction takes out the line it corrects."""
    ledger: list[Line] = []
    sums = LedgerSums()
    for step in steps:
        if step[0] == "record":
            ledger.append(Line(len(ledger) + 1, **step[1]))
        elif step[0] == "approve":
            pending = [line for line in ledger if not line.approved]
            if not pending:
                continue
            line = pending[step[1] % len(pending)]
            line.approved = True
            if line.corrects is not None:
                old = ledger[line.corrects - 1]
                sums.add_line(old.volunteer, old.day, old.hours, old.community, old.organization,
                              old.category, -1)
            sums.add_line(line.volunteer, line.day, line.hours, line.community, line.organization,
                          line.category)
        else:
            corrected = {line.corrects for line in ledger}
            latest = [line for line in counting(ledger) if line.id not in corrected]
            if not latest:
                continue
            old = latest[step[1] % len(latest)]
            ledger.append(Line(len(ledger) + 1, **{**step[2], "volunteer": old.volunteer},
                               corrects=old.id))
    return ledger, sums


def nonzero(sums: dict) -> dict:
    return {key: to_hours(amount) for key, amount in sums.items() if amount}


@settings(max_examples=300, deadline=None)
@given(steps=STEPS)
def test_sums_equal_the_counted_lines_added_up(steps: list[tuple]) -> None:
    ledger, sums = play(steps)
    totals: Counter[int] = Counter()
    years: Counter[tuple[int, int]] = Counter()
    communities: Counter[tuple[int, int]] = Counter()
    organizations: Counter[tuple[int, int]] = Counter()
    months: Counter[tuple[int, int, str]] = Counter()
    for line in counting(ledger):
        year = line.day.year
        totals[line.volunteer] += line.hours
        years[line.volunteer, year] += line.hours
        if line.community is not None:
            communities[line.community, year] += line.hours
        if line.organization is not None:
            organizations[line.organization, year] += line.hours
        months[year, line.day.month, line.category or ""] += line.hours
    assert nonzero(sums.volunteer_totals()) == {k: v for k, v in totals.items() if v}
    assert nonzero(sums.volunteer_years) == {k: v for k, v in years.items() if v}
    assert nonzero(sums.community_years) == {k: v for k, v in communities.items() if v}
    assert nonzero(sums.organization_years) == {k: v for k, v in organizations.items() if v}
    assert nonzero(sums.month_categories) == {k: v for k, v in months.items() if v}
    assert all(amount >= 0 for amount in sums.volunteer_years.values())


@given(cents=st.integers(min_value=-10**12, max_value=10**12))
def test_cents_and_hours_round_trip(cents: int) -> None:
    hours = to_hours(cents)
    assert hours == Decimal(cents) / 100 and hours.as_tuple().exponent == -2
    assert to_cents(hours) == cents


@given(name=st.sampled_from(sorted(STAR_PRESETS)), cents=st.integers(0, 2_000_000))
def test_stars_count_the_thresholds_reached(name: str, cents: int) -> None:
    preset = STAR_PRESETS[name]
    stars = Stars(preset)
    reached = len([t for t in preset.thresholds if Decimal(cents) / 100 >= t])
    assert stars.level(cents) == reached
    assert stars.level(cents) == reached  # the remembered level is the same
