"""Reading a CSV file a clerk saved from Excel or another program: UTF-8 with or without its
BOM, UTF-16 ("Unicode text", tab-separated, with or without its BOM) or GB18030 (which GBK files also are), comma,
tab or semicolon separated. Every cell stays the text it is, so ID numbers and phone numbers
keep their digits. Streamed line by line within the same limits as workbooks."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from registry.importer.limits import MAX_MARKUP_GAP, SheetSize, check_budget
from registry.rules.problems import RegistryError
from registry.texts import msg

MAX_LINE = MAX_MARKUP_GAP  # characters; a cell holds at most 32,767, a row of 200 of them fits
_CHUNK = 1 << 20
_DELIMITERS = ",\t;"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def detect_encoding(path: Path) -> str:
    """The file's encoding, decoding it whole in 1 MB pieces (strictly, so GBK text is never
    taken for UTF-8)."""
    with open(path, "rb") as handle:
        start = handle.read(4)
    for bom, encoding in _BOMS:
        if start.startswith(bom):
            return encoding
    for encoding in (*_utf16_without_bom(path), "utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            with open(path, "rb") as handle:
                while chunk := handle.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise _unknown_encoding(path)


def _utf16_without_bom(path: Path) -> tuple[str, ...]:
    """UTF-16 saved without its BOM, as some programs write "Unicode text": the high byte
    of every ASCII character (digits, separators, line ends) is zero, on one side only."""
    with open(path, "rb") as handle:
        start = handle.read(4096)
    even, odd = start[0::2].count(0), start[1::2].count(0)
    if odd > len(start) // 8 and even == 0:
        return ("utf-16-le",)
    if even > len(start) // 8 and odd == 0:
        return ("utf-16-be",)
    return ()


def _unknown_encoding(path: Path) -> RegistryError:
    return RegistryError(msg("无法识别“{name}”的文字编码；请在 Excel 中把它另存为“CSV UTF-8（逗号分隔）”后再导入。",
                             name=path.name))


def _lines(handle: TextIO, name: str) -> Iterator[str]:
    number = 0
    while line := handle.readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            raise RegistryError(msg("“{name}”第 {number} 行超过 {max_line:,} 个字符，不是正常的表格行，没有导入。",
                                    name=name, number=number, max_line=MAX_LINE))
        if "\x00" in line:
            raise RegistryError(msg("“{name}”第 {number} 行含有空字符，不是文本文件（可能不是 CSV），没有导入。",
                                    name=name, number=number))
        yield line


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _unwrapped(cell: str) -> str:
    """="0105" as written to keep Excel from taking a number: the text inside."""
    if cell.startswith('="') and cell.endswith('"') and len(cell) >= 3:
        return cell[2:-1]
    return cell


def csv_rows(path: Path) -> Iterator[list[str]]:
    """The rows of the file, each a list of its cells' text; refused with a sentence when
    it is not text, or when holding it would pass the reading budget."""
    encoding = detect_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as handle:
            yield from _rows(path, handle)
    except UnicodeDecodeError as exc:  # a BOM that promised an encoding the rest breaks
        raise _unknown_encoding(path) from exc


def _rows(path: Path, handle: TextIO) -> Iterator[list[str]]:
    size = SheetSize(path.name)
    lines = _lines(handle, path.name)
    first = next(lines, "")
    delimiter = _delimiter(first.lstrip("\ufeff"))

    def all_lines() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(all_lines(), delimiter=delimiter)
    try:
        for row in reader:
            size.rows += 1
            if row and any(row):
                size.cells += len(row)
                size.columns = max(size.columns, len(row))
                size.text_bytes += sum(map(len, row))
                if size.rows % 1000 == 0:
                    check_budget(size)
            yield [_unwrapped(cell) for cell in row]
    except csv.Error as exc:
        raise RegistryError(msg("“{name}”第 {line_num} 行的引号或分隔符有误，无法读取；请在 Excel 中"
                            "打开它、另存为 CSV 后再导入。", name=path.name, line_num=reader.line_num)) from exc
    check_budget(size)
