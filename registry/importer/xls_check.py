"""Measuring an .xls (BIFF8 or BIFF5 in an OLE2 file) before calamine reads it.

calamine reads every sheet of an .xls when the workbook is opened, from the cell records
themselves (it ignores the DIMENSIONS record, so a lying one is harmless) and from each
sheet's position given in the workbook globals. This follows the same positions, takes every
cell record's row and column, and the length of every shared string each cell shows, so a
cell at column 65,535 or one long string shown in 100,000 cells is refused before calamine
would try to hold it. Reading the records here, rather than reading the file in a child
process under a memory limit, works the same on Windows (which has no setrlimit) and lets
the sentence name the sheet and its size."""

from __future__ import annotations

import struct
from array import array
from pathlib import Path

from registry.importer.formats import encrypted
from registry.importer.limits import READ_BUDGET, SHARED_STRING, SheetSize, check_budget, damaged
from registry.importer.ole2 import read_stream
from registry.rules.problems import RegistryError
from registry.texts import msg

BOF, EOF, BOUNDSHEET, SST, CONTINUE = 0x0809, 0x000A, 0x0085, 0x00FC, 0x003C
FILEPASS = 0x002F
_ONE_CELL = {0x0203, 0x027E, 0x0205, 0x0006}  # NUMBER, RK, BOOLERR, FORMULA
_TEXT_CELL = {0x0204, 0x00D6}  # LABEL, RSTRING: the text is in the record
LABELSST, MULRK, STRING = 0x00FD, 0x00BD, 0x0207
UTF8_PER_CHAR = 3  # a character of an .xls string takes at most 3 bytes as UTF-8


def _records(stream: bytes, start: int = 0) -> list[tuple[int, int, int]]:
    """(type, data start, data end) from `start` to the substream's EOF."""
    out = []
    at = start
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        end = at + 4 + length
        if end > len(stream):
            break  # cut short: what is there is measured, calamine will say the rest
        out.append((kind, at + 4, end))
        at = end
        if kind == EOF:
            break
    return out


