"""Item 4 of issue 12: the certificate's ID number is decided per role by the same rule as
every screen: a clerk gets it masked, an administrator who asks gets it whole, logged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from helpers.certificates import volunteer_with_hours

from registry.certificates.pdf import certificate_lines, certificate_masker, write_stored_certificate_pdf
from registry.ops.accounts import add_account
from registry.ops.certificates import issue_certificate
from registry.rules.disclosure import MIN_ID_CANDIDATES, BirthSeen, id_candidates
from registry.rules.problems import NotAllowedError
from registry.storage.models import AuditEntry, Certificate

NUMBER = "11010519491231002X"


@pytest.fixture
def issued(sqlite_db: Path, area: dict[str, int]) -> int:
    vid = volunteer_with_hours(area)
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    return issue_certificate("li", vid, {"period_from": "2025-01-01", "period_to": "2025-12-31",
                                         "issuing_organization": "建外街道办事处"},
                             today=dt.date(2026, 3, 1)).id


def _text(path: Path) -> str:
    return pypdf.PdfReader(path).pages[0].extract_text()


def test_a_clerk_gets_the_masked_number_and_cannot_ask_for_it_whole(issued: int, tmp_path: Path) -> None:
    text = _text(write_stored_certificate_pdf(issued, tmp_path / "c.pdf", actor="li"))
    assert "110105**********2X" in text and NUMBER not in text and "1949" not in text
    shown = dict(certificate_lines(Certificate.get_by_id(issued), certificate_masker("li", issued)))
    # attacked as the rule says: region known, the sex known from the name at worst
    assert id_candidates(shown["证件号码"], region="110105", sex="女", birth=BirthSeen(),
                         today=dt.date(2026, 3, 1)) >= MIN_ID_CANDIDATES
    with pytest.raises(NotAllowedError, match="只有可以查看完整号码的管理员"):
        write_stored_certificate_pdf(issued, tmp_path / "d.pdf", actor="li", full_number=True)
    assert not (tmp_path / "d.pdf").exists()
    assert AuditEntry.select().where(AuditEntry.action == "unmask").count() == 0


def test_an_administrator_who_asks_gets_it_whole_and_it_is_logged(issued: int, tmp_path: Path) -> None:
    assert NUMBER not in _text(write_stored_certificate_pdf(issued, tmp_path / "m.pdf", actor="boss"))
    assert AuditEntry.select().where(AuditEntry.action == "unmask").count() == 0
    assert NUMBER in _text(write_stored_certificate_pdf(issued, tmp_path / "f.pdf", actor="boss",
                                                        full_number=True))
    entry = AuditEntry.select().where(AuditEntry.action == "unmask").get()
    assert (entry.actor, entry.table_name, entry.record_id) == ("boss", "certificate", issued)
    assert "证明" in entry.detail


def test_hours_carried_over_are_stated_on_the_certificate(area: dict[str, int], tmp_path: Path) -> None:
    """An opening balance (期初结转) counts in the certificate's hours and is said apart."""
    from helpers.importer import write_sheet

    from registry.importer import commit_import, preview_import

    vid = volunteer_with_hours(area)  # 7.5 h in May 2025, 8 h in 2024
    path = write_sheet(tmp_path / "旧台账.xlsx", ["姓名", "身份证号", "累计时长"], [["张三", NUMBER, 31.5]])
    commit_import(preview_import("volunteers", path), actor="clerk")  # 16 h carried over
    last_day = dt.date(dt.date.today().year - 1, 12, 31)
    cert_id = issue_certificate("clerk", vid, {"period_from": "2024-01-01", "period_to": last_day,
                                               "issuing_organization": "建外街道办事处"}).id
    cert = Certificate.get_by_id(cert_id)
    assert (cert.hours, cert.carried_hours) == (31.5, 16)
    assert dict(certificate_lines(cert))["服务时长"] == "31.5 小时（含结转时长 16 小时）"
    assert "期初结转" not in cert.content  # the content names the service done
    text = _text(write_stored_certificate_pdf(cert_id, tmp_path / "c.pdf", actor="clerk"))
    assert "累计服务时长31.5 小时（含结转时长 16 小时）" in text.replace("\n", "")  # the line breaks before 31.5


def test_the_certificate_names_the_holders_document_type(area: dict[str, int], tmp_path: Path) -> None:
    from registry import ops
    from registry.storage.models import Volunteer

    vid = volunteer_with_hours(area)
    ops.update_person("clerk", Volunteer.get_by_id(vid).person_id,
                      {"id_type": "港澳居民来往内地通行证", "id_number": "H12345678"})
    cert_id = issue_certificate("clerk", vid, {"period_from": "2024-01-01", "period_to": "2024-12-31",
                                                        "issuing_organization": "建外街道办事处"}).id
    lines = dict(certificate_lines(Certificate.get_by_id(cert_id)))
    assert (lines["证件类型"], lines["证件号码"]) == ("港澳居民来往内地通行证", "*******78")
    text = _text(write_stored_certificate_pdf(cert_id, tmp_path / "c.pdf", actor="clerk")).replace("\n", "")
    assert "港澳居民来往内地通行证" in text and "居民身份证" not in text
