"""An encrypted backup: what it holds comes back only with its passphrase, whole and in
order; a wrong passphrase and a changed, cut or lengthened file are told apart and refused."""

from __future__ import annotations

import io

import nacl.pwhash.argon2id as argon2id
import pytest

from registry.storage import sealing
from registry.storage.sealing import CHUNK, Sealer, SealError, passphrase_problem, unsealed

PASSPHRASE = "街道的备份口令 2026"


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    # the file records its own cost: the tests write with libsodium's interactive one
    monkeypatch.setattr(sealing, "OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(sealing, "MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)


def sealed(content: bytes, passphrase: str = PASSPHRASE) -> bytes:
    out = io.BytesIO()
    sealer = Sealer(out, passphrase)
    for start in range(0, len(content), 300_000):  # written in pieces that are not chunks
        sealer.write(content[start:start + 300_000])
    sealer.close()
    return out.getvalue()


def opened(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return b"".join(unsealed(io.BytesIO(data), passphrase))


CONTENT = bytes(range(256)) * (CHUNK // 256 * 2 + 100)  # two chunks and a bit


def test_what_is_sealed_comes_back_with_its_passphrase_only():
    data = sealed(CONTENT)
    assert CONTENT[:4096] not in data
    assert opened(data) == CONTENT
    assert opened(sealed(b"")) == b""
    with pytest.raises(SealError) as wrong:
        opened(data, "another passphrase")
    assert wrong.value.wrong_passphrase and "口令不对" in str(wrong.value)


def test_the_same_words_typed_otherwise_open_it():
    decomposed = "Cafe\u0301 口令 0123456"  # é as e and a combining accent, as some input methods type it
    assert opened(sealed(b"x", decomposed), "Caf\u00e9 口令 0123456") == b"x"


@pytest.mark.parametrize("change", [
    lambda d: d[:200] + bytes([d[200] ^ 1]) + d[201:],  # a byte of the first content chunk
    lambda d: d[:-5] + bytes([d[-5] ^ 1]) + d[-4:],  # a byte of the last one
    lambda d: d[:len(d) // 2],  # cut short
    lambda d: d + b"\0",  # something appended
])
def test_a_changed_file_is_refused_as_changed(change):
    with pytest.raises(SealError) as refused:
        opened(change(sealed(CONTENT)))
    assert not refused.value.wrong_passphrase and "改动" in str(refused.value)


def test_chunks_swapped_are_refused():
    data = sealed(CONTENT)
    header = sealing.HEADER_SIZE
    first = header + 4 + int.from_bytes(data[header:header + 4], "little")  # after the key's check
    size = 4 + int.from_bytes(data[first:first + 4], "little")
    swapped = data[:first] + data[first + size:first + 2 * size] + data[first:first + size] + data[first + 2 * size:]
    with pytest.raises(SealError):
        opened(swapped)


def test_a_header_asking_for_an_absurd_cost_is_refused_before_any_work():
    data = bytearray(sealed(b"x"))
    data[21:29] = (1 << 40).to_bytes(8, "little")  # memlimit: a terabyte
    with pytest.raises(SealError):
        opened(bytes(data))


def test_a_passphrase_must_be_long_enough():
    assert passphrase_problem("short") is not None
    assert passphrase_problem(PASSPHRASE) is None
