"""The finished document (layout, print setup, sheets) and the file it lands in."""

from __future__ import annotations

import re
import threading
from datetime import datetime
from pathlib import Path

import pytest
from helpers.rosters import TODAY, data_rows, make_id, sheet, values

from registry import cli, ops
from registry.rosters import ExportCancelled, export_roster
from registry.rosters import writer as writer_module
from registry.rosters.writer import TALL
from registry.rules.problems import RegistryError
from registry.storage.lifecycle import close_database
from registry.storage.models import AuditEntry, Volunteer


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_a_finished_printable_document(demo: Path, folder: Path) -> None:
    target = folder / "v.xlsx"
    result = export_roster("volunteers", target, actor="clerk", today=TODAY)
    ws = sheet(target)
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)
    # one page wide (1 is the file format's default, so it may be left out), as many tall as it takes
    assert (int(setup.fitToWidth or 1), int(setup.fitToHeight)) == (1, TALL)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$3"
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert ws.oddFooter.left.text == "制表日期：2025年6月1日"
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == f"A3:P{3 + result.rows}"
    assert "A1:P1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.column_dimensions["E"].width >= 19  # an 18-character ID number fits (7 px a digit)
    assert ws.column_dimensions["A"].width < ws.column_dimensions["L"].width
    birth = ws["F4"]  # masked: the year only, as text (rules/disclosure.py)
    assert isinstance(birth.value, str) and re.fullmatch(r"(19|20)\d\d年", birth.value)
    registered = ws["K4"]
    assert registered.is_date and registered.number_format == "yyyy-mm-dd" and isinstance(registered.value, datetime)
    hours = [ws.cell(row=r, column=13).value for r in range(4, 4 + result.rows)]
    assert all(isinstance(h, int | float) for h in hours)
    total = ws.cell(row=4 + result.rows, column=13)
    assert total.value == pytest.approx(sum(hours)) and total.font.b


def test_rows_past_the_sheet_limit_continue_on_new_sheets(area: dict[str, int], folder: Path) -> None:
    for i in range(1, 26):
        ops.register_volunteer("clerk", {"id_number": make_id(i), "name": f"志愿者{i:02d}",
                                         "community": area["community"]})
    Volunteer.update(total_hours=2).execute()
    target = folder / "many.xlsx"
    result = export_roster("volunteers", target, actor="clerk", max_rows_per_sheet=10)
    assert (result.rows, result.sheets) == (25, 3)
    names = [sheet(target, i).title for i in range(3)]
    assert names == ["朝阳区志愿者花名册", "朝阳区志愿者花名册（2）", "朝阳区志愿者花名册（3）"]
    seen = []
    for i in range(3):
        rows = values(target, i)
        assert rows[0][0] == "朝阳区志愿者花名册" and rows[2][:3] == ("序号", "姓名", "性别")
        assert sheet(target, i).print_title_rows == "$1:$3"
        data = data_rows(target, i)
        seen += [r[0] for r in data]
        subtotal = rows[3 + len(data)]
        assert subtotal[:2] == ("本表小计", f"共 {len(data)} 人") and subtotal[12] == 2 * len(data)
    assert seen == list(range(1, 26))
    assert "续表 2" in values(target, 1)[1][0]
    assert "注：接下一工作表“朝阳区志愿者花名册（2）”。" in [r[0] for r in values(target, 0)]
    last = values(target, 2)
    assert last[3 + 5 + 1][:2] == ("合计", "共 25 人") and last[3 + 5 + 1][12] == 50


def test_cancel_leaves_no_file_and_an_existing_file_untouched(demo: Path, folder: Path) -> None:
    target = folder / "v.xlsx"
    target.write_bytes(b"the clerk's earlier roster")
    calls: list[tuple[int, int | None]] = []
    with pytest.raises(ExportCancelled, match="导出已取消"):
        export_roster("volunteers", target, actor="clerk", progress=lambda d, t: calls.append((d, t)),
                      cancelled=lambda: bool(calls))  # stop after the first progress report
    assert calls and calls[0][1] == 300
    assert target.read_bytes() == b"the clerk's earlier roster"
    assert sorted(p.name for p in folder.iterdir()) == ["v.xlsx"]
    assert AuditEntry.select().where(AuditEntry.action.startswith("export")).count() == 0

    stop = threading.Event()
    stop.set()
    fresh = folder / "fresh.xlsx"
    with pytest.raises(ExportCancelled):
        export_roster("social-workers", fresh, actor="clerk", cancelled=stop)
    assert sorted(p.name for p in folder.iterdir()) == ["v.xlsx"]


def test_a_failure_midway_leaves_no_file(demo: Path, folder: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, rows: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writer_module.RosterWriter, "_write_rows", broken)
    target = folder / "v.xlsx"
    with pytest.raises(OSError, match="disk full"):
        export_roster("volunteers", target, actor="clerk")
    assert list(folder.iterdir()) == []


def test_progress_is_reported_to_the_end(demo: Path, folder: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    result = export_roster("volunteers", folder / "v.xlsx", actor="clerk",
                           progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (result.rows, result.rows) and calls[0][1] == result.rows


def test_bad_targets_are_refused(demo: Path, folder: Path) -> None:
    with pytest.raises(RegistryError, match=r"扩展名应为 \.xlsx"):
        export_roster("volunteers", folder / "v.xls", actor="clerk")
    with pytest.raises(RegistryError, match="不存在"):
        export_roster("volunteers", folder / "missing" / "v.xlsx", actor="clerk")
    with pytest.raises(RegistryError, match="是谁"):
        export_roster("volunteers", folder / "v.xlsx", actor="")
    assert list(folder.iterdir()) == []


def test_command_line_export(area: dict[str, int], db: Path, folder: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(1, 4):
        ops.register_volunteer("clerk", {"id_number": make_id(i), "name": f"人{i}",
                                         "community": area["community" if i < 3 else "community2"]})
    close_database()
    target = folder / "v.xlsx"
    code = cli.main(["--db", str(db), "export", "volunteers", "-o", str(target),
                     "--community", "永安里社区", "--status", "在册"])
    assert code == 0
    assert capsys.readouterr().out.strip() == f"已导出 2 行到 {target}"
    assert "筛选：社区=永安里社区；状态=在册" in values(target)[1][0]
    code = cli.main(["--db", str(db), "export", "volunteers", "-o", str(target),
                     "--community", "没有这个社区"])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() == "错误：登记库中没有名称或代码为“没有这个社区”的社区。"
