"""Measuring an .xlsx before calamine reads it: a zip whose parts are streamed in 1 MB chunks
(never trusting the sizes it declares), and every part scanned for the cells it holds.

Every XML part is scanned as if it were a sheet, so no sheet escapes by being named oddly in
the workbook's relationships; the names in workbook.xml only make the sentences clearer.
The scan is a few regular expressions over bytes, not an XML parser: no entity is expanded,
no nesting followed, and a part that does not look like what Excel writes is refused."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path, PurePosixPath
from typing import IO

from registry.importer.formats import encrypted, zip_refusal
from registry.importer.limits import (
    MAX_ENTRIES,
    MAX_MARKUP_GAP,
    MAX_UNCOMPRESSED,
    MB,
    READ_BUDGET,
    SHARED_STRING,
    SheetSize,
    check_budget,
    damaged,
)
from registry.rules.problems import RegistryError
from registry.texts import msg

CHUNK = MAX_MARKUP_GAP  # so a gap inside one chunk can never pass the limit unseen
MAX_CENTRAL_DIRECTORY = 4 * MB
_TAIL = 8192  # kept from one chunk to the next: longer than any token the scan matches
_PREFIX = rb"(?:[A-Za-z_][\w.\-]{0,30}:)?"
# A cell or row start tag (its attributes, a trailing / when empty) and, for a cell, its value.
_TOKEN = re.compile(rb"<" + _PREFIX + rb"(c|row)((?:\s[^<>]{0,4096})?/?)>"
                    rb"(?:\s{0,64}<" + _PREFIX + rb"v>\s{0,64}(\d{1,10})\s{0,64}<)?")
_START = re.compile(rb"<" + _PREFIX + rb"(?:c|row)[\s/>]")
_REF = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([^\"']*)[\"']")
_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"'](\w{0,20})[\"']")
_SI = re.compile(rb"<" + _PREFIX + rb"si[\s/>]")
_SHEET = re.compile(rb"<" + _PREFIX + rb"sheet\s[^<>]{0,4096}>")
_ATTR = re.compile(rb"([\w:]+)\s*=\s*\"([^\"]*)\"")
_RELATION = re.compile(rb"<" + _PREFIX + rb"Relationship\s[^<>]{0,4096}>")
_TEXT_TYPES = {b"inlineStr", b"str", b"d", b"e"}  # text held in the cell's own XML


@dataclass
class SharedStrings:
    lengths: array[int] = field(default_factory=lambda: array("Q"))
    longest: int = 0
    text_bytes: int = 0

    def memory(self) -> int:
        return SHARED_STRING * len(self.lengths) + self.text_bytes

    def length(self, index: int | None) -> int:
        if index is None or index >= len(self.lengths):
            return self.longest  # the value could not be read: count the worst it could be
        return self.lengths[index]


@dataclass
class Budget:
    """Bytes decompressed so far, against MAX_UNCOMPRESSED."""

    file: str
    used: int = 0

    def take(self, count: int) -> None:
        self.used += count
        if self.used > MAX_UNCOMPRESSED:
            raise RegistryError(msg("文件“{file}”解压后超过 {value} MB（压缩包只有几十 MB "
                                "却能展开成这么大，通常是恶意构造的“压缩炸弹”），没有导入。", file=self.file,
                                value=MAX_UNCOMPRESSED // MB))


def check_xlsx(path: Path) -> None:
    """Refuse (RegistryError, one sentence) a workbook calamine could not read within the
    budget; return quietly for one it can."""
    _check_central_directory(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(name, infos, archive)
            names = _sheet_names(archive, name)
            budget = Budget(name)
            shared = SharedStrings()
            strings = next((i for i in infos if i.filename.lower() == "xl/sharedstrings.xml"), None)
            if strings is not None:
                shared = _scan_shared_strings(_chunks(archive, strings, budget), name)
            for info in infos:
                if info is strings or info.is_dir():
                    continue
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    for _ in _chunks(archive, info, budget):  # counted, and checked whole
                        pass
                    continue
                sheet = SheetSize(names.get(info.filename, info.filename))
                _scan_sheet(_chunks(archive, info, budget), sheet, shared)
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error, OSError) as exc:
        raise damaged(name, msg("压缩包不完整或内容有误")) from exc
    except NotImplementedError as exc:  # a compression method Excel does not use
        raise damaged(name, msg("使用了 Excel 不用的压缩方式")) from exc
    except RuntimeError as exc:  # zipfile: an encrypted part
        raise encrypted(name) from exc


def _check_central_directory(path: Path) -> None:
    """The zip's own count of its parts, read before zipfile builds an object for each."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_557))
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            raise damaged(path.name, msg("不是完整的 .xlsx 压缩包，可能只复制了一部分"))
        entries, directory = struct.unpack_from("<HI", tail, at + 10)
        locator = at - 20
        if (entries == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0 \
                and tail[locator:locator + 4] == b"PK\x06\x07":
            (offset,) = struct.unpack_from("<Q", tail, locator + 8)
            handle.seek(offset)
            record = handle.read(56)
            if len(record) < 56 or record[:4] != b"PK\x06\x06":
                raise damaged(path.name, msg("压缩包目录有误"))
            entries, directory = struct.unpack_from("<QQ", record, 32)
    if entries > MAX_ENTRIES or directory > MAX_CENTRAL_DIRECTORY:
        raise RegistryError(msg("文件“{name}”中有 {entries:,} 个部件，远多于 Excel 工作簿会有的，"
                            "不是正常的工作簿，没有导入。", name=path.name, entries=entries))


def _check_entries(name: str, infos: list[zipfile.ZipInfo], archive: zipfile.ZipFile) -> None:
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            raise damaged(name, msg("压缩包中有两个“{filename}”", filename=info.filename))
        seen.add(info.filename)
    if "xl/workbook.xml" not in seen:
        if "xl/workbook.bin" in seen:
            raise RegistryError(msg("“{name}”是 .xlsb（二进制工作簿）格式，无法导入；请在 Excel 中另存为 .xlsx 后"
                                "再导入。", name=name))
        raise zip_refusal(name, seen, _mimetype(archive))
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNCOMPRESSED:
        Budget(name).take(declared)


def _mimetype(archive: zipfile.ZipFile) -> str:
    """An OpenDocument file's first part names its kind; "" when there is none."""
    try:
        with archive.open("mimetype") as stream:
            return stream.read(100).decode("ascii", "replace").strip()
    except KeyError:
        return ""


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> Iterator[bytes]:
    """The part's bytes, 1 MB at a time, however large it says it is; zipfile checks each
    part's CRC at its end, so a part cut short or altered is found."""
    with archive.open(info) as stream:
        read = 0
        while chunk := _read(stream):
            read += len(chunk)
            if read > info.file_size:  # more than it declared: the directory lies
                raise damaged(budget.file, msg("部件“{filename}”比声明的大", filename=info.filename))
            budget.take(len(chunk))
            yield chunk


def _read(stream: IO[bytes]) -> bytes:
    return stream.read(CHUNK)


def _gaps(chunks: Iterator[bytes], name: str) -> Iterator[bytes]:
    """The chunks, refusing text or a tag that runs on past MAX_MARKUP_GAP."""
    run = 0
    for chunk in chunks:
        first = min((i for i in (chunk.find(b"<"), chunk.find(b">")) if i >= 0), default=-1)
        if first < 0:
            run += len(chunk)
        else:
            run += first
            if run <= MAX_MARKUP_GAP:
                run = len(chunk) - 1 - max(chunk.rfind(b"<"), chunk.rfind(b">"))
        if run > MAX_MARKUP_GAP:
            raise RegistryError(msg("工作表“{name}”中有一段超过 {value} MB 的连续文字或空白，"
                                "不是 Excel 会写出的内容（可能是恶意构造的文件），没有导入。", name=name,
                                value=MAX_MARKUP_GAP // MB))
        yield chunk


def _segments(chunks: Iterator[bytes], name: str) -> Iterator[tuple[bytes, int, int]]:
    """(buffer, cut, offset): every tag starting before `cut` lies whole in the buffer,
    and `cut` is where a tag starts, so no match of _START crosses it; offset is the
    buffer's position in the part."""
    buffer, offset = b"", 0
    for chunk in _gaps(chunks, name):
        buffer += chunk
        if len(buffer) <= _TAIL:
            continue
        cut = buffer.rfind(b"<", 0, len(buffer) - _TAIL)
        if cut <= 0:
            continue
        yield buffer, cut, offset
        buffer, offset = buffer[cut:], offset + cut
    if buffer:
        yield buffer, len(buffer), offset


def _scan_shared_strings(chunks: Iterator[bytes], name: str) -> SharedStrings:
    """The length of every shared string: the bytes from its <si> to the next (an upper
    bound of its text as UTF-8: markup and escapes only add to it)."""
    shared = SharedStrings()
    lengths = shared.lengths
    last, end = -1, 0
    for buffer, cut, offset in _segments(chunks, msg("共享字符串表")):
        for match in _SI.finditer(buffer, 0, cut):
            at = offset + match.start()
            if last >= 0:
                lengths.append(at - last)
            last = at
        if SHARED_STRING * len(lengths) + (offset + cut - max(last, 0)) > READ_BUDGET:
            raise RegistryError(msg("文件“{name}”的共享字符串表太大（读取需要超过 {value} MB 内存），"
                                "没有导入；请把数据分成几个文件再导入。", name=name, value=READ_BUDGET // MB))
        end = offset + cut
    if last >= 0:
        lengths.append(end - last)
    shared.longest = max(lengths, default=0)
    shared.text_bytes = sum(lengths)
    return shared


def _scan_sheet(chunks: Iterator[bytes], sheet: SheetSize, shared: SharedStrings) -> None:
    """Fill `sheet` with the extent and text of the cells the part holds, refusing it as
    soon as reading it would pass the budget. Rows and cells without an r attribute follow
    the one before, as calamine places them."""
    state = _ScanState()
    held = shared.memory()
    buffer, offset = b"", 0
    for buffer, cut, offset in _segments(chunks, sheet.name):
        if not _scan_regular(buffer, cut, offset, sheet, shared, state):
            _scan_tokens(buffer, cut, offset, sheet, shared, state)
        check_budget(sheet, held)
    if state.pending >= 0:
        sheet.text_bytes += offset + len(buffer) - state.pending
    check_budget(sheet, held)


@dataclass
class _ScanState:
    """Where the scan stands between two segments."""

    row: int = 0
    column: int = 0
    pending: int = -1  # where a cell with its text in the XML began
    letters: dict[bytes, int] = field(default_factory=dict)


def _scan_tokens(buffer: bytes, cut: int, offset: int, sheet: SheetSize, shared: SharedStrings,
                 state: _ScanState) -> None:
    """One segment, token by token: any markup _TOKEN reads."""
    row, column, pending, letters = state.row, state.column, state.pending, state.letters
    found = 0
    for match in _TOKEN.finditer(buffer):
        start = match.start()
        if start >= cut:
            break
        found += 1
        if pending >= 0:
            sheet.text_bytes += offset + start - pending
            pending = -1
        tag, attributes, value = match.groups()
        ref = _ref(attributes) if b"r" in attributes else None
        if tag == b"row":
            if ref is not None and not ref.isdigit():
                raise damaged(sheet.name, msg("工作表“{name}”中有无法识别的行号", name=sheet.name))
            row = int(ref) if ref is not None else row + 1
            column = 0
            continue
        if ref is None:
            column += 1
        else:
            name = ref.rstrip(b"0123456789")
            digits = ref[len(name):]
            if name not in letters:
                if not (name.isalpha() and digits and len(name) <= 10 and len(digits) <= 12):
                    raise damaged(sheet.name, msg("工作表“{name}”中有无法识别的单元格位置", name=sheet.name))
                letters[name] = _column_number(name)
            if not digits.isdigit() or len(digits) > 12:
                raise damaged(sheet.name, msg("工作表“{name}”中有无法识别的单元格位置", name=sheet.name))
            column, row = letters[name], int(digits)
        if attributes[-1:] == b"/":
            continue  # an empty cell, formatted only: calamine leaves it out
        sheet.cells += 1
        if row > sheet.rows:
            sheet.rows = row
        if column > sheet.columns:
            sheet.columns = column
        if b"t" in attributes:
            kind = _TYPE.search(attributes)
            if kind is not None and kind.group(1) == b"s":
                sheet.text_bytes += shared.length(int(value) if value is not None else None)
            elif kind is not None and kind.group(1) in _TEXT_TYPES:
                pending = offset + start
    if found != len(_START.findall(buffer, 0, cut)):
        raise damaged(sheet.name, msg("工作表“{name}”的内容格式有误", name=sheet.name))
    state.row, state.column, state.pending = row, column, pending


# Markup as Excel, WPS, LibreOffice and the Python writers lay it out: no namespace prefix,
# every row and cell with its position first, a cell's style and type after it. A segment
# made only of these is measured by whole-buffer searches (several times faster than a
# Python step per cell), with the very figures _scan_tokens would reach.
_PLAIN_START = re.compile(rb"<(?:c|row)[\s/>]")
_VALUE = rb"(?:\s{0,64}<" + _PREFIX + rb"v>\s{0,64}(\d{1,10})\s{0,64}<)?"
_REGULAR_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"(?: s="\d{1,6}")?(?: t="(\w{1,20})")?(/?)>')
_SHARED_CELL = re.compile(rb'<c r="[A-Z]{1,3}\d{1,7}"(?: s="\d{1,6}")? t="s">' + _VALUE)
_REGULAR_ROW = re.compile(rb'<row r="\d{1,7}"[^<>]{0,4000}>')
# A cell with its text in the XML, up to where the next row or cell starts.
_TEXT_SPAN = re.compile(rb'<c r="[A-Z]{1,3}\d{1,7}"(?: s="\d{1,6}")? t="(?:inlineStr|str|d|e)">'
                        rb"(?:[^<]++|<(?!(?:c|row)[\s/>]))*+")
_LAST_TOKEN_TRIES = 64


def _scan_regular(buffer: bytes, cut: int, offset: int, sheet: SheetSize, shared: SharedStrings,
                  state: _ScanState) -> bool:
    """One segment by whole-buffer searches, when every row and cell in it is regular
    markup; False (nothing counted) when one is not, for _scan_tokens to read."""
    if b":c" in buffer or b":row" in buffer:
        return False  # perhaps a prefixed tag, which the plain searches would not see
    starts = len(_PLAIN_START.findall(buffer, 0, cut))
    if not starts:
        return False
    after = _PLAIN_START.search(buffer, cut)
    if after is None and cut != len(buffer):
        return False  # a text cell may run on into the next segment: token by token
    end = after.start() if after is not None else len(buffer)
    last = _last_token(buffer, cut)
    if last is None:
        return False
    # Tokens start only where _START matches and none lies in [cut, end): searching up to
    # `end` finds exactly the ones starting before `cut`, each with its value whole.
    cells = _REGULAR_CELL.findall(buffer, 0, end)
    if len(cells) + len(_REGULAR_ROW.findall(buffer, 0, end)) != starts:
        return False
    full = [c for c in cells if not c[3]] if b"/" in set(map(itemgetter(3), cells)) else cells
    types = Counter(map(itemgetter(2), full))  # counted in C, as the searches run
    texts = sum(types[t] for t in _TEXT_TYPES)
    spans = _TEXT_SPAN.findall(buffer, 0, end) if texts else []
    if len(spans) != texts:
        return False
    if state.pending >= 0:
        first = _PLAIN_START.search(buffer)
        assert first is not None  # starts is not zero
        sheet.text_bytes += offset + first.start() - state.pending
    letters = state.letters
    if full:
        sheet.cells += len(full)
        sheet.rows = max(sheet.rows, max(map(int, map(itemgetter(1), full))))
        for name in set(map(itemgetter(0), full)):
            if name not in letters:
                letters[name] = _column_number(name)
            sheet.columns = max(sheet.columns, letters[name])
        if types[b"s"]:
            length = shared.length
            sheet.text_bytes += sum(length(int(v) if v else None)
                                    for v in _SHARED_CELL.findall(buffer, 0, end))
        sheet.text_bytes += sum(map(len, spans))
    tag, attributes, _value = last.groups()
    ref = _ref(attributes)
    assert ref is not None  # regular markup gives every token its position
    if tag == b"row":
        state.row, state.column = int(ref), 0
    else:
        name = ref.rstrip(b"0123456789")
        state.row, state.column = int(ref[len(name):]), letters.get(name) or _column_number(name)
    state.pending = -1  # the spans ran to the next token, or to the part's end
    return True


def _last_token(buffer: bytes, cut: int) -> re.Match[bytes] | None:
    """The last row or cell starting before `cut`, looked for backwards a few tags."""
    at = cut
    for _ in range(_LAST_TOKEN_TRIES):
        at = buffer.rfind(b"<", 0, at)
        if at < 0:
            return None
        if _START.match(buffer, at):
            return _TOKEN.match(buffer, at)
    return None


def _ref(attributes: bytes) -> bytes | None:
    """The r attribute's value (Excel writes it first, so that case is quick)."""
    if attributes.startswith(b' r="'):
        end = attributes.find(b'"', 4)
        if end > 0:
            return attributes[4:end]
    match = _REF.search(attributes)
    return match.group(1) if match else None


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _sheet_names(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Part name → the sheet's name as the clerk sees it, from workbook.xml and its
    relationships (both small: read at most 4 MB of each)."""
    def small(part: str) -> bytes:
        try:
            with archive.open(part) as stream:
                return stream.read(4 * MB)
        except KeyError:
            return b""

    targets: dict[bytes, str] = {}
    for match in _RELATION.finditer(small("xl/_rels/workbook.xml.rels")):
        attrs = dict(_ATTR.findall(match.group()))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl", target))
        targets[attrs.get(b"Id", b"")] = part
    out: dict[str, str] = {}
    for match in _SHEET.finditer(small("xl/workbook.xml")):
        attrs = dict(_ATTR.findall(match.group()))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), b"")
        if rid in targets:
            out[targets[rid]] = _unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
    return out


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)[:100]
