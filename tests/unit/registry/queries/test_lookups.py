"""The filter boxes' and the export's choices: communities by code, organizations in good
standing by name, the latest trainings first."""

from __future__ import annotations

import datetime as dt

from registry import ops
from registry.queries.lookups import communities, open_organizations, recent_trainings


def test_communities_in_the_order_of_their_codes(area: dict[str, int]) -> None:
    later = ops.add_area("tester", "community", "110105001000", "光华里社区", 5_000,
                         parent=area["street"]).id
    assert communities() == [(later, "光华里社区"), (area["community"], "永安里社区"),
                             (area["community2"], "建华南社区")]


def test_organizations_in_good_standing_by_name(area: dict[str, int]) -> None:
    kind = {"org_type": "社区社会组织"}
    ids = {name: ops.register_organization("clerk", {"name": name, **kind}).id
           for name in ("A社", "C社", "B社")}
    ops.deregister_organization("clerk", ids["C社"], "注销", "自行解散")
    assert [c.label for c in open_organizations()] == ["A社", "B社"]
    assert {c.value for c in open_organizations()} == {ids["A社"], ids["B社"]}


def test_the_latest_trainings_first_labelled_with_their_first_day(area: dict[str, int]) -> None:
    for title, day in (("急救培训", dt.date(2024, 3, 1)), ("督导培训", dt.date(2025, 6, 2))):
        ops.create_training("clerk", {"title": title, "starts_on": day, "ends_on": day, "hours": 3})
    assert [c.label for c in recent_trainings()] == ["2025-06-02 督导培训", "2024-03-01 急救培训"]
