"""The commit: all or nothing, valid rows only on request, the register re-checked inside
the transaction, and an audit trail of the import and of every record."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers.importer import creation_entry, id_number, logged_as_stored

from registry import ops
from registry.importer import ImportRejected, commit_import, preview_import, roles
from registry.importer import preview as preview_module
from registry.importer.lookups import Lookups
from registry.importer.model import RowPlan
from registry.queries.search import search_people
from registry.storage.db import database, is_sqlite
from registry.storage.models import AuditEntry, Person, SearchKey, Volunteer

HEADER = ["姓名", "身份证号", "联系电话", "所在社区", "志愿者编号"]
ONE, TWO, THREE = (id_number("110105", "19800101", s) for s in ("011", "022", "033"))


@pytest.fixture
def mixed(area: dict[str, int], sheet: Callable[..., Path]) -> Path:
    return sheet(HEADER, [["张小明", ONE, "13800138000", "永安里社区", "V1"],
                          ["李小红", TWO, "", "不存在社区", "V2"],
                          ["王大力", THREE, "", "建华南社区", "V3"]])


def counts() -> tuple[int, int, int, int]:
    return (Person.select().count(), Volunteer.select().count(), SearchKey.select().count(),
            AuditEntry.select().count())


def test_any_error_means_nothing_is_written(mixed: Path) -> None:
    before = counts()
    preview = preview_import("volunteers", mixed)
    with pytest.raises(ImportRejected) as caught:
        commit_import(preview, actor="clerk")
    assert "第 3 行 [所在社区] 不存在社区" in str(caught.value.problems[0].message)
    assert counts() == before


def test_skip_invalid_imports_the_valid_rows_only(mixed: Path) -> None:
    result = commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    assert (result.read, result.created, result.updated, result.rejected) == (3, 2, 0, 1)
    assert result.summary() == "读取 3 行，导入 2 行（新增 2，更新 0），拒绝 1 行"
    assert {p.id_number for p in Person.select()} == {ONE, THREE}
    person = Person.get(Person.id_number == ONE)
    assert (person.initials, person.id_number_rev, person.phone_rev) == (
        "zxm", ONE[::-1], "13800138000"[::-1])
    assert list(search_people("zxm").ids) == [person.id]  # the side index is filled
    assert list(search_people("小明").ids) == [person.id]


def test_the_commit_returns_what_it_changed(mixed: Path) -> None:
    result = commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    assert result.changes.tables == {"person", "volunteer", "audit_entry"}
    again = commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    assert (again.created, again.updated) == (0, 0)
    assert again.changes.tables == {"audit_entry"}  # only the import's own entry


def test_audit_has_the_import_and_each_record(mixed: Path) -> None:
    commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    entry = AuditEntry.get(AuditEntry.action == "import")
    assert entry.actor == "clerk" and entry.table_name == "volunteer"
    assert json.loads(entry.after)["file"] == "in.xlsx"
    assert json.loads(entry.after)["created"] == 2
    assert "拒绝 1 行" in entry.detail
    person = Person.get(Person.id_number == ONE)
    created = AuditEntry.get((AuditEntry.table_name == "person") & (AuditEntry.record_id == person.id))
    assert created.action == "create" and json.loads(created.after)["name"] == "张小明"
    volunteer = Volunteer.get(Volunteer.person == person.id)
    assert AuditEntry.get((AuditEntry.table_name == "volunteer")
                          & (AuditEntry.record_id == volunteer.id)).action == "create"


def test_each_created_record_is_logged_exactly_as_stored(mixed: Path) -> None:
    # The database writes these entries from the stored rows: they must read the same as
    # the ones the operations write for a record made by hand.
    commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    for model in (Person, Volunteer):
        records = list(model.select())
        assert len(records) == 2
        for record in records:
            assert logged_as_stored(record)
            assert (creation_entry(record).actor, creation_entry(record).before) == ("clerk", None)


def test_importing_the_same_file_again_changes_nothing(mixed: Path) -> None:
    commit_import(preview_import("volunteers", mixed), actor="clerk", skip_invalid=True)
    before = counts()
    again = preview_import("volunteers", mixed)
    assert [r.action for r in again.rows] == ["unchanged", "reject", "unchanged"]
    result = commit_import(again, actor="clerk", skip_invalid=True)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert counts()[:3] == before[:3]


def test_a_person_added_after_the_preview_is_updated_not_duplicated(mixed: Path) -> None:
    preview = preview_import("volunteers", mixed)
    assert preview.rows[0].action == "create"
    ops.register_person("other clerk", {"id_number": ONE, "name": "张小明", "phone": "13900000000"})
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert result.created == 2  # still a new volunteer record, for the person now there
    assert Person.select().where(Person.id_number == ONE).count() == 1
    person = Person.get(Person.id_number == ONE)
    assert person.phone == "13800138000"
    assert Volunteer.get(Volunteer.person == person.id).volunteer_number == "V1"
    update = AuditEntry.get((AuditEntry.table_name == "person") & (AuditEntry.action == "update"))
    assert json.loads(update.before) == {"phone": "13900000000", "phone_rev": "13900000000"[::-1],
                                         "updated_at": json.loads(update.before)["updated_at"]}


def test_a_person_added_by_another_connection_after_the_preview_is_not_duplicated(
        mixed: Path) -> None:
    # Another clerk's program writes through a connection of its own: its commit, not this
    # connection's own changes, is what must send the import back to comparing.
    preview = preview_import("volunteers", mixed)
    elsewhere = threading.Thread(target=_register_elsewhere, args=(ONE,))
    elsewhere.start()
    elsewhere.join()
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert (result.created, result.updated) == (2, 0)
    assert Person.select().where(Person.id_number == ONE).count() == 1
    assert Person.get(Person.id_number == ONE).phone == "13800138000"


def _register_elsewhere(number: str) -> None:
    try:
        ops.register_person("other clerk", {"id_number": number, "name": "张小明", "phone": "13900000000"})
    finally:
        database.close()  # this thread's own connection


def test_nothing_written_since_the_preview_means_no_second_comparison(
        mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview = preview_import("volunteers", mixed)
    compared = _count_comparisons(monkeypatch)
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert (result.created, result.rejected) == (2, 1)
    # PostgreSQL has no count of commits to go by: there the comparison is always made again
    assert compared == ([] if is_sqlite() else [2])


def test_a_new_day_since_the_preview_means_comparing_again(
        mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview = preview_import("volunteers", mixed)
    compared = _count_comparisons(monkeypatch)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    monkeypatch.setattr(preview_module, "dt", SimpleNamespace(date=SimpleNamespace(today=lambda: tomorrow)))
    commit_import(preview, actor="clerk", skip_invalid=True)
    assert compared == [2]  # carried-over hours are dated from the day of the comparison


def test_an_import_that_failed_part_way_is_compared_again_when_retried(
        mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview = preview_import("volunteers", mixed)
    with monkeypatch.context() as patch:
        patch.setattr(roles, "write_carried", _fail)
        with pytest.raises(OSError):
            commit_import(preview, actor="clerk", skip_invalid=True)
    assert counts()[:3] == (0, 0, 0)
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert (result.created, result.updated) == (2, 0)
    assert counts()[:2] == (2, 2)


def _fail(*_args: object) -> None:
    raise OSError("disk full")


def _count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows each comparison with the register is made for, from now on."""
    seen: list[int] = []
    match = roles.Volunteers.match

    def counted(self: roles.Volunteers, rows: list[RowPlan], lookups: Lookups) -> None:
        seen.append(len(rows))
        match(self, rows, lookups)

    monkeypatch.setattr(roles.Volunteers, "match", counted)
    return seen


