"""Checks on the register's file: damage found at opening, SQLite versions with the WAL bug,
network shares."""

from pathlib import Path

import pytest

from registry import ops
from registry.storage.backup import make_backup
from registry.storage.health import DatabaseDamagedError, network_share_warning, sqlite_version_ok
from registry.storage.lifecycle import close_database, open_database

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def test_a_register_damaged_in_a_crash_is_refused_at_open(tmp_path: Path):
    path = tmp_path / "r.sqlite3"
    open_database(path)
    ops.register_person("clerk", PERSON)
    make_backup("manual")
    close_database()
    (path.parent / (path.name + ".in-use")).touch()  # as if the last session died
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 3 + 200] = b"\xff" * 200  # scribble over a page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError, match=r"r-\d{8}-\d{6}-manual"):  # its own backup
        open_database(path)
    close_database()


def test_sqlite_versions_with_the_wal_bug_are_recognised():
    assert not sqlite_version_ok((3, 44, 5)) and sqlite_version_ok((3, 44, 6))
    assert not sqlite_version_ok((3, 47, 0))
    assert not sqlite_version_ok((3, 50, 6)) and sqlite_version_ok((3, 50, 7))
    assert not sqlite_version_ok((3, 51, 2)) and sqlite_version_ok((3, 51, 3)) and sqlite_version_ok((3, 52, 0))


def test_a_register_opened_with_the_shipped_sqlite_has_no_library_warning(tmp_path: Path):
    from registry.storage import lifecycle, sqlite_library

    open_database(tmp_path / "r.sqlite3")
    try:
        assert sqlite_version_ok() and sqlite_library.SQLITE_VERSION >= (3, 51, 3)
        assert not [w for w in lifecycle.open_warnings if "SQLite" in w]
    finally:
        close_database()


def test_unc_paths_get_the_network_share_warning(tmp_path):
    assert "PostgreSQL" in network_share_warning(Path("//server/share/registry.sqlite3"))
    assert network_share_warning(tmp_path / "r.sqlite3") is None


def test_a_damaged_register_with_its_in_use_marker_is_one_sentence_on_the_command_line(tmp_path: Path, capsys):
    """It was a DatabaseDamagedError traceback."""
    from registry.cli import main

    path = tmp_path / "r.sqlite3"
    open_database(path)
    ops.register_person("clerk", PERSON)
    close_database()
    (path.parent / (path.name + ".in-use")).touch()
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    assert main(["--db", str(path), "stats"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("错误：登记库") and "管理员" in said and "Traceback" not in said


def test_the_old_sqlite_notice_says_what_it_means_and_whom_to_ask() -> None:
    """A clerk's words: nothing about WAL or defects, the data is fine, who to call."""
    from registry.storage import health

    text = health.sqlite_version_warning((3, 40, 1))  # Python 3.11's own SQLite
    assert text is not None and "信息科" in text and "照常使用" in text and "3.40.1" in text
    assert "WAL" not in text and "缺陷" not in text
