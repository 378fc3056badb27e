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
from registry.texts import mark, msg, shown

# What each table's record is called in a sentence.
NOUNS: Mapping[str, str] = {
    "person": mark("人员"), "volunteer": mark("志愿者"), "social_worker": mark("持证社工"),
    "organization": mark("社会组织"),
    "training": mark("培训"), "attendance": mark("培训签到"), "activity": mark("活动"),
    "service_record": mark("服务时长"),
    "annual_inspection": mark("年检结果"), "evaluation_grade": mark("评估等级"),
    "service_project": mark("政府购买服务项目"), "community": mark("社区"), "street": mark("街道"),
    "district": mark("区县"),
    "setting": mark("设置"), "rule_preset": mark("规则"), "account": mark("账号"), "certificate": mark("志愿服务证明"),
    "volunteer_organization": mark("志愿者所属组织"), "registry_meta": mark("登记库"), "registry": mark("登记库"),
    "search_key": mark("检索索引"), "volunteer_year": mark("志愿者年度时长"), "community_year": mark("社区年度时长"),
    "organization_year": mark("组织年度时长"), "month_category_hours": mark("月度分类时长"),
    "audit_entry": mark("操作日志"), "community_population": mark("社区年度人口"),
}

# What each action did, when nothing more particular is said (every Action has one:
# tests/unit/registry/queries/test_audit_text.py).
VERBS: Mapping[str, str] = {
    Action.LOGIN: mark("登录了"), Action.LOGIN_FAILED: mark("登录失败"), Action.LOCK: mark("被锁定"),
    Action.PASSWORD_CHANGE: mark("修改了自己的密码"), Action.VIEW: mark("查看了"), Action.SEARCH: mark("查找了"),
    Action.CREATE: mark("新建了"), Action.UPDATE: mark("修改了"), Action.DEACTIVATE: mark("注销了"),
    Action.APPROVE: mark("审核了"), Action.CORRECT: mark("更正了"), Action.DELETE: mark("删除了"),
    Action.IMPORT: mark("导入了"), Action.EXPORT: mark("导出了"), Action.EXPORT_UNMASKED: mark("导出了"),
    Action.UNMASK: mark("查看了完整号码"), Action.ATTENDANCE: mark("登记了签到"),
    Action.INSPECTION: mark("登记了年检"), Action.ISSUE: mark("出具了"), Action.REPRINT: mark("重新打印了"),
    Action.EXTEND_REGISTRATION: mark("延长了登记有效期"), Action.EXTEND_GRADE: mark("延长了评估等级有效期"),
    Action.SET_PRESET: mark("修改了"),
    Action.APPLY_DISTRICT: mark("套用了区县配置"), Action.RETENTION: mark("按保存期限处理了"),
    Action.BACKUP: mark("备份了登记库"), Action.COPY_REGISTER: mark("复制了登记库"),
    Action.RESTORE: mark("恢复了登记库"), Action.SERVER_SETUP: mark("设置了服务器权限"),
    Action.USER_ADD: mark("添加了"), Action.USER_DISABLE: mark("停用了"), Action.USER_RESET: mark("重设了密码"),
    Action.USER_RENAME: mark("修改了账号姓名"),
    Action.DEMO: mark("生成了演示数据"), Action.AREAS: mark("修改了区划"),
    Action.MERGE_PEOPLE: mark("合并了"),
}


