"""Files other programs write, crafted byte by byte: an OLE2 compound file with the streams
a WPS .et, an encrypted workbook or a Word .doc holds; a Numbers document's zip."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR = 512
CUTOFF = 4096  # streams this long or longer live in regular sectors (no mini stream here)


def _entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    encoded = (name.encode("utf-16-le") + b"\0\0") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NONE, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size))


def ole2_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A version-3 compound file: sector 0 the FAT, sector 1 the directory (the root and up
    to three streams, chained as right siblings), then each stream padded to CUTOFF."""
    assert len(streams) <= 3
    data: list[bytes] = []
    fat = [FAT_SECTOR, END]
    entries = [b""]  # the root, filled in below
    for index, (name, content) in enumerate(streams.items(), start=1):
        body = content.ljust(CUTOFF, b"\0")
        first = len(fat)
        count = -(-len(body) // SECTOR)
        fat += [first + i + 1 for i in range(count - 1)] + [END]
        data.append(body.ljust(count * SECTOR, b"\0"))
        right = index + 1 if index < len(streams) else NONE
        entries.append(_entry(name, 2, NONE, right, first, len(body)))
    entries[0] = _entry("Root Entry", 5, 1 if streams else NONE, NONE, END, 0)
    while len(entries) < 4:
        entries.append(_entry("", 0, NONE, NONE, 0, 0))
    assert len(fat) <= SECTOR // 4
    header = (SIGNATURE + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, CUTOFF, END, 0, END, 0)
              + struct.pack("<109I", 0, *([FREE] * 108)))
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *fat, *([FREE] * (SECTOR // 4 - len(fat))))
    path.write_bytes(header + fat_sector + b"".join(entries) + b"".join(data))
    return path


def wps_et(path: Path) -> Path:
    """A WPS 表格 document in its own format: an OLE2 file without a BIFF Workbook stream."""
    return ole2_file(path, {"ETExtData": b"\x01\x00" * 64, "SummaryInformation": b"\xfe\xff"})


def encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a workbook with an open password: the zip, encrypted, in an
    OLE2 file beside the description of its encryption (agile encryption's XML)."""
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + b'<?xml version="1.0"?><encryption/>'
    return ole2_file(path, {"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 3000) + b"\x8f" * 3000})


def word_doc(path: Path) -> Path:
    return ole2_file(path, {"WordDocument": b"\xec\xa5\xc1\x00", "1Table": b"\0"})


def numbers_document(path: Path) -> Path:
    """A Numbers document as the Mac saves it (one zip, since Numbers 3)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x1b\x00\x00\x08\x01\x12\x00")
        archive.writestr("Metadata/Properties.plist", b"bplist00")
        archive.writestr("preview.jpg", b"\xff\xd8\xff\xe0")
    return path
