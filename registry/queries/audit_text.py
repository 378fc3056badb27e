"""The audit log in plain words: one sentence for each entry, who did what to whom, made from
the entry as stored, so the program's log, its detail pane and the command line say the same.

    王芳 导出了志愿者花名册（完整号码，3000 行）
    李明 修改了志愿者 张三：联系电话、住址
    王芳 审核了 12 条服务时长（3 人，共 26 小时）

Entries written before this (a demonstration's JSON detail, exports' filters) read as well:
the sentence is made from the values every version stored. A sentence names people and
records, never a number it would have to mask: changed fields are named, not shown (their
masked values are in the entry's details).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from registry.rules.audit_fields import LEFT_OUT, field_label, parsed
from registry.rules.permissions import ROLE_LABELS, Action
from registry.storage.models import (
    Account,
    Activity,
    AnnualInspection,
    Attendance,
    BaseModel,
    Certificate,
    Community,
    District,
    EvaluationGrade,
    Organization,
    Person,
    ServiceProject,
    ServiceRecord,
    SocialWorker,
    Street,
    Training,
    Volunteer,
)

# What each table's record is called in a sentence.
NOUNS: Mapping[str, str] = {
    "person": "人员", "volunteer": "志愿者", "social_worker": "持证社工", "organization": "社会组织",
    "training": "培训", "attendance": "培训签到", "activity": "活动", "service_record": "服务时长",
    "annual_inspection": "年检结果", "evaluation_grade": "评估等级",
    "service_project": "政府购买服务项目", "community": "社区", "street": "街道", "district": "区县",
    "setting": "设置", "rule_preset": "规则", "account": "账号", "certificate": "志愿服务证明",
    "volunteer_organization": "志愿者所属组织", "registry_meta": "登记库", "registry": "登记库",
    "search_key": "检索索引", "volunteer_year": "志愿者年度时长", "community_year": "社区年度时长",
    "organization_year": "组织年度时长", "month_category_hours": "月度分类时长",
    "audit_entry": "操作日志", "community_population": "社区年度人口",
}

# What each action did, when nothing more particular is said (every Action has one:
# tests/unit/registry/queries/test_audit_text.py).
VERBS: Mapping[str, str] = {
    Action.LOGIN: "登录了", Action.LOGIN_FAILED: "登录失败", Action.LOCK: "被锁定",
    Action.PASSWORD_CHANGE: "修改了自己的密码", Action.VIEW: "查看了", Action.SEARCH: "查找了",
    Action.CREATE: "新建了", Action.UPDATE: "修改了", Action.DEACTIVATE: "注销了",
    Action.APPROVE: "审核了", Action.CORRECT: "更正了", Action.DELETE: "删除了",
    Action.IMPORT: "导入了", Action.EXPORT: "导出了", Action.EXPORT_UNMASKED: "导出了",
    Action.UNMASK: "查看了完整号码", Action.ATTENDANCE: "登记了签到",
    Action.INSPECTION: "登记了年检", Action.ISSUE: "出具了", Action.REPRINT: "重新打印了",
    Action.EXTEND_REGISTRATION: "延长了登记有效期", Action.SET_PRESET: "修改了",
    Action.APPLY_DISTRICT: "套用了区县配置", Action.RETENTION: "按保存期限处理了",
    Action.BACKUP: "备份了登记库", Action.COPY_REGISTER: "复制了登记库",
    Action.RESTORE: "恢复了登记库", Action.SERVER_SETUP: "设置了服务器权限",
    Action.USER_ADD: "添加了", Action.USER_DISABLE: "停用了", Action.USER_RESET: "重设了密码",
    Action.USER_RENAME: "修改了账号姓名", Action.DEMO: "生成了演示数据", Action.AREAS: "修改了区划",
}


# Each action's name, as the audit roster's 操作 column gives it.
ACTION_NAMES: Mapping[str, str] = {
    Action.LOGIN: "登录", Action.LOGIN_FAILED: "登录失败", Action.LOCK: "账号锁定",
    Action.PASSWORD_CHANGE: "修改密码", Action.VIEW: "查看", Action.SEARCH: "按号码查找",
    Action.CREATE: "新建", Action.UPDATE: "修改", Action.DEACTIVATE: "注销", Action.APPROVE: "审核",
    Action.CORRECT: "更正", Action.DELETE: "删除", Action.IMPORT: "导入", Action.EXPORT: "导出",
    Action.EXPORT_UNMASKED: "导出（完整号码）", Action.UNMASK: "显示完整号码",
    Action.ATTENDANCE: "培训签到", Action.INSPECTION: "年检", Action.ISSUE: "出具证明",
    Action.REPRINT: "重新打印证明", Action.EXTEND_REGISTRATION: "延长登记", Action.SET_PRESET: "修改规则",
    Action.APPLY_DISTRICT: "套用区县配置", Action.RETENTION: "按保存期限删除", Action.BACKUP: "备份",
    Action.COPY_REGISTER: "复制登记库", Action.RESTORE: "恢复", Action.SERVER_SETUP: "设置服务器权限",
    Action.USER_ADD: "添加账号", Action.USER_DISABLE: "停用账号", Action.USER_RESET: "重设密码",
    Action.USER_RENAME: "修改账号姓名", Action.DEMO: "演示数据", Action.AREAS: "区划设置",
}


@dataclass(frozen=True)
class Entry:
    """An audit entry as stored."""

    actor: str
    action: str
    table: str
    record_id: int | None
    before: str | None
    after: str | None
    detail: str


Names = Mapping[tuple[str, int], str]


def sentences(entries: Sequence[Entry]) -> list[str]:
    """Each entry as a sentence, the records they are about named with a few reads in all."""
    names = _names(entries)
    return [sentence(e, names) for e in entries]


def sentence(e: Entry, names: Names | None = None) -> str:
    if names is None:
        names = _names([e])
    before, after = parsed(e.before) or {}, parsed(e.after) or {}
    made = _PARTICULAR.get(e.action, _general)(_Facts(e, before, after, names))
    return " ".join(made.split()) if made else _general(_Facts(e, before, after, names))


@dataclass(frozen=True)
class _Facts:
    e: Entry
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    names: Names

    @property
    def who(self) -> str:
        return self.e.actor or "（未记录操作人）"

    @property
    def noun(self) -> str:
        return NOUNS.get(self.e.table, self.e.table)

    def value(self, key: str) -> Any:
        return self.after.get(key, self.before.get(key))

    @property
    def name(self) -> str:
        """Whom or what the entry is about: the record's name now, or as the entry kept it."""
        e = self.e
        if e.table == "service_record" or e.table == "certificate":
            volunteer = self.value("volunteer")
            if isinstance(volunteer, int) and ("volunteer", volunteer) in self.names:
                return self.names["volunteer", volunteer]
        if e.record_id is not None and (e.table, e.record_id) in self.names:
            return self.names[e.table, e.record_id]
        kept = self.value("name") or self.value("title")
        if isinstance(kept, str) and kept:
            return kept
        return f"（编号 {e.record_id}）" if e.record_id is not None else ""

    def reason(self) -> str:
        return f"（{self.e.detail}）" if self.e.detail else ""


