"""How rosters sit on paper: one A4 page wide at a readable scale, long text wrapped in
rows as high as its lines. (tests/integration/registry/rosters prints them with LibreOffice.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.rosters import TODAY, data_rows
from helpers.rosters import sheet as worksheet

from registry.rosters import ROSTERS, RosterFilters, export_roster
from registry.rosters.layout import LINE_PT, MIN_SCALE, fitting_scale, line_room, lines, page_layout
from registry.rosters.spec import Column
from registry.rosters.writer import WIDTHS
from registry.storage.models import Organization, Training

LONG_AUTHORITY = "北京市朝阳区卫生健康委员会"


@pytest.mark.parametrize("key", list(ROSTERS))
def test_every_roster_fits_one_page_wide_at_a_readable_scale(demo: Path, key: str) -> None:
    filters = RosterFilters(training_id=Training.select().first().id) if key == "training-signin" else RosterFilters()
    columns = (Column("序号", "int", 6.0), *ROSTERS[key].build(filters, TODAY).columns)
    page = page_layout(columns, [c.width or WIDTHS[c.kind] for c in columns])
    assert page.scale >= MIN_SCALE
    assert page.scale == fitting_scale(page.widths, page.landscape)
    for column, width in zip(columns, page.widths, strict=True):  # only wrapping text narrows
        assert width == (column.width or WIDTHS[column.kind]) or column.kind == "text"


def test_line_estimates() -> None:
    room = line_room(12)  # 86 px: five Chinese characters in Excel
    assert lines("社区治理", room) == 1
    assert lines(LONG_AUTHORITY, room) == 3  # 13 characters, five a line
    assert lines("第一行\n第二行", room) == 2
    assert lines("Community volunteering service", room) >= 3


def test_long_text_wraps_in_rows_high_enough(demo: Path, tmp_path: Path) -> None:
    org = Organization.select().order_by(Organization.org_type, Organization.name, Organization.id).first()
    Organization.update(registration_authority=LONG_AUTHORITY, business_scope="开展为老服务、助残服务、"
                        "青少年服务、社区治理、垃圾分类宣传和邻里互助等公益服务活动").where(
        Organization.id == org.id).execute()
    target = tmp_path / "o.xlsx"
    export_roster("organizations", target, actor="tester", today=TODAY)
    ws = worksheet(target)
    header = [c.value for c in ws[3]]
    authority, scope, code = (header.index(h) + 1 for h in ("登记管理机关", "业务范围", "统一社会信用代码"))
    cell = ws.cell(row=4, column=authority)
    assert cell.value == LONG_AUTHORITY and cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert not ws.cell(row=4, column=code).alignment.wrap_text  # an identifier keeps its width
    width = ws.column_dimensions[cell.column_letter].width - 5 / 7
    need = max(lines(LONG_AUTHORITY, line_room(width)),
               lines(ws.cell(row=4, column=scope).value, line_room(
                   ws.column_dimensions[ws.cell(row=4, column=scope).column_letter].width - 5 / 7)))
    assert need >= 3 and ws.row_dimensions[4].height >= need * LINE_PT
    assert ws.print_area == f"'{ws.title}'!$A$1:$O${3 + len(data_rows(target)) + 1}"
    assert ws.page_setup.orientation == "landscape"


def test_a_narrow_roster_prints_portrait(demo: Path, tmp_path: Path) -> None:
    for group_by in ("person", "community"):
        target = tmp_path / f"{group_by}.xlsx"
        export_roster("hours", target, actor="tester", today=TODAY, filters=RosterFilters(group_by=group_by))
        assert worksheet(target).page_setup.orientation == "portrait"
