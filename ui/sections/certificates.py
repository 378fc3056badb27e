"""证明登记: every volunteer service certificate issued, with its verification code; a
reprint writes the PDF again and is logged."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from registry.rules.idnumber import mask_id_number
from registry.storage.models import Certificate, Person, Volunteer
from ui.certificate_files import save_certificate
from ui.context import AppContext
from ui.i18n import tr_noop, translate
from ui.lists import date_text, hours_text
from ui.listspec import Column, Filters, ListSpec
from ui.sections.base import FilterDef, ListSection, detail_table
from ui.sections.people import _years


class CertificateList(ListSpec):
    key = Certificate.id
    default_descending = True
    columns = (
        Column(tr_noop("Columns", "Certificate no."), 140, Certificate.number),
        Column(tr_noop("Columns", "Volunteer"), 90, Person.name),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Period"), 190),
        Column(tr_noop("Columns", "Hours"), 70, Certificate.hours, True),
        Column(tr_noop("Columns", "Issuer"), 200),
        Column(tr_noop("Columns", "Issued on"), 100, Certificate.issued_on),
        Column(tr_noop("Columns", "Verification code"), 150),
    )

    def query(self, filters: Filters) -> Any:
        q = (Certificate.select(Certificate.id, Certificate.number, Person.name, Person.id_number,
                                Certificate.period_from, Certificate.period_to, Certificate.hours,
                                Certificate.issuing_organization, Certificate.issued_on,
                                Certificate.verification_code)
             .join(Volunteer, JOIN.INNER).join(Person))
        if filters.get("year"):
            q = q.where(Certificate.number.contains(f"-{int(filters['year'])}-"))
        return q

    def display(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        number, name, id_number, start, end, hours, issuer, issued, code = row
        return (number, name, mask_id_number(id_number or ""), f"{date_text(start)} – {date_text(end)}",
                hours_text(hours), issuer, date_text(issued), code)


def certificate_html(certificate_id: int) -> str:
    c = Certificate.get_by_id(certificate_id)
    p = c.volunteer.person
    rows = [(translate("Sections", "Volunteer"), p.name),
            (translate("Sections", "ID number"), mask_id_number(p.id_number or "")),
            (translate("Sections", "Period"), f"{date_text(c.period_from)} – {date_text(c.period_to)}"),
            (translate("Sections", "Hours"), hours_text(c.hours)),
            (translate("Sections", "Content"), c.content),
            (translate("Sections", "Issuer"), c.issuing_organization),
            (translate("Sections", "Person in charge"), c.person_in_charge),
            (translate("Sections", "Handled by"), c.handler),
            (translate("Sections", "Contact"), c.contact),
            (translate("Sections", "Issued on"), date_text(c.issued_on)),
            (translate("Sections", "Issued by"), c.issued_by),
            (translate("Sections", "Verification code"), c.verification_code)]
    return detail_table(translate("Sections", "Certificate {number}").format(number=c.number), rows)


class CertificatesSection(ListSection):
    key = "certificates"
    spec = CertificateList()
    tables = frozenset({"certificate"})
    filter_defs = (FilterDef("year", tr_noop("Sections", "Year"), _years),)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.add_action(translate("Sections", "Reprint…"), "pdf", self.reprint, "reprint", "reprint")

    def title(self) -> str:
        return translate("Sections", "Certificates")

    def detail_html(self, key: Any) -> str:
        return certificate_html(key)

    def reprint(self) -> None:
        if self.current_key is not None:
            save_certificate(self.ctx, self, self.current_key, reprint=True)
