"""The writer's shortcuts for speed change nothing in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.rosters import TODAY, sheet_xml

from registry.rosters import export_roster
from registry.rosters import writer as roster_writer


def _public_writers(ws: Any) -> tuple[Any, Any]:
    return ws.write_number, ws.write_string


@pytest.mark.parametrize(("key", "unmasked"), [("volunteers", False), ("volunteers", True),
                                                ("social-workers", False), ("organizations", False)])
def test_cells_through_the_undecorated_writers_are_those_of_the_public_ones(
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, unmasked: bool) -> None:
    fast, public = tmp_path / "fast.xlsx", tmp_path / "public.xlsx"
    export_roster(key, fast, actor="tester", today=TODAY, unmasked=unmasked)
    monkeypatch.setattr(roster_writer, "_cell_writers", _public_writers)
    export_roster(key, public, actor="tester", today=TODAY, unmasked=unmasked)
    written = sheet_xml(fast)
    assert written == sheet_xml(public)
    assert all(xml.count("<row ") > 10 for xml in written.values())  # a roster with rows in it
