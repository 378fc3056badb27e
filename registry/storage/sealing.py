"""A backup that leaves the machine, encrypted with a passphrase (libsodium through PyNaCl).

The key is derived from the passphrase with Argon2id (libsodium's crypto_pwhash, its
"moderate" cost: about half a second and 256 MB, so each guess costs an attacker as much);
the content is encrypted in 1 MiB chunks with libsodium's secretstream
(XChaCha20-Poly1305), which authenticates every chunk, their order and the end of the
stream: a changed, reordered, cut short or lengthened file is refused, never half read.

    magic (16) | kdf (1) | opslimit (4) | memlimit (8) | salt (16) | stream header (24)
    then chunks: length (4, little-endian) | ciphertext; the last one tagged FINAL.

The first chunk is empty, with the header before it as its associated data: it opens only
with the right key and an unchanged header (cost parameters, salt), so a wrong passphrase
is told apart from a file changed further on."""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
import nacl.utils

from registry.rules.problems import RegistryError
from registry.texts import msg

MAGIC = b"SORegistrySeal\x00\x01"  # 16 bytes: this program's encrypted backup, format 1
KDF_ARGON2ID = 1
_FIXED = struct.Struct("<16sBIQ16s")
HEADER_SIZE = _FIXED.size + sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
CHUNK = 1 << 20
_LENGTH = struct.Struct("<I")
OPSLIMIT, MEMLIMIT = argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE
# A file may ask for any cost; more than this is no backup of ours (and would stall the PC).
MAX_OPSLIMIT, MAX_MEMLIMIT = 16, 1 << 30
MIN_PASSPHRASE = 10


class SealError(RegistryError):
    """An encrypted backup that cannot be read: `wrong_passphrase` or changed/damaged."""

    def __init__(self, message: str, *, wrong_passphrase: bool = False) -> None:
        super().__init__(message)
        self.wrong_passphrase = wrong_passphrase


def passphrase_problem(passphrase: str) -> str | None:
    """Why a passphrase may not seal a backup; None when it may."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        return msg("口令至少要 {count} 个字符（建议用一句不易猜到的话）。", count=MIN_PASSPHRASE)
    return None


def _key(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    # NFC: the same words typed on another PC (another input method) give the same key
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8", errors="surrogatepass")
    return bytes(argon2id.kdf(sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES, secret, salt,
                              opslimit=opslimit, memlimit=memlimit))


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


class Sealer:
    """A writable stream that encrypts what is written to it into `out`; close() ends it."""

    def __init__(self, out: BinaryIO, passphrase: str) -> None:
        salt = nacl.utils.random(argon2id.SALTBYTES)
        key = _key(passphrase, salt, OPSLIMIT, MEMLIMIT)
        self._out = out
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        header = _FIXED.pack(MAGIC, KDF_ARGON2ID, OPSLIMIT, MEMLIMIT, salt) + stream_header
        out.write(header)
        self._pending = bytearray()
        self._push(b"", sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, header)  # the key's check

    def write(self, data: bytes) -> int:
        self._pending += data
        while len(self._pending) > CHUNK:
            self._push(bytes(self._pending[:CHUNK]), sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            del self._pending[:CHUNK]
        return len(data)

    def close(self) -> None:
        self._push(bytes(self._pending), sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        self._pending.clear()

    def _push(self, chunk: bytes, tag: int, ad: bytes | None = None) -> None:
        sealed = sodium.crypto_secretstream_xchacha20poly1305_push(self._state, chunk, ad, tag)
        self._out.write(_LENGTH.pack(len(sealed)) + sealed)


def _damaged() -> SealError:
    return SealError(msg("加密备份已被改动或已损坏（可能复制时出错），不能使用"))


def unsealed(source: BinaryIO, passphrase: str) -> Iterator[bytes]:
    """The content of the encrypted backup read from `source`, chunk by chunk, each one
    authenticated before it is given; SealError for a wrong passphrase or a changed file."""
    fixed = source.read(_FIXED.size)
    if len(fixed) < _FIXED.size:
        raise _damaged()
    magic, kdf, opslimit, memlimit, salt = _FIXED.unpack(fixed)
    if magic != MAGIC or kdf != KDF_ARGON2ID or not (0 < opslimit <= MAX_OPSLIMIT
                                                     and argon2id.MEMLIMIT_MIN <= memlimit <= MAX_MEMLIMIT):
        raise _damaged()
    stream_header = source.read(sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES)
    if len(stream_header) < sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES:
        raise _damaged()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header,
                                                          _key(passphrase, salt, opslimit, memlimit))
    ad: bytes | None = fixed + stream_header
    while True:
        length = source.read(_LENGTH.size)
        if len(length) < _LENGTH.size:
            raise _damaged()  # cut short: the final chunk never came
        (size,) = _LENGTH.unpack(length)
        sealed = source.read(size) if size <= CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES else b""
        if not sealed or len(sealed) < size:
            raise _damaged()
        try:
            chunk, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, ad)
        except nacl.exceptions.CryptoError as exc:
            if ad is not None:  # the first chunk: the key itself does not fit
                raise SealError(msg("口令不对，没有解开这份加密备份"), wrong_passphrase=True) from exc
            raise _damaged() from exc
        if ad is not None and chunk:
            raise _damaged()
        ad = None
        yield chunk
        if tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL:
            if source.read(1):
                raise _damaged()  # something appended after the end
            return
