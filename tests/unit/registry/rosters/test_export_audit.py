"""The export's one write, its audit entry: allowed before the file is written, and
announced as what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.rosters import make_id

from registry import ops
from registry.ops.accounts import add_account
from registry.rosters import export_roster
from registry.storage.models import AuditEntry


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
