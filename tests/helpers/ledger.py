"""The stored summaries against the ledger added up again from scratch, independently of
registry/rules/ledger.py: for the property test of the summaries and the street offices
writing at once (tests/helpers/concurrency.py)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from registry.storage.models import (
    CommunityYear,
    MonthCategoryHours,
    OrganizationYear,
    ServiceRecord,
    Volunteer,
    VolunteerYear,
)


def counted_sums() -> dict[str, dict[Any, Decimal]]:
    """Every summary added up again from the approved lines no approved correction replaces."""
    approved = list(ServiceRecord.select().where(ServiceRecord.status == "approved"))
    replaced = {r.corrects_id for r in approved}
    sums: dict[str, Counter[Any]] = {name: Counter() for name in ("total", "year", "community",
                                                                   "organization", "month")}
    for r in approved:
        if r.id in replaced:
            continue
        year = r.service_date.year
        sums["total"][r.volunteer_id] += r.hours
        sums["year"][r.volunteer_id, year] += r.hours
        if r.community_id is not None:
            sums["community"][r.community_id, year] += r.hours
        if r.organization_id is not None:
            sums["organization"][r.organization_id, year] += r.hours
        sums["month"][year, r.service_date.month, r.service_category or ""] += r.hours
    return {name: {k: v for k, v in counter.items() if v} for name, counter in sums.items()}


def stored_sums() -> dict[str, dict[Any, Decimal]]:
    """The summaries as the register keeps them (zero sums left out, as counted_sums does)."""
    def nonzero(rows: Any) -> dict[Any, Decimal]:
        return {key: hours for *key_parts, hours in rows.tuples()
                for key in [tuple(key_parts) if len(key_parts) > 1 else key_parts[0]] if hours}

    return {
        "total": nonzero(Volunteer.select(Volunteer.id, Volunteer.total_hours)),
        "year": nonzero(VolunteerYear.select(VolunteerYear.volunteer, VolunteerYear.year,
                                             VolunteerYear.hours)),
        "community": nonzero(CommunityYear.select(CommunityYear.community, CommunityYear.year,
                                                  CommunityYear.hours)),
        "organization": nonzero(OrganizationYear.select(OrganizationYear.organization,
                                                        OrganizationYear.year, OrganizationYear.hours)),
        "month": nonzero(MonthCategoryHours.select(MonthCategoryHours.year, MonthCategoryHours.month,
                                                   MonthCategoryHours.category, MonthCategoryHours.hours)),
    }


def summary_mismatches() -> list[str]:
    """Each stored summary that differs from the counted ledger, in words."""
    stored, counted = stored_sums(), counted_sums()
    return [f"{name} {key}: stored {stored[name].get(key, 0)}, ledger {counted[name].get(key, 0)}"
            for name in counted for key in sorted(set(stored[name]) | set(counted[name]), key=repr)
            if Decimal(stored[name].get(key, 0)) != Decimal(counted[name].get(key, 0))]
