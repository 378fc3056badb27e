"""The ledger's summaries: what the counted lines of the hours ledger add up to.

A line counts from its approval until an approved correction replaces it. Its hours go
into the volunteer's total (and, through the total, the star level), the year sums of the
volunteer, of the line's community and of its organization (when it has them), and the
statistics' sums per month and service category (a line without a category under "").
Approving a correction takes the line it corrects out (sign -1) and puts itself in.

Operations, the importer and the demonstration generator all add up through LedgerSums;
what they do with the sums differs (apply them as deltas, or write a new register's rows).
Hours carried over from the records kept before the register (期初结转, lines of kind OPENING)
count in the volunteer's total and year sum, hence the star level, but in no community's,
organization's or month's sum: they were not served where or when the register could say.

Sums are in cents, hundredths of an hour: hours have two decimals in the ledger, so adding
cents is exact, and fast enough for the generator's ten million lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from registry.rules.presets import StarPreset, star_level
from registry.texts import mark

SERVICE, OPENING = "service", "opening"  # ServiceRecord.kind
KIND_LABELS = {SERVICE: mark("服务记录"), OPENING: mark("期初结转")}


def to_cents(hours: Decimal) -> int:
    """Hours of the ledger (two decimals) as a whole number of cents."""
    return int(hours.scaleb(2).to_integral_value())


def to_hours(cents: int) -> Decimal:
    """Cents back as hours with two decimals, as the ledger and its summaries store them."""
    return Decimal(cents).scaleb(-2)


@dataclass(slots=True)
class LedgerSums:
    """The cents that some lines add to each summary, by the summary row's key."""

    volunteer_years: defaultdict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    community_years: defaultdict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    organization_years: defaultdict[tuple[int, int], int] = field(
        default_factory=lambda: defaultdict(int))
    month_categories: defaultdict[tuple[int, int, str], int] = field(  # (year, month, category)
        default_factory=lambda: defaultdict(int))

    def add(self, volunteer: int, year: int, month: int, community: int | None,
            organization: int | None, category: str | None, cents: int) -> None:
        """One counted line (negative cents take one out). The generator's hot loop calls
        this once per line: keep it to the four additions."""
        self.volunteer_years[volunteer, year] += cents
        if community is not None:
            self.community_years[community, year] += cents
        if organization is not None:
            self.organization_years[organization, year] += cents
        self.month_categories[year, month, category or ""] += cents

    def add_line(self, volunteer: int, day: date, hours: Decimal, community: int | None,
                 organization: int | None, category: str | None, sign: int = 1) -> None:
        """A line as the ledger stores it: sign +1 when it starts to count, -1 when it stops."""
        self.add(volunteer, day.year, day.month, community, organization, category,
                 sign * to_cents(hours))

    def add_carried(self, volunteer: int, day: date, hours: Decimal, sign: int = 1) -> None:
        """An opening-balance line: the volunteer's own sums only."""
        self.volunteer_years[volunteer, day.year] += sign * to_cents(hours)

    def volunteer_totals(self) -> dict[int, int]:
        """What the lines add to each volunteer's total: the sum of their year sums."""
        totals: defaultdict[int, int] = defaultdict(int)
        for (volunteer, _year), amount in self.volunteer_years.items():
            totals[volunteer] += amount
        return totals


class Stars:
    """Star levels of totals in cents under one preset, by rules.presets.star_level.
    Remembers each total's level: the generator asks for a million volunteers' levels, and
    their totals repeat."""

    __slots__ = ("_levels", "preset")

    def __init__(self, preset: StarPreset) -> None:
        self.preset = preset
        self._levels: dict[int, int] = {}

    def level(self, total: int) -> int:
        level = self._levels.get(total)
        if level is None:
            level = self._levels[total] = star_level(self.preset, to_hours(total))
        return level
