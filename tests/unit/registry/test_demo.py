"""The demonstration district: valid identities, a ledger whose summaries add up, search
that finds its people, the same data for the same seed, and only into an empty register."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.demo import DEMO, DEMO_DAY, DemoRegisters
from peewee import IntegrityError, fn
from stdnum.cn.ric import calc_check_digit

from registry import demo
from registry.ops.social_workers import ce_hours_in_cycle
from registry.queries.search import search_people
from registry.rules.deadlines import evaluation_expiry, registration_valid_until
from registry.rules.idnumber import check_id_number
from registry.rules.presets import get_star_preset, star_level
from registry.rules.problems import RegistryError
from registry.rules.search_keys import pinyin_initials, search_keys
from registry.rules.uscc import check_uscc
from registry.storage import models
from registry.storage.db import database
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import (
    Community,
    CommunityYear,
    EvaluationGrade,
    Organization,
    OrganizationYear,
    Person,
    SearchKey,
    ServiceRecord,
    SocialWorker,
    Street,
    Volunteer,
    VolunteerYear,
)
from registry.storage.rule_upgrades import RULES_VERSION_KEY

TODAY = DEMO_DAY


@pytest.fixture
def counts(demo: Path, demo_registers: DemoRegisters) -> dict[str, int]:
    """The shared demonstration register (300 volunteers, seed 7), open: what fill_demo said
    it wrote."""
    return demo_registers.counts(DEMO)


def effective_records() -> list[ServiceRecord]:
    """Approved lines that no approved correction replaces."""
    approved = list(ServiceRecord.select().where(ServiceRecord.status == "approved"))
    replaced = {r.corrects_id for r in approved if r.corrects_id is not None}
    return [r for r in approved if r.id not in replaced]


def test_counts_describe_what_was_written(counts: dict[str, int]) -> None:
    opened = models.Setting.key == RULES_VERSION_KEY  # left by opening the register, not by the demo
    for model in models.ALL_MODELS:
        if model is not models.Meta:
            rows = model.select().where(~opened) if model is models.Setting else model.select()
            assert counts[model._meta.table_name] == rows.count(), model
    assert counts["volunteer"] == 300
    assert counts["service_record"] == 3000
    assert counts["street"] >= 8
    assert counts["activity"] > 0 and counts["training"] >= 20
    assert {s.key: s.value for s in models.Setting.select().where(~opened)} == {
        "star_preset": "national", "ce_preset": "national", "rounding_preset": "half_hour"}
    entry = models.AuditEntry.get()
    assert (entry.actor, entry.action) == ("demo", "demo")


def test_id_numbers_are_valid_unique_and_agree_with_sex_and_birth(counts: dict[str, int]) -> None:
    people = list(Person.select())
    numbers = [p.id_number for p in people]
    assert len(set(numbers)) == len(numbers)
    for p in people:
        assert p.id_number[-1] == calc_check_digit(p.id_number)
        facts, problems = check_id_number(p.id_number, today=TODAY)
        assert facts is not None, problems
        assert not [x for x in problems if x.is_error]
        assert p.sex == facts.sex
        assert p.birth_date == facts.birth_date
        assert dt.date(1945, 1, 1) <= p.birth_date <= dt.date(2006, 12, 31)
        assert p.region_code == p.id_number[:6]
    regions = Counter(p.region_code for p in people)
    assert regions.most_common(1)[0][0] == "110105"
    phones = [p.phone for p in people if p.phone]
    assert len(set(phones)) == len(phones)
    assert all(len(x) == 11 and x.isdigit() and x[0] == "1" for x in phones)


def test_search_columns_and_side_index_follow_search_keys(counts: dict[str, int]) -> None:
    keys: dict[int, set[str]] = defaultdict(set)
    for key, person in SearchKey.select(SearchKey.key, SearchKey.person).tuples():
        keys[person].add(key)
    for p in Person.select():
        assert p.id_number_rev == p.id_number[::-1]
        assert p.phone_rev == (p.phone[::-1] if p.phone else None)
        assert p.initials == pinyin_initials(p.name)
        assert keys[p.id] == set(search_keys(p.name, p.initials))


def test_summaries_equal_the_ledger(counts: dict[str, int]) -> None:
    records = effective_records()
    per_volunteer: Counter[int] = Counter()
    per_year: Counter[tuple[int, int]] = Counter()
    per_community: Counter[tuple[int, int]] = Counter()
    per_org: Counter[tuple[int, int]] = Counter()
    per_month: Counter[tuple[int, int, str]] = Counter()
    for r in records:
        year = r.service_date.year
        per_month[year, r.service_date.month, r.service_category or ""] += r.hours
        per_volunteer[r.volunteer_id] += r.hours
        per_year[r.volunteer_id, year] += r.hours
        if r.community_id is not None:
            per_community[r.community_id, year] += r.hours
        if r.organization_id is not None:
            per_org[r.organization_id, year] += r.hours
    preset = get_star_preset("national")
    for v in Volunteer.select():
        assert v.total_hours == per_volunteer.get(v.id, Decimal(0)), v.id
        assert v.star_level == star_level(preset, v.total_hours)
        assert v.star_preset == "national"
    summaries = (
        (VolunteerYear, VolunteerYear.volunteer, per_year),
        (CommunityYear, CommunityYear.community, per_community),
        (OrganizationYear, OrganizationYear.organization, per_org),
    )
    for model, key, expected in summaries:
        stored = {(k, y): h for k, y, h in model.select(key, model.year, model.hours).tuples()}
        assert stored == {k: v for k, v in expected.items() if v}, model
    from registry.storage.models import MonthCategoryHours

    months = {(m.year, m.month, m.category): m.hours for m in MonthCategoryHours.select()}
    assert months == {k: v for k, v in per_month.items() if v}


def test_ledger_shape(counts: dict[str, int]) -> None:
    records = list(ServiceRecord.select())
    pending = [r for r in records if r.status == "pending"]
    assert 0 < len(pending) < len(records) * 0.08
    assert all(r.approver == "" and r.approved_at is None for r in pending)
    approved = [r for r in records if r.status == "approved"]
    assert all(r.approver and r.approved_at for r in approved)
    by_id = {r.id: r for r in records}
    corrections = [r for r in records if r.corrects_id is not None]
    assert corrections
    for c in corrections:
        original = by_id[c.corrects_id]
        assert original.status == "approved" and original.id < c.id
        assert (c.volunteer_id, c.service_date) == (original.volunteer_id, original.service_date)
        assert c.hours != original.hours and c.correction_reason
    first = TODAY - dt.timedelta(days=3 * 365)
    assert all(first <= r.service_date < TODAY for r in records)
    assert all(Decimal("0.5") <= r.hours <= 8 and r.hours % Decimal("0.5") == 0
               for r in records)
    registered = dict(Volunteer.select(Volunteer.id, Volunteer.registered_on).tuples())
    assert all(r.service_date >= registered[r.volunteer_id] for r in records)


def test_geography_adds_up(counts: dict[str, int]) -> None:
    for street in Street.select():
        communities = list(Community.select().where(Community.street == street))
        assert 6 <= len(communities) <= 12
        assert street.population == sum(c.population for c in communities)
        assert all(3000 <= c.population <= 15000 for c in communities)
        assert all(c.code.startswith(street.code) and len(c.code) == 12 for c in communities)
    assert Street.get(Street.code == "110105001").name == "建外街道"


def test_organizations_have_valid_codes_and_dated_grades(counts: dict[str, int]) -> None:
    orgs = list(Organization.select())
    assert {o.org_type for o in orgs} == {"社会团体", "社会服务机构", "基金会", "社区社会组织"}
    for o in orgs:
        if o.org_type == "社区社会组织":
            assert o.responsible_person and o.venue and o.member_count and o.filed_on
            continue
        facts, problems = check_uscc(o.uscc, declared_type=o.org_type)
        assert facts is not None and problems == [], (o.uscc, problems)
        assert o.uscc.startswith("5") and o.uscc[2:8] == "110105"
    assert any(o.status == "注销" for o in orgs) or len(orgs) < 40
    for g in EvaluationGrade.select():
        assert g.expires_on == evaluation_expiry(g.awarded_on)
        assert 1 <= g.grade <= 5


def test_a_few_registered_organizations_are_recognized_charities(counts: dict[str, int]) -> None:
    from registry.rules.charity import charity_problems

    charities = list(Organization.select().where(Organization.charity_recognized_on.is_null(False)))
    registered = Organization.select().where(Organization.org_type != "社区社会组织").count()
    assert 2 <= len(charities) <= registered // 4, len(charities)  # a few
    assert {o.org_type for o in charities} <= {"社会团体", "社会服务机构", "基金会"}
    assert any(o.org_type == "基金会" for o in charities)
    for o in charities:
        assert o.status == "正常" and o.charity_recognized_on < TODAY, o.name
        assert charity_problems(o.charity_recognized_on, o.org_type, o.founded_on) == [], o.name
    assert any(o.charity_recognized_on.year < TODAY.year for o in charities)  # filing as charities this year


def test_social_workers_ce_hours_match_their_attendance(counts: dict[str, int]) -> None:
    workers = list(SocialWorker.select())
    assert workers
    levels = Counter(w.level for w in workers)
    assert levels.most_common(1)[0][0] == "助理社会工作师"
    assert len({w.certificate_number for w in workers}) == len(workers)
    for w in workers:
        assert w.registered_until == registration_valid_until(w.registered_on)
        assert w.ce_hours == ce_hours_in_cycle(w)
    assert any(w.ce_hours > 0 for w in workers)


def test_search_finds_generated_people(counts: dict[str, int]) -> None:
    for person in Person.select().where(Person.phone.is_null(False)).limit(5):
        after = person.id - 1
        for text in (person.name, person.initials, person.id_number, person.id_number[-6:],
                     person.phone):
            page = search_people(text, after=after, may_unmask=True)  # as an account that may see tails
            assert page.ids and page.ids[0] == person.id, text


def dump() -> dict[str, list[tuple[object, ...]]]:
    return {m._meta.table_name: list(m.select().tuples())
            for m in models.ALL_MODELS if m not in (models.AuditEntry, models.Meta)}


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        open_database(tmp_path / f"{name}.sqlite3")
        try:
            demo.fill_demo(volunteers=120, seed=seed, today=TODAY)
            dumps.append(dump())
        finally:
            close_database()
    assert dumps[0] == dumps[1]
    assert dumps[0]["person"] != dumps[2]["person"]


def test_refuses_a_register_that_is_not_empty(counts: dict[str, int]) -> None:
    with pytest.raises(RegistryError, match="空的登记库"):
        demo.fill_demo(volunteers=10, today=TODAY)
    assert Volunteer.select().count() == 300


def test_refuses_a_register_with_only_geography(tmp_path: Path) -> None:
    open_database(tmp_path / "r.sqlite3")
    try:
        models.District.create(code="110105", name="朝阳区")
        with pytest.raises(demo.DemoError, match="空的登记库"):
            demo.fill_demo(volunteers=10, today=TODAY)
    finally:
        close_database()


def schema() -> list[tuple[str, str]]:
    return sorted(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall())


def test_a_bulk_load_rebuilds_exactly_the_indexes_it_set_aside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(tmp_path / "fresh.sqlite3")
    try:
        fresh = schema()
    finally:
        close_database()
    monkeypatch.setattr(demo, "DEFER_INDEXES_ROWS", 0)
    open_database(tmp_path / "r.sqlite3")
    try:
        seen: list[str] = []
        demo.fill_demo(volunteers=50, seed=2, today=TODAY,
                       progress=lambda stage, done, total: seen.append(stage))
        assert schema() == fresh
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 1
        assert demo.STAGE_PEOPLE in seen and demo.STAGE_RECORDS in seen
    finally:
        close_database()


def pg_schema() -> list[tuple[str, str, str]]:
    constraints = database.execute_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = current_schema()::regnamespace").fetchall()
    indexes = database.execute_sql(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()").fetchall()
    return sorted(constraints + indexes)


def test_a_bulk_load_on_postgresql_puts_back_every_key_and_index_it_set_aside(
        empty_postgres: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(empty_postgres)
    try:
        fresh = pg_schema()
        monkeypatch.setattr(demo, "DEFER_INDEXES_ROWS", 0)  # every table's load sets them aside
        counts = demo.fill_demo(volunteers=50, seed=2, today=TODAY)
        assert pg_schema() == fresh
        assert counts["search_key"] > 0 and counts["service_record"] == 500
        # the keys hold again: a search key for nobody, or one twice, is refused
        for bad in ("INSERT INTO search_key (key, person_id) VALUES ('zz', -1)",
                    "INSERT INTO search_key (key, person_id) SELECT key, person_id FROM search_key LIMIT 1"):
            with pytest.raises(IntegrityError), database.atomic():
                database.execute_sql(bad)
    finally:
        close_database()


def test_without_service_records(tmp_path: Path) -> None:
    open_database(tmp_path / "r.sqlite3")
    try:
        counts = demo.fill_demo(volunteers=40, service_records=0, today=TODAY)
        assert counts["service_record"] == 0 and counts["volunteer"] == 40
        assert Volunteer.select().where(Volunteer.total_hours != 0).count() == 0
    finally:
        close_database()


def test_on_both_backends(db: str) -> None:
    """The bulk writer's SQL (db.param placeholders, explicit ids) works on PostgreSQL too."""
    counts = demo.fill_demo(volunteers=60, seed=5, today=TODAY)
    assert counts["service_record"] == 600
    per_volunteer: Counter[int] = Counter()
    for r in effective_records():
        per_volunteer[r.volunteer_id] += r.hours
    assert {v.id: v.total_hours for v in Volunteer.select() if v.total_hours} == dict(per_volunteer)
    assert all(w.ce_hours == ce_hours_in_cycle(w) for w in SocialWorker.select())
    # ids continue after the demo's rows (PostgreSQL sequences were moved past them)
    district = models.District.get()
    street = Street.create(district=district, code="110105999", name="测试街道")
    assert street.id == Street.select().count()


def test_no_volunteer_is_credited_more_than_24_hours_in_a_day(tmp_path: Path) -> None:
    """The program refuses a day over 24 hours; its demonstration once had 706 such days at
    district scale (one of 232.5 h in 96 lines). A dense ledger: heavy volunteers included."""
    open_database(tmp_path / "dense.sqlite3")
    try:
        demo.fill_demo(volunteers=120, service_records=40_000, seed=3)
        over = (ServiceRecord.select(ServiceRecord.volunteer, ServiceRecord.service_date,
                                     fn.SUM(ServiceRecord.hours))
                .where(ServiceRecord.corrects.is_null())
                .group_by(ServiceRecord.volunteer, ServiceRecord.service_date)
                .having(fn.SUM(ServiceRecord.hours) > 24).tuples())
        assert list(over) == []
        assert ServiceRecord.select().count() > 35_000  # moved to other days, hardly ever left out
    finally:
        close_database()
