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
