"""The certificates section's list and detail: every certificate issued, sorted and by
year, the volunteer's ID number masked."""

from __future__ import annotations

import datetime as dt

import pytest

from registry import ops
from registry.ops.certificates import issue_certificate
from registry.queries.certificate_register import CERTIFICATES, CertificateFilters, certificate
from registry.queries.masking import Masker
from registry.queries.paging import PageRequest
from registry.rules.problems import NotFoundError

ID_NUMBERS = ["11010519491231002X", "110105199001011232"]
EVERY = CertificateFilters()


@pytest.fixture
def issued(area: dict[str, int]) -> list[int]:
    """Two volunteers' certificates: two numbered in 2025, one in 2026."""
    certificates = []
    for number, (name, id_number) in enumerate(zip(("李四", "王五"), ID_NUMBERS, strict=True)):
        vid = ops.register_volunteer("clerk", {"id_number": id_number, "name": name,
                                               "community": area["community"]}).id
        records = [ops.record_hours("clerk", vid, {"service_date": dt.date(2024, 5, d),
                                                   "hours": 2 + number}).id for d in (1, 2)]
        ops.approve_records("chief", records)
        data = {"period_from": "2024-01-01", "period_to": "2024-12-31", "handler": "赵六",
                "issuing_organization": "建外街道办事处"}
        for today in ([dt.date(2025, 1, 5), dt.date(2026, 1, 5)] if number == 0 else [dt.date(2025, 2, 1)]):
            certificates.append(issue_certificate("clerk", vid, data, today=today).id)
    return certificates


def listed(filters: CertificateFilters = EVERY, sort: str | None = None,
           descending: bool = True) -> list[int]:
    return [row.id for row in CERTIFICATES.page(filters, PageRequest(sort, descending)).rows]


def test_newest_first_then_by_each_column(issued: list[int]) -> None:
    rows = {row.id: row for row in CERTIFICATES.page(EVERY, PageRequest()).rows}
    assert listed() == sorted(issued, reverse=True)
    for sort in CERTIFICATES.sorts:
        expected = sorted(issued, key=lambda c: (getattr(rows[c], sort), c))
        assert listed(sort=sort, descending=False) == expected
        assert listed(sort=sort) == expected[::-1]
    assert CERTIFICATES.count(EVERY) == 3


def test_the_year_filter_keeps_the_certificates_numbered_that_year(issued: list[int]) -> None:
    assert listed(CertificateFilters(year=2025)) == [issued[2], issued[0]]
    assert listed(CertificateFilters(year=2026)) == [issued[1]]
    assert CERTIFICATES.count(CertificateFilters(year=2024)) == 0


def test_rows_and_details_mask_the_id_number(issued: list[int]) -> None:
    row = next(r for r in CERTIFICATES.page(EVERY, PageRequest()).rows if r.id == issued[2])
    assert (row.volunteer, row.id_number, row.hours) == ("王五", "110105**********32", 6)
    assert (row.period_from, row.period_to, row.issuer) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31),
                                                            "建外街道办事处")
    details = certificate(issued[0])
    assert (details.volunteer, details.id_number, details.hours) == ("李四", "110105**********2X", 4)
    assert (details.number, details.handler) == ("JD-2025-00001", "赵六")
    assert details.verification_code and details.issued_on == dt.date(2025, 1, 5)
    assert certificate(issued[0], Masker(full=True)).id_number == ID_NUMBERS[0]
    with pytest.raises(NotFoundError):
        certificate(max(issued) + 1)