def _hours(value: Any) -> str:
    """26 and 2.5, not 26.00 and 2.50."""
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value or 0)
    return f"{d.normalize():f}"


def _fields(f: _Facts) -> str:
    keys = [k for k in f.after if k not in LEFT_OUT] or [k for k in f.before if k not in LEFT_OUT]
    return "、".join(dict.fromkeys(field_label(k, f.e.table) for k in keys))


def _general(f: _Facts) -> str:
    verb = VERBS.get(f.e.action, f.e.action)
    name = f.name
    whom = f"{f.noun} {name}" if name else ""
    return f"{f.who} {verb}{whom}" + (f"：{f.e.detail}" if f.e.detail else "")


def _create(f: _Facts) -> str:
    if f.e.table == "service_record" and f.value("hours") is not None:
        return (f"{f.who} 登记了 {f.name} 的服务时长 {_hours(f.value('hours'))} 小时"
                f"（{f.value('service_date') or ''}）")
    if f.e.table == "account":  # the first account names itself
        return _user_add(f)
    return f"{f.who} 新建了{f.noun} {f.name}"


def _update(f: _Facts) -> str:
    fields = _fields(f)
    whom = f" {f.name} 的个人信息" if f.e.table == "person" else f"{f.noun} {f.name}"
    return f"{f.who} 修改了{whom}" + (f"：{fields}" if fields else "") + f.reason()


