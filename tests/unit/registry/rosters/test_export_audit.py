"""The export's one write, its audit entry: allowed before the file is written, and
announced as what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.rosters import TODAY, make_id, values

from registry import ops
from registry.ops.accounts import add_account
from registry.rosters import GROUP_BY, ROSTERS, RosterFilters, export_roster
from registry.rosters.spec import PERSONAL_KINDS
from registry.rules.permissions import Action
from registry.storage.models import AuditEntry, Training


@pytest.mark.parametrize("unmasked", [False, True], ids=["masked", "unmasked"])
def test_an_export_returns_its_audit_entry_as_what_changed(area: dict[str, int], tmp_path: Path,
                                                           unmasked: bool) -> None:
    ops.register_volunteer("clerk", {"community": area["community"], "id_number": make_id(1), "name": "张三"})
    result = export_roster("volunteers", tmp_path / "v.xlsx", actor="admin", unmasked=unmasked)
    assert result.changes.tables == {"audit_entry"} and result.rows == 1


def test_an_export_the_account_may_not_make_is_refused_before_the_file(area: dict[str, int],
                                                                     tmp_path: Path) -> None:
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    ops.register_volunteer("li", {"community": area["community"], "id_number": make_id(1), "name": "张三"})
    before = AuditEntry.select().count()
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "full.xlsx"
    with pytest.raises(ops.NotAllowedError, match="管理员"):
        export_roster("volunteers", target, actor="li", unmasked=True)
    assert list(folder.iterdir()) == []  # no file, not even a part of one
    assert AuditEntry.select().count() == before
    assert export_roster("volunteers", target, actor="li").rows == 1  # masked: a clerk's right


def test_full_numbers_only_matter_where_a_roster_holds_them(area: dict[str, int], tmp_path: Path) -> None:
    """A clerk (no right to full numbers) asking for them from 培训统计 or the hours summary
    by community gets the ordinary export, logged as one; from the hours summary by person
    (ID numbers) the request is refused."""
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    for key, group_by in (("training-stats", None), ("hours", "community"), ("indicators", None)):
        result = export_roster(key, tmp_path / f"{key}.xlsx", actor="li", unmasked=True,
                               filters=RosterFilters(group_by=group_by))
        assert not result.unmasked
        entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
        assert entry.action == Action.EXPORT and "未脱敏" not in entry.detail
        assert "完整" not in str(values(result.path)[1][0])
    with pytest.raises(ops.NotAllowedError):
        export_roster("hours", tmp_path / "p.xlsx", actor="li", unmasked=True,
                      filters=RosterFilters(group_by="person"))
    assert export_roster("hours", tmp_path / "p.xlsx", actor="boss", unmasked=True).unmasked


def test_each_roster_says_truly_whether_it_holds_personal_numbers(demo: Path, tmp_path: Path) -> None:
    training = Training.select().first().id
    for key, spec in ROSTERS.items():
        for group_by in (GROUP_BY if "group_by" in spec.filters else [None]):
            filters = RosterFilters(group_by=group_by, training_id=training if key == "training-signin" else None)
            columns = spec.build(filters, TODAY).columns
            assert spec.personal(filters) == any(c.kind in PERSONAL_KINDS for c in columns), (key, group_by)
