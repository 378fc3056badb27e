"""Social organizations and their year: inspections, evaluation grades, purchased projects,
deregistration. Community social organizations are filed (备案) at street level."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.edits import save_edit
from registry.ops.kernel import retried, write
from registry.queries.editing import Seen
from registry.rules.charity import charity_problems
from registry.rules.deadlines import evaluation_expiry
from registry.rules.fields import Cleaner, clean_choice, clean_date, clean_decimal, clean_int, clean_text
from registry.rules.permissions import Action
from registry.rules.problems import Problem, RegistryError, error
from registry.rules.uscc import check_uscc
from registry.rules.vocab import INSPECTION_RESULTS, ORG_STATUSES, ORG_TYPE_ALIASES, ORG_TYPES, PROJECT_STATUSES
from registry.storage.models import (
    AnnualInspection,
    Community,
    EvaluationGrade,
    Organization,
    ServiceProject,
    Street,
    get_or_fail,
)
from registry.texts import mark, msg

LABELS = {
    "name": mark("组织名称"),
    "uscc": mark("统一社会信用代码"),
    "org_type": mark("类型"),
    "registration_authority": mark("登记管理机关"),
    "supervising_unit": mark("业务主管单位"),
    "legal_representative_name": mark("法定代表人"),
    "founded_on": mark("成立日期"),
    "address": mark("住所"),
    "business_scope": mark("业务范围"),
    "service_fields": mark("服务领域"),
    "registered_capital": mark("注册资金"),
    "street": mark("所属街道"),
    "community": mark("所属社区"),
    "filed_on": mark("备案日期"),
    "responsible_person": mark("负责人"),
    "venue": mark("活动场所"),
    "member_count": mark("成员人数"),
    "notes": mark("备注"),
    "charity_recognized_on": mark("慈善组织认定日期"),
}
COMMUNITY_ORG = "社区社会组织"  # zh-data


def clean_organization(data: Mapping[str, Any], *, partial: bool = False, own_id: int | None = None,
                       current: Organization | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """The organization's fields from `data`; with `partial`, only those it gives, checked
    against the stored record `current` where a check needs another field (the type a code
    should encode, the founding a charity's recognition follows)."""
    c = Cleaner(data, partial=partial)
    c.take("name", clean_text, LABELS["name"], required=True, max_length=200)
    c.take("org_type", clean_choice, LABELS["org_type"], ORG_TYPES, required=True,
           aliases=ORG_TYPE_ALIASES)
    for key in ("registration_authority", "supervising_unit", "legal_representative_name",
                "responsible_person"):
        c.take(key, clean_text, LABELS[key], max_length=200)
    for key in ("address", "business_scope", "service_fields", "venue", "notes"):
        c.take(key, clean_text, LABELS[key])
    c.take("founded_on", clean_date, LABELS["founded_on"], latest=dt.date.today())
    c.take("filed_on", clean_date, LABELS["filed_on"], latest=dt.date.today())
    c.take("charity_recognized_on", clean_date, LABELS["charity_recognized_on"], latest=dt.date.today())
    c.take("registered_capital", clean_decimal, LABELS["registered_capital"])
    c.take("street", clean_int, LABELS["street"], minimum=1)
    c.take("community", clean_int, LABELS["community"], minimum=1)
    c.take("member_count", clean_int, LABELS["member_count"])
    values, problems = c.values, c.problems
    org_type = values.get("org_type") or (current.org_type if current is not None else None)
    charity_facts = ("charity_recognized_on", "org_type", "founded_on")
    if any(key in values for key in charity_facts):  # an edit of none of them: nothing new to doubt
        recognized_on, kind, founded_on = (values[key] if key in values else getattr(current, key, None)
                                           for key in charity_facts)
        problems.extend(charity_problems(recognized_on, kind, founded_on))
    if c.wants("uscc"):
        raw = data.get("uscc")
        if raw in (None, "") and org_type == COMMUNITY_ORG:
            values["uscc"] = None  # filed, not registered: often no code
        else:
            facts, uscc_problems = check_uscc(raw, "uscc", declared_type=org_type)
            problems.extend(uscc_problems)
            values["uscc"] = facts.code if facts else None
            holder = (Organization.get_or_none(Organization.uscc == facts.code)
                      if facts else None)
            if holder is not None and holder.id != own_id:
                problems.append(error("duplicate", "uscc",
                                      msg("统一社会信用代码已登记为“{name}”。", name=holder.name)))
    for key, model, what in (("street", Street, msg("街道")), ("community", Community, msg("社区"))):
        ref = values.get(key)
        if ref is not None and model.get_or_none(model.id == ref) is None:
            problems.append(error(key, key, msg("所选{what}不在登记库中。", what=what)))
    community = Community.get_or_none(Community.id == values.get("community"))
    if community is not None and not values.get("street") and not partial:
        values["street"] = community.street_id
    return values, problems


@retried
def register_organization(actor: str, data: Mapping[str, Any]) -> Changes:
    values, problems = clean_organization(data)
    warnings = require(problems)
    with write(actor, Action.CREATE) as w:
        org = Organization.create(**values)
        w.log(Table.ORGANIZATION, org.id, None, snapshot(org))
        w.changed(Table.ORGANIZATION, ids=[org.id])
        w.warn(warnings)
    return w.changes


@retried
def update_organization(actor: str, org_id: int, data: Mapping[str, Any], *,
                        seen: Seen | None = None) -> Changes:
    """Change the fields given; `seen`: the version the clerk's form was filled from."""
    org = get_or_fail(Organization, org_id, msg("社会组织"))
    values, problems = clean_organization(data, partial=True, own_id=org_id, current=org)
    warnings = require(problems)
    with write(actor, Action.UPDATE) as w:
        org = get_or_fail(Organization, org_id, msg("社会组织"), lock=True)
        before = snapshot(org)
        for name, value in values.items():
            setattr(org, name, value)
        save_edit(w, org, before, seen=seen.record if seen is not None else None)
        w.changed(ids=[org_id])
        w.warn(warnings)
    return w.changes


@retried
def deregister_organization(actor: str, org_id: int, status: str, reason: str,
                            on: dt.date | None = None) -> Changes:
    """注销 or 撤销: the organization stays in the register with its history."""
    c = Cleaner({"status": status, "reason": reason})
    c.take("status", clean_choice, msg("状态"), ORG_STATUSES[1:], required=True)
    c.take("reason", clean_text, msg("原因"), required=True)
    require(c.problems)
    with write(actor, Action.DEACTIVATE) as w:
        org = get_or_fail(Organization, org_id, msg("社会组织"), lock=True)
        if org.status != "正常":  # zh-data
            raise RegistryError(msg("“{name}”已经是{status}状态。", name=org.name, status=org.status))
        before = snapshot(org)
        org.status = c.values["status"]
        org.status_reason = c.values["reason"]
        org.status_changed_on = on or dt.date.today()
        save_edit(w, org, before, detail=c.values["reason"])
        w.changed(Table.ORGANIZATION, ids=[org_id])
    return w.changes


@retried
def record_annual_inspection(actor: str, org_id: int, year: Any, result: Any,
                             reported_on: Any = None) -> Changes:
    """The inspection or annual-report result of one year; a second entry for the same
    year replaces the first, and the audit log keeps both."""
    c = Cleaner({"year": year, "result": result, "reported_on": reported_on})
    c.take("year", clean_int, msg("年度"), required=True, minimum=1980, maximum=dt.date.today().year)
    c.take("result", clean_choice, msg("年检结论"), INSPECTION_RESULTS, required=True)
    c.take("reported_on", clean_date, msg("报送日期"))
    require(c.problems)
    with write(actor, Action.INSPECTION) as w:
        get_or_fail(Organization, org_id, msg("社会组织"))
        row = AnnualInspection.get_or_none((AnnualInspection.organization == org_id)
                                           & (AnnualInspection.year == c.values["year"]))
        before = snapshot(row)
        if row is None:
            row = AnnualInspection.create(organization=org_id, **c.values)
        else:
            row.result, row.reported_on = c.values["result"], c.values["reported_on"]
            row.save()
        w.log(Table.ANNUAL_INSPECTION, row.id, before, snapshot(row))
        w.changed(Table.ANNUAL_INSPECTION, Table.ORGANIZATION, ids=[row.id])
    return w.changes


@retried
def set_evaluation_grade(actor: str, org_id: int, grade: Any, awarded_on: Any) -> Changes:
    c = Cleaner({"grade": grade, "awarded_on": awarded_on})
    c.take("grade", _grade)
    c.take("awarded_on", clean_date, msg("评估日期"), required=True, latest=dt.date.today())
    require(c.problems)
    with write(actor, Action.CREATE) as w:
        get_or_fail(Organization, org_id, msg("社会组织"))
        row = EvaluationGrade.create(organization=org_id, grade=c.values["grade"],
                                     awarded_on=c.values["awarded_on"],
                                     expires_on=evaluation_expiry(c.values["awarded_on"]))
        w.log(Table.EVALUATION_GRADE, row.id, None, snapshot(row))
        w.changed(Table.EVALUATION_GRADE, Table.ORGANIZATION, ids=[row.id])
    return w.changes


def _grade(raw: Any, field: str) -> tuple[int | None, list[Problem]]:
    text = str(raw or "").strip().upper().replace("Ａ", "A").replace("级", "")  # zh-data
    for grade in range(1, 6):
        if text in (str(grade), f"{grade}A", "A" * grade):
            return grade, []
    return None, [error("grade", field, msg("评估等级填的是“{raw}”，应当是 1A 到 5A。", raw=raw))]


@retried
def add_service_project(actor: str, org_id: int, data: Mapping[str, Any]) -> Changes:
    c = Cleaner(data)
    c.take("name", clean_text, msg("项目名称"), required=True, max_length=200)
    c.take("buyer", clean_text, msg("购买方"), max_length=200)
    c.take("amount", clean_decimal, msg("金额"))
    c.take("starts_on", clean_date, msg("开始日期"))
    c.take("ends_on", clean_date, msg("结束日期"))
    c.take("status", clean_choice, msg("项目状态"), PROJECT_STATUSES)
    values = c.values
    values["status"] = values["status"] or PROJECT_STATUSES[0]
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        c.problems.append(error("date_order", "ends_on", msg("“结束日期”不能早于“开始日期”。")))
    warnings = require(c.problems)
    with write(actor, Action.CREATE) as w:
        get_or_fail(Organization, org_id, msg("社会组织"))
        row = ServiceProject.create(organization=org_id, **values)
        w.log(Table.SERVICE_PROJECT, row.id, None, snapshot(row))
        w.changed(Table.SERVICE_PROJECT, Table.ORGANIZATION, ids=[row.id])
        w.warn(warnings)
    return w.changes
