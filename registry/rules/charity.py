"""An organization's recognition as a charity (认定为慈善组织): the date it was recognized and
what is doubtful about it. 《慈善法》 (in force 2016-09-01): a foundation, social association
or social service agency already registered may apply to the civil-affairs department that
registered it to be recognized as a charity; a community group filed (备案) at the street is
not registered, so it cannot be one. Each doubt is a warning, never a block: old records
break these checks, and the clerk knows the case."""

from __future__ import annotations

from datetime import date

from registry.rules.deadlines import CHARITY_LAW_IN_FORCE
from registry.rules.problems import Problem, warning
from registry.texts import msg

FIELD = "charity_recognized_on"
FILED_TYPE = "社区社会组织"  # zh-data: the type filed at the street, never registered


def charity_problems(recognized_on: date | None, org_type: str | None,
                     founded_on: date | None) -> list[Problem]:
    """What is doubtful about a recognition on `recognized_on` of an organization of this
    type founded on `founded_on` (None: not known); nothing when it is not a charity."""
    if recognized_on is None:
        return []
    problems = []
    if org_type == FILED_TYPE:
        problems.append(warning("charity.not_registered", FIELD, msg(
            "社区社会组织（备案）不是登记的社会组织，按《慈善法》不能认定为慈善组织，请核对类型或认定日期。")))
    if recognized_on < CHARITY_LAW_IN_FORCE:
        problems.append(warning("charity.before_law", FIELD, msg(
            "认定为慈善组织的日期 {day} 早于《慈善法》施行之日（2016-09-01），请核对。",
            day=recognized_on.isoformat())))
    if founded_on is not None and recognized_on < founded_on:
        problems.append(warning("charity.before_founding", FIELD, msg(
            "认定为慈善组织的日期 {day} 早于成立日期 {founded}，请核对。",
            day=recognized_on.isoformat(), founded=founded_on.isoformat())))
    return problems
