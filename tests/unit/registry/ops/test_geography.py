"""区划设置 in the core: streets, communities, a year's population and this office's street,
each change an administrator's and audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.areas import areas, office_name, populations
from registry.queries.stats import community_indicators
from registry.rosters.indicators import build
from registry.rosters.spec import RosterFilters
from registry.storage.models import AuditEntry, Setting


def entries(table: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.table_name == table).order_by(AuditEntry.id))


def test_a_community_and_its_population_of_2026_are_audited(area: dict[str, int]) -> None:
    new = ops.add_area("王芳", "community", "110105001003", "光华里社区", 7_400, parent=area["street"]).id
    [added] = [e for e in entries("community") if e.record_id == new]
    assert (added.actor, added.action, json.loads(added.after)["name"]) == ("王芳", "areas", "光华里社区")
    ops.set_population("王芳", new, 2026, 7_650)
    ops.set_population("王芳", new, 2026, 7_700)
    first, second = entries("community_population")
    assert (first.before, json.loads(first.after)) == (None, {"year": 2026, "population": 7650})
    assert (json.loads(second.before), json.loads(second.after)) == (
        {"year": 2026, "population": 7650}, {"year": 2026, "population": 7700})
    assert second.detail == "光华里社区 2026 年常住人口" and second.record_id == new
    ops.set_population("王芳", new, 2026, 7_700)  # the same figure again: nothing written
    assert len(entries("community_population")) == 2


def test_a_years_population_is_used_by_the_indicators_of_that_year(area: dict[str, int]) -> None:
    ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                     "community": area["community"]})
    ops.set_population("admin", area["community"], 2026, 10_000)
    by_year = {year: {c.community_id: c for c in community_indicators(year)} for year in (2025, 2026, 2027)}
    assert by_year[2025][area["community"]].population == 8_200  # before it: the district file's figure
    assert by_year[2026][area["community"]].population == 10_000
    assert by_year[2026][area["community"]].volunteer_share == pytest.approx(1 / 10_000)
    assert by_year[2027][area["community"]].population == 10_000  # a later year without its own: the latest
    roster = build(RosterFilters(year=2026), dt.date(2026, 5, 1))
    assert [row[2] for row in roster.rows] == [10_000, 6_100]
    assert populations(2026)[1] == populations(2027)[1] == {area["community"]: 2026}
    assert populations(2025)[1] == {}
    ops.set_population("admin", area["community"], 2026, None)  # cleared: back to the figure before
    assert community_indicators(2026)[0].population == 8_200


def test_impossible_figures_are_refused_in_words(area: dict[str, int]) -> None:
    with pytest.raises(ops.ValidationError, match="常住人口"):
        ops.set_population("admin", area["community"], 2026, -5)
    with pytest.raises(ops.ValidationError, match="年份"):
        ops.set_population("admin", area["community"], 1850, 100)
    with pytest.raises(ops.RegistryError, match="已存在"):
        ops.add_area("admin", "community", "110105001001", "重复社区", 1, parent=area["street"])
    with pytest.raises(ops.RegistryError, match="已经有名为"):
        ops.add_area("admin", "community", "110105001009", "永安里社区", 1, parent=area["street"])
    assert entries("community_population") == []


def test_only_an_administrator_maintains_the_areas(area: dict[str, int]) -> None:
    add_account("", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    for attempt in (lambda: ops.add_area("li", "community", "110105001005", "新社区", 1, parent=area["street"]),
                    lambda: ops.set_population("li", area["community"], 2026, 9_000),
                    lambda: ops.update_area("li", "community", area["community"], name="改名社区"),
                    lambda: ops.set_office_street("li", area["street"])):
        with pytest.raises(ops.NotAllowedError, match="管理员"):
            attempt()
    ops.set_population("boss", area["community"], 2026, 9_000)
    assert community_indicators(2026)[0].population == 9_000


def test_this_offices_street_is_chosen_and_audited(area: dict[str, int]) -> None:
    other = ops.add_area("admin", "street", "110105002", "朝外街道", 0, parent=area["district"]).id
    Setting.put("district_full_name", "北京市朝阳区")
    Setting.put("default_street", "110105001")  # the installer's default
    ops.set_office_street("admin", other)
    [entry] = [e for e in entries("setting") if "office_street" in (e.after or "")]
    assert json.loads(entry.after) == {"office_street": "110105002"} and entry.actor == "admin"
    assert office_name() == "北京市朝阳区朝外街道办事处"
    shown = areas(2026)
    assert [(s.name, s.office) for s in shown.streets] == [("建外街道", False), ("朝外街道", True)]
    assert shown.district == "北京市朝阳区"
