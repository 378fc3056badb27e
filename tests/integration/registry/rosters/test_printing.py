"""Every roster printed by a real client: LibreOffice headless turns each workbook into a
PDF (one soffice run for all), and the PDF is read back word by word with pdftotext.

- every cell's whole text is on paper, in its own column (nothing cut by a narrow column
  or a row too low, nothing spilled into the next column);
- the print is not shrunk below a readable size: the workbook asks for one page wide with
  no fixed scale, and the characters in the PDF are at least MIN_PT;
- the pages are as many as the rows' heights make them.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers.demo import DEMO, DemoRegisters
from helpers.office import Pdf, Word, calibri_is_metric_compatible, convert, need_office, read_pdf
from helpers.rosters import TODAY

from registry.rosters.writer import TALL

need_office()

MIN_PT = 8.5  # the smallest character size on paper a clerk reads without strain
HEAD = 3  # title, facts and header rows, repeated on every page
LONG = {
    "authority": "北京市朝阳区卫生健康委员会",
    "scope": "开展为老服务、助残服务、青少年服务、社区治理、垃圾分类宣传和邻里互助等公益服务活动",
    "skills": "摄影摄像、书法绘画、家电维修、法律咨询、心理疏导；为老服务、助残服务、社区治理、应急救援",
    "content": "参加社区为老服务、助残服务和垃圾分类宣传等志愿服务活动，协助社区开展防汛值守和疫苗接种引导",
    "latin": "Community volunteering service with the Red Cross first-aid team (Saturday mornings)",
}
SHEETS = {  # file name: (roster, filters)
    "volunteers": ("volunteers", {}), "social-workers": ("social-workers", {}),
    "organizations": ("organizations", {}), "hours-person": ("hours", {"group_by": "person"}),
    "hours-community": ("hours", {"group_by": "community"}),
    "hours-organization": ("hours", {"group_by": "organization"}),
    "training-signin": ("training-signin", {}), "training-stats": ("training-stats", {}),
    "community-orgs": ("community-orgs", {}), "ce-hours": ("ce-hours", {}),
    "indicators": ("indicators", {}), "certificates": ("certificates", {}),
    "deadlines": ("deadlines", {}), "audit": ("audit", {}),
}


@dataclass(frozen=True)
class Printed:
    xlsx: Path
    pdf: Pdf


def _long_texts() -> None:
    """Texts longer than their columns, where clerks meet them."""
    from registry.ops.certificates import issue_certificate
    from registry.storage.models import Organization, Person, ServiceRecord, Volunteer

    o = Organization
    first = [r.id for r in o.select(o.id).order_by(o.org_type, o.name, o.id).limit(3)]
    o.update(registration_authority=LONG["authority"], supervising_unit=LONG["authority"],
             business_scope=LONG["scope"]).where(o.id.in_(first)).execute()
    o.update(service_fields=LONG["scope"], notes=LONG["latin"]).where(
        o.org_type == "社区社会组织").execute()
    volunteers = [v.id for v in Volunteer.select(Volunteer.id).order_by(Volunteer.id).limit(40)]
    Volunteer.update(skills=LONG["skills"]).where(Volunteer.id.in_(volunteers[:20])).execute()
    Person.update(notes=LONG["latin"]).where(Person.id.in_(
        Volunteer.select(Volunteer.person).where(Volunteer.id.in_(volunteers[20:])))).execute()
    served = (ServiceRecord.select(ServiceRecord.volunteer).where(ServiceRecord.status == "approved")
              .group_by(ServiceRecord.volunteer).limit(12))
    for i, row in enumerate(served):
        issue_certificate("tester", row.volunteer_id, {
            "period_from": date(2020, 1, 1), "period_to": TODAY,
            "content": LONG["content"] * (1 + i % 3)}, today=TODAY)


@pytest.fixture(scope="module")
def printed(demo_registers: DemoRegisters, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    from registry.rosters import RosterFilters, export_roster
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Attendance, Training

    folder = tmp_path_factory.mktemp("printing")
    open_database(demo_registers.copy(DEMO, folder / "registry.sqlite3"))
    try:
        _long_texts()
        training = (Training.select(Training.id).join(Attendance).group_by(Training.id)
                    .order_by(Training.id).first().id)
        books = []
        for name, (roster, filters) in SHEETS.items():
            if roster == "training-signin":
                filters = {"training_id": training}
            target = folder / f"{name}.xlsx"
            export_roster(roster, target, actor="tester", today=TODAY, filters=RosterFilters(**filters))
            books.append(target)
    finally:
        close_database()
    pdfs = convert(books, "pdf", folder / "pdf", folder / "profile")
    return {b.stem: Printed(b, read_pdf(p)) for b, p in zip(books, pdfs, strict=True)}


# --- reading the workbook as it should print ---------------------------------------------


def shown(value: Any, number_format: str) -> str:
    """A cell's value as the sheet shows it."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if "hh" in number_format else "%Y-%m-%d")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if number_format == "0.00%":
        return f"{value * 100:.2f}%"
    if number_format == "0.00":
        return f"{value:.2f}"
    return str(int(value)) if float(value).is_integer() else str(value)


