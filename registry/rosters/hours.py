"""服务时长汇总: approved service hours over a period, by person, community or organization.

Counts the ledger's effective lines: approved, and not replaced by an approved correction
(a correction's `corrects` points at the line it replaces)."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import JOIN, SQL, Case, fn

from registry.rosters.queries import between, in_area, raw_rows
from registry.rosters.spec import GROUP_BY, Column, RosterData, RosterFilters
from registry.rules.ledger import SERVICE
from registry.storage.models import Community, Organization, Person, ServiceRecord, Street, Volunteer

_TAIL = (Column("服务次数", "int", total=True), Column("服务时长", "hours", total=True),
         Column("期初结转", "hours", total=True))  # hours carried over, apart from those served
COLUMNS = {
    "person": (Column("姓名", width=10), Column("性别", width=6), Column("证件号码", "id"),
               Column("志愿者编号", "code", 16), Column("所在社区", width=14), *_TAIL),
    "community": (Column("社区", width=18), Column("所属街道", width=16), Column("服务人数", "int"), *_TAIL),
    "organization": (Column("组织名称", width=30), Column("统一社会信用代码", "code", 21),
                     Column("服务人数", "int"), *_TAIL),
}
UNITS = {"person": "人", "community": "个社区", "organization": "个组织"}


def effective_lines() -> Any:
    """Approved lines that no approved correction replaces."""
    r, correction = ServiceRecord, ServiceRecord.alias()
    replaced = correction.select(SQL("1")).where(
        (correction.corrects == r.id) & (correction.status == "approved"))
    return (r.status == "approved") & ~fn.EXISTS(replaced)


def served_people() -> Any:
    """服务人数: the volunteers who served in the period. An opening balance is no service:
    a volunteer with only hours carried over (期初结转) is not counted."""
    r = ServiceRecord
    return fn.COUNT(Case(None, [(r.kind == SERVICE, r.volunteer)], None).distinct())


def _conditions(filters: RosterFilters) -> list[Any]:
    r = ServiceRecord
    start, end = filters.period()
    where = [effective_lines(), *between(r.service_date, start, end)]
    where.extend(in_area(r.community, filters.community_id, filters.street_id))
    if filters.organization_id is not None:
        where.append(r.organization == filters.organization_id)
    return where


def _query(group_by: str) -> Any:
    r, v, p, c, o = ServiceRecord, Volunteer, Person, Community, Organization
    served = r.kind == SERVICE
    tail = (fn.COUNT(Case(None, [(served, r.id)], None)), fn.SUM(Case(None, [(served, r.hours)], 0)),
            fn.SUM(Case(None, [(served, 0)], r.hours)))
    people = served_people()
    if group_by == "person":
        return (r.select(p.name, p.sex, p.id_number, v.volunteer_number, c.name, *tail)
                .join(v, on=(r.volunteer == v.id)).join(p, on=(v.person == p.id))
                .join_from(v, c, JOIN.LEFT_OUTER, on=(v.community == c.id))
                .group_by(v.id, p.id, c.id).order_by(fn.SUM(r.hours).desc(), v.id))
    if group_by == "community":
        street = Street.alias()
        return (r.select(fn.COALESCE(c.name, "（未注明社区）"), street.name, people, *tail)
                .join_from(r, c, JOIN.LEFT_OUTER, on=(r.community == c.id))
                .join_from(c, street, JOIN.LEFT_OUTER, on=(c.street == street.id))
                .group_by(c.id, street.id).order_by(c.code))
    return (r.select(fn.COALESCE(o.name, "（未注明组织）"), o.uscc, people, *tail)
            .join_from(r, o, JOIN.LEFT_OUTER, on=(r.organization == o.id))
            .group_by(o.id).order_by(fn.SUM(r.hours).desc(), o.id))


def by_person(filters: RosterFilters) -> bool:
    """Only the roster by person lists people, with their ID numbers."""
    return (filters.group_by or "person") == "person"


def build(filters: RosterFilters, today: date) -> RosterData:
    group_by = filters.group_by or "person"
    conditions = _conditions(filters)
    rows = list(raw_rows(_query(group_by).where(*conditions)))
    start, end = filters.period()
    facts = [f"{GROUP_BY[group_by]}汇总", f"统计期间：{start or '最早记录'} 至 {end or '最新记录'}",
             "只计已审核的时长；被更正的记录按更正后的时长计",
             "期初结转为登记库建立前的累计时长，单列，不计入服务次数和服务时长"]
    totals = None
    if group_by != "person":
        # one person serving in several communities (organizations) is one person in the total
        r = ServiceRecord
        people = r.select(served_people()).where(*conditions).scalar() or 0
        totals = [None, None, int(people), sum(int(row[3]) for row in rows),
                  round(sum(float(row[4]) for row in rows), 2), round(sum(float(row[5]) for row in rows), 2)]
        facts.append("服务人数为期间内有服务记录的人数，只有期初结转的不计；合计行为不重复的人数，在几处服务的人只计一次")
    return RosterData(COLUMNS[group_by], rows, len(rows), unit=UNITS[group_by], facts=tuple(facts),
                      totals=totals)
