"""How large a file the importer reads, and how much memory reading a sheet would take.

Issue 12: any file up to 50 MB is read within 1 GB of memory or refused with one sentence,
and the program never aborts. calamine (Rust) cannot be stopped once it allocates: a cell at
XFD1048576 makes it ask for 512 GB and the process aborts. So the size of every sheet is
measured first, by the checks in xlsx_check.py and xls_check.py, and a sheet whose reading
would pass the budget is refused before calamine sees the file.

The estimate is what python-calamine 0.9 was measured to take (bench/bench_read_limits.py),
rounded up: its used range is one dense block of 32 bytes a cell from the first cell to the
last, built after collecting the cells themselves (~70 bytes each); a shared string is
copied into every cell that shows it; then a Python object for every cell kept. It counts
from A1, as the rows above the first cell are given to Python too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from registry.rules.problems import RegistryError
from registry.texts import msg

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # issue 12's figure; larger registers come in several files
# What the estimate below may reach. It errs high: the largest roster it accepts (220,000
# rows of 10 columns) was measured reading in 380 MB at peak, interpreter included
# (bench/bench_read_limits.py), which leaves the importer's own rows (cleaned values, plans)
# room within the 1 GB of issue 12.
READ_BUDGET = 640 * MB
# Sheet XML as Excel writes it deflates 8-12 times (measured on those rosters: 76 MB of
# sheet and 11 MB of shared strings in a 10 MB file), so a real 50 MB workbook unpacks to at
# most ~600 MB; deflate reaches 1000:1, so a zip bomb of 50 MB could unpack to 50 GB.
MAX_UNCOMPRESSED = 800 * MB
MAX_ENTRIES = 10_000  # a workbook has a few dozen parts; 10,000 parse in milliseconds
# A cell holds at most 32,767 characters (~200 KB as XML even with every character escaped);
# text or a tag running longer than this between two < > is not something Excel writes, and
# calamine would hold it in memory whole (1 GB of whitespace took 1.1 GB).
MAX_MARKUP_GAP = 1 * MB
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's grid

CELL_BLOCK = 32  # bytes of calamine's dense range, per cell from A1 to the last
CELL_HELD = 200  # bytes per cell with a value: calamine's list of cells, then Python's object
STRING_COPIES = 2  # a string's text is held by calamine and again by Python
SHARED_STRING = 64  # bytes per entry of the shared-strings table beside its text (a String and its allocation)


def column_letters(column: int) -> str:
    """1 → A, 16384 → XFD."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class SheetSize:
    """What reading one sheet will hold: its extent from A1 and the cells with a value."""

    name: str
    rows: int = 0  # the last row with a value
    columns: int = 0  # the last column with a value
    cells: int = 0
    text_bytes: int = 0  # UTF-8 text of those cells, a shared string counted in every cell

    def cell_memory(self) -> int:
        return CELL_BLOCK * self.rows * self.columns + CELL_HELD * self.cells

    def memory(self) -> int:
        return self.cell_memory() + STRING_COPIES * self.text_bytes

    def last_cell(self) -> str:
        return f"{column_letters(self.columns)}{self.rows}"


def too_large(sheet: SheetSize, shared_memory: int = 0) -> RegistryError:
    """The sentence refusing a sheet whose reading would pass the budget."""
    needed = -(-(sheet.memory() + shared_memory) // MB)
    if STRING_COPIES * sheet.text_bytes > sheet.cell_memory():
        what = msg("的文字太多（约 {value} MB，同一段文字出现在多少个单元格就算多少次）",
                   value=-(-sheet.text_bytes // MB))
    else:
        what = (msg("用到了 {rows:,} 行 × {columns:,} 列（最后一个有内容的单元格是 "
                "{sheet}）", rows=sheet.rows, columns=sheet.columns, sheet=sheet.last_cell()))
    return RegistryError(msg("工作表“{name}”{what}，读取它约需 {needed:,} MB 内存，超过了 "
                         "{value} MB 的上限，没有导入任何数据；请删去多余的行、列和内容"
                         "（看上去空白的单元格也可能有内容），或把数据分成几个文件再导入。", name=sheet.name, what=what,
                         needed=needed, value=READ_BUDGET // MB))


def check_budget(sheet: SheetSize, shared_memory: int = 0) -> None:
    if sheet.rows > MAX_ROWS or sheet.columns > MAX_COLUMNS:
        raise RegistryError(msg("工作表“{name}”中有超出 Excel 表格范围的单元格（第 {rows:,} 行、"
                            "第 {columns:,} 列），文件已损坏或被改动过，无法导入。", name=sheet.name, rows=sheet.rows,
                            columns=sheet.columns))
    if sheet.memory() + shared_memory > READ_BUDGET:
        raise too_large(sheet, shared_memory)


def damaged(name: str, what: str = "") -> RegistryError:
    detail = f"（{what}）" if what else ""
    return RegistryError(msg("文件“{name}”已损坏，无法读取{detail}；请在 Excel 中打开它、另存为新的 .xlsx "
                         "文件后再导入。", name=name, detail=detail))


def check_file(path: Path) -> int:
    """The file's size in bytes, or a sentence refusing it: missing, empty or over 50 MB."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise RegistryError(msg("找不到文件“{path}”。", path=path)) from None
    except OSError:
        raise RegistryError(msg("无法打开文件“{name}”：请确认它没有被其他程序占用，并且您有权限读取。", name=path.name)
                            ) from None
    if not path.is_file():
        from registry.importer.formats import not_a_file

        raise not_a_file(path)
    if size == 0:
        raise RegistryError(msg("文件“{name}”是空的（0 字节），没有可以导入的内容。", name=path.name))
    if size > MAX_FILE_BYTES:
        raise RegistryError(msg("文件“{name}”有 {value:.0f} MB，超过了 {value2} MB "
                            "的上限；请把数据分成几个较小的文件再导入。", name=path.name, value=size / MB,
                            value2=MAX_FILE_BYTES // MB))
    return size
