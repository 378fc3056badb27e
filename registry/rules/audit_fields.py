"""What an audit entry's before and after say, for people to read: the changed fields under
their Chinese names, with ID and phone numbers masked and birth dates shown as their year,
as every list and roster shows them (rules/disclosure.py). The audit roster, the
program's audit log and its sentences (queries/audit_text.py) all read entries through this."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from registry.rules.disclosure import birth_shown
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone


def _birth(text: str) -> str:
    try:
        return birth_shown(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text[:4] + "年" if text[:4].isdigit() else ""


_MASKS: dict[str, Callable[[str], str]] = {
    "id_number": mask_id_number, "phone": mask_phone, "contact": mask_phone, "birth_date": _birth}
# Nothing a reader needs: the search columns hold the same numbers reversed (and unmasked),
# the others are kept in step by the program.
LEFT_OUT = frozenset({"id_number_rev", "phone_rev", "initials", "password_hash", "updated_at",
                      "created_at", "verification_code", "total_hours", "star_level", "ce_hours"})

# Each stored field under the name a clerk knows it by (the forms' and rosters' words).
FIELD_LABELS: Mapping[str, str] = {
    "id": "编号", "id_number": "证件号码", "name": "名称", "sex": "性别", "birth_date": "出生日期",
    "region_code": "发证地区代码", "phone": "联系电话", "address": "住址", "ethnicity": "民族",
    "political_status": "政治面貌", "education": "文化程度", "notes": "备注", "active": "在用",
    "deactivated_reason": "注销原因", "uscc": "统一社会信用代码", "org_type": "类型",
    "registration_authority": "登记管理机关", "supervising_unit": "业务主管单位",
    "legal_representative": "法定代表人", "legal_representative_name": "法定代表人",
    "contact": "联系电话", "founded_on": "成立日期", "business_scope": "业务范围",
    "service_fields": "服务领域", "registered_capital": "注册资金", "street": "街道",
    "community": "社区", "status": "状态", "status_changed_on": "状态变更日期",
    "status_reason": "状态变更原因", "filed_on": "备案日期", "responsible_person": "负责人",
    "venue": "活动场所", "member_count": "成员人数", "organization": "社会组织", "year": "年度",
    "result": "年检结论", "reported_on": "报送日期", "grade": "评估等级", "awarded_on": "评定日期",
    "expires_on": "有效期至", "buyer": "购买方", "amount": "金额", "starts_on": "开始日期",
    "ends_on": "结束日期", "person": "人员", "volunteer_number": "志愿者编号",
    "national_number": "全国志愿服务信息系统编号", "registered_on": "注册日期",
    "skills": "技能", "service_categories": "服务类别", "consent_contact": "同意联系",
    "consent_publish": "同意公开", "star_preset": "星级标准", "level": "证书等级",
    "certificate_number": "证书编号", "obtained_year": "取得年份",
    "registration_number": "登记证号", "registered_until": "登记有效期至", "employer": "工作单位",
    "employer_name": "工作单位", "post": "岗位", "ce_preset": "继续教育标准", "title": "名称",
    "organizer": "主办单位", "hours": "时长", "category": "类别", "counts_as_ce": "计入继续教育",
    "place": "地点", "training": "培训", "hours_credited": "认定学时", "passed": "合格",
    "starts_at": "开始时间", "ends_at": "结束时间", "travel_minutes": "路程分钟数",
    "service_category": "服务类别", "served_group": "服务对象", "content": "服务内容",
    "recorder": "登记人", "volunteer": "志愿者", "activity": "活动", "service_date": "服务日期",
    "recorded_at": "登记时间", "approver": "审核人", "approved_at": "审核时间",
    "corrects": "更正的记录", "correction_reason": "更正原因", "number": "证明编号",
    "issuer": "出具单位", "issuing_organization": "出具单位", "period_from": "服务起始日期",
    "period_to": "服务截止日期", "person_in_charge": "负责人", "handler": "经办人",
    "issued_on": "出具日期", "issued_by": "出具人", "role": "角色", "failed_attempts": "密码错误次数",
    "locked_until": "锁定至", "last_login": "上次登录", "code": "代码", "population": "人口",
    "district": "区县",
    # what an import or an export records about itself
    "roster": "花名册", "rows": "行数", "sheets": "工作表数", "unmasked": "完整号码",
    "file": "文件", "filters": "筛选条件", "sheet": "工作表", "kind": "类型", "read": "读取行数",
    "created": "新建", "updated": "更新", "rejected": "未导入", "unchanged": "无变化",
    "date_from": "起始日期", "date_to": "截止日期", "records": "条数", "people": "人数",
    "street_id": "街道编号", "community_id": "社区编号", "organization_id": "组织编号",
    "training_id": "培训编号", "group_by": "汇总方式",
    "app_role": "日常账号",
    # settings
    "rounding_preset": "时长取整规则", "retention_years_volunteer": "志愿者信息保存年限",
    "retention_years_social_worker": "持证社工信息保存年限", "district_full_name": "区县全称",
    "default_street": "默认街道",
}
# Where one field name means a person's own words.
_PERSON_LABELS: Mapping[str, str] = {"name": "姓名"}
PERSON_TABLES = frozenset({"person"})


def field_label(key: str, table: str = "") -> str:
    """The field's Chinese name; the key itself when the program has none for it."""
    if table in PERSON_TABLES and key in _PERSON_LABELS:
        return _PERSON_LABELS[key]
    return FIELD_LABELS.get(key, key)


def value_text(key: str, value: Any) -> str:
    """A stored value as a clerk reads it: numbers masked, yes/no in words, lists joined."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) or "（空）"
    if isinstance(value, dict):
        inner = [f"{field_label(str(k))} {value_text(str(k), v)}" for k, v in value.items()
                 if v not in (None, "", [], {})]
        return "，".join(inner) or "（无）"
    mask = _MASKS.get(key)
    if mask is not None and isinstance(value, str):
        return mask(value)
    return str(value)


def parsed(text: str | None) -> dict[str, Any] | None:
    """The stored JSON object; None when there is none or the text is not one."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def readable_fields(text: str, table: str = "") -> list[tuple[str, str]] | None:
    """(field's name, value) for each field the JSON object holds, numbers masked; None
    when the text is not a JSON object (show it as it is)."""
    data = parsed(text)
    if data is None:
        return None
    return [(field_label(str(key), table), value_text(str(key), value))
            for key, value in data.items() if key not in LEFT_OUT]