def _deactivate(f: _Facts) -> str:
    return f"{f.who} 注销了{f.noun} {f.name}" + f.reason()


def _approve(f: _Facts) -> str:
    if f.e.record_id is None and "records" in f.after:  # one approval of many lines
        return (f"{f.who} 审核了 {f.after['records']} 条服务时长（{f.after.get('people', 0)} 人，"
                f"共 {_hours(f.after.get('hours', 0))} 小时）")
    if f.value("hours") is None:
        return ""
    return f"{f.who} 审核了 {f.name} 的服务时长 {_hours(f.value('hours'))} 小时（{f.value('service_date') or ''}）"


def _correct(f: _Facts) -> str:
    if f.after.get("hours") is None:
        return ""
    return (f"{f.who} 更正了 {f.name} 的服务时长：{_hours(f.before.get('hours'))} 小时改为 "
            f"{_hours(f.after.get('hours'))} 小时" + f.reason())


def _delete(f: _Facts) -> str:
    if f.e.table == "service_record" and f.value("hours") is not None:
        return f"{f.who} 删除了 {f.name} 的服务时长 {_hours(f.value('hours'))} 小时" + f.reason()
    return f"{f.who} 删除了{f.noun} {f.name}" + f.reason()


def _import(f: _Facts) -> str:
    if "file" not in f.after:  # a line the import created or changed
        return _update(f) if f.before else _create(f)
    counts = "，".join(f"{field_label(k)} {f.after[k]}" for k in ("created", "updated", "rejected")
                      if f.after.get(k))
    return (f"{f.who} 导入了{f.noun}表格“{f.after['file']}”（{f.after.get('read', 0)} 行"
            + (f"：{counts}" if counts else "") + "）")


def _export(f: _Facts) -> str:
    roster = f.after.get("roster")
    if not roster:
        return ""
    full = "完整号码，" if f.after.get("unmasked") or f.e.action == Action.EXPORT_UNMASKED else ""
    return f"{f.who} 导出了{roster}（{full}{f.after.get('rows', 0)} 行）"


def _unmask(f: _Facts) -> str:
    what = f.e.detail or "号码"
    if "完整" in what:  # the certificate says where: 志愿服务证明上的完整证件号码
        return f"{f.who} 查看了 {f.name} 的{what}"
    return f"{f.who} 查看了{f.noun} {f.name} 的完整{what}"


def _issue(f: _Facts) -> str:
    if "number" not in f.after:
        return ""
    return f"{f.who} 为 {f.name} 出具了志愿服务证明 {f.after['number']}（{_hours(f.after.get('hours'))} 小时）"


def _reprint(f: _Facts) -> str:
    return f"{f.who} 重新打印了 {f.name} 的志愿服务证明 {f.e.detail}".rstrip()


def _attendance(f: _Facts) -> str:
    text = f"{f.who} 登记了培训签到：{f.name}"
    if "hours_credited" in f.after:
        text += f"，学时 {_hours(f.after['hours_credited'])}"
    if "passed" in f.after:
        text += "，合格" if f.after["passed"] else "，不合格"
    return text


def _inspection(f: _Facts) -> str:
    if f.value("year") is None:
        return ""
    return f"{f.who} 登记了 {f.name} {f.value('year')} 年的年检结论：{f.value('result') or '（空）'}"