# Each action's name, as the audit roster's 操作 column gives it.
ACTION_NAMES: Mapping[str, str] = {
    Action.LOGIN: mark("登录"), Action.LOGIN_FAILED: mark("登录失败"), Action.LOCK: mark("账号锁定"),
    Action.PASSWORD_CHANGE: mark("修改密码"), Action.VIEW: mark("查看"), Action.SEARCH: mark("按号码查找"),
    Action.CREATE: mark("新建"), Action.UPDATE: mark("修改"), Action.DEACTIVATE: mark("注销"),
    Action.APPROVE: mark("审核"),
    Action.CORRECT: mark("更正"), Action.DELETE: mark("删除"), Action.IMPORT: mark("导入"), Action.EXPORT: mark("导出"),
    Action.EXPORT_UNMASKED: mark("导出（完整号码）"), Action.UNMASK: mark("显示完整号码"),
    Action.ATTENDANCE: mark("培训签到"), Action.INSPECTION: mark("年检"), Action.ISSUE: mark("出具证明"),
    Action.REPRINT: mark("重新打印证明"), Action.EXTEND_REGISTRATION: mark("延长登记"),
    Action.EXTEND_GRADE: mark("延长评估等级"),
    Action.SET_PRESET: mark("修改规则"),
    Action.APPLY_DISTRICT: mark("套用区县配置"), Action.RETENTION: mark("按保存期限删除"), Action.BACKUP: mark("备份"),
    Action.COPY_REGISTER: mark("复制登记库"), Action.RESTORE: mark("恢复"), Action.SERVER_SETUP: mark("设置服务器权限"),
    Action.USER_ADD: mark("添加账号"), Action.USER_DISABLE: mark("停用账号"), Action.USER_RESET: mark("重设密码"),
    Action.USER_RENAME: mark("修改账号姓名"),
    Action.DEMO: mark("演示数据"), Action.AREAS: mark("区划设置"),
    Action.MERGE_PEOPLE: mark("合并人员"),
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
        return self.e.actor or msg("（未记录操作人）")

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
        return msg("（编号 {record_id}）", record_id=e.record_id) if e.record_id is not None else ""

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
        return (msg("{who} 登记了 {name} 的服务时长 {value} 小时"
                "（{value2}）", who=f.who, name=f.name, value=_hours(f.value('hours')),
                value2=f.value('service_date') or ''))
    if f.e.table == "account":  # the first account names itself
        return _user_add(f)
    return msg("{who} 新建了{noun} {name}", who=f.who, noun=f.noun, name=f.name)


def _update(f: _Facts) -> str:
    fields = _fields(f)
    whom = msg(" {name} 的个人信息", name=f.name) if f.e.table == "person" else f"{f.noun} {f.name}"
    return msg("{who} 修改了{whom}", who=f.who, whom=whom) + (f"：{fields}" if fields else "") + f.reason()


def _deactivate(f: _Facts) -> str:
    return msg("{who} 注销了{noun} {name}", who=f.who, noun=f.noun, name=f.name) + f.reason()


def _approve(f: _Facts) -> str:
    if f.e.record_id is None and "records" in f.after:  # one approval of many lines
        return msg("{who} 审核了 {records} 条服务时长（{people} 人，共 {hours} 小时）", who=f.who,
                   records=f.after["records"], people=f.after.get("people", 0), hours=_hours(f.after.get("hours", 0)))
    if f.value("hours") is None:
        return ""
    return msg("{who} 审核了 {name} 的服务时长 {value} 小时（{value2}）",
               who=f.who, name=f.name, value=_hours(f.value('hours')), value2=f.value('service_date') or '')


def _correct(f: _Facts) -> str:
    if f.after.get("hours") is None:
        return ""
    return (msg("{who} 更正了 {name} 的服务时长：{value} 小时改为 "
            "{value2} 小时", who=f.who, name=f.name, value=_hours(f.before.get('hours')),
            value2=_hours(f.after.get('hours'))) + f.reason())


def _delete(f: _Facts) -> str:
    if f.e.table == "service_record" and f.value("hours") is not None:
        return msg("{who} 删除了 {name} 的服务时长 {value} 小时",
                   who=f.who, name=f.name, value=_hours(f.value('hours'))) + f.reason()
    return msg("{who} 删除了{noun} {name}", who=f.who, noun=f.noun, name=f.name) + f.reason()


def _import(f: _Facts) -> str:
    if "file" not in f.after:  # a line the import created or changed
        return _update(f) if f.before else _create(f)
    counts = "，".join(f"{field_label(k)} {f.after[k]}" for k in ("created", "updated", "rejected")
                      if f.after.get(k))
    return (msg("{who} 导入了{noun}表格“{after}”（{after2} 行",
                who=f.who, noun=f.noun, after=f.after['file'], after2=f.after.get('read', 0))
            + (f"：{counts}" if counts else "") + "）")


def _export(f: _Facts) -> str:
    roster = f.after.get("roster")
    if not roster:
        return ""
    full = msg("完整号码，") if f.after.get("unmasked") or f.e.action == Action.EXPORT_UNMASKED else ""
    return msg("{who} 导出了{roster}（{full}{after} 行）", who=f.who, roster=roster, full=full,
               after=f.after.get('rows', 0))


def _unmask(f: _Facts) -> str:
    what = f.e.detail or msg("号码")
    if "完整" in what:  # zh-data  # the certificate says where: 志愿服务证明上的完整证件号码
        return msg("{who} 查看了 {name} 的{what}", who=f.who, name=f.name, what=what)
    return msg("{who} 查看了{noun} {name} 的完整{what}", who=f.who, noun=f.noun, name=f.name, what=what)


def _issue(f: _Facts) -> str:
    if "number" not in f.after:
        return ""
    return msg("{who} 为 {name} 出具了志愿服务证明 {after}（{value} 小时）",
               who=f.who, name=f.name, after=f.after['number'], value=_hours(f.after.get('hours')))


def _reprint(f: _Facts) -> str:
    return msg("{who} 重新打印了 {name} 的志愿服务证明 {number}", who=f.who, name=f.name, number=f.e.detail).rstrip()


def _attendance(f: _Facts) -> str:
    text = msg("{who} 登记了培训签到：{name}", who=f.who, name=f.name)
    if "hours_credited" in f.after:
        text += msg("，学时 {value}", value=_hours(f.after['hours_credited']))
    if "passed" in f.after:
        text += msg("，合格") if f.after["passed"] else msg("，不合格")
    return text


def _inspection(f: _Facts) -> str:
    if f.value("year") is None:
        return ""
    return msg("{who} 登记了 {name} {f} 年的年检结论：{value}",
               who=f.who, name=f.name, f=f.value('year'), value=f.value('result') or msg('（空）'))


def _extend(f: _Facts) -> str:
    until = f.after.get("registered_until")
    return msg("{who} 延长了持证社工 {name} 的登记有效期", who=f.who, name=f.name) + (msg("至 {until}",
                                                                             until=until) if until else "")


def _extend_grade(f: _Facts) -> str:
    until = f.after.get("expires_on")
    return msg("{who} 延长了社会组织 {name} 的评估等级有效期", who=f.who, name=f.name) + (
        msg("至 {until}", until=until) if until else "")


def _setting(f: _Facts) -> str:
    if f.e.table != "setting" or not f.after:
        return _update(f) if f.e.record_id is not None else ""
    changes = [msg("“{value}”由 {value2} 改为 {v}",
                   value=field_label(k), value2=f.before.get(k) or msg('（空）'), v=v) for k, v in f.after.items()]
    return msg("{who} 修改了设置：", who=f.who) + "；".join(changes)


def _user_add(f: _Facts) -> str:
    role = ROLE_LABELS.get(str(f.after.get("role", "")), str(f.after.get("role", "")))
    return msg("{who} 添加了账号 {value}", who=f.who,
               value=f.after.get('name') or f.name) + (f"（{role}）" if role else "")


def _account(verb: str) -> Callable[[_Facts], str]:
    return lambda f: msg("{who} {verb}账号 {name}", who=f.who, verb=verb, name=f.name)


def _login_failed(f: _Facts) -> str:
    return msg("以账号 {who} 登录失败", who=f.who) + (f"：{f.e.detail}" if f.e.detail else "")


def _lock(f: _Facts) -> str:
    return msg("账号 {who} 被锁定", who=f.who) + (f"：{f.e.detail}" if f.e.detail else "")


def _said(verb: str) -> Callable[[_Facts], str]:
    """Actions whose detail already says what was done, in words."""
    return lambda f: f"{f.who} {verb}" + (f"：{f.e.detail}" if f.e.detail else "")


_DEMO_COUNTS = (("volunteer", mark("名志愿者")), ("social_worker", mark("名持证社工")),
                ("organization", mark("个社会组织")), ("service_record", mark("条服务时长")))


def _demo(f: _Facts) -> str:
    try:
        data = json.loads(f.e.detail) if f.e.detail else {}
    except ValueError:
        return _said(msg("生成了演示数据"))(f)
    rows = data.get("rows", {}) if isinstance(data, dict) else {}
    counts = msg("、").join(f"{rows[k]:,} {shown(unit)}" for k, unit in _DEMO_COUNTS
                           if isinstance(rows, dict) and isinstance(rows.get(k), int))
    return msg("{who} 生成了演示数据", who=f.who) + (msg("（{counts}）", counts=counts) if counts else "")


def _merge(f: _Facts) -> str:
    if not f.before.get("name"):
        return ""  # nothing kept to say whom: the general sentence
    dropped = f.before["name"]
    return msg("{who} 把人员 {dropped} 合并到 {kept}", who=f.who, dropped=dropped, kept=f.name) + f.reason()


def _search(f: _Facts) -> str:
    return f"{f.who} {f.e.detail}" if f.e.detail.startswith("按") else _said(msg("查找了"))(f)  # zh-data


_PARTICULAR: Mapping[str, Callable[[_Facts], str]] = {
    Action.CREATE: _create, Action.UPDATE: _update, Action.DEACTIVATE: _deactivate,
    Action.APPROVE: _approve, Action.CORRECT: _correct, Action.DELETE: _delete,
    Action.IMPORT: _import, Action.EXPORT: _export, Action.EXPORT_UNMASKED: _export,
    Action.UNMASK: _unmask, Action.ISSUE: _issue, Action.REPRINT: _reprint,
    Action.ATTENDANCE: _attendance, Action.INSPECTION: _inspection,
    Action.EXTEND_REGISTRATION: _extend, Action.EXTEND_GRADE: _extend_grade,
    Action.SET_PRESET: _setting,
    Action.USER_ADD: _user_add, Action.USER_DISABLE: _account(mark("停用了")),
    Action.USER_RESET: lambda f: msg("{who} 重设了账号 {name} 的密码", who=f.who, name=f.name),
    Action.USER_RENAME: lambda f: msg("{who} 把账号 {name} 的姓名从“{before}”改为“{after}”", who=f.who,
                                      name=f.name, before=f.before.get("display_name", ""),
                                      after=f.after.get("display_name", "")),
    Action.PASSWORD_CHANGE: _said(mark("修改了自己的密码")),
    Action.LOGIN: _said(mark("登录了程序")), Action.LOGIN_FAILED: _login_failed, Action.LOCK: _lock,
    Action.SEARCH: _search, Action.DEMO: _demo, Action.BACKUP: _said(mark("备份了登记库")),
    Action.COPY_REGISTER: _said(mark("复制了登记库")), Action.RESTORE: _said(mark("恢复了登记库")),
    Action.APPLY_DISTRICT: lambda f: (_setting(f) if f.e.table == "setting" else
                                      _create(f) if f.after and f.e.record_id is not None
                                      else _said(msg("套用了区县配置"))(f)),
    Action.RETENTION: lambda f: (_setting(f) if f.e.table == "setting"
                                 else msg("{who} 按保存期限删除了一名{noun}的个人信息（{detail}）",
                                          who=f.who, noun=f.noun, detail=f.e.detail)),
    Action.SERVER_SETUP: _said(mark("设置了服务器权限")), Action.MERGE_PEOPLE: _merge,
    Action.AREAS: lambda f: (_setting(f) if f.e.table == "setting" else
                             _create(f) if f.after and not f.before and f.e.record_id is not None
                             else _update(f) if f.e.record_id is not None else _said(msg("修改了区划"))(f)),
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
