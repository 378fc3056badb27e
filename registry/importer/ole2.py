"""Reading one stream out of an OLE2 compound file (the container of .xls), enough to
measure the workbook before calamine opens it. Every sector chain is followed with a bound
(no loops, no sector outside the file), so a crafted file ends in a sentence."""

from __future__ import annotations

import struct
from pathlib import Path

from registry.importer.formats import ole2_refusal
from registry.importer.limits import damaged
from registry.texts import msg

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE_OR_END = 0xFFFFFFFA  # and above: end of chain, free, FAT and DIFAT markers


class _File:
    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.data = path.read_bytes()  # at most 50 MB: limits.check_file came first
        if len(self.data) < 512 or self.data[:8] != SIGNATURE:
            raise damaged(self.name, msg("不是完整的 .xls 文件"))
        header = self.data[:512]
        shift, mini_shift = struct.unpack_from("<HH", header, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise damaged(self.name, msg("文件头有误"))
        self.size = 1 << shift
        self.sectors = (len(self.data) - 512) // self.size + 1
        fat_count, self.directory = struct.unpack_from("<II", header, 0x2C)
        self.cutoff, self.mini_fat_start = struct.unpack_from("<II", header, 0x38)
        difat_start, difat_count = struct.unpack_from("<II", header, 0x44)
        fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))
        seen: set[int] = set()
        sector = difat_start
        for _ in range(difat_count):
            if sector >= _FREE_OR_END or sector in seen or sector >= self.sectors:
                break
            seen.add(sector)
            words = struct.unpack_from(f"<{self.size // 4}I", self._sector(sector))
            fat_sectors += words[:-1]
            sector = words[-1]
        fat_sectors = [s for s in fat_sectors[:fat_count] if s < _FREE_OR_END]
        if len(fat_sectors) > self.sectors:
            raise damaged(self.name, msg("文件分配表有误"))
        self.fat = b"".join(self._sector(s) for s in fat_sectors)

    def _sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise damaged(self.name, msg("文件不完整"))
        start = 512 + number * self.size
        return self.data[start:start + self.size]

    def _next(self, table: bytes, number: int) -> int:
        if 4 * number + 4 > len(table):
            raise damaged(self.name, msg("扇区链有误"))
        (following,) = struct.unpack_from("<I", table, 4 * number)
        return int(following)

    def chain(self, start: int, limit: int) -> bytes:
        """The sectors from `start`, at most `limit` bytes (the stream's size)."""
        parts: list[bytes] = []
        seen: set[int] = set()
        sector, total = start, 0
        while sector < _FREE_OR_END and total < limit:
            if sector in seen:
                raise damaged(self.name, msg("扇区链循环"))
            seen.add(sector)
            parts.append(self._sector(sector))
            total += self.size
            sector = self._next(self.fat, sector)
        return b"".join(parts)[:limit]

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every directory entry."""
        raw = self.chain(self.directory, len(self.data))
        out = []
        for at in range(0, len(raw) - 127, 128):
            length = struct.unpack_from("<H", raw, at + 64)[0]
            name = raw[at:at + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
            kind = raw[at + 66]
            start, size = struct.unpack_from("<IQ", raw, at + 116)
            if self.size == 512:
                size &= 0xFFFFFFFF  # version 3 files leave the high half undefined
            out.append((name, kind, start, size))
        return out


def read_stream(path: Path, names: tuple[str, ...]) -> bytes:
    """The first of the named streams (case does not matter) in the compound file."""
    file = _File(path)
    entries = file.entries()
    if not entries:
        raise damaged(file.name, msg("文件目录为空"))
    wanted = {n.lower() for n in names}
    found = next((e for e in entries if e[1] == 2 and e[0].lower() in wanted), None)
    if found is None:
        raise ole2_refusal(file.name, {e[0] for e in entries if e[1] in (1, 2)})
    _name, _kind, start, size = found
    if size > len(file.data):
        raise damaged(file.name, msg("工作表数据比文件本身还大"))
    if size >= file.cutoff:
        return file.chain(start, size)
    root = entries[0]
    mini_stream = file.chain(root[2], root[3])
    mini_fat = file.chain(file.mini_fat_start, len(file.data))
    parts: list[bytes] = []
    seen: set[int] = set()
    sector, total = start, 0
    while sector < _FREE_OR_END and total < size:
        if sector in seen or 64 * sector + 64 > len(mini_stream):
            raise damaged(file.name, msg("扇区链有误"))
        seen.add(sector)
        parts.append(mini_stream[64 * sector:64 * sector + 64])
        total += 64
        sector = file._next(mini_fat, sector)
    return b"".join(parts)[:size]
