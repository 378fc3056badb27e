import datetime as dt

import pypdf
import pytest
from helpers.certificates import volunteer_with_hours

from registry import ops
from registry.certificates.pdf import write_certificate_pdf
from registry.ops.certificates import find_certificate, issue_certificate
from registry.storage.models import AuditEntry, Certificate

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def volunteer(area):
    return volunteer_with_hours(area)


def issue(vid, **extra):
    data = {"period_from": "2025-01-01", "period_to": "2025-12-31", "issuing_organization": "建外街道办事处",
            "person_in_charge": "王主任", "handler": "李四", "contact": "010-65001234", **extra}
    return Certificate.get_by_id(issue_certificate("clerk", vid, data, today=TODAY).id)


def test_a_certificate_counts_approved_hours_of_the_period_only(volunteer):
    cert = issue(volunteer)
    assert cert.hours == 7.5
    assert cert.content == "为老服务"
    assert cert.number == "JD-2026-00001"
    assert AuditEntry.select().where(AuditEntry.action == "issue").get().record_id == cert.id


def test_corrections_are_reflected_in_the_certified_hours(volunteer):
    from registry.storage.models import ServiceRecord

    first = ServiceRecord.select().where(ServiceRecord.service_date == dt.date(2025, 5, 1)).get()
    ops.approve_records("chief", ops.correct_record("clerk", first.id, {"hours": 1}, "核对").ids)
    assert issue(volunteer).hours == 6


def test_numbers_run_in_sequence_per_issuer_and_year(volunteer):
    org = ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织"}).id
    numbers = [issue(volunteer).number, issue(volunteer).number, issue(volunteer, issuer=org).number]
    assert numbers == ["JD-2026-00001", "JD-2026-00002", f"O{org:04d}-2026-00001"]
    assert len({c.verification_code for c in Certificate.select()}) == 3


def test_a_period_without_hours_or_in_the_future_is_refused(volunteer):
    with pytest.raises(ops.RegistryError, match="没有已审核的服务时长"):
        issue(volunteer, period_from="2023-01-01", period_to="2023-12-31")
    with pytest.raises(ops.ValidationError):
        issue(volunteer, period_to="2027-01-01")
    with pytest.raises(ops.ValidationError):
        issue(volunteer, period_from="2025-12-31", period_to="2025-01-01")
    assert Certificate.select().count() == 0


def test_verification_finds_only_issued_codes_whatever_their_spelling(volunteer):
    cert = issue(volunteer)
    assert find_certificate(cert.verification_code.lower().replace("-", " ")).id == cert.id
    assert find_certificate("ABCD-EFGH-JKLM") is None


def test_the_pdf_is_one_a4_page_with_the_facts_in_chinese(volunteer, tmp_path):
    cert = issue(volunteer)
    path = write_certificate_pdf(cert, tmp_path / "证明.pdf")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    for fact in ("志愿服务证明", "张三", "110105**********2X", "V0001", "7.5 小时", "建外街道办事处",
                 cert.number, cert.verification_code):
        assert fact in text, fact
    assert "19491231" not in text  # masked unless an administrator asked (test_pdf.py)
    fonts = [f for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert all("/FontFile2" in str(f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                                     .get_object().keys()) for f in fonts)  # embedded
