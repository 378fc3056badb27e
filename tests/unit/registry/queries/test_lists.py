"""The five register lists as the program shows them, without Qt: every sort orders every
row once, every filter keeps exactly its records, counts agree, numbers are masked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from registry import ops
from registry.queries.lists import (
    ORGANIZATIONS,
    SERVICE_RECORDS,
    SOCIAL_WORKERS,
    TRAININGS,
    VOLUNTEERS,
    register_is_empty,
)
from registry.queries.masking import Masker
from registry.queries.paging import ListQuery, PageRequest
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone
from registry.storage.models import (
    Organization,
    Person,
    ServiceRecord,
    SocialWorker,
    Training,
    Volunteer,
    VolunteerOrganization,
)

LISTS: dict[str, tuple[ListQuery[Any, Any], Any]] = {
    "volunteers": (VOLUNTEERS, Volunteer), "social_workers": (SOCIAL_WORKERS, SocialWorker),
    "organizations": (ORGANIZATIONS, Organization), "trainings": (TRAININGS, Training),
    "service_records": (SERVICE_RECORDS, ServiceRecord),
}
SIZE = 13  # pages small enough that ties in a sort column run across page boundaries


def everything(query: ListQuery[Any, Any], filters: Any = None) -> list[Any]:
    return list(query.page(filters or query.filters(), PageRequest(size=1 << 30)).rows)


def walk(query: ListQuery[Any, Any], sort: str | None, descending: bool) -> list[Any]:
    """Every row, page after page, each page asked from the last row of the one before."""
    rows: list[Any] = []
    request = PageRequest(sort, descending, size=SIZE)
    while True:
        page = query.page(query.filters(), request)
        rows.extend(page.rows)
        if len(page.rows) < SIZE:
            return rows
        request = PageRequest(sort, descending, len(rows), SIZE, after=page.anchors[-1])


SORTS = [(name, sort) for name, (query, _) in LISTS.items() for sort in (None, *query.sorts)]


@pytest.mark.parametrize(("name", "sort"), SORTS)
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_each_sort_orders_every_row_once(demo: Path, name: str, sort: str | None,
                                         descending: bool) -> None:
    query, model = LISTS[name]
    field = sort or "id"
    expected = sorted(everything(query), key=lambda row: (getattr(row, field), row.id),
                      reverse=descending)
    assert len(expected) == model.select().count() > SIZE
    assert [row.id for row in walk(query, sort, descending)] == [row.id for row in expected]


def _memberships(volunteer: Any) -> Iterable[int]:
    return [m for (m,) in VolunteerOrganization.select(VolunteerOrganization.organization)
            .where(VolunteerOrganization.volunteer == volunteer.id).tuples()]


def _year(date: Any) -> list[int]:
    return [date.year] if date is not None else []


# (list, filter, the filter values one of the list's records matches)
FILTERS: list[tuple[str, str, Callable[[Any], Iterable[Any]]]] = [
    ("volunteers", "community", lambda v: [v.community_id]),
    ("volunteers", "status", lambda v: [v.status]),
    ("volunteers", "star", lambda v: [v.star_level]),
    ("volunteers", "organization", _memberships),
    ("social_workers", "community", lambda w: [w.community_id]),
    ("social_workers", "level", lambda w: [w.level]),
    ("social_workers", "status", lambda w: [w.status]),
    ("social_workers", "organization", lambda w: [w.employer_id]),
    ("social_workers", "year", lambda w: [w.obtained_year]),
    ("organizations", "community", lambda o: [o.community_id]),
    ("organizations", "status", lambda o: [o.status]),
    ("organizations", "org_type", lambda o: [o.org_type]),
    ("organizations", "year", lambda o: _year(o.founded_on)),
    ("trainings", "year", lambda t: _year(t.starts_on)),
    ("service_records", "approval", lambda r: [r.status]),
    ("service_records", "community", lambda r: [r.community_id]),
    ("service_records", "organization", lambda r: [r.organization_id]),
    ("service_records", "volunteer", lambda r: [r.volunteer_id]),
    ("service_records", "year", lambda r: _year(r.service_date)),
]


MATCHES_NOTHING = {"community": -1, "organization": -1, "volunteer": -1, "star": 9, "year": 1900}


@pytest.mark.parametrize(("name", "key", "matches"), FILTERS,
                         ids=[f"{name}-{key}" for name, key, _ in FILTERS])
def test_each_filter_keeps_exactly_its_records(demo: Path, name: str, key: str,
                                               matches: Callable[[Any], Iterable[Any]]) -> None:
    query, model = LISTS[name]
    by_value: dict[Any, set[int]] = {}
    for record in model.select():
        for value in matches(record):
            if value is not None:
                by_value.setdefault(value, set()).add(record.id)
    for value, wanted in sorted(by_value.items(), key=lambda item: len(item[1]))[:2]:
        filters = query.filters(**{key: value})
        assert {row.id for row in everything(query, filters)} == wanted
        assert query.count(filters) == len(wanted)
    nothing = query.filters(**{key: MATCHES_NOTHING.get(key, "无此值")})
    assert everything(query, nothing) == [] and query.count(nothing) == 0


def test_filters_combine_and_count_agrees(demo: Path) -> None:
    community, status = Volunteer.select().first().community_id, "在册"
    filters = VOLUNTEERS.filters(community=community, status=status, star=0)
    wanted = {v.id for v in Volunteer.select().where((Volunteer.community == community)
                                                     & (Volunteer.status == status)
                                                     & (Volunteer.star_level == 0))}
    assert wanted and {row.id for row in everything(VOLUNTEERS, filters)} == wanted
    assert VOLUNTEERS.count(filters) == len(wanted)
    assert VOLUNTEERS.count(VOLUNTEERS.filters()) == Volunteer.select().count()


def test_id_and_phone_numbers_leave_masked(demo: Path) -> None:
    people = {p.id: p for p in Person.select()}
    volunteers = {v.id: people[v.person_id] for v in Volunteer.select()}
    phones = 0
    for row in everything(VOLUNTEERS):
        person = volunteers[row.id]
        assert row.id_number == mask_id_number(person.id_number) != person.id_number
        assert row.phone == (mask_phone(person.phone) if person.phone else "")
        phones += bool(person.phone)
        assert row.phone != person.phone or not person.phone
    assert phones
    workers = {w.id: people[w.person_id] for w in SocialWorker.select()}
    for row in everything(SOCIAL_WORKERS):
        assert row.id_number == mask_id_number(workers[row.id].id_number)
    whole = VOLUNTEERS.page(VOLUNTEERS.filters(), PageRequest(size=5), Masker(full=True)).rows
    assert [row.id_number for row in whole] == [volunteers[row.id].id_number for row in whole]


def test_rows_carry_what_the_columns_show(demo: Path) -> None:
    record = ServiceRecord.select().where(ServiceRecord.activity.is_null(False)).first()
    row = everything(SERVICE_RECORDS, SERVICE_RECORDS.filters(volunteer=record.volunteer_id))
    shown = next(r for r in row if r.id == record.id)
    assert (shown.volunteer, shown.activity, shown.hours, shown.status) == (
        record.volunteer.person.name, record.activity.name, record.hours, record.status)
    volunteer = Volunteer.select().where(Volunteer.community.is_null(False)).first()
    listed = next(r for r in everything(VOLUNTEERS) if r.id == volunteer.id)
    assert (listed.name, listed.community, listed.total_hours, listed.star_level) == (
        volunteer.person.name, volunteer.community.name, volunteer.total_hours, volunteer.star_level)


def test_an_empty_register_is_empty_until_a_person_or_organization_is_added(sqlite_db: Path) -> None:
    assert register_is_empty()
    ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织"})
    assert not register_is_empty()
