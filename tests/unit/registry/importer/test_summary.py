"""Plain words in the preview: one kind of reminder on many rows is one line saying how many
(each row listed in the error workbook's 提醒 sheet); a sheet that fills its format's last row
is flagged as likely cut short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.importer import id_number
from python_calamine import CalamineWorkbook

from registry.importer import listed_problems, preview_import, write_error_workbook
from registry.importer.kinds import VOLUNTEERS
from registry.importer.read import GRID_ROWS, read_table
from registry.queries.masking import MASKED

# 440305 (深圳市南山区) was created in 1990: people born before carry it, a reminder only
NEWER = [id_number("440305", "19780101", f"{i:03d}") for i in range(1, 38)]
PLAIN = id_number("110105", "19800101", "011")


def test_thirty_seven_reminders_of_one_kind_are_one_line(area: dict[str, int],
                                                        sheet: Callable[..., Path], tmp_path: Path) -> None:
    rows = [[f"志愿者{i}", number] for i, number in enumerate(NEWER)] + [["张三", "110105491231002"]]
    preview = preview_import("volunteers", sheet(["姓名", "身份证号"], rows))
    listed = listed_problems(preview)
    assert len(preview.problems) == 38
    summary = [p for p in listed if p.rows]
    assert len(summary) == 1 and summary[0].line().startswith(
        "37 行的证件号地区码晚于出生年份（提醒，不影响导入）：第 2、3、4、5、6、7、8、9、10、11等 行")
    assert [p.code for p in listed if not p.rows] == ["id.old_15"]  # one of a kind: as it was
    path = tmp_path / "清单.xlsx"
    assert write_error_workbook(preview, path, MASKED) == 0  # no row rejected, the reminders written
    reminders = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("提醒").to_python()
    assert reminders[0] == ["原文件行号", "列", "内容", "提醒"]
    assert [r[0] for r in reminders[1:]] == [str(n) for n in range(2, 40)]
    assert reminders[1][2] == "440305**********" + NEWER[0][-2:]  # masked as the rest of the workbook
    assert "110105491231002" not in str(reminders)  # nor quoted whole in a reminder


def test_a_few_reminders_stay_line_by_line(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    preview = preview_import("volunteers", sheet(["姓名", "身份证号"], [["甲", NEWER[0]], ["乙", NEWER[1]]]))
    assert [p.line()[:6] for p in listed_problems(preview)] == ["第 2 行 ", "第 3 行 "]


def test_an_xls_of_exactly_65536_rows_is_flagged(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    ws = book.add_sheet("志愿者")
    ws.write(0, 0, "姓名")
    ws.write(0, 1, "身份证号")
    for row in range(1, 65_536):
        ws.write(row, 0, "张三")
    book.save(str(tmp_path / "长.xls"))
    table = read_table(tmp_path / "长.xls", VOLUNTEERS)
    assert (table.format, table.last_row, table.likely_truncated) == ("xls", 65_536, True)
    shorter = read_table(_rows_csv(tmp_path / "短.csv", 65_536), VOLUNTEERS)  # a CSV may go on
    assert (shorter.last_row, shorter.likely_truncated) == (65_536, False)


def _rows_csv(path: Path, rows: int) -> Path:
    path.write_text("姓名,身份证号\n" + f"张三,{PLAIN}\n" * (rows - 1), encoding="utf-8")
    return path


def test_the_preview_says_so(area: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GRID_ROWS, "csv", 3)
    path = tmp_path / "名单.csv"
    path.write_text(f"姓名,身份证号\n张三,{PLAIN}\n李四,{NEWER[0]}\n", encoding="utf-8")
    line = next(p.line() for p in preview_import("volunteers", path).problems if p.code == "file.truncated")
    assert "正好用到第 3 行" in line and "很可能更长" in line


def test_an_old_15_digit_number_is_stored_as_18_digits(area: dict[str, int], sheet: Callable[..., Path]) -> None:
    from registry.importer import commit_import
    from registry.storage.models import Person

    preview = preview_import("volunteers", sheet(["姓名", "身份证号"], [["张三", "110105491231002"]]))
    line = listed_problems(preview)[0].line()
    assert "110105491231002" in line and "11010519491231002X" in line and "（提醒）" in line
    commit_import(preview, actor="clerk")
    assert [p.id_number for p in Person.select()] == ["11010519491231002X"]
