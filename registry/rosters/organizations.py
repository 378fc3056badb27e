"""社会组织名录 and 社区社会组织备案台账."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import JOIN, fn

from registry.ops.organizations import COMMUNITY_ORG
from registry.rosters.queries import between, in_street, raw_rows
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.storage.models import AnnualInspection, Community, EvaluationGrade, Organization, Street

# 慈善组织认定日期 beside 类型, which it qualifies: blank for an organization not recognized
COLUMNS = (
    Column("组织名称", width=30), Column("统一社会信用代码", "code", 21), Column("类型", width=13),
    Column("慈善组织认定日期", "date"), Column("登记管理机关", width=18), Column("业务主管单位", width=18),
    Column("法定代表人", width=10),
    Column("成立日期", "date"), Column("住所", width=28), Column("业务范围", width=36),
    Column("年检结论", width=16), Column("评估等级", width=8), Column("等级有效期至", "date"),
    Column("状态", width=8),
)
COMMUNITY_COLUMNS = (
    Column("组织名称", width=30), Column("负责人", width=10), Column("活动场所", width=26),
    Column("成员人数", "int", total=True), Column("服务领域", width=24), Column("备案日期", "date"),
    Column("所在社区", width=14), Column("所属街道", width=14), Column("状态", width=8),
    Column("备注", width=24),
)


def _area(filters: RosterFilters) -> list[Any]:
    o = Organization
    where: list[Any] = []
    if filters.community_id is not None:
        where.append(o.community == filters.community_id)
    if filters.street_id is not None:
        where.append((o.street == filters.street_id) | in_street(o.community, filters.street_id))
    if filters.status is not None:
        where.append(o.status == filters.status)
    return where


def _inspections(year: int | None) -> dict[int, str]:
    """Each organization's result for `year`, or its latest result with the year."""
    a = AnnualInspection
    if year is not None:
        query = a.select(a.organization, a.result).where(a.year == year)
        return {org: str(result) for org, result in raw_rows(query)}
    query = a.select(a.organization, a.year, a.result).order_by(a.organization, a.year)
    out: dict[int, str] = {}
    for org, y, result in raw_rows(query):
        out[org] = f"{result}（{y} 年度）"  # ordered by year: the last one stays
    return out


def _grades() -> dict[int, tuple[str, Any]]:
    """Each organization's most recent evaluation grade and its expiry."""
    g = EvaluationGrade
    out: dict[int, tuple[str, Any]] = {}
    for org, grade, expires in raw_rows(
            g.select(g.organization, g.grade, g.expires_on).order_by(g.organization, g.awarded_on)):
        out[org] = (f"{grade}A", expires)
    return out


def _org_row(row: Sequence[Any], inspections: dict[int, str],
             grades: dict[int, tuple[str, Any]]) -> list[Any]:
    org_id, *fields, status = row
    grade, expires = grades.get(org_id, (None, None))
    return [*fields, inspections.get(org_id), grade, expires, status]


def build(filters: RosterFilters, today: date) -> RosterData:
    o = Organization
    query = (o.select(o.id, o.name, o.uscc, o.org_type, o.charity_recognized_on, o.registration_authority,
                      o.supervising_unit, o.legal_representative_name, o.founded_on, o.address,
                      o.business_scope, o.status)
             .order_by(o.org_type, o.name, o.id))
    where = _area(filters) + between(o.founded_on, filters.date_from, filters.date_to)
    if where:
        query = query.where(*where)
    inspections, grades = _inspections(filters.year), _grades()
    rows = [_org_row(r, inspections, grades) for r in raw_rows(query)]
    fact = (f"年检结论为 {filters.year} 年度" if filters.year is not None
            else "年检结论为最近一次年检的结论")
    return RosterData(COLUMNS, rows, len(rows), unit="个", facts=(fact,))


def build_community(filters: RosterFilters, today: date) -> RosterData:
    o, c = Organization, Community
    own_street, community_street = Street.alias(), Street.alias()
    start, end = filters.period()
    query = (o.select(o.name, o.responsible_person, o.venue, o.member_count, o.service_fields,
                      o.filed_on, c.name, fn.COALESCE(own_street.name, community_street.name),
                      o.status, o.notes)
             .join_from(o, c, JOIN.LEFT_OUTER, on=(o.community == c.id))
             .join_from(c, community_street, JOIN.LEFT_OUTER, on=(c.street == community_street.id))
             .join_from(o, own_street, JOIN.LEFT_OUTER, on=(o.street == own_street.id))
             .where(o.org_type == COMMUNITY_ORG, *_area(filters), *between(o.filed_on, start, end))
             .order_by(c.code, o.filed_on, o.id))
    rows = list(raw_rows(query))
    return RosterData(COMMUNITY_COLUMNS, rows, len(rows), unit="个")