def check_xls(path: Path) -> None:
    """Refuse (one sentence) an .xls calamine could not read within the budget."""
    stream = read_stream(path, ("Workbook", "Book"))
    records = _records(stream)
    if not records or records[0][0] != BOF:
        raise damaged(path.name, msg("工作簿数据不完整"))
    first = records[0]
    biff8 = first[2] - first[1] >= 2 and struct.unpack_from("<H", stream, first[1])[0] == 0x0600
    sheets: list[tuple[int, str]] = []
    strings: array[int] = array("Q")
    for index, (kind, start, end) in enumerate(records):
        if kind == FILEPASS:
            raise encrypted(path.name)
        if kind == BOUNDSHEET and end - start >= 7:
            (position,) = struct.unpack_from("<I", stream, start)
            sheets.append((position, _sheet_name(stream[start + 6:end], biff8)))
        elif kind == SST and biff8:
            parts = [stream[start:end]]
            for following, s, e in records[index + 1:]:
                if following != CONTINUE:
                    break
                parts.append(stream[s:e])
            strings = _string_lengths(parts)
    shared = SHARED_STRING * len(strings) + sum(strings)
    longest = max(strings, default=0)
    for position, name in sheets:
        sheet = _measure(stream, position, name, strings, longest)
        check_budget(sheet, shared)
        shared += sheet.memory()  # calamine holds every sheet of an .xls at once
        if shared > READ_BUDGET:
            raise RegistryError(msg("文件“{name}”的各个工作表合起来太大，读取约需 {value:,} MB 内存，"
                                "超过了 {value2} MB 的上限，没有导入任何数据；请把不需要导入的"
                                "工作表删去，或把数据分成几个文件再导入。", name=path.name, value=shared // 2 ** 20,
                                value2=READ_BUDGET // 2 ** 20))


def _sheet_name(raw: bytes, biff8: bool) -> str:
    if not raw:
        return ""
    count = raw[0]
    if biff8 and len(raw) >= 2 and raw[1] & 1:
        return raw[2:2 + 2 * count].decode("utf-16-le", "replace")
    text = raw[2:2 + count] if biff8 else raw[1:1 + count]
    return text.decode("latin-1")


def _measure(stream: bytes, position: int, name: str, strings: array[int], longest: int) -> SheetSize:
    sheet = SheetSize(name)
    if position >= len(stream):
        return sheet
    string_result = False  # a FORMULA whose text result follows in a STRING record
    for kind, start, end in _records(stream, position)[1:]:
        if kind == STRING and string_result and end - start >= 2:
            sheet.text_bytes += UTF8_PER_CHAR * struct.unpack_from("<H", stream, start)[0]
        string_result = False
        if end - start < 4:
            continue
        if kind in _ONE_CELL or kind in _TEXT_CELL or kind == LABELSST:
            row, column = struct.unpack_from("<HH", stream, start)
            last = column
            string_result = kind == 0x0006
            if kind in _TEXT_CELL and end - start >= 8:
                sheet.text_bytes += UTF8_PER_CHAR * struct.unpack_from("<H", stream, start + 6)[0]
            elif kind == LABELSST and end - start >= 10:
                (index,) = struct.unpack_from("<I", stream, start + 6)
                sheet.text_bytes += strings[index] if index < len(strings) else longest
            cells = 1
        elif kind == MULRK and end - start >= 6:
            row, column = struct.unpack_from("<HH", stream, start)
            (last,) = struct.unpack_from("<H", stream, end - 2)
            cells = max(1, last - column + 1)
            last = max(last, column)
        else:
            continue
        sheet.cells += cells
        sheet.rows = max(sheet.rows, row + 1)
        sheet.columns = max(sheet.columns, last + 1)
    return sheet


class _Reader:
    """Reading across an SST and its CONTINUE records, as BIFF8 splits strings."""

    def __init__(self, parts: list[bytes]) -> None:
        self.parts, self.part, self.at = parts, 0, 0

    def left(self) -> int:
        return len(self.parts[self.part]) - self.at if self.part < len(self.parts) else 0

    def next_part(self) -> bool:
        self.part, self.at = self.part + 1, 0
        return self.part < len(self.parts)

    def take(self, count: int) -> bytes:
        out = b""
        while len(out) < count:
            if self.left() == 0 and not self.next_part():
                raise EOFError
            piece = self.parts[self.part][self.at:self.at + count - len(out)]
            self.at += len(piece)
            out += piece
        return out

    def skip_chars(self, count: int, high: bool) -> None:
        """Characters may break into the next CONTINUE, which restates their width first."""
        while count > 0:
            if self.left() == 0:
                if not self.next_part():
                    raise EOFError
                high = bool(self.take(1)[0] & 1)
                continue
            width = 2 if high else 1
            step = min(count, self.left() // width)
            if step == 0:
                raise EOFError
            self.at += step * width
            count -= step


def _string_lengths(parts: list[bytes]) -> array[int]:
    """UTF-8 bytes (at most) of every string of the shared-strings table."""
    lengths: array[int] = array("Q")
    reader = _Reader(parts)
    try:
        (unique,) = struct.unpack("<I", reader.take(8)[4:])
        for _ in range(unique):
            count, flags = struct.unpack("<HB", reader.take(3))
            runs = struct.unpack("<H", reader.take(2))[0] if flags & 8 else 0
            extra = struct.unpack("<I", reader.take(4))[0] if flags & 4 else 0
            reader.skip_chars(count, bool(flags & 1))
            reader.take(4 * runs)
            if extra > 2**20:
                raise EOFError
            reader.take(extra)
            lengths.append(UTF8_PER_CHAR * count)
    except (EOFError, struct.error):
        pass  # a table cut short: the strings read are measured; calamine reports the rest
    return lengths
