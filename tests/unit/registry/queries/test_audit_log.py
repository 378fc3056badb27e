"""The audit log's list, as the audit section shows it: newest first, each filter keeps
exactly its entries, a date range takes whole days, one entry in full, who wrote in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from registry.queries.audit_log import AUDIT_LOG, AuditFilters, audit_entry
from registry.queries.lookups import audit_actors
from registry.queries.paging import PageRequest
from registry.rules.problems import NotFoundError
from registry.storage.models import AuditEntry

# (when, who, action, table, record, detail, after): written as the operations write them
ENTRIES = [
    (dt.datetime(2025, 3, 1, 0, 0), "甲", "create", "organization", 1, "", '{"name": "阳光社"}'),
    (dt.datetime(2025, 3, 1, 23, 59, 59), "乙", "update", "organization", 1, "",
     '{"address": "建外大街1号"}'),
    (dt.datetime(2025, 3, 2, 12, 0), "乙", "create", "person", 7, "", '{"name": "张三"}'),
    (dt.datetime(2025, 3, 4, 8, 30), "丙", "deactivate", "organization", 2, "自行解散", None),
    (dt.datetime(2025, 3, 5, 9, 0), "甲", "update", "person", 7, "", '{"phone": "13800138000"}'),
]


@pytest.fixture
def log(sqlite_db: Path) -> list[int]:
    """Entries by three people about two tables and three actions, on four days."""
    return [AuditEntry.create(at=at, actor=actor, action=action, table_name=table, record_id=record,
                              detail=detail, after=after, before='{"address": ""}' if after else None).id
            for at, actor, action, table, record, detail, after in ENTRIES]


EVERY = AuditFilters()


def listed(filters: AuditFilters = EVERY, descending: bool = True) -> list[int]:
    return [row.id for row in AUDIT_LOG.page(filters, PageRequest("id", descending)).rows]


def test_newest_first_and_every_entry_once(log: list[int]) -> None:
    assert listed() == sorted(log, reverse=True)
    assert listed(descending=False) == sorted(log)
    assert AUDIT_LOG.count(EVERY) == len(log)


@pytest.mark.parametrize(("key", "column"), [("actor", AuditEntry.actor),
                                             ("table", AuditEntry.table_name),
                                             ("action", AuditEntry.action)])
def test_each_choice_filter_keeps_exactly_its_entries(log: list[int], key: str, column: object) -> None:
    values = {value for (value,) in AuditEntry.select(column).tuples()}
    assert len(values) > 1
    for value in values:
        wanted = [e for (e,) in AuditEntry.select(AuditEntry.id).where(column == value)
                  .order_by(AuditEntry.id.desc()).tuples()]
        filters = AuditFilters(**{key: value})
        assert listed(filters) == wanted
        assert AUDIT_LOG.count(filters) == len(wanted)
    assert listed(AuditFilters(**{key: "无此值"})) == []


def test_a_date_range_takes_whole_days(log: list[int]) -> None:
    day = dt.date(2025, 3, 1)
    assert listed(AuditFilters(date_from=day, date_to=day)) == [log[1], log[0]]
    assert listed(AuditFilters(date_from=dt.date(2025, 3, 2))) == sorted(log[2:], reverse=True)
    assert listed(AuditFilters(date_to=dt.date(2025, 3, 3))) == [log[2], log[1], log[0]]
    assert listed(AuditFilters(date_from=dt.date(2025, 3, 3), date_to=dt.date(2025, 3, 3))) == []
    assert AUDIT_LOG.count(AuditFilters(actor="乙", date_to=day)) == 1


def test_rows_say_in_words_what_was_done(log: list[int]) -> None:
    rows = {row.id: row for row in AUDIT_LOG.page(EVERY, PageRequest()).rows}
    update = rows[log[1]]
    assert (update.at, update.actor, update.action, update.table, update.record_id) == ENTRIES[1][:5]
    assert update.detail == "乙 修改了社会组织 （编号 1）：住址"  # no longer in the register: its number
    assert rows[log[3]].detail == "丙 注销了社会组织 （编号 2）（自行解散）"
    assert rows[log[4]].detail == "甲 修改了 （编号 7） 的个人信息：联系电话"


def test_rows_never_show_a_number_inside_the_values(sqlite_db: Path) -> None:
    after = '{"birth_date": "1949-12-31", "id_number": "11010519491231002X", "phone": "13800138000"}'
    AuditEntry.create(at=dt.datetime(2025, 3, 1, 9), actor="甲", action="create", table_name="person",
                      record_id=1, after=after)
    [row] = AUDIT_LOG.page(EVERY, PageRequest()).rows
    assert row.detail == "甲 新建了人员 （编号 1）"
    assert row.stored is None  # the entry as stored (numbers whole) does not leave the query
    assert all(n not in repr(row) for n in ("1949-12-31", "11010519491231002X", "13800138000"))


def test_one_entry_in_full(log: list[int]) -> None:
    entry = audit_entry(log[1])
    stored = AuditEntry.get_by_id(log[1])
    assert (entry.id, entry.actor, entry.table, entry.record_id) == (log[1], "乙", "organization", 1)
    assert (entry.before, entry.after) == (stored.before, stored.after)
    assert (audit_entry(log[3]).before, audit_entry(log[3]).after) == ("", "")
    with pytest.raises(NotFoundError):
        audit_entry(max(log) + 100)


def test_who_wrote_in_the_log(log: list[int]) -> None:
    assert audit_actors() == sorted({"甲", "乙", "丙"})
