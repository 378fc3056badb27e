"""What approving a selection of hours lines would do, before it is done: which lines the
actor may approve (how many, for how many people, how many hours) and which not and why,
so 审核所选 can ask first and say afterwards what it did (ops.hours.approve_records
approves, all or nothing)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from registry.queries.access import accounts_exist
from registry.storage.models import ServiceRecord

APPROVED = "approved"


def four_eyes() -> bool:
    """With accounts, nobody approves hours they recorded themselves, typed or imported; a
    register without accounts has one user, who approves their own."""
    return accounts_exist()


@dataclass(frozen=True)
class ApprovalPlan:
    approvable: tuple[int, ...]  # the lines the actor may approve, in the order chosen
    people: int  # the volunteers those lines are for
    hours: Decimal  # the hours of those lines together
    own: int  # lines the actor recorded: under the four-eyes rule, for someone else
    already: int  # lines approved before
    gone: int  # lines no longer in the register (withdrawn meanwhile)

    @property
    def refused(self) -> int:
        return self.own + self.already + self.gone


def approval_plan(actor: str, record_ids: Iterable[int]) -> ApprovalPlan:
    ids = list(dict.fromkeys(int(r) for r in record_ids))
    rows = {r: (volunteer, hours, status, recorder) for r, volunteer, hours, status, recorder in
            ServiceRecord.select(ServiceRecord.id, ServiceRecord.volunteer, ServiceRecord.hours,
                                 ServiceRecord.status, ServiceRecord.recorder)
            .where(ServiceRecord.id.in_(ids)).tuples()}
    checked = four_eyes()
    approvable: list[int] = []
    people: set[int] = set()
    hours = Decimal(0)
    own = already = 0
    for record in ids:
        if record not in rows:
            continue
        volunteer, line_hours, status, recorder = rows[record]
        if status == APPROVED:
            already += 1
        elif checked and recorder == actor:
            own += 1
        else:
            approvable.append(record)
            people.add(volunteer)
            hours += Decimal(str(line_hours))
    return ApprovalPlan(tuple(approvable), len(people), hours, own, already,
                        gone=len(ids) - len(rows))
