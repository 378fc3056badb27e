"""Reading the hours ledger: which lines count.

A line counts when it is approved and no approved correction replaces it: the rule the
summaries are added up by (registry.rules.ledger), read here from the lines. Queries are
returned as peewee selects of ServiceRecord (typed Any: peewee is dynamic)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from registry.storage.models import ServiceRecord


def effective_records() -> Any:
    """Approved lines not replaced by an approved correction."""
    replacement = ServiceRecord.alias("replacement")
    return (ServiceRecord.select()
            .join(replacement, JOIN.LEFT_OUTER,
                  on=((replacement.corrects == ServiceRecord.id) & (replacement.status == "approved")))
            .where((ServiceRecord.status == "approved") & replacement.id.is_null()))


def volunteer_records(volunteer_id: int, date_from: dt.date, date_to: dt.date) -> Any:
    """One volunteer's counted lines in a period, oldest first (uses the volunteer/date index)."""
    return (effective_records()
            .where((ServiceRecord.volunteer == volunteer_id)
                   & ServiceRecord.service_date.between(date_from, date_to))
            .order_by(ServiceRecord.service_date, ServiceRecord.id))


def volunteer_hours(volunteer_id: int, date_from: dt.date, date_to: dt.date, *,
                    kind: str | None = None) -> Decimal:
    """The counted hours of the period; of one kind of line only when `kind` is given
    (rules.ledger.OPENING: those carried over)."""
    query = volunteer_records(volunteer_id, date_from, date_to).order_by()
    if kind is not None:
        query = query.where(ServiceRecord.kind == kind)
    total = query.select(fn.COALESCE(fn.SUM(ServiceRecord.hours), 0)).scalar()
    return Decimal(str(total or 0)).quantize(Decimal("0.01"))
