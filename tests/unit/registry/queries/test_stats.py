"""Dashboard figures, checked against values worked out here from the raw rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.demo import DEMO_DAY

from registry.queries import stats
from registry.rules.problems import NotFoundError
from registry.storage import models
from registry.storage.db import database
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Community, ServiceRecord, SocialWorker, Street, Volunteer

TODAY = DEMO_DAY
NATIONAL = (100, 300, 600, 1000, 1500)


@pytest.fixture
def register(demo: Path) -> None:
    """The shared demonstration register (300 volunteers, seed 7), open."""


def effective() -> list[ServiceRecord]:
    approved = list(ServiceRecord.select().where(ServiceRecord.status == "approved"))
    replaced = {r.corrects_id for r in approved}
    return [r for r in approved if r.id not in replaced]


def test_table_counts(register: None) -> None:
    counts = stats.table_counts()
    assert set(counts) == {m._meta.table_name for m in models.ALL_MODELS}
    for name, n in counts.items():
        assert n == stats.TableCount(database.execute_sql(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
    assert counts["volunteer"].rows == 300 and counts["certificate"].rows == 0


def test_big_tables_on_postgresql_are_counted_by_the_server_s_estimate(empty_postgres: str, monkeypatch) -> None:
    """An exact count(*) of ten million lines takes seconds on PostgreSQL: past EXACT_UP_TO
    rows a table's count is the server's estimate, said to be one; smaller ones stay exact."""
    from registry import demo
    from registry.storage.lifecycle import close_database, open_database

    open_database(empty_postgres)
    try:
        demo.fill_demo(volunteers=300, service_records=900, seed=2)  # ends with VACUUM (ANALYZE)
        monkeypatch.setattr(stats, "EXACT_UP_TO", 250)
        counts = stats.table_counts()
        assert counts["volunteer"] == stats.TableCount(300, estimated=True)  # an analyzed estimate is exact here
        assert counts["community"] == stats.TableCount(database.execute_sql(
            'SELECT COUNT(*) FROM "community"').fetchone()[0])  # a small table: counted
    finally:
        close_database()


def test_volunteer_totals_from_the_ledger(register: None) -> None:
    records = effective()
    total: Counter[int] = Counter()
    this_year: Counter[int] = Counter()
    for r in records:
        total[r.volunteer_id] += r.hours
        if r.service_date.year == TODAY.year:
            this_year[r.volunteer_id] += r.hours
    busiest = [v for v, _ in total.most_common(3)]
    some = [*busiest, *list(total)[:20], Volunteer.select().order_by(Volunteer.id.desc()).get().id]
    for vid in some:
        figures = stats.volunteer_totals(vid, today=TODAY)
        hours = total.get(vid, Decimal(0))
        assert figures.total_hours == hours
        assert figures.this_year == this_year.get(vid, Decimal(0))
        level = sum(1 for t in NATIONAL if hours >= t)
        assert figures.star_level == level
        assert figures.star_preset == "national"
        expected_next = None if level == 5 else Decimal(NATIONAL[level]) - hours
        assert figures.hours_to_next_star == expected_next
    assert stats.volunteer_totals(busiest[0], today=dt.date(1990, 1, 1)).this_year == 0


def test_volunteer_totals_of_a_missing_volunteer(register: None) -> None:
    with pytest.raises(NotFoundError):
        stats.volunteer_totals(10**9)


def community_hours(year: int | None = None) -> list[tuple[str, Decimal]]:
    names = dict(Community.select(Community.id, Community.name).tuples())
    hours: dict[str, Decimal] = {}
    for r in effective():
        if r.community_id is not None and (year is None or r.service_date.year == year):
            name = names[r.community_id]
            hours[name] = hours.get(name, Decimal(0)) + r.hours
    return sorted(hours.items(), key=lambda item: (-item[1], item[0]))


def test_top_communities(register: None) -> None:
    assert stats.top_communities() == community_hours()[:10]
    assert stats.top_communities(3, year=2024) == community_hours(2024)[:3]
    assert stats.top_communities(year=1990) == []
    assert len(stats.top_communities(limit=1000)) == len(community_hours())


def test_community_indicators(register: None) -> None:
    # one volunteer and one social worker leave the register: no longer counted
    Volunteer.update(status="注销").where(Volunteer.id == 1).execute()
    SocialWorker.update(status="注销").where(SocialWorker.id == 1).execute()
    volunteers = Counter(v.community_id for v in Volunteer.select() if v.status == "在册")
    workers = Counter(w.community_id for w in SocialWorker.select() if w.status == "在册")
    figures = stats.community_indicators()
    communities = list(Community.select().join(Street).order_by(Street.code, Community.code))
    assert [f.community_id for f in figures] == [c.id for c in communities]
    for f, c in zip(figures, communities, strict=True):
        assert (f.street, f.community, f.population) == (c.street.name, c.name, c.population)
        assert f.volunteers == volunteers.get(c.id, 0)
        assert f.social_workers == workers.get(c.id, 0)
        assert f.volunteer_share == pytest.approx(f.volunteers / c.population)
        assert f.social_workers_per_thousand == pytest.approx(f.social_workers * 1000 / c.population)
    assert sum(f.volunteers for f in figures) == sum(volunteers.values())


def test_indicators_of_a_community_without_population(tmp_path: Path) -> None:
    open_database(tmp_path / "r.sqlite3")
    try:
        district = models.District.create(code="110105", name="朝阳区")
        street = Street.create(district=district, code="110105001", name="建外街道")
        Community.create(street=street, code="110105001001", name="永安里社区", population=0)
        [figure] = stats.community_indicators()
        assert (figure.volunteers, figure.volunteer_share) == (0, None)
        assert figure.social_workers_per_thousand is None
        assert stats.top_communities() == []
    finally:
        close_database()
