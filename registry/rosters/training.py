"""培训签到表 (one training, a blank column to sign) and 培训统计 (every training)."""

from __future__ import annotations

from datetime import date

from peewee import JOIN, Case, fn

from registry.rosters.queries import between, raw_rows
from registry.rosters.spec import Column, RosterData, RosterFilters
from registry.rules.problems import NotFoundError
from registry.storage.models import Attendance, Person, SocialWorker, Training

SIGNIN_COLUMNS = (
    Column("姓名", width=10), Column("性别", width=6), Column("证件号码", "id"),
    Column("工作单位", width=26), Column("联系电话", "phone"), Column("签名", "blank", 20),
)
STATS_COLUMNS = (
    Column("培训名称", width=30), Column("主办单位", width=20), Column("开始日期", "date"),
    Column("结束日期", "date"), Column("类别", width=12), Column("计入继续教育", width=8),
    Column("学时", "hours", 8), Column("参训人数", "int", total=True),
    Column("合格人数", "int", total=True), Column("认定学时合计", "hours", 12, total=True),
)
SIGN_ROW_HEIGHT = 28.0  # points: room for a handwritten name


def build_signin(filters: RosterFilters, today: date) -> RosterData:
    t, a, p, s = Training, Attendance, Person, SocialWorker
    training = (t.select(t.title, t.organizer, t.starts_on, t.ends_on, t.place, t.hours)
                .where(t.id == filters.training_id).tuples().first())
    if training is None:
        raise NotFoundError(f"找不到所选的培训（编号 {filters.training_id}），可能已被删除。")
    title, organizer, starts, ends, place, hours = training
    when = starts.isoformat() if starts == ends else f"{starts.isoformat()} 至 {ends.isoformat()}"
    query = (a.select(p.name, p.sex, p.id_number, s.employer_name, p.phone)
             .join(p, on=(a.person == p.id))
             .join_from(a, s, JOIN.LEFT_OUTER, on=(s.person == p.id))
             .where(a.training == filters.training_id)
             .order_by(a.id))
    rows = [(*row, None) for row in raw_rows(query)]  # None: the 签名 column stays empty
    facts = (f"培训：{title}", f"时间：{when}　地点：{place or '—'}　主办：{organizer or '—'}　学时：{float(hours):g}")
    return RosterData(SIGNIN_COLUMNS, rows, len(rows), unit="人", facts=facts,
                      row_height=SIGN_ROW_HEIGHT)


def build_stats(filters: RosterFilters, today: date) -> RosterData:
    t, a = Training, Attendance
    start, end = filters.period()
    passed = fn.SUM(Case(None, [(a.passed, 1)], 0))
    query = (t.select(t.title, t.organizer, t.starts_on, t.ends_on, t.category,
                      Case(None, [(t.counts_as_ce, "是")], "否"), t.hours, fn.COUNT(a.id), passed,
                      fn.COALESCE(fn.SUM(a.hours_credited), 0))
             .join_from(t, a, JOIN.LEFT_OUTER, on=(a.training == t.id))
             .group_by(t.id).order_by(t.starts_on, t.id))
    where = between(t.starts_on, start, end)
    if where:
        query = query.where(*where)
    rows = list(raw_rows(query))
    return RosterData(STATS_COLUMNS, rows, len(rows), unit="期")