def cells(ws: Any) -> Iterator[tuple[int, int, str]]:
    """(row, column, text shown) for every data cell, rows numbered from 1."""
    for row in ws.iter_rows(min_row=HEAD + 1):
        if not isinstance(row[0].value, int):
            break  # the total row
        for cell in row:
            if cell.value is not None and cell.value != "":
                yield cell.row, cell.column, shown(cell.value, cell.number_format)


def widths(ws: Any) -> list[float]:
    """Each column's width; columns alike are stored as one <col min max> entry."""
    out = [0.0] * ws.max_column
    for dim in ws.column_dimensions.values():
        for c in range(dim.min, min(dim.max, ws.max_column) + 1):
            out[c - 1] = dim.width
    assert all(out), "a column without a width"
    return out


# --- reading the PDF -------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    return _SPACE.sub("", text)


def chinese_size(word: Word) -> float | None:
    """The font size a word of Chinese characters only is printed in (they are square)."""
    if len(word.text) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word.text):
        return (word.x1 - word.x0) / len(word.text)
    return None


def column_edges(ws: Any, pdf: Pdf) -> list[float]:
    """Where each column starts and ends on paper: the workbook's widths, placed and scaled
    so that the header texts printed on one line sit at their columns' centres."""
    w = widths(ws)
    starts = [sum(w[:i]) for i in range(len(w) + 1)]
    points = []
    for i, cell in enumerate(next(ws.iter_rows(min_row=HEAD, max_row=HEAD))):
        found = [word for word in pdf.words if word.page == 1 and word.text == cell.value]
        if len(found) == 1:
            points.append((starts[i] + w[i] / 2, found[0].x))
    assert len(points) >= 2, "too few headers printed on one line to place the columns"
    mean_u = statistics.fmean(u for u, _ in points)
    mean_x = statistics.fmean(x for _, x in points)
    scale = (sum((u - mean_u) * (x - mean_x) for u, x in points)
             / sum((u - mean_u) ** 2 for u, _ in points))
    return [mean_x + (s - mean_u) * scale for s in starts]


