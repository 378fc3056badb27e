"""Filters: checking them, and saying in the title area which ones a roster used."""

from __future__ import annotations

from datetime import date
from typing import Any

from registry.rosters.spec import GROUP_BY, RosterFilters, RosterSpec
from registry.rules.deadlines import KIND_LABELS
from registry.rules.problems import RegistryError
from registry.storage.models import Community, District, Organization, Street, Training

FILTER_LABELS = {
    "street_id": "街道", "community_id": "社区", "organization_id": "组织", "status": "状态",
    "date_from": "起始日期", "date_to": "截止日期", "year": "年度", "training_id": "培训",
    "group_by": "汇总方式", "kinds": "事项",
}


def _name(model: Any, record_id: int, what: str, field: str = "name") -> str:
    row = model.select(getattr(model, field)).where(model.id == record_id).tuples().first()
    if row is None:
        raise RegistryError(f"找不到所选的{what}（编号 {record_id}），可能已被删除。")
    return str(row[0])


def check_filters(spec: RosterSpec, filters: RosterFilters) -> None:
    """Refuse, in one plain sentence, filters this roster cannot honour."""
    unknown = [name for name in filters.given() if name not in spec.filters]
    if unknown:
        labels = "、".join(FILTER_LABELS[name] for name in unknown)
        raise RegistryError(f"“{spec.title}”不能按{labels}筛选。")
    for name in spec.requires:
        if getattr(filters, name) is None:
            raise RegistryError(f"导出“{spec.title}”需要先选择{FILTER_LABELS[name]}。")
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise RegistryError(f"起始日期 {filters.date_from} 晚于截止日期 {filters.date_to}，请检查日期范围。")
    if filters.year is not None and not 1900 <= filters.year <= 9999:
        raise RegistryError(f"年度“{filters.year}”不是有效的年份。")
    start, end = filters.period()
    if filters.year is not None and start and end and start > end:
        raise RegistryError(f"日期范围与 {filters.year} 年度没有重叠，请检查筛选条件。")
    if filters.status is not None and filters.status not in spec.statuses:
        raise RegistryError(f"状态“{filters.status}”不适用于{spec.title}，应为：{'、'.join(spec.statuses)}。")
    if filters.group_by is not None and filters.group_by not in GROUP_BY:
        raise RegistryError(f"汇总方式“{filters.group_by}”无效，应为：按人员、按社区或按组织。")
    if filters.kinds is not None:
        unknown = [k for k in filters.kinds if k not in KIND_LABELS]
        if unknown or not filters.kinds:
            raise RegistryError(f"事项“{'、'.join(unknown)}”无效，应为：{'、'.join(KIND_LABELS)}。")
    if filters.street_id is not None and filters.community_id is not None:
        street = Community.select(Community.street).where(
            Community.id == filters.community_id).scalar()
        if street is not None and street != filters.street_id:
            raise RegistryError(f"“{_name(Community, filters.community_id, '社区')}”不属于"
                                f"“{_name(Street, filters.street_id, '街道')}”。")


def scope_name(filters: RosterFilters) -> str:
    """Whose roster this is: the street (and community) filtered on, else the district."""
    if filters.community_id is not None:
        row = (Community.select(Street.name, Community.name).join(Street)
               .where(Community.id == filters.community_id).tuples().first())
        if row is None:
            raise RegistryError(f"找不到所选的社区（编号 {filters.community_id}），可能已被删除。")
        return f"{row[0]}{row[1]}"
    if filters.street_id is not None:
        return _name(Street, filters.street_id, "街道")
    districts = list(District.select(District.name).limit(2).tuples())
    return str(districts[0][0]) if len(districts) == 1 else ""


def _day(d: date | None) -> str:
    return d.isoformat() if d else "……"


def describe(spec: RosterSpec, filters: RosterFilters) -> str:
    """"筛选：社区=永安里社区；状态=在册", in the order a clerk would say them."""
    parts: list[str] = []
    if filters.street_id is not None:
        parts.append(f"街道={_name(Street, filters.street_id, '街道')}")
    if filters.community_id is not None:
        parts.append(f"社区={_name(Community, filters.community_id, '社区')}")
    if filters.organization_id is not None:
        parts.append(f"组织={_name(Organization, filters.organization_id, '组织')}")
    if filters.training_id is not None:
        parts.append(f"培训={_name(Training, filters.training_id, '培训', 'title')}")
    if filters.status is not None:
        parts.append(f"状态={filters.status}")
    if filters.date_from is not None or filters.date_to is not None:
        label = spec.date_label or "日期"
        parts.append(f"{label}={_day(filters.date_from)}至{_day(filters.date_to)}")
    if filters.year is not None:
        parts.append(f"{spec.year_label or '年度'}={filters.year}")
    if filters.group_by is not None:
        parts.append(f"汇总方式={GROUP_BY[filters.group_by]}")
    if filters.kinds is not None:
        parts.append(f"事项={'、'.join(KIND_LABELS[k] for k in filters.kinds)}")
    return "筛选：" + ("；".join(parts) if parts else "无（全部记录）")