def test_a_volunteer_number_taken_by_someone_else_is_an_error(area: dict[str, int],
                                                               sheet: Callable[..., Path]) -> None:
    ops.register_volunteer("clerk", {"id_number": ONE, "name": "张小明", "volunteer_number": "V9",
                                     "community": area["community"]})
    path = sheet(HEADER, [["王大力", THREE, "", "", "V9"]])
    problems = preview_import("volunteers", path).errors
    assert [(p.row, p.column) for p in problems] == [(2, "志愿者编号")]
    assert "V9" in problems[0].message


def test_an_unchanged_row_and_an_update_of_the_role(area: dict[str, int],
                                                   sheet: Callable[..., Path]) -> None:
    ops.register_volunteer("clerk", {"id_number": ONE, "name": "张小明", "volunteer_number": "V1",
                                     "community": area["community"]})
    path = sheet(HEADER, [["张小明", ONE, "", "建华南社区", "V1"]])
    preview = preview_import("volunteers", path)
    assert preview.rows[0].action == "update"
    assert [(c.column, c.old, c.new) for c in preview.rows[0].changes] == [
        ("所在社区", "永安里社区", "建华南社区")]
    assert commit_import(preview, actor="clerk").updated == 1
    assert Volunteer.get().community_id == area["community2"]


def test_the_actor_is_required(mixed: Path) -> None:
    with pytest.raises(ops.RegistryError):
        commit_import(preview_import("volunteers", mixed), actor="", skip_invalid=True)


def test_viewers_cannot_import(area, sheet) -> None:
    from registry.ops import NotAllowedError
    from registry.ops.accounts import add_account
    from registry.storage.models import Person

    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "wang", "viewer", "viewer-password")
    path = sheet(["姓名", "身份证号"], [["张三", "11010519491231002X"]])
    preview = preview_import("volunteers", path)
    before = Person.select().count()
    with pytest.raises(NotAllowedError):
        commit_import(preview, actor="wang")
    assert Person.select().count() == before


def test_a_refused_import_backs_nothing_up(mixed: Path) -> None:
    """The backup before an import runs only once the import is allowed: a refused one
    makes no backup and so rotates none away."""
    from registry.ops.accounts import add_account

    backed_up: list[str] = []
    preview = preview_import("volunteers", mixed)
    with pytest.raises(ImportRejected):
        commit_import(preview, actor="clerk", before_write=lambda: backed_up.append("rows with errors"))
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "wang", "viewer", "viewer-password")
    with pytest.raises(ops.NotAllowedError):
        commit_import(preview, actor="wang", skip_invalid=True, before_write=lambda: backed_up.append("a viewer"))
    assert backed_up == []
    commit_import(preview, actor="boss", skip_invalid=True, before_write=lambda: backed_up.append("allowed"))
    assert backed_up == ["allowed"]
