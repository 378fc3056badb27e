"""The safe streamed sheet writer: one roster into one workbook, row by row.

Safety first: the workbook never turns a string into a formula, URL or number, and every
text that may carry what a person typed goes through registry.rules.cells.write_text, which
gives a text Excel would read as a formula when a clerk edits the cell the quote prefix.
ID and phone numbers are written as text (Excel would keep only 15 digits of an 18-digit
number) and are masked unless the caller asks otherwise; a birth date column ("birth")
then shows the year only, as registry/rules/disclosure.py requires beside a masked number.

Print third: registry/rosters/layout.py decides the widths and the orientation so that a
roster fits one page wide at a readable scale; long text wraps, and a row whose text
wraps is as high as its lines. Each sheet has its print area, its title, facts and
header repeated on every page, and a footer with 制表日期 and the page number.

Speed second: rows come in as plain tuples from the database driver; formats are made
once; date, number and text columns get their format from the column, so most cells are
written with no per-cell format; the inner loop does only what each kind of cell needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

import xlsxwriter

from registry.rosters import layout
from registry.rosters.spec import Column
from registry.rules import cells
from registry.rules.cells import FORMULA_START, MAX_TEXT, cut_text, utf16_len, write_text
from registry.rules.disclosure import birth_shown
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone

EXCEL_ROWS = 1_048_576
HEAD_ROWS = 3  # title, facts, header
MAX_NOTES = 50  # note rows per sheet; more are summed up in one line
FOOT_ROWS = 3 + MAX_NOTES  # subtotal, total, notes, "另有 N 处"
DEFAULT_MAX_ROWS = EXCEL_ROWS - HEAD_ROWS - FOOT_ROWS
BATCH = 1000  # rows between progress reports and cancellation checks
EXCEL_EPOCH = date(1899, 12, 30).toordinal()  # serial 0; right for dates from 1900-03-01
FIRST_SERIAL = 61  # 1900-03-01: before it Excel's 1900 leap-year bug shifts serials

WORKBOOK_OPTIONS: dict[str, Any] = {"constant_memory": True, **cells.WORKBOOK_OPTIONS}
# what each kind's cells need: an 18-character ID number, 2024-05-12, 2025-06-01 09:30:00
WIDTHS = {"text": 14.0, "code": 16.0, "id": 19.0, "phone": 13.0, "date": 11.0, "datetime": 19.0,
          "birth": 11.0, "hours": 9.0, "int": 8.0, "percent": 10.0, "ratio": 10.0, "blank": 18.0}
NUMBER_FORMATS = {"code": "@", "id": "@", "phone": "@", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss",
                  "birth": "yyyy-mm-dd", "hours": "0.00", "int": "0", "percent": "0.00%", "ratio": "0.00"}
PAGES = "&C第 &P 页，共 &N 页"
TALL = 32_767  # the most pages tall a sheet may be fitted to

# cell kinds in the inner loop, as small ints
_TEXT, _ID, _PHONE, _DATE, _HOURS, _NUMBER, _BLANK, _BIRTH, _DATETIME = range(9)
_KINDS = {"text": _TEXT, "code": _TEXT, "id": _ID, "phone": _PHONE, "date": _DATE, "datetime": _DATETIME,
          "birth": _BIRTH, "hours": _HOURS, "int": _NUMBER, "percent": _NUMBER, "ratio": _NUMBER,
          "blank": _BLANK}

Progress = Callable[[int, int | None], None]


class WriteCancelled(Exception):
    """The caller asked to stop; the partly written workbook must be thrown away."""


def excel_serial(value: Any) -> int | None:
    """Excel's day number for a date, a datetime or ISO text; None before 1900-03-01."""
    if isinstance(value, datetime):
        value = value.date()
    elif not isinstance(value, date):
        value = date.fromisoformat(str(value)[:10])
    serial = value.toordinal() - EXCEL_EPOCH
    return serial if serial >= FIRST_SERIAL else None


def excel_time(value: Any) -> float | None:
    """Excel's day number and fraction for a datetime or ISO text (SQLite's); None when it
    is not one or falls before 1900-03-01."""
    moment: datetime
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    serial = excel_serial(moment)
    if serial is None:
        return None
    return serial + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400


def sheet_name(title: str, number: int) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\ and no leading apostrophe."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "花名册"
    suffix = "" if number == 1 else f"（{number}）"
    return clean[:31 - len(suffix)] + suffix


def open_workbook(path: Path, tmpdir: str, title: str = "") -> Any:
    """A safe streaming workbook; `tmpdir` holds its per-sheet row files until close()."""
    workbook = xlsxwriter.Workbook(str(path), {**WORKBOOK_OPTIONS, "tmpdir": tmpdir})
    workbook.set_properties({"title": title, "comments": "街道社会工作登记台导出"})
    return workbook


