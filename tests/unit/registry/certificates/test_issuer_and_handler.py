"""Item 12 of issue 13: the certificate printed 经办人 "root" (the computer's login) and the
bare issuer "街道办事处" although a district file named the district and the street. The
issuer now comes from the register's configuration and the handler from the account."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
from helpers.certificates import volunteer_with_hours

from registry import ops
from registry.certificates.pdf import write_stored_certificate_pdf
from registry.ops.accounts import add_account
from registry.ops.certificates import issue_certificate
from registry.ops.district import apply_district, check_district
from registry.queries.areas import office_name
from registry.queries.certificates import handler_name
from registry.storage.models import Community, Street

CHAOYANG = Path(__file__).resolve().parents[4] / "packaging" / "districts" / "110105-chaoyang.toml"


def configured(street: str) -> dict[str, int]:
    """A register set up from the Chaoyang district file, working as `street`."""
    config, problems = check_district(CHAOYANG)
    assert config is not None, problems
    apply_district("admin", config, CHAOYANG.name)
    office = Street.get(Street.name == street)
    ops.set_office_street("admin", office.id)
    return {"street": office.id, "community": Community.get(Community.street == office.id).id}


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_certificate_names_the_configured_office_and_the_accounts_person(sqlite_db: Path,
                                                                             tmp_path: Path) -> None:
    vid = volunteer_with_hours(configured("朝外街道"))  # not the district file's default street
    add_account("", "admin", "admin", "correct horse", display_name="张主任")
    add_account("admin", "wangf", "clerk", "clerk-password", display_name="王芳")
    assert handler_name("wangf") == "王芳"
    cid = issue_certificate("wangf", vid, {"period_from": "2025-01-01", "period_to": "2025-12-31",
                                           "handler": handler_name("wangf")}, today=dt.date(2026, 3, 1)).id
    text = pdf_text(write_stored_certificate_pdf(cid, tmp_path / "c.pdf", actor="wangf"))
    assert "北京市朝阳区朝外街道办事处" in text
    assert "王芳" in text and "wangf" not in text
    assert "建外街道" not in text  # the district file's default street is only a default


def test_without_accounts_no_handler_is_offered(sqlite_db: Path) -> None:
    configured("建外街道")
    assert handler_name("root") == ""  # the computer's login is no one's name on a certificate
    assert office_name() == "北京市朝阳区建外街道办事处"


def test_an_account_without_a_display_name_offers_none(sqlite_db: Path) -> None:
    add_account("", "admin", "admin", "correct horse")
    assert handler_name("admin") == ""
