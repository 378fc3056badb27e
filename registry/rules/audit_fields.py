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
from registry.texts import mark, msg


def _birth(text: str) -> str:
    try:
        return birth_shown(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return msg("{year}年", year=text[:4]) if text[:4].isdigit() else ""


_MASKS: dict[str, Callable[[str], str]] = {
    "id_number": mask_id_number, "phone": mask_phone, "contact": mask_phone, "birth_date": _birth}
# Nothing a reader needs: the search columns hold the same numbers reversed (and unmasked),
# the others are kept in step by the program.
LEFT_OUT = frozenset({"id_number_rev", "phone_rev", "initials", "password_hash", "updated_at",
                      "created_at", "verification_code", "total_hours", "star_level", "ce_hours",
                      "version"})

# Each stored field under the name a clerk knows it by (the forms' and rosters' words).
FIELD_LABELS: Mapping[str, str] = {
    "id": mark("编号"), "id_type": mark("证件类型"), "id_number": mark("证件号码"), "nationality": mark("国籍"),
    "name": mark("名称"), "sex": mark("性别"),
    "birth_date": mark("出生日期"),
    "region_code": mark("发证地区代码"), "phone": mark("联系电话"), "address": mark("住址"), "ethnicity": mark("民族"),
    "political_status": mark("政治面貌"), "education": mark("文化程度"), "notes": mark("备注"), "active": mark("在用"),
    "deactivated_reason": mark("注销原因"), "uscc": mark("统一社会信用代码"), "org_type": mark("类型"),
    "registration_authority": mark("登记管理机关"), "supervising_unit": mark("业务主管单位"),
    "legal_representative": mark("法定代表人"), "legal_representative_name": mark("法定代表人"),
    "contact": mark("联系电话"), "founded_on": mark("成立日期"), "business_scope": mark("业务范围"),
    "service_fields": mark("服务领域"), "registered_capital": mark("注册资金"), "street": mark("街道"),
    "community": mark("社区"), "status": mark("状态"), "status_changed_on": mark("状态变更日期"),
    "status_reason": mark("状态变更原因"), "filed_on": mark("备案日期"), "responsible_person": mark("负责人"),
    "venue": mark("活动场所"), "member_count": mark("成员人数"), "charity_recognized_on": mark("慈善组织认定日期"),
    "organization": mark("社会组织"), "year": mark("年度"),
    "result": mark("年检结论"), "reported_on": mark("报送日期"), "grade": mark("评估等级"),
    "awarded_on": mark("评定日期"),
    "expires_on": mark("有效期至"), "buyer": mark("购买方"), "amount": mark("金额"), "starts_on": mark("开始日期"),
    "ends_on": mark("结束日期"), "person": mark("人员"), "volunteer_number": mark("志愿者编号"),
    "national_number": mark("全国志愿服务信息系统编号"), "registered_on": mark("注册日期"),
    "skills": mark("技能"), "service_categories": mark("服务类别"), "consent_contact": mark("同意联系"),
    "consent_publish": mark("同意公开"), "star_preset": mark("星级标准"), "level": mark("证书等级"),
    "certificate_number": mark("证书编号"), "obtained_year": mark("取得年份"),
    "registration_number": mark("登记证号"), "registered_until": mark("登记有效期至"), "employer": mark("工作单位"),
    "employer_name": mark("工作单位"), "post": mark("岗位"), "ce_preset": mark("继续教育标准"), "title": mark("名称"),
    "organizer": mark("主办单位"), "hours": mark("时长"), "category": mark("类别"),
    "counts_as_ce": mark("计入继续教育"),
    "place": mark("地点"), "training": mark("培训"), "hours_credited": mark("认定学时"), "passed": mark("合格"),
    "starts_at": mark("开始时间"), "ends_at": mark("结束时间"), "travel_minutes": mark("路程分钟数"),
    "service_category": mark("服务类别"), "served_group": mark("服务对象"), "content": mark("服务内容"),
    "recorder": mark("登记人"), "volunteer": mark("志愿者"), "activity": mark("活动"), "service_date": mark("服务日期"),
    "recorded_at": mark("登记时间"), "approver": mark("审核人"), "approved_at": mark("审核时间"),
    "corrects": mark("更正的记录"), "correction_reason": mark("更正原因"), "number": mark("证明编号"),
    "issuer": mark("出具单位"), "issuing_organization": mark("出具单位"), "period_from": mark("服务起始日期"),
    "period_to": mark("服务截止日期"), "person_in_charge": mark("负责人"), "handler": mark("经办人"),
    "issued_on": mark("出具日期"), "issued_by": mark("出具人"), "role": mark("角色"),
    "failed_attempts": mark("密码错误次数"),
    "locked_until": mark("锁定至"), "last_login": mark("上次登录"), "code": mark("代码"), "population": mark("人口"),
    "district": mark("区县"),
    # what an import or an export records about itself
    "roster": mark("花名册"), "rows": mark("行数"), "sheets": mark("工作表数"), "unmasked": mark("完整号码"),
    "file": mark("文件"), "filters": mark("筛选条件"), "sheet": mark("工作表"), "kind": mark("类型"),
    "read": mark("读取行数"),
    "created": mark("新建"), "updated": mark("更新"), "rejected": mark("未导入"), "unchanged": mark("无变化"),
    "date_from": mark("起始日期"), "date_to": mark("截止日期"), "records": mark("条数"), "people": mark("人数"),
    "street_id": mark("街道编号"), "community_id": mark("社区编号"), "organization_id": mark("组织编号"),
    "training_id": mark("培训编号"), "group_by": mark("汇总方式"), "kinds": mark("事项"),
    "app_role": mark("日常账号"),
    # what a merge of two person records records (ops/merging.py)
    "merged_into": mark("并入人员"), "certificates": mark("志愿服务证明份数"),
    "attendance": mark("培训签到条数"), "social_worker": mark("持证社工"),
    # settings
    "rounding_preset": mark("时长取整规则"), "retention_years_volunteer": mark("志愿者信息保存年限"),
    "retention_years_social_worker": mark("持证社工信息保存年限"), "district_full_name": mark("区县全称"),
    "default_street": mark("默认街道"), "district_presets": mark("区县配置选用的规则"),
    # a district's own preset (ops/district.py)
    "label": mark("说明"), "source": mark("依据文件"), "effective": mark("施行日期"),
    "thresholds": mark("一至五星所需小时"), "cycle_years": mark("周期年数"), "method": mark("取整方式"),
    "steps": mark("分钟分界"),
}
# Where one field name means a person's own words.
_PERSON_LABELS: Mapping[str, str] = {"name": mark("姓名")}
PERSON_TABLES = frozenset({"person"})


def field_label(key: str, table: str = "") -> str:
    """The field's Chinese name; the key itself when the program has none for it."""
    if table in PERSON_TABLES and key in _PERSON_LABELS:
        return _PERSON_LABELS[key]
    return FIELD_LABELS.get(key, key)


def value_text(key: str, value: Any) -> str:
    """A stored value as a clerk reads it: numbers masked, yes/no in words, lists joined."""
    if value is None or value == "":
        return msg("（空）")
    if isinstance(value, bool):
        return msg("是") if value else msg("否")
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) or msg("（空）")
    if isinstance(value, dict):
        inner = [f"{field_label(str(k))} {value_text(str(k), v)}" for k, v in value.items()
                 if v not in (None, "", [], {})]
        return "，".join(inner) or msg("（无）")
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
