"""证明登记: every volunteer service certificate issued, with its verification code; a
reprint writes the PDF again and is logged."""

from __future__ import annotations

from typing import Any

from registry.queries.certificate_register import CERTIFICATES, CertificateRow, certificate
from ui.dialogs.certificate_files import save_certificate
from ui.models.lists import date_text, hours_text
from ui.models.listspec import Column, ListSpec
from ui.runtime.context import AppContext
from ui.runtime.i18n import tr_noop, translate
from ui.sections.base import FilterDef, ListSection, detail_table
from ui.sections.people import _years


class CertificateList(ListSpec[CertificateRow]):
    query = CERTIFICATES
    default_descending = True
    columns = (
        Column(tr_noop("Columns", "Certificate no."), 140, "number"),
        Column(tr_noop("Columns", "Volunteer"), 90, "volunteer"),
        Column(tr_noop("Columns", "ID number"), 170),
        Column(tr_noop("Columns", "Period"), 190),
        Column(tr_noop("Columns", "Hours"), 70, "hours", True),
        Column(tr_noop("Columns", "Issuer"), 200),
        Column(tr_noop("Columns", "Issued on"), 100, "issued_on"),
        Column(tr_noop("Columns", "Verification code"), 150),
    )

    def cells(self, r: CertificateRow) -> tuple[str, ...]:
        return (r.number, r.volunteer, r.id_number, f"{date_text(r.period_from)} – {date_text(r.period_to)}",
                hours_text(r.hours), r.issuer, date_text(r.issued_on), r.verification_code)


def certificate_html(certificate_id: int) -> str:
    c = certificate(certificate_id)
    rows = [(translate("Sections", "Volunteer"), c.volunteer),
            (translate("Sections", "ID number"), c.id_number),
            (translate("Sections", "Period"), f"{date_text(c.period_from)} – {date_text(c.period_to)}"),
            (translate("Sections", "Hours"), hours_text(c.hours)),
            (translate("Sections", "Content"), c.content),
            (translate("Sections", "Issuer"), c.issuer),
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
        self.add_action(translate("Sections", "Reprint…"), "pdf", self.reprint, "reprint", "reprint",
                        on_selection=True)

    def detail_html(self, key: Any) -> str:
        return certificate_html(key)

    def reprint(self) -> None:
        if self.current_key is not None:
            save_certificate(self.ctx, self, self.current_key, reprint=True)
