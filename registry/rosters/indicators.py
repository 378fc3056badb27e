"""街道指标: per community, residents, volunteers and their share of residents, social
workers per 1,000 residents (the aim is one per thousand), and the year's service hours."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import fn

from registry.ops.organizations import COMMUNITY_ORG
from registry.queries.areas import populations
from registry.rosters.queries import raw_rows
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.storage.models import Community, CommunityYear, Organization, SocialWorker, Street, Volunteer

COLUMNS = (
    Column("社区", width=18), Column("所属街道", width=16), Column("常住人口", "int", 11, total=True),
    Column("在册志愿者", "int", 11, total=True), Column("志愿者占常住人口比例", "percent", 12),
    Column("在册持证社工", "int", 11, total=True), Column("每千名居民持证社工数", "ratio", 12),
    Column("社区社会组织", "int", 11, total=True), Column("年度志愿服务时长", "hours", 12, total=True),
)
ACTIVE = "在册"


def _per_community(query: Any) -> dict[int, Any]:
    return {community: value for community, value in raw_rows(query)}


def _count(model: Any, *where: Any) -> dict[int, Any]:
    return _per_community(model.select(model.community, fn.COUNT(model.id))
                          .where(model.community.is_null(False), *where)
                          .group_by(model.community))


def _ratios(population: int, volunteers: int, workers: int) -> tuple[float | None, float | None]:
    if not population:
        return None, None  # no population on file: a ratio would be a guess
    return volunteers / population, workers * 1000 / population


def build(filters: RosterFilters, today: date) -> RosterData:
    c, s = Community, Street
    year = filters.year or today.year
    residents, _own = populations(year)  # the year's own figure, else the latest before it
    query = (c.select(c.id, c.name, s.name).join(s, on=(c.street == s.id))
             .order_by(s.code, c.code))
    if filters.street_id is not None:
        query = query.where(c.street == filters.street_id)
    if filters.community_id is not None:
        query = query.where(c.id == filters.community_id)
    volunteers = _count(Volunteer, Volunteer.status == ACTIVE)
    workers = _count(SocialWorker, SocialWorker.status == ACTIVE)
    orgs = _count(Organization, Organization.org_type == COMMUNITY_ORG,
                  Organization.status == "正常")
    hours = _per_community(CommunityYear.select(CommunityYear.community, CommunityYear.hours)
                           .where(CommunityYear.year == year))
    rows: list[list[Any]] = []
    sums = [0, 0, 0, 0, 0.0]
    for community, name, street in raw_rows(query):
        counts = [residents.get(community, 0), volunteers.get(community, 0), workers.get(community, 0),
                  orgs.get(community, 0), float(hours.get(community) or 0)]
        sums = [a + b for a, b in zip(sums, counts, strict=True)]
        share, per_1000 = _ratios(counts[0], counts[1], counts[2])
        rows.append([name, street, counts[0], counts[1], share, counts[2], per_1000, counts[3],
                     counts[4]])
    share, per_1000 = _ratios(int(sums[0]), int(sums[1]), int(sums[2]))
    totals = [None, None, sums[0], sums[1], share, sums[2], per_1000, sums[3], round(sums[4], 2)]
    facts = (f"志愿者、持证社工为在册人数；社区社会组织为状态正常的；服务时长为 {year} 年度已审核时长",
             f"比例按社区 {year} 年常住人口计算（该年没有填写的，用此前最近一年的）；合计行的比例按合计人数计算")
    return RosterData(COLUMNS, rows, len(rows), unit="个社区", facts=facts, totals=totals)
