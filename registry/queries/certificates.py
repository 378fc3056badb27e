"""What the certificate dialog and files need to know: the certificate's number (the PDF's
file name) and the street office that issues a certificate by default."""

from __future__ import annotations

from registry.queries.presets import get_setting
from registry.storage.models import Certificate, Street, get_or_fail


def certificate_number(certificate_id: int) -> str:
    return str(get_or_fail(Certificate, certificate_id, "志愿服务证明").number)


def street_office_name() -> str:
    """The default street's office, as printed on a certificate it issues."""
    street = Street.get_or_none(Street.code == get_setting("default_street")) or Street.select().first()
    return f"{street.name}办事处" if street else "街道办事处"
