"""What the certificate dialog and files read: the number a PDF is named by, and the
street office that issues a certificate by default."""

from __future__ import annotations

import datetime as dt

import pytest

from registry import ops
from registry.ops.certificates import issue_certificate
from registry.queries.certificates import certificate_number, street_office_name
from registry.rules.problems import NotFoundError
from registry.storage.models import Setting


def test_the_office_named_as_the_register_is_configured(area: dict[str, int]) -> None:
    """The issuer names the district and this office's street, never a bare 街道办事处."""
    assert street_office_name() == "朝阳区建外街道办事处"  # the only street, the district's own name
    Setting.put("district_full_name", "北京市朝阳区")  # what a district file gives
    assert street_office_name() == "北京市朝阳区建外街道办事处"
    sanlitun = ops.add_area("tester", "street", "110105002", "三里屯街道", 50_000, parent=area["district"]).id
    assert street_office_name() == "北京市朝阳区建外街道办事处"  # no default yet: the first street
    Setting.put("default_street", "110105002")  # the district file's default ...
    assert street_office_name() == "北京市朝阳区三里屯街道办事处"
    ops.set_office_street("tester", area["street"])  # ... is only a default: this office chose
    assert street_office_name() == "北京市朝阳区建外街道办事处"
    assert sanlitun


def test_without_a_street_the_office_has_a_plain_name(sqlite_db: object) -> None:
    assert street_office_name() == "街道办事处"


def test_a_certificates_number(area: dict[str, int]) -> None:
    volunteer = ops.register_volunteer("clerk", {"community": area["community"],
                                                 "id_number": "11010519491231002X", "name": "张三"}).id
    day = dt.date.today() - dt.timedelta(days=3)
    ops.approve_records("chief", [ops.record_hours("clerk", volunteer, {"service_date": day, "hours": "2"}).id])
    cert = issue_certificate("clerk", volunteer, {"period_from": day, "period_to": day,
                                                  "issuing_organization": "建外街道办事处"}).id
    assert certificate_number(cert) == f"JD-{dt.date.today().year}-00001"  # the street office (JD), first this year
    with pytest.raises(NotFoundError):
        certificate_number(cert + 1)
