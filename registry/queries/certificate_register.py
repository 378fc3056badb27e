"""证明登记: the volunteer service certificates issued, as the program lists them (newest
first, by year of issue) and one certificate in full."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from peewee import JOIN, Expression

from registry.queries.masking import MASKED, Masker
from registry.queries.paging import ListQuery, Sorts
from registry.storage.models import Certificate, Person, Volunteer, get_or_fail
from registry.texts import msg


@dataclass(frozen=True)
class CertificateFilters:
    year: int | None = None  # issued that year, as the number says: <issuer>-<year>-<n>


@dataclass(frozen=True)
class CertificateRow:
    id: int
    number: str
    volunteer: str  # the volunteer's name
    id_number: str  # masked
    period_from: dt.date
    period_to: dt.date
    hours: Decimal
    issuer: str  # the organization printed as issuing it
    issued_on: dt.date
    verification_code: str


class Certificates(ListQuery[CertificateFilters, CertificateRow]):
    key = Certificate.id
    sorts: ClassVar[Sorts] = {"number": Certificate.number, "volunteer": Person.name, "hours": Certificate.hours,
             "issued_on": Certificate.issued_on}
    filters = CertificateFilters

    def select(self) -> Any:
        return (Certificate.select(Certificate.id, Certificate.number, Person.name, Person.id_number,
                                   Certificate.period_from, Certificate.period_to, Certificate.hours,
                                   Certificate.issuing_organization, Certificate.issued_on,
                                   Certificate.verification_code)
                .join(Volunteer, JOIN.INNER).join(Person))

    def where(self, f: CertificateFilters) -> list[Expression]:
        return [Certificate.number.contains(f"-{f.year}-")] if f.year is not None else []

    def row(self, values: tuple[Any, ...], masker: Masker) -> CertificateRow:
        key, number, name, id_number, start, end, hours, issuer, issued, code = values
        return CertificateRow(key, number, name, masker.id_number(id_number), start, end, hours,
                              issuer, issued, code)


CERTIFICATES = Certificates()


@dataclass(frozen=True)
class CertificateDetails:
    id: int
    number: str
    volunteer: str
    id_number: str  # masked
    period_from: dt.date
    period_to: dt.date
    hours: Decimal
    content: str
    issuer: str
    person_in_charge: str
    handler: str
    contact: str
    issued_on: dt.date
    issued_by: str
    verification_code: str


def certificate(certificate_id: int, masker: Masker = MASKED) -> CertificateDetails:
    c = get_or_fail(Certificate, certificate_id, msg("志愿服务证明"))
    p = c.volunteer.person
    return CertificateDetails(c.id, c.number, p.name, masker.id_number(p.id_number), c.period_from,
                              c.period_to, c.hours, c.content, c.issuing_organization,
                              c.person_in_charge, c.handler, c.contact, c.issued_on, c.issued_by,
                              c.verification_code)
