"""Crafted files that attack the importer's reader (issue 12, item 8), each with what it must
end in: a fragment of the one sentence that refuses it, or None when it is harmless and is
read. Shared by tests/integration/registry/importer/test_hostile_workbooks.py and
bench/attack/files.py."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
          '2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
_WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
             'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             '<sheet name="志愿者" sheetId="1" r:id="rId1"/></sheets></workbook>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
         '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type='
         '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target='
         '"sharedStrings.xml"/></Relationships>')
_ROOT_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>')
GB = 1 << 30


def workbook(path: Path, rows: str, *, shared: list[str] | None = None, strings_xml: bytes | None = None,
             extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    """An .xlsx of one sheet, 志愿者, whose <sheetData> holds `rows`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><sheetData>')
            sheet.write(rows.encode())
            sheet.write(b"</sheetData></worksheet>")
        if shared is not None or strings_xml is not None:
            body = strings_xml if strings_xml is not None else "".join(
                f"<si><t>{s}</t></si>" for s in shared or []).encode()
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                           b'spreadsheetml/2006/main">')
                part.write(body)
                part.write(b"</sst>")
        if extra is not None:
            extra(archive)
    return path


def _streamed(archive: zipfile.ZipFile, name: str, unit: bytes, total: int, head: bytes = b"",
              tail: bytes = b"") -> None:
    with archive.open(name, "w", force_zip64=True) as part:
        part.write(head)
        for _ in range(total // len(unit)):
            part.write(unit)
        part.write(tail)


def xfd_cell(path: Path) -> Path:
    """Issue 12's 3 KB workbook: one value at XFD1048576 (calamine asked for 512 GB)."""
    return workbook(path, HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def whitespace_gb(path: Path) -> Path:
    """A sheet of 1 GB of whitespace (it took 1.1 GB of memory), about 4 MB on disk."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        _streamed(archive, "xl/worksheets/sheet1.xml", b" " * (1 << 20), GB,
                  head=b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       b'<sheetData>' + HEADER_ROW.encode(),
                  tail=b"</sheetData></worksheet>")
    return path


def whitespace_in_cell(path: Path) -> Path:
    """100 MB of whitespace inside one cell's text, under every size limit but the run's."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        _streamed(archive, "xl/worksheets/sheet1.xml", b" " * (1 << 20), 100 << 20,
                  head=b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       b'<sheetData>' + HEADER_ROW.encode() + b'<row r="2"><c r="A2" t="inlineStr"><is><t>',
                  tail=b"</t></is></c></row></sheetData></worksheet>")
    return path


def zip_bomb(path: Path) -> Path:
    """A proper little workbook carrying a part that unpacks 1 MB to 1 GB of zeros."""
    return workbook(path, HEADER_ROW, extra=lambda a: _streamed(a, "xl/media/image1.bin", bytes(1 << 20), GB))


def lying_size(path: Path) -> Path:
    """A sheet whose directory entry declares 100 bytes for 2 MB of XML."""
    workbook(path, HEADER_ROW + "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                                        for r in range(2, 60_000)))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = 0
    while (at := data.find(name, at + 1)) > 0:
        if data[at - 46:at - 42] == b"PK\x01\x02":  # central directory: uncompressed size at +24
            struct.pack_into("<I", data, at - 46 + 24, 100)
    path.write_bytes(bytes(data))
    return path


def shared_clone(path: Path) -> Path:
    """One 30,000-character shared string shown in 40,000 cells: calamine copies it into
    each (1.2 GB) from a 200 KB file."""
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(2, 40_002))
    return workbook(path, HEADER_ROW + cells, shared=["长" * 10_000])


def huge_shared_strings(path: Path) -> Path:
    """A shared-strings table of 12 million tiny strings (200 MB of XML, a few MB packed)."""
    def table(archive: zipfile.ZipFile) -> None:
        _streamed(archive, "xl/sharedStrings.xml", b"<si><t>x</t></si>" * 4096, 12_000_000 * 17,
                  head=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
                  tail=b"</sst>")
    return workbook(path, HEADER_ROW, extra=table)


def nested(path: Path) -> Path:
    """100,000 nested elements inside a cell."""
    return workbook(path, HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is>' + "<r>" * 100_000
                    + "</r>" * 100_000 + "</is></c></row>")


def malformed(path: Path) -> Path:
    """Tags that do not close: calamine raises XmlError."""
    return workbook(path, HEADER_ROW + '<row r="2"><c r="A2"><v>1</c></row></rowx>')


def truncated(path: Path) -> Path:
    workbook(path, HEADER_ROW + "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 5000)))
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def png(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return path


def _xls(path: Path, patch: Callable[[bytearray], None]) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("志愿者")
    sheet.write(0, 0, "姓名")
    sheet.write(0, 1, "身份证号")
    sheet.write(1, 0, "张三")
    sheet.write(3, 2, 5)
    book.save(str(path))
    data = bytearray(path.read_bytes())
    patch(data)
    path.write_bytes(bytes(data))
    return path


def xls_lying_dimension(path: Path) -> Path:
    """DIMENSIONS says 65,536 × 256 for four cells: calamine ignores it, and so may we."""
    def patch(data: bytearray) -> None:
        at = data.find(struct.pack("<HH", 0x0200, 14))
        struct.pack_into("<IIHH", data, at + 4, 0, 65536, 0, 256)
    return _xls(path, patch)


def xls_far_column(path: Path) -> Path:
    """A cell record at row 65,535, column 65,535: calamine asked for 128 GB and aborted."""
    def patch(data: bytearray) -> None:
        at = data.find(struct.pack("<HHHH", 0x027E, 10, 3, 2))
        struct.pack_into("<HH", data, at + 4, 65535, 65535)
    return _xls(path, patch)


def xls_shared_clone(path: Path) -> Path:
    """A 30,000-character string in 40,000 cells of an .xls (xlwt stores it once)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("志愿者")
    sheet.write(0, 0, "姓名")
    sheet.write(0, 1, "身份证号")
    text = "x" * 30_000
    for row in range(1, 40_001):
        sheet.write(row, 0, text)
    book.save(str(path))
    return path


def ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", '<office:document-content><table:table-row table:number-rows-repeated='
                                        '"1048576"><table:table-cell table:number-columns-repeated="16384" '
                                        'office:value="1"/></table:table-row></office:document-content>')
    return path


# name → (builder, fragment of the sentence it must end in; None: read, harmlessly)
HOSTILE: dict[str, tuple[Callable[[Path], Path], str | None]] = {
    "xfd-cell.xlsx": (xfd_cell, "最后一个有内容的单元格是 XFD1048576"),
    "whitespace-1gb.xlsx": (whitespace_gb, "压缩炸弹"),
    "whitespace-in-cell.xlsx": (whitespace_in_cell, "连续文字或空白"),
    "zip-bomb.xlsx": (zip_bomb, "压缩炸弹"),
    "lying-size.xlsx": (lying_size, "已损坏"),
    "shared-clone.xlsx": (shared_clone, "文字太多"),
    "huge-shared-strings.xlsx": (huge_shared_strings, "共享字符串表太大"),
    "nested.xlsx": (nested, None),
    "malformed.xlsx": (malformed, "无法读取工作表“志愿者”"),
    "truncated.xlsx": (truncated, "已损坏"),
    "empty.xlsx": (empty, "是空的"),
    "empty.csv": (empty, "是空的"),
    "report.pdf.xlsx": (pdf, "是PDF 文件"),
    "photo.png.xls": (png, "是PNG 图片"),
    "lying-dimension.xls": (xls_lying_dimension, None),
    "far-column.xls": (xls_far_column, "超出 Excel 表格范围"),
    "shared-clone.xls": (xls_shared_clone, "文字太多"),
    "calc.ods.xlsx": (ods, "是OpenDocument 表格"),
}


# The import of one file, in a process of its own: calamine's failed allocation ends the
# process (exit 134), which must not take the caller with it. It prints what happened.
_IMPORT_CHILD = """
import json, resource, sys
from registry.storage.lifecycle import open_database
from registry.storage.models import AuditEntry, Person, ServiceRecord
from registry.storage.db import database
open_database(sys.argv[2])
def stored():
    return [Person.select().count(), AuditEntry.select().count(), ServiceRecord.select().count()]
before = stored()
from registry.importer import preview_import
from registry.rules.problems import RegistryError
try:
    preview = preview_import("volunteers", sys.argv[1])
    outcome, message = "read", f"{len(preview.rows)} rows"
except RegistryError as exc:
    outcome, message = "refused", str(exc)
ok = database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
after = stored()
print(json.dumps({"outcome": outcome, "message": message, "unchanged": after == before,
                  "added": sum(after) - sum(before),
                  "intact": ok, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def import_in_child(path: Path, register: Path, root: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """`import volunteers` previewing `path` on a register at `register`, in a child process
    run from `root`; its stdout is one JSON line: outcome ("read" or "refused"), message,
    the counts unchanged, rows added, register intact, peak memory in bytes."""
    return subprocess.run([sys.executable, "-c", _IMPORT_CHILD, str(path), str(register)],
                          cwd=root, capture_output=True, text=True, timeout=timeout, check=False)
