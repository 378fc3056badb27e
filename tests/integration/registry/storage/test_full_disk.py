"""A full disk, for real: the register on a small tmpfs filled to the brim. Every write that
cannot finish says the disk is full, in plain words, and leaves the register whole."""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from registry import ops
from registry.cli import main
from registry.ops.backups import restore
from registry.rules.idnumber import check_id_number
from registry.storage import sqlite_library
from registry.storage.backup import backup_to, make_backup
from registry.storage.faults import Fault, describe, fault_of
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Person

pytestmark = pytest.mark.slow

SIZE_MB = 4


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE_MB}m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        close_database()
        subprocess.run(["umount", "-l", str(folder)], check=False)


def valid_id(serial: int) -> str:
    body = f"1101051980{(serial // 1000) % 12 + 1:02d}{serial % 28 + 1:02d}{serial % 1000:03d}"
    return next(body + c for c in "0123456789X" if check_id_number(body + c)[0])


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk, leaving about `leave` bytes."""
    filler = folder / "filler.bin"
    with filler.open("wb") as out:
        chunk = b"\0" * 65536
        try:
            while os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize > leave + len(chunk):
                out.write(chunk)
                out.flush()
        except OSError:
            pass
    return filler


def whole(path: Path) -> tuple[str, int]:
    with sqlite_library.connect(path) as conn:
        result = (conn.execute("PRAGMA integrity_check").fetchone()[0],
                  conn.execute("SELECT count(*) FROM person").fetchone()[0])
    conn.close()
    return result


def register_on(folder: Path, people: int = 5) -> Path:
    path = folder / "registry.sqlite3"
    open_database(path)
    for i in range(people):
        ops.register_person("clerk", {"id_number": valid_id(i), "name": f"甲{i}"})
    return path


def test_writing_on_a_full_disk_says_so_and_keeps_the_register(small_disk: Path):
    path = register_on(small_disk)
    fill(small_disk)
    with pytest.raises(Exception) as caught:
        for i in range(100, 5000):  # until the disk refuses
            ops.register_person("clerk", {"id_number": valid_id(i), "name": f"乙{i}",
                                          "address": "北京市朝阳区" * 200})
    assert fault_of(caught.value) is Fault.FULL, repr(caught.value)
    assert "磁盘已满" in describe(caught.value)
    close_database()
    (small_disk / "filler.bin").unlink()
    integrity, count = whole(path)
    assert integrity == "ok" and count >= 5


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_file(small_disk: Path, capsys):
    path = register_on(small_disk, 50)
    close_database()
    fill(small_disk, leave=20_000)
    assert main(["--db", str(path), "backup", str(small_disk / "copy.sqlite3")]) == 2
    said = capsys.readouterr().err
    assert "磁盘已满" in said and "Traceback" not in said, said
    assert not (small_disk / "copy.sqlite3").exists() and not (small_disk / "copy.sqlite3.part").exists()
    (small_disk / "filler.bin").unlink()
    assert whole(path) == ("ok", 50)


def test_a_restore_on_a_full_disk_says_so_and_leaves_the_register_as_it_was(small_disk: Path, tmp_path: Path):
    path = register_on(small_disk, 20)
    backup = backup_to(tmp_path / "backup.sqlite3")  # on the big disk
    ops.register_person("clerk", {"id_number": valid_id(900), "name": "丙"})
    make_backup("manual")
    fill(small_disk, leave=20_000)
    with pytest.raises(ops.RegistryError, match="磁盘已满"):
        restore("admin", backup)
    assert Person.select().count() == 21
    close_database()
    (small_disk / "filler.bin").unlink()
    assert whole(path) == ("ok", 21)
    assert not list(small_disk.glob("*.restoring*"))


def test_an_import_on_a_full_disk_says_so_and_imports_nothing(small_disk: Path, tmp_path: Path, capsys):
    from helpers.importer import write_sheet

    path = register_on(small_disk, 3)
    close_database()
    rows = [[f"丁{i}", valid_id(2000 + i), "北京市朝阳区建外街道" * 30] for i in range(3000)]
    sheet = write_sheet(tmp_path / "in.xlsx", ["姓名", "公民身份号码", "住址"], rows)
    fill(small_disk, leave=60_000)
    code = main(["--db", str(path), "import", "volunteers", str(sheet)])
    said = capsys.readouterr().err
    assert code != 0 and "磁盘已满" in said and "Traceback" not in said, said
    (small_disk / "filler.bin").unlink()
    assert whole(path) == ("ok", 3)
