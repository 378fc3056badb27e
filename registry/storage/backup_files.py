"""What a backup file holds, told by its first bytes (never by its name, which anyone may
change): a SQLite register (backups made before they were compressed, a copy for another
program), one zstd frame of a register (every backup now), or an encrypted backup (a
compressed one sealed with a passphrase: storage/sealing.py).

zstd at level 3: at 1M volunteers / 10M records it made the register about 4.5 times smaller
at several hundred MB/s on one core, four times faster than zlib at a better ratio (see
bench/bench_backup.py). Its frames carry a checksum of their content, so a backup changed
since it was written and checked is found by reading it through."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from registry.rules.problems import RegistryError
from registry.storage.sealing import Sealer, SealError, is_sealed, unsealed
from registry.texts import msg

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

SQLITE_HEADER = b"SQLite format 3\x00"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
LEVEL = 3
CHUNK = 1 << 20


class Kind(StrEnum):
    SQLITE = "sqlite"
    COMPRESSED = "compressed"
    SEALED = "sealed"


class UnreadableBackup(RegistryError):
    """A backup that cannot be read back; `why` says so in a clause ("它已损坏，读不出来")."""

    def __init__(self, why: str, *, needs_passphrase: bool = False, wrong_passphrase: bool = False) -> None:
        super().__init__(why)
        self.why = why
        self.needs_passphrase = needs_passphrase
        self.wrong_passphrase = wrong_passphrase


def kind_of(path: Path) -> Kind | None:
    """What the file holds, from its first bytes; None for anything else (or no file)."""
    try:
        with Path(path).open("rb") as file:
            head = file.read(16)
    except OSError:
        return None
    if head.startswith(SQLITE_HEADER):
        return Kind.SQLITE
    if head.startswith(ZSTD_MAGIC):
        return Kind.COMPRESSED
    return Kind.SEALED if is_sealed(head) else None


def pack(snapshot: Path, out: BinaryIO, passphrase: str | None = None) -> None:
    """The register file at `snapshot`, compressed (and sealed with `passphrase`), into `out`."""
    sealer = Sealer(out, passphrase) if passphrase is not None else None
    sink = sealer or out
    compressor = zstd.ZstdCompressor(options={zstd.CompressionParameter.compression_level: LEVEL,
                                             zstd.CompressionParameter.checksum_flag: 1})
    with snapshot.open("rb") as source:
        while chunk := source.read(CHUNK):
            sink.write(compressor.compress(chunk))
    sink.write(compressor.flush())
    if sealer is not None:
        sealer.close()


def _damaged() -> UnreadableBackup:
    return UnreadableBackup(msg("它已损坏或不完整（可能复制时出错），读不出来"))


def _expanded(frames: Iterable[bytes]) -> Iterator[bytes]:
    """One zstd frame's content, at most 4 chunks at a time whatever a chunk expands to."""
    decompressor = zstd.ZstdDecompressor()
    try:
        for data in frames:
            if decompressor.eof:
                if data:
                    raise _damaged()  # something after the end of the frame
                continue
            yield decompressor.decompress(data, max_length=4 * CHUNK)
            while not decompressor.eof and not decompressor.needs_input:
                yield decompressor.decompress(b"", max_length=4 * CHUNK)
            if decompressor.eof and decompressor.unused_data:
                raise _damaged()
    except (zstd.ZstdError, EOFError) as exc:  # a changed byte fails the frame's checksum
        raise _damaged() from exc
    if not decompressor.eof:
        raise _damaged()  # cut short


def _chunks(file: BinaryIO) -> Iterator[bytes]:
    while chunk := file.read(CHUNK):
        yield chunk


def contents(source: Path, passphrase: str | None = None) -> Iterator[bytes]:
    """The register a backup holds, as the bytes of a SQLite file, chunk by chunk; raises
    UnreadableBackup (with why) for a file that is none, damaged, or sealed without (or with
    the wrong) passphrase. A sealed file is read only once its passphrase opens it."""
    kind = kind_of(source)
    if kind is None:
        raise UnreadableBackup(msg("它不是街道社会工作登记台的备份"))
    if kind is Kind.SEALED and passphrase is None:
        raise UnreadableBackup(msg("它是加密备份，需要输入导出时设定的口令"), needs_passphrase=True)
    first = True
    with Path(source).open("rb") as file:
        if kind is Kind.SQLITE:
            yield from _chunks(file)
            return
        try:
            frames = unsealed(file, passphrase) if kind is Kind.SEALED and passphrase is not None else _chunks(file)
            for chunk in _expanded(frames):
                if first and chunk:
                    if not chunk.startswith(SQLITE_HEADER):
                        raise UnreadableBackup(msg("它不是街道社会工作登记台的备份"))
                    first = False
                yield chunk
        except SealError as exc:
            raise UnreadableBackup(str(exc), wrong_passphrase=exc.wrong_passphrase) from exc
    if first:
        raise _damaged()  # an empty frame


def unpack(source: Path, target: Path, passphrase: str | None = None) -> None:
    """Write the register the backup at `source` holds to `target`, a plain SQLite file
    (what an older uncompressed backup's WAL still held comes along as target's -wal, for
    SQLite to recover when the copy is opened). The source is only read, never opened as a
    database: nothing is written beside it."""
    source, target = Path(source), Path(target)
    with target.open("wb") as out:
        for chunk in contents(source, passphrase):
            out.write(chunk)
    wal = Path(f"{source}-wal")
    if kind_of(source) is Kind.SQLITE and wal.is_file() and wal.stat().st_size:
        shutil.copyfile(wal, f"{target}-wal")


def readable(source: Path) -> bool:
    """Whether a compressed backup reads through whole, every checksum matching."""
    try:
        for _chunk in contents(source):
            pass
    except (UnreadableBackup, OSError):
        return False
    return True
