"""合并人员…: an administrator merges another record into the selected volunteer's person,
choosing it with the search box; others don't see the button."""

from __future__ import annotations

from typing import Any

from helpers.importer import id_number

from registry import ops
from registry.storage.models import Community, Person, Volunteer


def test_an_administrator_merges_a_record_found_by_search(running: Any, qtbot: Any, monkeypatch: Any) -> None:
    from ui.dialogs import merge

    section = running.section("volunteers")
    assert section.merge_button.isVisibleTo(section)  # no accounts: everyone may
    section.view.selectRow(0)
    key = section.model.key_at(0)

    def make() -> int:
        community = Community.select().first().id
        return ops.register_volunteer("测试员", {"id_number": id_number("110105", "19660304", "016"),
                                                "name": "欧阳重复", "community": community}).id
    other = running.query(make)
    before = running.query(lambda: (Volunteer.get_by_id(key).person_id, Person.select().count()))

    def choose(dialog: Any) -> int:
        assert not dialog.ok.isEnabled()
        with qtbot.waitSignal(dialog.search.results_shown, timeout=5000):
            dialog.search.setText("欧阳重复")
        dialog.search.results.itemClicked.emit(dialog.search.results.item(0))
        assert "欧阳重复" in dialog.chosen.text()
        assert not dialog.ok.isEnabled()  # a reason first
        dialog.reason.setPlainText("重复登记")
        assert dialog.ok.isEnabled()
        dialog.accept()
        return 1

    told: list[str] = []
    monkeypatch.setattr(merge.MergeDialog, "exec", choose)
    monkeypatch.setattr(merge.QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    section.merge()
    running.idle()
    qtbot.waitUntil(lambda: bool(told))
    assert "已合并到" in told[0]
    keep_person, people = before
    dropped = running.query(lambda: Volunteer.get_by_id(other).person.merged_into_id)
    assert dropped == keep_person
    assert running.query(lambda: Person.select().count()) == people  # kept as a tombstone


def test_only_administrators_see_the_merge_button(running_as: Any) -> None:
    clerk = running_as("办事员")
    assert not clerk.section("volunteers").merge_button.isVisibleTo(clerk.section("volunteers"))
