"""Issue 13 item 3: 审核所选 approved at once, with no question and no word afterwards. Now it
says what it will approve (lines, people, hours) and what it leaves out and why (a clerk's own
lines under the four-eyes rule), with 取消 the default; 取消 approves nothing; afterwards it
says what was done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from helpers.message_boxes import answering, button_named
from PySide6.QtCore import QItemSelectionModel

from registry import ops
from registry.storage.models import ServiceRecord, Volunteer

DAY = dt.date.today() - dt.timedelta(days=3)


def _lines(r: Any) -> tuple[list[int], int]:
    """Two lines recorded by the administrator (for two people, 2.5 + 3 hours) and one by
    the clerk who will approve."""
    def make() -> tuple[list[int], int]:
        a, b = [v.id for v in Volunteer.select().where(Volunteer.status == "在册").order_by(Volunteer.id).limit(2)]
        theirs = [ops.record_hours("管理员", v, {"service_date": DAY, "hours": h, "content": "审核测试"}).id
                  for v, h in ((a, "2.5"), (b, "3"))]
        own = ops.record_hours("办事员", a, {"service_date": DAY - dt.timedelta(days=1), "hours": "1",
                                              "content": "审核测试"}).id
        return theirs, own
    return r.query(make)  # type: ignore[no-any-return]


def _select(r: Any, section: Any, keys: list[int]) -> None:
    section.set_filter("approval", "pending")
    r.qtbot.waitUntil(lambda: section.is_ready() and section.model.rowCount() > 0, timeout=10_000)
    r.idle()
    rows = [row for row in range(section.model.rowCount()) if section.model.key_at(row) in keys]
    assert len(rows) == len(keys)
    selection = section.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(section.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(section.selected_keys()) == sorted(keys)


def _status(r: Any, keys: list[int]) -> list[str]:
    return r.query(lambda: [ServiceRecord.get_by_id(k).status for k in keys])  # type: ignore[no-any-return]


def test_approval_asks_with_what_it_will_do_and_says_what_it_did(running_as: Any) -> None:
    r = running_as("办事员")
    theirs, own = _lines(r)
    section = r.section("hours")
    _select(r, section, [*theirs, own])
    # 取消, the default: asked, nothing approved
    with answering(lambda _box: None) as boxes:
        section.approve()
        r.qtbot.waitUntil(lambda: len(boxes.seen) == 1, timeout=10_000)
    r.idle()
    asked = boxes.seen[0]
    assert asked.object_name == "approval_question" and asked.default == "取消"
    assert "2 条" in asked.text and "2 人" in asked.text and "5.5 小时" in asked.text, asked.text
    assert "1 条是您本人登记的" in asked.text, asked.text
    assert _status(r, [*theirs, own]) == ["pending"] * 3
    # 审核: the administrator's two lines approved, the clerk's own left, and said so
    _select(r, section, [*theirs, own])
    with answering(button_named("approve")) as boxes:
        section.approve()
        r.qtbot.waitUntil(lambda: len(boxes.seen) == 2, timeout=10_000)
    r.idle()
    told = boxes.seen[1]
    assert told.object_name == "approval_report"
    assert "已审核 2 条" in told.text and "5.5 小时" in told.text and "本人登记" in told.text, told.text
    assert _status(r, [*theirs, own]) == ["approved", "approved", "pending"]


def test_nothing_to_approve_is_said_not_asked(running_as: Any) -> None:
    r = running_as("办事员")
    _theirs, own = _lines(r)
    section = r.section("hours")
    _select(r, section, [own])
    with answering(lambda _box: None) as boxes:
        section.approve()
        r.qtbot.waitUntil(lambda: len(boxes.seen) == 1, timeout=10_000)
    assert boxes.seen[0].object_name == "approval_report" and "没有" in boxes.seen[0].text
    assert _status(r, [own]) == ["pending"]
    section.view.selectionModel().clearSelection()
    with answering(lambda _box: None) as boxes:
        section.approve()
        r.qtbot.waitUntil(lambda: len(boxes.seen) == 1, timeout=10_000)
    assert "选择" in boxes.seen[0].text
