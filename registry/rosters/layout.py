"""How a roster sits on paper: column widths, orientation, and the height each row needs.

A roster prints one page wide (fit to width). So that fitting never shrinks the text
below MIN_SCALE, a roster too wide for A4 landscape at that scale has its long-text
columns narrowed (they wrap; identifiers, numbers and dates keep their width), and a
roster narrow enough prints portrait. Rows whose text wraps get the height their lines
need, since neither Excel nor LibreOffice fits a row's height to wrapped text on opening.

The measures are those of the workbook's font (Calibri 11; LibreOffice uses the
metric-compatible Carlito) and the CJK font it falls back to, taken from both clients:
Excel's column unit is 7 px (5.25 pt) plus 5 px of padding; LibreOffice 7.4 draws it
5.55 pt wide and, fitting a sheet to the page's width, counts about 5.72 pt. Widths are
checked against the wider of the two, lines against the narrower one (Excel's, which
wraps sooner).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from registry.rosters.spec import Column

UNIT_PT = 5.72  # the widest client's points per column-width unit (LibreOffice fits to width so)
PAD_UNITS = 5 / 7  # the padding xlsxwriter adds to every column's width
MARGIN_IN = 0.3  # left and right page margins, inches
A4_PT = (595.3, 841.9)  # portrait width, landscape width
MIN_SCALE = 0.8  # 11 pt text prints no smaller than 8.8 pt
PORTRAIT_SCALE = 0.85  # portrait when the roster fits at this scale or larger
MIN_TEXT_WIDTH = 8.0  # a narrowed text column keeps room for four Chinese characters

CHAR_PX = 14.67  # a Chinese character of 11 pt at 96 dpi
LATIN_PX = 6.5  # a Latin letter, digit or space of Calibri 11, on average
WORD_PX = 45.0  # what a line may leave unused before a Latin word
CELL_PAD_PX = 3  # what a cell keeps clear of its text, both sides together
LINE_PT = 16.0  # one line of wrapped 11 pt text with Chinese characters (LibreOffice's)
ROW_PAD_PT = 2.0
ONE_LINE_PT = LINE_PT + ROW_PAD_PT  # every row's height unless its text needs more


@dataclass(frozen=True)
class PageLayout:
    widths: tuple[float, ...]  # each column's width, in Excel's units
    landscape: bool
    scale: float  # the print scale at which the width fits the page, at most 1


def text_units(text: str) -> int:
    """The text's width in half-character units: 2 for a Chinese character, 1 for a Latin
    one (GB 18030 takes as many bytes; a 4-byte rare character is wider than it prints)."""
    return len(text.encode("gb18030", errors="replace"))


def _page_pt(landscape: bool) -> float:
    return A4_PT[landscape] - 2 * 72 * MARGIN_IN


def _width_pt(widths: Sequence[float]) -> float:
    return sum(w + PAD_UNITS for w in widths) * UNIT_PT


def fitting_scale(widths: Sequence[float], landscape: bool) -> float:
    return min(1.0, _page_pt(landscape) / _width_pt(widths))


def _floor(column: Column) -> float:
    """How narrow a wrapping column may become: its header on two lines, at least four
    Chinese characters."""
    return max(MIN_TEXT_WIDTH, math.ceil(text_units(column.header) / 2) + 1.0)


def page_layout(columns: Sequence[Column], natural: Sequence[float]) -> PageLayout:
    """Widths and orientation for `columns`, whose usual widths are `natural`."""
    widths = list(natural)
    if fitting_scale(widths, landscape=False) >= PORTRAIT_SCALE:
        return PageLayout(tuple(widths), False, fitting_scale(widths, False))
    target = _page_pt(landscape=True) / MIN_SCALE / UNIT_PT - PAD_UNITS * len(widths)
    excess = sum(widths) - target
    slack = {i: w - min(w, _floor(c)) for i, (c, w) in enumerate(zip(columns, widths, strict=True))
             if c.kind == "text"}
    room = sum(slack.values())
    if excess > 0 and room > 0:
        # each wrapping column gives up the same share of what it can spare; when that is
        # not enough the roster prints smaller than MIN_SCALE (the print test says so)
        keep = 1 - min(1.0, excess / room)
        for i, s in slack.items():
            widths[i] = math.floor((widths[i] - s + s * keep) * 10) / 10
    return PageLayout(tuple(widths), True, fitting_scale(widths, True))


def line_room(width: float) -> float:
    """Pixels one line of a column `width` wide holds (in Excel, which wraps sooner than
    LibreOffice)."""
    return 7 * width + 5 - CELL_PAD_PX


def lines(text: str, room: float) -> int:
    """How many lines `text` takes wrapped in a line of `room` pixels. A line breaks
    before a character that does not fit (or, kept from a line's start, a punctuation
    mark: half a character is left for that), before a Latin word (a word's width). A
    Chinese character is CHAR_PX wide, a Latin one LATIN_PX (GB 18030 gives the first
    two bytes, the second one)."""
    if "\n" in text:
        return sum(lines(part, room) for part in text.split("\n"))
    n = len(text)
    b = text_units(text)
    if b >= 2 * n:  # Chinese characters only
        return 1 if n * CHAR_PX <= room else -(-n // max(1, int((room - CHAR_PX / 2) // CHAR_PX)))
    px = (b - n) * CHAR_PX + (2 * n - b) * LATIN_PX
    if px <= room:
        return 1
    return math.ceil(px / max(CHAR_PX, room - (WORD_PX if " " in text else CHAR_PX)))


def row_height(line_count: int) -> float:
    return line_count * LINE_PT + ROW_PAD_PT
