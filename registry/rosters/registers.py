"""Registers kept for accountability: 志愿服务证明登记表 (for public posting), 到期事项清单
and 操作日志."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any

from registry.queries.audit_text import ACTION_NAMES, NOUNS, Entry, sentences
from registry.queries.deadlines import DueFilter, upcoming
from registry.rosters.queries import between, raw_rows
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.rules.audit_fields import readable_fields
from registry.rules.permissions import Action
from registry.storage.models import AuditEntry, Certificate, Person, Volunteer

CERTIFICATE_COLUMNS = (
    Column("证明编号", "code", 18), Column("姓名", width=10), Column("证件号码", "id"),
    Column("志愿者编号", "code", 16), Column("服务起始", "date"), Column("服务截止", "date"),
    Column("服务时长", "hours", total=True), Column("含结转时长", "hours", total=True),
    Column("服务内容", width=30), Column("出具单位", width=24), Column("出具日期", "date"),
    Column("验证码", "code", 16),
)
DEADLINE_COLUMNS = (
    Column("事项", width=26), Column("对象", width=26), Column("所在社区", width=14), Column("到期日", "date"),
    Column("剩余天数", "int", 8), Column("说明", width=30),
)
AUDIT_COLUMNS = (
    Column("时间", "datetime", 18), Column("操作人", width=12), Column("操作", width=14), Column("对象表", width=16),
    Column("记录编号", "int"), Column("说明", width=40), Column("变更前", width=40), Column("变更后", width=40),
)
DEFAULT_HORIZON_DAYS = 90
AUDIT_BATCH = 500  # entries named together


def build_certificates(filters: RosterFilters, today: date) -> RosterData:
    """含结转时长: what of 服务时长 was carried over (期初结转), as the certificate states it."""
    c, v, p = Certificate, Volunteer, Person
    start, end = filters.period()
    query = (c.select(c.number, p.name, p.id_number, v.volunteer_number, c.period_from, c.period_to,
                      c.hours, c.carried_hours, c.content, c.issuing_organization, c.issued_on,
                      c.verification_code)
             .join(v, on=(c.volunteer == v.id)).join(p, on=(v.person == p.id))
             .order_by(c.issued_on, c.number))
    conditions = between(c.issued_on, start, end)
    if filters.organization_id is not None:
        conditions.append(c.issuer == filters.organization_id)
    if conditions:
        query = query.where(*conditions)
    rows = list(raw_rows(query))
    return RosterData(CERTIFICATE_COLUMNS, rows, len(rows), unit="份")


def build_deadlines(filters: RosterFilters, today: date) -> RosterData:
    """The deadline list as the clerk filtered it (queries/deadlines.py): from today, or from
    the date given, to the date given, else 90 days ahead."""
    horizon = filters.date_to or today + timedelta(days=DEFAULT_HORIZON_DAYS)
    start = filters.date_from or today
    due = DueFilter(kinds=frozenset(filters.kinds) if filters.kinds is not None else None,
                    street_id=filters.street_id, community_id=filters.community_id,
                    due_from=filters.date_from, due_to=horizon)
    items = upcoming(today=today, due=due)
    rows = [(i.label, i.subject, i.community, i.due, i.days_left, i.detail) for i in items]
    return RosterData(DEADLINE_COLUMNS, rows, len(rows), unit="项",
                      facts=(f"到期日 {start.isoformat()} 至 {horizon.isoformat()}"
                             f"（剩余天数按 {today.isoformat()} 计）",))


def _masked(text: str | None, table: str = "") -> str:
    """The stored values with personal numbers masked, in words: "姓名：张三；联系电话：139****0000"."""
    if not text:
        return ""
    fields = readable_fields(text, table)
    if fields is None:
        return text  # an old entry's plain text
    return "；".join(f"{key}：{value}" for key, value in fields)


def _table(action: str, table: str) -> str:
    """What the entry is about: the record's noun, or 花名册 for an export (logged under the
    roster's key)."""
    if action in (Action.EXPORT, Action.EXPORT_UNMASKED):
        return "花名册"
    return NOUNS.get(table, table)


def _audit_rows(query: Any) -> Iterable[Sequence[Any]]:
    """Each entry: its time as a date and time, its action and table in words, 说明 the
    sentence the program's log shows (queries/audit_text.py), the changes masked in words;
    the records named a batch at a time."""
    rows = iter(raw_rows(query))
    while batch := list(islice(rows, AUDIT_BATCH)):
        entries = [Entry(actor, action, table, record_id, before, after, detail or "")
                   for _at, actor, action, table, record_id, before, after, detail in batch]
        for row, e, words in zip(batch, entries, sentences(entries), strict=True):
            yield (row[0], e.actor, ACTION_NAMES.get(e.action, e.action), _table(e.action, e.table),
                   e.record_id, words, _masked(e.before, e.table), _masked(e.after, e.table))


def build_audit(filters: RosterFilters, today: date) -> RosterData:
    a = AuditEntry
    start, end = filters.period()
    query = a.select(a.at, a.actor, a.action, a.table_name, a.record_id, a.before, a.after,
                     a.detail).order_by(a.id)
    conditions = []
    if start is not None:
        conditions.append(a.at >= datetime.combine(start, datetime.min.time()))
    if end is not None:
        conditions.append(a.at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
    if conditions:
        query = query.where(*conditions)
    count = query.count() if conditions else a.select().count()
    return RosterData(AUDIT_COLUMNS, _audit_rows(query), count, unit="条",
                      facts=("变更内容中的证件号码和电话号码一律隐去中间位。",))
