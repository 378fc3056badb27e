"""志愿者花名册: every volunteer with their person, community, hours and stars."""

from __future__ import annotations

from datetime import date

from peewee import JOIN, Case, fn

from registry.queries.tombstones import not_merged
from registry.rosters.queries import between, in_area, raw_rows, status_remark
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.storage.models import Community, Person, Volunteer, VolunteerOrganization, VolunteerYear

COLUMNS = (
    Column("姓名", width=10), Column("性别", width=6), Column("证件类型", width=11), Column("证件号码", "id"),
    Column("出生日期", "birth"), Column("政治面貌", width=10), Column("联系电话", "phone"),
    Column("所在社区", width=14), Column("志愿者编号", "code", 15), Column("注册日期", "date"),
    Column("技能/服务类别", width=30), Column("累计时长", "hours", total=True),
    Column("本年时长", "hours", total=True), Column("星级", "int", 6), Column("备注", width=24),
)


def conditions(filters: RosterFilters) -> list[object]:
    v = Volunteer
    where: list[object] = [*in_area(v.community, filters.community_id, filters.street_id)]
    if filters.organization_id is not None:
        members = VolunteerOrganization.select(VolunteerOrganization.volunteer).where(
            VolunteerOrganization.organization == filters.organization_id)
        where.append(v.id.in_(members))
    if filters.status is not None:
        where.append(v.status == filters.status)
    where += between(v.registered_on, filters.date_from, filters.date_to)
    return where + not_merged(v.person)


def build(filters: RosterFilters, today: date) -> RosterData:
    v, p, c = Volunteer, Person, Community
    year = filters.year or today.year
    this_year = VolunteerYear.alias()
    skills = Case(None, [(v.skills == "", v.service_categories),
                         (v.service_categories == "", v.skills)],
                  v.skills.concat("；").concat(v.service_categories))
    where = conditions(filters)
    query = (v.select(p.name, p.sex, p.id_type, p.id_number, p.birth_date, p.political_status, p.phone,
                      c.name, v.volunteer_number, v.registered_on, skills, v.total_hours,
                      fn.COALESCE(this_year.hours, 0), v.star_level, status_remark(v.status, p.notes))
             .join(p, on=(v.person == p.id))
             .join_from(v, c, JOIN.LEFT_OUTER, on=(v.community == c.id))
             .join_from(v, this_year, JOIN.LEFT_OUTER,
                        on=((this_year.volunteer == v.id) & (this_year.year == year)))
             .order_by(c.code, v.id))
    count_query = v.select(fn.COUNT(v.id))  # not .count(): that wraps every column
    if where:
        query = query.where(*where)
        count_query = count_query.where(*where)
    return RosterData(COLUMNS, raw_rows(query), int(count_query.scalar() or 0), unit="人",
                      facts=(f"本年时长为 {year} 年度已审核的服务时长",))
