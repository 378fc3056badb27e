"""What the certificate dialog and files need to know: the certificate's number (the PDF's
file name), the office that issues a certificate by default, and who handles it."""

from __future__ import annotations

from registry.queries.areas import office_name
from registry.storage.models import Account, Certificate, get_or_fail
from registry.texts import msg


def certificate_number(certificate_id: int) -> str:
    return str(get_or_fail(Certificate, certificate_id, msg("志愿服务证明")).number)


def street_office_name() -> str:
    """This office as printed on a certificate it issues: 北京市朝阳区建外街道办事处."""
    return office_name()


def handler_name(actor: str) -> str:
    """The 经办人 a certificate offers: the logged-in account's display name; "" for an
    account without one and for a register without accounts, whose actor is only the
    computer's login ("root"), never a name to print on an official paper."""
    account: Account | None = Account.get_or_none(Account.name == actor)
    return str(account.display_name or "") if account is not None else ""