def column_texts(ws: Any, pdf: Pdf) -> list[str]:
    """What each column prints below the header, page after page, line after line."""
    edges = column_edges(ws, pdf)
    header_bottom = max(w.y1 for w in pdf.words if w.page == 1 and w.text == ws.cell(HEAD, 1).value)
    body_bottom = 72 * ws.page_margins.bottom  # the footer prints in the bottom margin
    by_column: list[list[Word]] = [[] for _ in range(len(edges) - 1)]
    for word in pdf.words:
        height = pdf.pages[word.page - 1][1]
        if word.y0 <= header_bottom or word.y0 > height - body_bottom:  # the repeated rows, the footer
            continue
        col = bisect.bisect(edges, word.x) - 1
        if 0 <= col < len(by_column):
            by_column[col].append(word)
    texts = []
    for words in by_column:
        words.sort(key=lambda w: (w.page, w.y))
        lines: list[list[Word]] = []
        for word in words:  # Latin and Chinese words of one line differ a little in height
            if lines and lines[-1][0].page == word.page and word.y - lines[-1][0].y < 4:
                lines[-1].append(word)
            else:
                lines.append([word])
        texts.append("".join(w.text for line in lines for w in sorted(line, key=lambda w: w.x0)))
    return texts


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SHEETS))
def test_every_cell_prints_whole_in_its_column(printed: dict[str, Printed], name: str) -> None:
    ws = openpyxl.load_workbook(printed[name].xlsx).worksheets[0]
    columns = column_texts(ws, printed[name].pdf)
    found = [0] * len(columns)
    checked = 0
    for row, col, text in cells(ws):
        stream, at = columns[col - 1], found[col - 1]
        where = stream.find(flat(text), at)
        assert where >= 0, (f"{name}: row {row}, column {ws.cell(HEAD, col).value}: "
                            f"“{text}” not printed whole; the column prints …{stream[at:at + 60]}…")
        found[col - 1] = where + len(flat(text))
        checked += 1
    assert checked > 0 or name == "deadlines"


def test_the_long_texts_of_the_issue_print_whole(printed: dict[str, Printed]) -> None:
    text = "".join(w.text for w in printed["organizations"].pdf.words)
    assert LONG["authority"][-2:] in text  # …委员会, not …委员
    assert "…" not in text


@pytest.mark.parametrize("name", list(SHEETS))
def test_no_page_is_shrunk_below_a_readable_size(printed: dict[str, Printed], name: str) -> None:
    if not calibri_is_metric_compatible():
        pytest.skip("Calibri is not drawn with Carlito here (apt-get install fonts-crosextra-carlito)")
    ws = openpyxl.load_workbook(printed[name].xlsx).worksheets[0]
    setup = ws.page_setup
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth or 1), int(setup.fitToHeight)) == (1, TALL)  # one page wide, any tall
    assert setup.scale in (None, 100)  # no fixed shrinking
    pdf = printed[name].pdf
    sizes = [s for w in pdf.words if (s := chinese_size(w)) is not None]
    assert min(sizes) >= MIN_PT, f"{name}: characters printed at {min(sizes):.1f} pt"
    portrait = [width < height for width, height in pdf.pages]
    assert all(p == (setup.orientation == "portrait") for p in portrait)


def _body_scale(pdf: Pdf, ws: Any) -> float:
    """The print's scale, from the data's 11 pt Chinese characters."""
    first_data = [w for w in pdf.words if w.page == 1 and w.text == ws.cell(HEAD, 2).value]
    below = first_data[0].y1 if first_data else 0
    sizes = [s for w in pdf.words if w.y0 > below and (s := chinese_size(w)) is not None]
    return statistics.median(sizes) / 11


@pytest.mark.parametrize("name", list(SHEETS))
def test_pages_are_as_many_as_the_rows_need(printed: dict[str, Printed], name: str) -> None:
    """Rows are not split across pages; the title, facts and header repeat on each."""
    if not calibri_is_metric_compatible():
        pytest.skip("Calibri is not drawn with Carlito here (apt-get install fonts-crosextra-carlito)")
    ws = openpyxl.load_workbook(printed[name].xlsx).worksheets[0]
    pdf = printed[name].pdf
    default = ws.sheet_format.defaultRowHeight
    last = int(re.findall(r"\d+", str(ws.print_area).split(":")[-1])[-1])
    heights = [ws.row_dimensions[r].height or default for r in range(1, last + 1)]
    margins = ws.page_margins
    room = (pdf.pages[0][1] - 72 * (margins.top + margins.bottom)) / _body_scale(pdf, ws)
    room -= sum(heights[:HEAD])
    pages, used = 1, 0.0
    for height in heights[HEAD:]:
        if used + height > room:
            pages, used = pages + 1, 0.0
        used += height
    rows = sum(1 for r in range(HEAD + 1, last + 1) if isinstance(ws.cell(r, 1).value, int))
    assert len(pdf.pages) == pages, (
        f"{name}: {rows} rows print on {len(pdf.pages)} pages, their heights make {pages}")
