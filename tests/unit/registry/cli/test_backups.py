"""backup and restore as an administrator types them: the backup restored stays, an
encrypted export comes back with its passphrase, and every refusal is one plain line."""

from __future__ import annotations

from pathlib import Path

import nacl.pwhash.argon2id as argon2id
import pytest

from registry.cli import main
from registry.storage.lifecycle import close_database

PASSPHRASE = "街道的备份口令 2026"


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from registry.storage import sealing

    monkeypatch.setattr(sealing, "OPSLIMIT", argon2id.OPSLIMIT_INTERACTIVE)
    monkeypatch.setattr(sealing, "MEMLIMIT", argon2id.MEMLIMIT_INTERACTIVE)
    monkeypatch.delenv("REGISTRY_BACKUP_PASSPHRASE", raising=False)
    path = tmp_path / "朝外街道.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def run(register: Path, *words: str) -> int:
    try:
        return main(["--db", str(register), *words])
    finally:
        close_database()


def said(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return out + err


def test_restoring_the_backup_just_made_keeps_it(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(register, "backup") == 0
    backup = Path(said(capsys).strip().splitlines()[-1].split("：", 1)[1])
    assert run(register, "restore", str(backup), "--yes") == 0
    assert "已恢复" in said(capsys)
    assert backup.is_file()
    assert run(register, "restore", str(backup), "--yes") == 0  # and again: it is still a recovery point


def test_an_encrypted_export_restores_with_its_passphrase_only(register: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "U盘" / "朝外街道.enc"
    usb.parent.mkdir()
    assert run(register, "backup", "--encrypt", str(usb)) == 2  # no terminal, no passphrase: a sentence
    assert "REGISTRY_BACKUP_PASSPHRASE" in said(capsys) and not usb.exists()
    monkeypatch.setenv("REGISTRY_BACKUP_PASSPHRASE", "short")
    assert run(register, "backup", "--encrypt", str(usb)) == 2
    assert "至少" in said(capsys) and not usb.exists()
    monkeypatch.setenv("REGISTRY_BACKUP_PASSPHRASE", PASSPHRASE)
    assert run(register, "backup", "--encrypt", str(usb)) == 0
    assert "口令" in said(capsys) and usb.is_file() and list(usb.parent.iterdir()) == [usb]
    monkeypatch.setenv("REGISTRY_BACKUP_PASSPHRASE", "another passphrase")
    assert run(register, "restore", str(usb), "--yes") == 2
    lines = said(capsys).strip().splitlines()
    assert "口令不对" in lines[-1] and "当前登记库保持原样" in lines[-1]
    monkeypatch.setenv("REGISTRY_BACKUP_PASSPHRASE", PASSPHRASE)
    assert run(register, "restore", str(usb), "--yes") == 0
    assert "已恢复" in said(capsys)


def test_a_damaged_backup_is_refused_in_one_line(register: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(register, "backup") == 0
    backup = Path(said(capsys).strip().splitlines()[-1].split("：", 1)[1])
    cut = tmp_path / "cut.sqlite3.zst"
    cut.write_bytes(backup.read_bytes()[:5000])
    assert run(register, "restore", str(cut), "--yes") == 2
    assert said(capsys).strip().splitlines()[-1].endswith("没有恢复，当前登记库保持原样。")
