"""What 审核所选 says before approving: the lines the actor may approve (how many, for how
many people, how many hours) and the ones left out and why; and that approving what it
names then goes through, all of it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.approval import approval_plan
from registry.storage.models import Community, ServiceRecord

DAY = dt.date(dt.date.today().year - 1, 5, 1)


def _volunteer(number: str, name: str) -> int:
    community = Community.select(Community.id).scalar()  # where the register has some, a person needs one
    return int(ops.register_volunteer("li", {"id_number": number, "name": name, "community": community}).id)


def test_the_plan_counts_lines_people_hours_and_leaves_out_own_and_approved_lines(area: dict[str, int]) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    zhang, wang = _volunteer("11010519491231002X", "张三"), _volunteer("110105199001010037", "王五")
    by_li = [ops.record_hours("li", v, {"service_date": DAY, "hours": h}).id
             for v, h in ((zhang, "2.5"), (zhang, "1"), (wang, "3"))]
    by_boss = ops.record_hours("boss", wang, {"service_date": DAY + dt.timedelta(days=1), "hours": "4"}).id
    before = ops.record_hours("boss", zhang, {"service_date": DAY + dt.timedelta(days=2), "hours": "1"}).id
    ops.approve_records("li", [before])

    plan = approval_plan("li", [*by_li, by_boss, before, 999_999])
    assert plan.approvable == (by_boss,) and (plan.people, plan.hours) == (1, Decimal(4))
    assert (plan.own, plan.already, plan.gone, plan.refused) == (3, 1, 1, 5)
    boss = approval_plan("boss", [*by_li, by_boss, before])
    assert boss.approvable == tuple(by_li) and (boss.people, boss.hours) == (2, Decimal("6.5"))
    assert (boss.own, boss.already, boss.gone) == (1, 1, 0)
    ops.approve_records("boss", boss.approvable)  # what the plan names is approved whole
    assert {ServiceRecord.get_by_id(r).status for r in by_li} == {"approved"}
    assert approval_plan("boss", by_li).approvable == ()


def test_without_accounts_the_one_user_approves_their_own(area: dict[str, int]) -> None:
    zhang = _volunteer("11010519491231002X", "张三")
    line = ops.record_hours("li", zhang, {"service_date": DAY, "hours": "2"}).id
    plan = approval_plan("li", [line])
    assert plan.approvable == (line,) and plan.own == 0
