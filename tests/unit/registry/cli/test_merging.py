"""merge-people on the command line: by document numbers, confirmed, in plain sentences."""

from __future__ import annotations

from pathlib import Path

from helpers.certificates import volunteer_with_hours

from registry import ops
from registry.cli import main
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Person, Volunteer

OLD, NEW = "11010519491231002X", "110105198001010024"


def register(path: Path, area: dict[str, int]) -> None:
    volunteer_with_hours(area)
    ops.register_person("clerk", {"id_number": NEW, "name": "张三"})
    close_database()


def test_merge_people_moves_the_old_record_into_the_new(sqlite_db: Path, capsys) -> None:
    district = ops.add_area("t", "district", "110105", "朝阳区", 1).id
    street = ops.add_area("t", "street", "110105001", "建外街道", 1, parent=district).id
    community = ops.add_area("t", "community", "110105001001", "永安里社区", 1, parent=street).id
    register(sqlite_db, {"community": community})
    assert main(["--db", str(sqlite_db), "merge-people", NEW, OLD, "--reason", "换发新证"]) == 2
    assert "确认无误请加 --yes" in capsys.readouterr().err  # not asked at a terminal: nothing done
    assert main(["--db", str(sqlite_db), "merge-people", NEW, OLD, "--reason", "换发新证", "--yes"]) == 0
    assert "原证件号码和以前出具的证明今后都对应到 张三" in capsys.readouterr().out
    assert main(["--db", str(sqlite_db), "merge-people", NEW, OLD, "--reason", "再来", "--yes"]) == 2
    assert "已经合并到其他人员" in capsys.readouterr().err
    open_database(sqlite_db)
    kept = Person.get(Person.id_number == NEW)
    assert Volunteer.get(Volunteer.volunteer_number == "V0001").person_id == kept.id
    assert Person.get(Person.id_number == OLD).merged_into_id == kept.id


def test_an_unknown_number_is_said_plainly(sqlite_db: Path, capsys) -> None:
    close_database()
    assert main(["--db", str(sqlite_db), "merge-people", NEW, OLD, "--reason", "x", "--yes"]) == 2
    assert f"没有证件号码为“{NEW}”的人员" in capsys.readouterr().err