def _extend(f: _Facts) -> str:
    until = f.after.get("registered_until")
    return f"{f.who} 延长了持证社工 {f.name} 的登记有效期" + (f"至 {until}" if until else "")


def _setting(f: _Facts) -> str:
    if f.e.table != "setting" or not f.after:
        return _update(f) if f.e.record_id is not None else ""
    changes = [f"“{field_label(k)}”由 {f.before.get(k) or '（空）'} 改为 {v}" for k, v in f.after.items()]
    return f"{f.who} 修改了设置：" + "；".join(changes)


def _user_add(f: _Facts) -> str:
    role = ROLE_LABELS.get(str(f.after.get("role", "")), str(f.after.get("role", "")))
    return f"{f.who} 添加了账号 {f.after.get('name') or f.name}" + (f"（{role}）" if role else "")


def _account(verb: str) -> Callable[[_Facts], str]:
    return lambda f: f"{f.who} {verb}账号 {f.name}"


def _login_failed(f: _Facts) -> str:
    return f"以账号 {f.who} 登录失败" + (f"：{f.e.detail}" if f.e.detail else "")


def _lock(f: _Facts) -> str:
    return f"账号 {f.who} 被锁定" + (f"：{f.e.detail}" if f.e.detail else "")


def _said(verb: str) -> Callable[[_Facts], str]:
    """Actions whose detail already says what was done, in words."""
    return lambda f: f"{f.who} {verb}" + (f"：{f.e.detail}" if f.e.detail else "")


_DEMO_COUNTS = (("volunteer", "名志愿者"), ("social_worker", "名持证社工"),
                ("organization", "个社会组织"), ("service_record", "条服务时长"))


def _demo(f: _Facts) -> str:
    try:
        data = json.loads(f.e.detail) if f.e.detail else {}
    except ValueError:
        return _said("生成了演示数据")(f)
    rows = data.get("rows", {}) if isinstance(data, dict) else {}
    counts = "、".join(f"{rows[k]:,} {unit}" for k, unit in _DEMO_COUNTS
                      if isinstance(rows, dict) and isinstance(rows.get(k), int))
    return f"{f.who} 生成了演示数据" + (f"（{counts}）" if counts else "")


def _search(f: _Facts) -> str:
    return f"{f.who} {f.e.detail}" if f.e.detail.startswith("按") else _said("查找了")(f)


_PARTICULAR: Mapping[str, Callable[[_Facts], str]] = {
    Action.CREATE: _create, Action.UPDATE: _update, Action.DEACTIVATE: _deactivate,
    Action.APPROVE: _approve, Action.CORRECT: _correct, Action.DELETE: _delete,
    Action.IMPORT: _import, Action.EXPORT: _export, Action.EXPORT_UNMASKED: _export,
    Action.UNMASK: _unmask, Action.ISSUE: _issue, Action.REPRINT: _reprint,
    Action.ATTENDANCE: _attendance, Action.INSPECTION: _inspection,
    Action.EXTEND_REGISTRATION: _extend, Action.SET_PRESET: _setting,
    Action.USER_ADD: _user_add, Action.USER_DISABLE: _account("停用了"),
    Action.USER_RESET: lambda f: f"{f.who} 重设了账号 {f.name} 的密码",
    Action.USER_RENAME: lambda f: (f"{f.who} 把账号 {f.name} 的姓名从“{f.before.get('display_name', '')}”"
                                   f"改为“{f.after.get('display_name', '')}”"),
    Action.PASSWORD_CHANGE: _said("修改了自己的密码"),
    Action.LOGIN: _said("登录了程序"), Action.LOGIN_FAILED: _login_failed, Action.LOCK: _lock,
    Action.SEARCH: _search, Action.DEMO: _demo, Action.BACKUP: _said("备份了登记库"),
    Action.COPY_REGISTER: _said("复制了登记库"), Action.RESTORE: _said("恢复了登记库"),
    Action.APPLY_DISTRICT: lambda f: (_setting(f) if f.e.table == "setting" else
                                      _create(f) if f.after and f.e.record_id is not None
                                      else _said("套用了区县配置")(f)),
    Action.RETENTION: lambda f: (_setting(f) if f.e.table == "setting"
                                 else f"{f.who} 按保存期限删除了一名{f.noun}的个人信息（{f.e.detail}）"),
    Action.SERVER_SETUP: _said("设置了服务器权限"),
    Action.AREAS: lambda f: (_setting(f) if f.e.table == "setting" else
                             _create(f) if f.after and not f.before and f.e.record_id is not None
                             else _update(f) if f.e.record_id is not None else _said("修改了区划")(f)),
}


