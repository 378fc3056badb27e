"""The operation log in plain words: made by the operations a clerk runs, each entry reads as
who did what to whom, with no program code (export_unmasked, filters: {}, unmasked: True),
no number whole, and entries stored by older versions read as well."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from registry import ops
from registry.ops.certificates import issue_certificate
from registry.ops.changes import Table
from registry.queries.audit_log import AUDIT_LOG, AuditFilters, audit_entry
from registry.queries.audit_text import ACTION_NAMES, NOUNS, VERBS, Entry, sentence
from registry.queries.paging import PageRequest
from registry.rosters.export import export_roster
from registry.rules.permissions import Action
from registry.storage.models import AuditEntry

ID_1, ID_2 = "11010519491231002X", "110105199003077593"
PHONE = "13800138000"
DAY = dt.date(2025, 5, 1)
# A run of lowercase Latin letters or a JSON brace: what a program code looks like.
CODE = re.compile(r"[a-z_]{3,}|[{}]|True|False|None")


def logged(**filters: object) -> list[str]:
    """The log's sentences, oldest first, as the list shows them."""
    rows = AUDIT_LOG.page(AuditFilters(**filters), PageRequest(size=500)).rows  # type: ignore[arg-type]
    return [r.detail for r in rows]


@pytest.fixture
def day_of_work(area: dict[str, int], tmp_path: Path) -> dict[str, int]:
    """李明 registers two volunteers, changes one's phone and address and records hours;
    王芳 approves them all, exports the roster with full numbers and issues a certificate."""
    zhang = ops.register_volunteer("李明", {"id_number": ID_1, "name": "张三", "community": area["community"]}).id
    li = ops.register_volunteer("李明", {"id_number": ID_2, "name": "李四", "community": area["community"]}).id
    ops.update_volunteer("李明", zhang, {"phone": PHONE, "address": "建外大街1号"})
    lines = [ops.record_hours("李明", zhang, {"service_date": DAY + dt.timedelta(days=d), "hours": 2}).id
             for d in range(3)]
    lines.append(ops.record_hours("李明", li, {"service_date": DAY, "hours": "2.5"}).id)
    ops.approve_records("王芳", lines)
    export_roster("volunteers", tmp_path / "v.xlsx", actor="王芳", unmasked=True)
    issue_certificate("王芳", zhang, {"period_from": DAY, "period_to": DAY + dt.timedelta(days=9),
                                    "issuing_organization": "建外街道办事处"}, today=DAY + dt.timedelta(days=10))
    return {"zhang": zhang, "li": li}


def test_a_day_of_work_reads_as_who_did_what_to_whom(day_of_work: dict[str, int]) -> None:
    said = logged()
    assert "李明 新建了志愿者 张三" in said
    assert "李明 修改了 张三 的个人信息：住址、联系电话" in said
    assert "李明 登记了 李四 的服务时长 2.5 小时（2025-05-01）" in said
    assert "王芳 审核了 4 条服务时长（2 人，共 8.5 小时）" in said
    assert "王芳 审核了 张三 的服务时长 2 小时（2025-05-02）" in said
    assert "王芳 导出了志愿者花名册（完整号码，2 行）" in said
    assert any(s.startswith("王芳 为 张三 出具了志愿服务证明 ") and s.endswith("（6 小时）") for s in said)
    for text in said:
        assert not CODE.search(text.replace(".xlsx", "").replace("tester", "")), text  # the fixture's actor
        for number in (ID_1, ID_2, PHONE):  # the sentence never shows a number whole
            assert number not in text and number[-8:] not in text


def test_the_entry_in_full_says_the_same_and_names_its_fields(day_of_work: dict[str, int]) -> None:
    export = AuditEntry.get(AuditEntry.action == Action.EXPORT_UNMASKED)
    entry = audit_entry(export.id)
    assert entry.sentence == "王芳 导出了志愿者花名册（完整号码，2 行）"


def test_a_record_gone_since_is_still_named_by_what_the_entry_kept(day_of_work: dict[str, int]) -> None:
    line = ops.record_hours("李明", day_of_work["li"], {"service_date": DAY, "hours": 1}).id
    ops.delete_pending_record("王芳", line, "重复登记")
    assert "王芳 删除了 李四 的服务时长 1 小时（重复登记）" in logged(action="delete")


def test_entries_older_versions_stored_read_in_words(sqlite_db: Path) -> None:
    """A demonstration's JSON detail and an export's filters, as earlier versions stored them."""
    old = [("admin", "demo", "registry", None, None, '{"seed": 1, "rows": {"volunteer": 3000, '
            '"organization": 40, "person": 3500}}'),
           ("王芳", "export_unmasked", "volunteers", None,
            '{"filters": {}, "file": "v.xlsx", "roster": "志愿者花名册", "rows": 3000, "sheets": 1, '
            '"unmasked": true}', "导出“志愿者花名册”（未脱敏），3000 行"),
           ("王芳", "export", "social_workers", None,
            '{"filters": {"community_id": 2}, "roster": "持证社工花名册", "rows": 12, "unmasked": false}', "")]
    for actor, action, table, record, after, detail in old:
        AuditEntry.create(at=dt.datetime(2025, 1, 2, 9), actor=actor, action=action, table_name=table,
                          record_id=record, after=after, detail=detail)
    assert logged() == ["admin 生成了演示数据（3,000 名志愿者、40 个社会组织）",
                        "王芳 导出了志愿者花名册（完整号码，3000 行）",
                        "王芳 导出了持证社工花名册（12 行）"]


@pytest.mark.parametrize("action", list(Action))
def test_every_action_has_its_words_and_a_sentence_without_codes(sqlite_db: Path, action: Action) -> None:
    assert action in VERBS and action in ACTION_NAMES
    said = sentence(Entry("王芳", action, "volunteer", 99, None, None, ""))
    assert said.startswith("王芳") or "王芳" in said
    assert not CODE.search(said), said


def test_every_table_has_its_noun() -> None:
    assert set(Table) <= set(NOUNS)