def discard_workbook(workbook: Any) -> None:
    """Close the per-sheet row files of a workbook that will never be finished, so the
    temporary folder can be removed (Windows refuses to delete open files). xlsxwriter
    has no public call for this; close() would first assemble the whole file."""
    for worksheet in workbook.worksheets():
        closer = getattr(worksheet, "_opt_close", None)
        if callable(closer):
            closer()


class RosterWriter:
    """Writes one roster, continuing on new sheets when one is full."""

    def __init__(self, workbook: Any, *, title: str, facts: str, columns: Sequence[Column],
                 unit: str, unmasked: bool, max_rows: int = DEFAULT_MAX_ROWS,
                 row_height: float | None = None, made_on: date | None = None) -> None:
        if not 1 <= max_rows <= DEFAULT_MAX_ROWS:
            raise ValueError(f"max_rows must be between 1 and {DEFAULT_MAX_ROWS}")
        self.wb = workbook
        self.title, self.facts, self.unit = title, facts, unit
        self.columns = (Column("序号", "int", 6.0), *columns)
        self.max_rows = max_rows
        self.row_height = row_height
        self.footer = PAGES if made_on is None else (
            f"&L制表日期：{made_on.year}年{made_on.month}月{made_on.day}日{PAGES}")
        self.layout = layout.page_layout(self.columns, [c.width or WIDTHS[c.kind] for c in self.columns])
        # the columns whose text wraps, with what a line holds
        rooms = [layout.line_room(w) for w in self.layout.widths[1:]]
        wrapping = [i for i, c in enumerate(columns) if c.kind == "text"]
        # their values of a row (a 1-tuple for one column: itemgetter gives it bare)
        self._wrapped: Callable[[Sequence[Any]], Sequence[Any]] = (
            itemgetter(*wrapping) if len(wrapping) > 1 else
            (lambda row: (row[wrapping[0]],)) if wrapping else (lambda row: ()))
        # what a line of each holds: pixels, and characters that fit whatever they are
        self._wraps = ([rooms[i] for i in wrapping], [int(rooms[i] // layout.CHAR_PX) for i in wrapping])
        self.rows = 0  # data rows written, all sheets
        self.sheets = 0
        self.truncated = 0
        self._mask_id = None if unmasked else mask_id_number
        self._mask_phone = None if unmasked else mask_phone
        self._masked_birth = not unmasked
        self._kinds = [_KINDS[c.kind] for c in columns]
        self._totals = [i for i, c in enumerate(columns) if c.total]
        self._sum_all = [0.0] * len(columns)
        self._make_formats()
        self._new_sheet()

    # --- formats, made once --------------------------------------------------------------

    def _make_formats(self) -> None:
        made: dict[tuple[tuple[str, Any], ...], Any] = {}

        def add(props: dict[str, Any]) -> Any:
            """One format for each set of properties: xlsxwriter looks a second format alike
            up by its whole description on every cell written with it."""
            key = tuple(sorted(props.items()))
            if key not in made:
                made[key] = self.wb.add_format(props)
            return made[key]

        title = {"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}
        facts = {"align": "left", "valign": "vcenter", "text_wrap": True}
        self.f_title, self.f_title_quoted = add(title), add({**title, "quote_prefix": True})
        self.f_facts, self.f_facts_quoted = add(facts), add({**facts, "quote_prefix": True})
        self.f_header = add({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True,
                             "border": 1, "bg_color": "#D9E1F2"})
        self.f_note = add({"italic": True, "text_wrap": True, "valign": "top"})
        self.f_label = add({"bold": True, "top": 1})
        self.f_quote = add({"quote_prefix": True})
        # each column's format (long text wraps, every cell sits at the top of a tall row)
        # and its quote-prefixed twin
        cell = [{"valign": "top",
                 **({"num_format": NUMBER_FORMATS[c.kind]} if c.kind in NUMBER_FORMATS else {}),
                 **({"text_wrap": True} if c.kind == "text" else {})} for c in self.columns]
        # A text cell is written with no format of its own: the workbook's default format
        # wraps and sits at the top. (A format on each text cell costs a tenth of the time.)
        default = self.wb.formats[0]
        default.set_text_wrap()
        default.set_align("top")
        self.f_column = [None if c.kind == "text" else add(props)
                         for c, props in zip(self.columns, cell, strict=True)]
        self._quoted = [add({**props, "quote_prefix": True, **({"num_format": "@"} if c.kind == "birth" else {})})
                        for c, props in zip(self.columns[1:], cell[1:], strict=True)]
        self.f_total = [add({"bold": True, "top": 1, **({"num_format": NUMBER_FORMATS[c.kind]}
                                                         if c.kind in NUMBER_FORMATS else {})})
                        for c in self.columns]

    # --- sheets ----------------------------------------------------------------------------

    def _new_sheet(self) -> None:
        self.sheets += 1
        ws = self.wb.add_worksheet(sheet_name(self.title, self.sheets))
        self.ws = ws
        self.sheet_rows = 0
        self.sheet_sums = [0.0] * (len(self.columns) - 1)
        self.notes: list[str] = []
        last = len(self.columns) - 1
        widths = self.layout.widths
        for c in range(len(self.columns)):
            ws.set_column(c, c, widths[c], self.f_column[c])
        # print: A4, one page wide, title, facts and header on every page
        ws.set_paper(9)
        if self.layout.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        # "any number of pages tall" is 0, but LibreOffice (7.4) then counts one page too few
        # when rows repeat on each page, and leaves the last rows out; as many pages as the
        # format allows fits the same and prints every row
        ws.fit_to_pages(1, TALL)
        ws.repeat_rows(0, HEAD_ROWS - 1)
        ws.center_horizontally()
        ws.set_margins(left=layout.MARGIN_IN, right=layout.MARGIN_IN, top=0.6, bottom=0.6)
        ws.set_footer(self.footer)
        ws.hide_gridlines(0)  # gridlines on screen and on paper: cheaper than cell borders
        ws.freeze_panes(HEAD_ROWS, 0)
        # (no set_default_row: xlsxwriter would then write a height on every row)
        facts = self.facts if self.sheets == 1 else f"{self.facts}　（续表 {self.sheets}）"
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, last, "", self.f_title)
        self._text(0, 0, self.title, self.f_title, self.f_title_quoted)
        ws.set_row(1, layout.row_height(self._across(facts)))
        ws.merge_range(1, 0, 1, last, "", self.f_facts)
        self._text(1, 0, facts, self.f_facts, self.f_facts_quoted)
        header_lines = max(layout.lines(c.header, layout.line_room(w)) for c, w in
                           zip(self.columns, widths, strict=True))
        ws.set_row(2, max(30.0, layout.row_height(header_lines)))
        for c, column in enumerate(self.columns):
            ws.write_string(2, c, column.header, self.f_header)
        self.row = HEAD_ROWS - 1  # the last row written

    def _across(self, text: str) -> int:
        """Lines `text` takes across the whole sheet's width (a merged row)."""
        return layout.lines(text, layout.line_room(sum(self.layout.widths)))

    def _text(self, row: int, col: int, text: str, fmt: Any, quoted: Any) -> None:
        """A text of ours that may carry user text (a street's name): never a formula."""
        write_text(self.ws, row, col, text, fmt, quoted)

    def _end_sheet(self, last: bool, totals: Sequence[Any] | None = None) -> None:
        ws, last_col = self.ws, len(self.columns) - 1
        ws.autofilter(HEAD_ROWS - 1, 0, max(HEAD_ROWS - 1, self.row), last_col)
        if self.sheets > 1 or not last:
            self._total_row("本表小计", self._sums(self.sheet_sums), self.sheet_rows)
        if last:
            self._total_row("合计", totals if totals is not None else self._sums(self._sum_all),
                            self.rows)
        else:
            self.notes.append(f"接下一工作表“{sheet_name(self.title, self.sheets + 1)}”。")
        shown = self.notes[:MAX_NOTES]
        if len(self.notes) > MAX_NOTES:
            shown.append(f"另有 {len(self.notes) - MAX_NOTES} 处内容过长已截断。")
        for note in shown:
            self.row += 1
            note = f"注：{note}"
            ws.set_row(self.row, layout.row_height(self._across(note)))
            ws.merge_range(self.row, 0, self.row, last_col, "", self.f_note)
            ws.write_string(self.row, 0, note, self.f_note)
        ws.print_area(0, 0, self.row, last_col)

    def _sums(self, sums: Sequence[float]) -> list[float | None]:
        return [round(sums[i], 2) if i in self._totals else None for i in range(len(sums))]

    def _total_row(self, label: str, values: Sequence[Any], count: int) -> None:
        """合计 / 共 N 人 / the sums (or the roster's own totals, when ratios are not sums)."""
        self.row += 1
        r, ws = self.row, self.ws
        ws.write_string(r, 0, label, self.f_label)
        for c in range(1, len(self.columns)):
            v = values[c - 1] if c - 1 < len(values) else None
            fmt = self.f_total[c]
            if v is None:
                if c == 1:
                    ws.write_string(r, c, f"共 {count} {self.unit}", fmt)
                else:
                    ws.write_blank(r, c, None, fmt)
            elif isinstance(v, int | float | Decimal):
                ws.write_number(r, c, float(v), fmt)
            else:
                self._text(r, c, str(v), fmt, self.f_quote)

    # --- rows ------------------------------------------------------------------------------

    def write(self, rows: Iterable[Sequence[Any]], *, total: int | None = None,
              progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> None:
        it: Iterator[Sequence[Any]] = iter(rows)
        while True:
            if cancelled is not None and cancelled():
                raise WriteCancelled
            batch = list(islice(it, BATCH))
            if not batch:
                break
            while batch:
                room = self.max_rows - self.sheet_rows
                if room == 0:
                    self._end_sheet(last=False)
                    self._new_sheet()
                    room = self.max_rows
                self._write_rows(batch[:room])
                batch = batch[room:]
            if progress is not None:
                progress(self.rows, total)

    def finish(self, totals: Sequence[Any] | None = None) -> None:
        """The total row(s) and notes of the last sheet; `totals` replaces the sums."""
        self._end_sheet(last=True, totals=totals)

    def _cut(self, text: str, row: int, col: int) -> str:
        if utf16_len(text) <= MAX_TEXT:
            return text
        self.truncated += 1
        header = self.columns[col].header
        self.notes.append(f"第 {row + 1} 行“{header}”内容超过 {MAX_TEXT} 个字符，已截断。")
        return cut_text(text)

    def _write_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """The hot loop: one write per non-empty cell, nothing else heavy. Its text cells
        follow write_text's rule (the quote prefix for FORMULA_START) inlined: a call per
        cell costs a tenth of a roster's export time."""
        ws = self.ws
        number, string = ws.write_number, ws.write_string
        kinds, quoted = self._kinds, self._quoted
        mask_id, mask_phone, masked_birth = self._mask_id, self._mask_phone, self._masked_birth
        totals, sheet_sums, all_sums = self._totals, self.sheet_sums, self._sum_all
        cols = range(1, len(self.columns))
        half = MAX_TEXT // 2  # a text this short cannot exceed the limit in UTF-16
        r, seq = self.row, self.rows
        height = self.row_height
        wrapped, wraps, lines, set_row = self._wrapped, self._wraps, layout.lines, ws.set_row
        line_pt, pad_pt = layout.LINE_PT, layout.ROW_PAD_PT
        for values in rows:
            r += 1
            seq += 1
            most = 1
            for v, room, fits in zip(wrapped(values), *wraps, strict=True):
                if v.__class__ is str and len(v) > fits:  # `fits` characters fit whatever they are
                    n = lines(v, room)
                    if n > most:
                        most = n
            if most > 1:
                tall = most * line_pt + pad_pt
                set_row(r, tall if height is None or tall > height else height)
            elif height is not None:
                set_row(r, height)
            number(r, 0, seq)
            for c, kind, v, qfmt in zip(cols, kinds, values, quoted, strict=True):
                if v is None:
                    continue
                if kind == _TEXT:
                    if v.__class__ is not str:
                        v = str(v)
                    elif not v:
                        continue
                    if len(v) > half:
                        v = self._cut(v, r, c)
                    string(r, c, v, qfmt if v.startswith(FORMULA_START) else None)
                elif kind == _DATE:
                    serial = excel_serial(v)
                    if serial is None:
                        t = str(v)  # a date column's text may be what a clerk typed
                        string(r, c, t, qfmt if t.startswith(FORMULA_START) else None)
                    else:
                        number(r, c, serial)
                elif kind == _BIRTH:
                    serial = None if masked_birth else excel_serial(v)
                    if serial is not None:
                        number(r, c, serial)
                    elif masked_birth and isinstance(v, date):
                        string(r, c, birth_shown(v))
                    else:  # a text, or a date Excel cannot number: as text, the year only if masked
                        t = str(v)[:4] + "年" if masked_birth else str(v)
                        string(r, c, t, qfmt if t.startswith(FORMULA_START) else None)
                elif kind == _HOURS:
                    number(r, c, round(float(v), 2))
                elif kind == _DATETIME:
                    moment = excel_time(v)
                    if moment is None:
                        t = str(v)
                        string(r, c, t, qfmt if t.startswith(FORMULA_START) else None)
                    else:
                        number(r, c, moment)
                elif kind == _NUMBER:
                    number(r, c, v if v.__class__ is int else float(v))
                elif kind in (_ID, _PHONE):
                    if not v:
                        continue
                    mask = mask_id if kind == _ID else mask_phone
                    if mask is not None:
                        v = mask(v)
                    string(r, c, v, qfmt if v.startswith(FORMULA_START) else None)
            for i in totals:
                v = values[i]
                if v is not None:
                    x = float(v) if v.__class__ is Decimal else v
                    sheet_sums[i] += x
                    all_sums[i] += x
        self.sheet_rows += r - self.row
        self.row, self.rows = r, seq
