"""Every roster on offer, date ranges for the rosters that take them, and the audit log's
own 导出 button (same background path, a file dialog that remembers the folder)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QDate

from registry.rosters import ROSTERS
from registry.storage.models import AuditEntry, Volunteer


def title_area(path: Path) -> str:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return " ".join(str(c) for row in sheet.iter_rows(max_row=4, values_only=True) for c in row if c)


def export_and_wait(section: Any, qtbot: Any, target: Path) -> Any:
    section.last_result = None
    section.path.setText(str(target))
    section.export_button.click()
    qtbot.waitUntil(lambda: section.last_result is not None or "取消" in section.result.text()
                    or bool(section.result.text()), timeout=20_000)
    assert section.last_result is not None, section.result.text()
    return section.last_result


def test_every_roster_is_offered_with_the_filters_it_takes(running: Any) -> None:
    section = running.section("export")
    offered = [section.roster.itemData(i) for i in range(section.roster.count())]
    assert offered == list(ROSTERS)
    assert {"certificates", "deadlines", "audit"} <= set(offered)
    for key, spec in ROSTERS.items():
        section.select_roster(key)
        for name, widget in section.rows.items():
            assert widget.isEnabled() == (name in spec.filters), (key, name)
    section.select_roster("deadlines")
    assert section.date_from.isEnabled() and section.date_to.isEnabled()
    assert "到期日" in section.date_label.text()
    section.select_roster("indicators")
    assert not section.date_from.isEnabled() and not section.date_to.isEnabled()
    section.select_roster("certificates")
    assert section.date_from.isEnabled() and "出具日期" in section.date_label.text()
    assert section.date_from.text() == "不限" and section.date_from.value() is None


def test_a_date_range_narrows_the_roster_and_is_named_in_its_title(
        running: Any, qtbot: Any, tmp_path: Path) -> None:
    section = running.section("export")
    section.select_roster("volunteers")
    section.date_from.setDate(QDate(2021, 1, 1))
    section.date_to.setDate(QDate(2022, 12, 31))
    assert section.filters().date_from == dt.date(2021, 1, 1)
    result = export_and_wait(section, qtbot, tmp_path / "志愿者.xlsx")
    assert "注册日期=2021-01-01至2022-12-31" in title_area(result.path)
    expected = running.query(lambda: Volunteer.select().where(
        Volunteer.registered_on.between(dt.date(2021, 1, 1), dt.date(2022, 12, 31))).count())
    assert result.rows == expected > 0

    section.any_dates.click()
    assert section.filters().date_from is None and section.filters().date_to is None


def test_new_rosters_export_and_untaken_dates_are_left_out(running: Any, qtbot: Any, tmp_path: Path) -> None:
    section = running.section("export")
    section.select_roster("certificates")
    section.date_from.setDate(QDate(2020, 1, 1))
    result = export_and_wait(section, qtbot, tmp_path / "证明.xlsx")
    assert "出具日期=2020-01-01至" in title_area(result.path)

    section.select_roster("indicators")  # takes no dates: the set date_from stays out
    assert section.filters().date_from is None

    section.select_roster("deadlines")  # "due between": overdue items from the date given
    section.date_to.setDate(QDate.currentDate().addDays(365))
    result = export_and_wait(section, qtbot, tmp_path / "到期.xlsx")
    assert "到期日=2020-01-01至" in title_area(result.path)

    section.select_roster("audit")
    section.clear_dates()
    result = export_and_wait(section, qtbot, tmp_path / "日志.xlsx")
    assert result.rows > 0 and "操作日志" in title_area(result.path)


def test_audit_log_exports_its_date_range_and_remembers_the_folder(
        running: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import ui.dialogs.roster_export
    from ui.runtime.progress import BackgroundTask

    asked: list[str] = []
    target = tmp_path / "out" / "操作日志.xlsx"
    target.parent.mkdir()

    def save_as(_parent: Any, _title: str, suggestion: str, _filter: str) -> tuple[str, str]:
        asked.append(suggestion)
        return str(target.with_suffix("")), ""  # the clerk typed no extension
    monkeypatch.setattr(ui.dialogs.roster_export.QFileDialog, "getSaveFileName", save_as)

    section = running.section("audit")
    section.set_filter("days", 7)
    running.idle()
    assert section.export_button.isEnabled()
    section.export_button.click()
    assert isinstance(section.task, BackgroundTask)
    qtbot.waitUntil(lambda: section.last_result is not None, timeout=20_000)
    assert target.exists() and str(target) in section.export_result.text()
    since = (dt.date.today() - dt.timedelta(days=6)).isoformat()
    assert f"操作时间={since}至" in title_area(target)
    running.idle()
    exports = running.query(lambda: AuditEntry.select().where(AuditEntry.action == "export").count())
    assert exports == 1

    section.export_button.click()  # the second time the dialog opens in the folder used
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert Path(asked[1]).parent == target.parent
    running.idle()
