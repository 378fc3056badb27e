"""A policy change that prolongs evaluation grades: "因政策调整，评估等级有效期统一延长至
2027-12-31". Each organization's running grade is extended to the date, one audit entry each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import fn

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.kernel import retried, write
from registry.rules.fields import Cleaner, clean_date, clean_text
from registry.rules.permissions import Action
from registry.rules.problems import error
from registry.storage.models import EvaluationGrade, Organization, locked
from registry.texts import msg


@retried
def extend_grades(actor: str, org_ids: Iterable[int] | None, new_date: Any, reason: str, *,
                  expiring_from: Any = None, expiring_to: Any = None) -> Changes:
    """Extend to `new_date` the latest grade of each organization named, or, with no ids, of
    every organization whose grade expires between the two dates. Only extends: a grade that
    already runs to `new_date` or later is left as it is. Changes.ids: the organizations."""
    c = Cleaner({"new_date": new_date, "reason": reason, "from": expiring_from, "to": expiring_to})
    c.take("new_date", clean_date, msg("延长至"), required=True)
    c.take("reason", clean_text, msg("延长依据"), required=True)
    by_period = org_ids is None
    c.take("from", clean_date, msg("到期起始日期"), required=by_period)
    c.take("to", clean_date, msg("到期截止日期"), required=by_period)
    values, problems = c.values, c.problems
    if values.get("from") and values.get("to") and values["to"] < values["from"]:
        problems.append(error("date_order", "to", msg("“到期截止日期”不能早于“到期起始日期”。")))
    require(problems)
    until = values["new_date"]
    with write(actor, Action.EXTEND_GRADE) as w:
        latest = (EvaluationGrade.select(EvaluationGrade.organization,
                                         fn.MAX(EvaluationGrade.expires_on).alias("expires_on"))
                  .group_by(EvaluationGrade.organization))
        query = (EvaluationGrade.select(EvaluationGrade)
                 .join(latest, on=((latest.c.organization_id == EvaluationGrade.organization)
                                   & (latest.c.expires_on == EvaluationGrade.expires_on)))
                 .switch(EvaluationGrade).join(Organization)
                 .where((Organization.status == "正常") & (EvaluationGrade.expires_on < until)))  # zh-data
        if by_period:
            query = query.where(EvaluationGrade.expires_on.between(values["from"], values["to"]))
        else:
            ids = sorted({int(i) for i in org_ids or ()})
            if not ids:
                return w.changes
            query = query.where(EvaluationGrade.organization.in_(ids))
        # the rows chosen first, then locked by id: PostgreSQL locks no rows read through a GROUP BY
        chosen = [gid for gid, in query.select(EvaluationGrade.id).tuples()]
        done: set[int] = set()
        for grade in locked(EvaluationGrade.select().where(EvaluationGrade.id.in_(chosen))
                            .order_by(EvaluationGrade.organization, EvaluationGrade.id)):
            if grade.organization_id in done:  # two grades expiring on the same day: one extended
                continue
            done.add(grade.organization_id)
            before = grade.expires_on
            EvaluationGrade.update(expires_on=until).where(EvaluationGrade.id == grade.id).execute()
            w.log(Table.EVALUATION_GRADE, grade.id, {"expires_on": before, "organization": grade.organization_id},
                  {"expires_on": until}, values["reason"])
        w.changed(Table.EVALUATION_GRADE, Table.ORGANIZATION, ids=sorted(done))
    return w.changes
