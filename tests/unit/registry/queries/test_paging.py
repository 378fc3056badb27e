"""Keyset paging, as the table asks for pages: from the first page on by the row before,
back from a page by the row after it, and by row number after a jump (from whichever end
is nearer). Each way gives the rows the one full ordering has at those places, ties in
the sort column included."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from registry.queries.lists import VOLUNTEERS, VolunteerFilters
from registry.queries.paging import UNKNOWN_COUNT, PageRequest
from registry.storage.models import Volunteer

SIZE = 11
ALL = VolunteerFilters()
# star_level and total_hours: most volunteers of the demo have none yet, so long ties
ORDERS = [(None, False), ("star_level", False), ("star_level", True), ("total_hours", True),
          ("total_hours", False), ("name", False)]


def full_order(sort: str | None, descending: bool) -> list[int]:
    rows = VOLUNTEERS.page(ALL, PageRequest(size=1 << 30)).rows
    field = sort or "id"
    return [r.id for r in sorted(rows, key=lambda r: (getattr(r, field), r.id), reverse=descending)]


def ids(page: Any) -> list[int]:
    return [row.id for row in page.rows]


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_pages_read_backwards_from_the_end_meet_the_full_order(demo: Path, sort: str | None,
                                                               descending: bool) -> None:
    expected = full_order(sort, descending)
    count = len(expected)
    start = (count - 1) // SIZE * SIZE  # the last page, reached by a jump
    last = VOLUNTEERS.page(ALL, PageRequest(sort, descending, start, count - start, count))
    seen = ids(last)
    assert seen == expected[start:]
    first = last.anchors[0]
    while start > 0:
        start -= SIZE
        page = VOLUNTEERS.page(ALL, PageRequest(sort, descending, start, SIZE, count, before=first))
        assert [a.key for a in page.anchors] == ids(page)
        seen = ids(page) + seen
        first = page.anchors[0]
    assert seen == expected


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_jumps_then_neighbours_give_the_rows_at_those_places(demo: Path, sort: str | None,
                                                            descending: bool) -> None:
    expected = full_order(sort, descending)
    count = len(expected)
    for start in (0, SIZE * 3, count // 2, count - SIZE * 4, count - SIZE):
        jumped = VOLUNTEERS.page(ALL, PageRequest(sort, descending, start, SIZE, count))
        assert ids(jumped) == expected[start:start + SIZE]
        after = VOLUNTEERS.page(ALL, PageRequest(sort, descending, start + SIZE, SIZE, count,
                                                 after=jumped.anchors[-1]))
        assert ids(after) == expected[start + SIZE:start + 2 * SIZE]
        if start >= SIZE:
            before = VOLUNTEERS.page(ALL, PageRequest(sort, descending, start - SIZE, SIZE, count,
                                                      before=jumped.anchors[0]))
            assert ids(before) == expected[start - SIZE:start]


def test_the_first_page_comes_before_the_count(demo: Path) -> None:
    page = VOLUNTEERS.page(ALL, PageRequest("total_hours", descending=True))
    assert len(page.rows) == PageRequest().size
    assert ids(page) == full_order("total_hours", True)[:len(page.rows)]
    assert PageRequest().count == UNKNOWN_COUNT


def test_anchors_hold_the_sort_value_and_page_on_decimal_hours(demo: Path) -> None:
    page = VOLUNTEERS.page(ALL, PageRequest("total_hours", False, 0, SIZE))
    for anchor, row in zip(page.anchors, page.rows, strict=True):
        assert (anchor.key, anchor.value) == (row.id, row.total_hours)
    by_key = VOLUNTEERS.page(ALL, PageRequest(None, False, 0, SIZE))
    assert [(a.key, a.value) for a in by_key.anchors] == [(r.id, r.id) for r in by_key.rows]


def test_past_the_end_there_are_no_rows(demo: Path) -> None:
    count = Volunteer.select().count()
    last = VOLUNTEERS.page(ALL, PageRequest("name", False, count - 1, 1, count))
    assert VOLUNTEERS.page(ALL, PageRequest("name", False, count, SIZE, count,
                                            after=last.anchors[-1])).rows == ()


def test_pages_hold_the_values_peewee_reads(demo: Path) -> None:
    """Dates, decimals, flags and missing values come out of a page as the models read them."""
    from registry.queries.audit_log import AUDIT_LOG
    from registry.queries.lists import ORGANIZATIONS, SERVICE_RECORDS, SOCIAL_WORKERS, TRAININGS
    from registry.queries.masking import MASKED

    for query in (VOLUNTEERS, SOCIAL_WORKERS, ORGANIZATIONS, TRAININGS, SERVICE_RECORDS, AUDIT_LOG):
        read = [query.row(values, MASKED) for values in
                query.select().order_by(query.key).limit(200).tuples()]
        if query is AUDIT_LOG:  # a page words its entries, naming their records together
            read = list(AUDIT_LOG.worded(read))
        assert list(query.page(query.filters(), PageRequest(size=200)).rows) == read
        for sort in query.sorts:
            page = query.page(query.filters(), PageRequest(sort, size=50))
            assert [a.value for a in page.anchors] == [getattr(r, sort) for r in page.rows]


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_a_record_is_found_at_the_row_the_pages_show_it(demo: Path, sort: str | None,
                                                        descending: bool) -> None:
    """Where a search result is selected in its list: ties in the sort column included."""
    expected = full_order(sort, descending)
    for row in (0, 1, len(expected) // 3, len(expected) - 1):
        assert VOLUNTEERS.position(ALL, expected[row], sort, descending) == row


def test_a_record_the_filters_leave_out_has_no_row(demo: Path) -> None:
    volunteer = Volunteer.select().first()
    other = Volunteer.select().where(Volunteer.community != volunteer.community).first()
    only_its_community = VolunteerFilters(community=volunteer.community_id)
    assert VOLUNTEERS.position(only_its_community, other.id) is None
    assert VOLUNTEERS.position(only_its_community, volunteer.id) is not None


@pytest.mark.parametrize("filters", [{}, {"community": 1}, {"approval": "pending"},
                                     {"year": date.today().year - 1, "approval": "approved"}, {"organization": 1}])
def test_a_list_read_by_its_keys_first_gives_the_pages_one_query_gives(demo: Path, filters: dict) -> None:
    """The hours list orders and cuts its lines' keys before it reads their rows
    (ListQuery.keyed): every page, by jump or by neighbour, either way, is the same."""
    from registry.queries.lists import SERVICE_RECORDS, ServiceRecordFilters, ServiceRecords

    class InOneQuery(ServiceRecords):
        def keyed(self) -> Any:
            return None

    whole = InOneQuery()
    chosen = ServiceRecordFilters(**filters)
    count = SERVICE_RECORDS.count(chosen)
    assert count > 2 * SIZE, filters  # enough lines for pages on both sides
    for descending in (False, True):
        for start in (0, SIZE, count // 2, count - SIZE):
            request = PageRequest(None, descending, start, SIZE, count)
            page = SERVICE_RECORDS.page(chosen, request)
            assert page == whole.page(chosen, request) and len(page.rows) == min(SIZE, count - start)
            for beside in (PageRequest(None, descending, start + SIZE, SIZE, count, after=page.anchors[-1]),
                           PageRequest(None, descending, max(0, start - SIZE), SIZE, count,
                                       before=page.anchors[0])):
                assert SERVICE_RECORDS.page(chosen, beside) == whole.page(chosen, beside)
