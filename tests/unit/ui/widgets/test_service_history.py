"""The volunteer detail panel lists the service-record history, newest first, with
corrections marked and a note when there are more lines than shown."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from peewee import fn

from registry.storage.models import ServiceRecord, Volunteer

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def shown_detail(r: Any, qtbot: Any, volunteer_id: int, wanted: str) -> str:
    section = r.section("volunteers")
    section.show_record(volunteer_id)
    qtbot.waitUntil(lambda: wanted in section.detail.toPlainText(), timeout=10_000)
    return str(section.detail.toPlainText())


def history_lines(text: str) -> list[str]:
    """The history table's lines, each from its date to the next (cells are on lines of
    their own in the plain text)."""
    history = " ".join(text[text.index("服务记录（最新在前）"):].split())
    starts = [m.start() for m in DATE.finditer(history)]
    return [history[a:b] for a, b in zip(starts, [*starts[1:], len(history)], strict=True)]


def test_history_marks_corrections_and_replaced_lines(running: Any, qtbot: Any) -> None:
    def corrected() -> tuple[int, int, int]:
        c = ServiceRecord.select().where(ServiceRecord.corrects.is_null(False)
                                         & (ServiceRecord.status == "approved")).first()
        return c.volunteer_id, c.id, c.corrects_id
    volunteer, correction, original = running.query(corrected)
    text = shown_detail(running, qtbot, volunteer, "服务记录（最新在前）")
    assert f"已被第 {correction} 条更正" in text
    assert f"更正第 {original} 条" in text
    assert "已审核" in text


def test_a_new_pending_line_comes_first(running: Any, qtbot: Any) -> None:
    from registry import ops

    today = dt.date.today()
    volunteer = running.query(lambda: ServiceRecord.select(ServiceRecord.volunteer).join(Volunteer)
                              .where(Volunteer.status == "在册").group_by(ServiceRecord.volunteer)
                              .having(fn.MAX(ServiceRecord.service_date) < today).scalar())
    running.query(lambda: ops.record_hours("测试员", volunteer, {
        "service_date": today, "hours": "2.5", "service_category": "助老服务", "content": "陪伴聊天"}))
    text = shown_detail(running, qtbot, volunteer, "待审核")
    lines = history_lines(text)
    assert lines[0].startswith(today.isoformat())
    assert "2.5" in lines[0] and "待审核" in lines[0] and "助老服务 / 陪伴聊天" in lines[0]


def test_long_histories_show_fifty_lines_and_a_note(running: Any, qtbot: Any) -> None:
    from ui.widgets.service_history import SHOWN

    def busiest() -> tuple[int, int]:
        row = (ServiceRecord.select(ServiceRecord.volunteer, fn.COUNT(ServiceRecord.id))
               .group_by(ServiceRecord.volunteer).order_by(fn.COUNT(ServiceRecord.id).desc())
               .tuples().first())
        return int(row[0]), int(row[1])
    volunteer, total = running.query(busiest)
    assert total > SHOWN
    text = shown_detail(running, qtbot, volunteer, "仅显示最近")
    assert f"仅显示最近 {SHOWN} 条（共 {total} 条）" in text
    dates = [line[:10] for line in history_lines(text)]
    assert len(dates) == SHOWN and dates == sorted(dates, reverse=True)


def test_each_date_hours_and_status_stay_on_one_line_in_the_pane_of_a_1024_screen(qtbot: Any) -> None:
    """At 1024×768 the detail pane is about 260 px wide (test_window.DETAIL_READABLE is the
    least it may be): five columns side by side there wrapped a date a few digits a line."""
    from decimal import Decimal

    from PySide6.QtGui import QTextDocument

    from registry.queries.history import HistoryLine, ServiceHistory
    from ui.widgets.service_history import history_html

    lines = (HistoryLine(12, dt.date(2025, 9, 13), Decimal("1.5"), "青少年服务 / 暑期夏令营", True, None, 15),
             HistoryLine(15, dt.date(2025, 9, 14), Decimal("12.5"), "社区治理 / 楼门院环境整治", False, 12, None))
    document = QTextDocument()
    document.setHtml(history_html(ServiceHistory(lines, total=2)))
    document.setTextWidth(240)
    document.size()  # laid out at that width
    kept: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        if block.text() in ("2025-09-13", "2025-09-14", "1.5", "12.5", "已审核", "待审核"):
            kept[block.text()] = block.layout().lineCount()
        block = block.next()
    assert kept == dict.fromkeys(("2025-09-13", "2025-09-14", "1.5", "12.5", "已审核", "待审核"), 1)
