"""持证社工花名册 and 继续教育学时情况: certified social workers and their training hours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from peewee import JOIN, Case, fn

from registry.queries.presets import current_ce_preset
from registry.queries.tombstones import not_merged
from registry.rosters.queries import between, in_area, raw_rows, status_remark
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.rules.documents import RESIDENT_CARD
from registry.rules.presets import ContinuingEducationPreset, cycle_bounds
from registry.storage.models import Community, Person, SocialWorker

COLUMNS = (
    Column("姓名", width=10), Column("性别", width=6), Column("证件类型", width=11), Column("证件号码", "id"),
    Column("证书等级", width=16), Column("证书编号", "code", 18), Column("取得年份", "int"),
    Column("登记日期", "date"), Column("登记有效期至", "date"), Column("工作单位", width=26),
    Column("岗位", width=12), Column("所在社区", width=14),
    Column("本周期继续教育学时", "hours", total=True), Column("要求学时", "hours"),
    Column("联系电话", "phone"), Column("备注", width=24),
)
CE_COLUMNS = (
    Column("姓名", width=10), Column("证书等级", width=16), Column("证书编号", "code", 18),
    Column("工作单位", width=26), Column("所在社区", width=14), Column("周期开始", "date"),
    Column("截止日期", "date"), Column("剩余天数", "int"),
    Column("本周期学时", "hours", total=True), Column("要求学时", "hours"),
    Column("尚缺学时", "hours", total=True), Column("完成情况", width=10),
)


def _conditions(filters: RosterFilters, start: date | None, end: date | None) -> list[Any]:
    s = SocialWorker
    where: list[Any] = [*in_area(s.community, filters.community_id, filters.street_id)]
    if filters.organization_id is not None:
        where.append(s.employer == filters.organization_id)
    if filters.status is not None:
        where.append(s.status == filters.status)
    return where + between(s.registered_until, start, end) + not_merged(s.person)


def _required(preset: ContinuingEducationPreset) -> Case:
    return Case(SocialWorker.level, [(level, float(hours)) for level, hours in preset.required])


def _preset_fact(preset: ContinuingEducationPreset) -> str:
    return f"要求学时按{preset.label}"


def build(filters: RosterFilters, today: date) -> RosterData:
    s, p, c = SocialWorker, Person, Community
    preset = current_ce_preset()
    where = _conditions(filters, filters.date_from, filters.date_to)
    # 证件类型 only where someone holds another document: the sheet of resident cards alone
    # keeps the official column set and, with it, a readable print scale on A4
    others = s.select(s.id).join(p, on=(s.person == p.id)).where(p.id_type != RESIDENT_CARD, *where).exists()
    columns = COLUMNS if others else tuple(col for col in COLUMNS if col.header != "证件类型")
    query = (s.select(p.name, p.sex, *([p.id_type] if others else []), p.id_number, s.level,
                      s.certificate_number, s.obtained_year, s.registered_on, s.registered_until,
                      s.employer_name, s.post, c.name, s.ce_hours, _required(preset), p.phone,
                      status_remark(s.status, p.notes))
             .join(p, on=(s.person == p.id))
             .join_from(s, c, JOIN.LEFT_OUTER, on=(s.community == c.id))
             .order_by(c.code, s.id))
    count_query = s.select(fn.COUNT(s.id))  # not .count(): that wraps every column
    if where:
        query, count_query = query.where(*where), count_query.where(*where)
    return RosterData(columns, raw_rows(query), int(count_query.scalar() or 0), unit="人",
                      facts=(_preset_fact(preset),))


def _ce_row(row: Sequence[Any], preset: ContinuingEducationPreset, today: date) -> list[Any]:
    name, level, number, employer, community, until, hours = row
    required = dict(preset.required).get(level)
    done = Decimal(str(hours or 0))
    due = until if isinstance(until, date) or until is None else date.fromisoformat(str(until))
    start = cycle_bounds(preset, due)[0] if due else None
    short = max(Decimal(0), required - done) if required is not None else None
    if short is None or due is None:
        state = "无法计算"  # no registration date or an unknown level: say so, never guess
    elif short == 0:
        state = "已达标"
    else:
        state = "已逾期" if due < today else "未达标"
    days = (due - today).days if due else None
    return [name, level, number, employer, community, start, due, days, done, required, short,
            state]


def build_ce(filters: RosterFilters, today: date) -> RosterData:
    """Most urgent first: the earliest due date heads the list."""
    s, p, c = SocialWorker, Person, Community
    preset = current_ce_preset()
    start, end = filters.period()
    query = (s.select(p.name, s.level, s.certificate_number, s.employer_name, c.name,
                      s.registered_until, s.ce_hours)
             .join(p, on=(s.person == p.id))
             .join_from(s, c, JOIN.LEFT_OUTER, on=(s.community == c.id))
             .order_by(s.registered_until, s.id))
    where = _conditions(filters, start, end)
    if where:
        query = query.where(*where)
    rows = [_ce_row(r, preset, today) for r in raw_rows(query)]
    rows.sort(key=lambda r: (r[6] is None, r[6] or today))
    return RosterData(CE_COLUMNS, rows, len(rows), unit="人",
                      facts=(_preset_fact(preset), f"剩余天数按 {today.isoformat()} 计算"))