# --- naming the records: one read per table for a page of entries --------------------------

def _person_names(model: type[BaseModel], ids: Iterable[int]) -> dict[int, str]:
    return {key: name for key, name in model.select(model.id, Person.name).join(Person)
            .where(model.id.in_(list(ids))).tuples()}


def _own_names(model: type[BaseModel], column: Any) -> Callable[[Iterable[int]], dict[int, str]]:
    return lambda ids: dict(model.select(model.id, column).where(model.id.in_(list(ids))).tuples())


def _org_names(model: type[BaseModel]) -> Callable[[Iterable[int]], dict[int, str]]:
    return lambda ids: dict(model.select(model.id, Organization.name).join(Organization)
                            .where(model.id.in_(list(ids))).tuples())


def _attendance_names(ids: Iterable[int]) -> dict[int, str]:
    return {key: f"{name}（{title}）" for key, name, title in
            Attendance.select(Attendance.id, Person.name, Training.title)
            .join(Person, on=Attendance.person == Person.id)
            .switch(Attendance).join(Training, on=Attendance.training == Training.id)
            .where(Attendance.id.in_(list(ids))).tuples()}


def _record_names(ids: Iterable[int]) -> dict[int, str]:
    return {key: name for key, name in ServiceRecord.select(ServiceRecord.id, Person.name)
            .join(Volunteer).join(Person).where(ServiceRecord.id.in_(list(ids))).tuples()}


_READERS: Mapping[str, Callable[[Iterable[int]], dict[int, str]]] = {
    "person": _own_names(Person, Person.name),
    "volunteer": lambda ids: _person_names(Volunteer, ids),
    "social_worker": lambda ids: _person_names(SocialWorker, ids),
    "organization": _own_names(Organization, Organization.name),
    "training": _own_names(Training, Training.title),
    "activity": _own_names(Activity, Activity.name),
    "account": _own_names(Account, Account.name),
    "community": _own_names(Community, Community.name),
    "street": _own_names(Street, Street.name),
    "district": _own_names(District, District.name),
    "annual_inspection": _org_names(AnnualInspection),
    "evaluation_grade": _org_names(EvaluationGrade),
    "service_project": _org_names(ServiceProject),
    "attendance": _attendance_names,
    "service_record": _record_names,
    "certificate": lambda ids: {key: name for key, name in Certificate.select(Certificate.id, Person.name)
                                .join(Volunteer).join(Person).where(Certificate.id.in_(list(ids))).tuples()},
}
_CHUNK = 500


def _names(entries: Sequence[Entry]) -> dict[tuple[str, int], str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for e in entries:
        if e.record_id is not None and e.table in _READERS:
            wanted[e.table].add(e.record_id)
        if e.table in ("service_record", "certificate"):  # the line may be gone: its volunteer
            for text in (e.after, e.before):
                volunteer = (parsed(text) or {}).get("volunteer")
                if isinstance(volunteer, int):
                    wanted["volunteer"].add(volunteer)
    found: dict[tuple[str, int], str] = {}
    for table, ids in wanted.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), _CHUNK):
            for key, name in _READERS[table](ordered[start:start + _CHUNK]).items():
                found[table, key] = name
    return found
