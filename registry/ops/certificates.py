"""Volunteer service certificates (志愿服务证明): issued into a register, numbered per
issuer and year, each with a verification code that `python -m registry verify` checks."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.kernel import retried, write
from registry.queries.areas import office_name
from registry.queries.ledger import volunteer_hours, volunteer_records
from registry.rules.fields import Cleaner, clean_date, clean_int, clean_text
from registry.rules.ledger import OPENING
from registry.rules.permissions import Action
from registry.rules.phone import check_phone
from registry.rules.problems import RegistryError, error
from registry.storage.models import Certificate, Organization, Volunteer, get_or_fail
from registry.texts import msg

STREET_OFFICE = "JD"  # issuer code of the street office itself
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
MAX_CONTENT = 300


def new_verification_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def normalize_code(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _summary(volunteer_id: int, date_from: dt.date, date_to: dt.date) -> str:
    """The kinds of service done, most frequent first, as the certificate's content."""
    counts: dict[str, int] = {}
    for record in volunteer_records(volunteer_id, date_from, date_to):
        if record.kind == OPENING:
            continue  # said apart: "含结转时长 X 小时"
        for text in (record.service_category, record.content):
            if text:
                counts[text] = counts.get(text, 0) + 1
                break
    text = "、".join(sorted(counts, key=lambda k: -counts[k]))
    return text if len(text) <= MAX_CONTENT else text[:MAX_CONTENT - 1] + "…"


def _next_number(issuer_code: str, year: int) -> str:
    prefix = f"{issuer_code}-{year}-"
    last = (Certificate.select(Certificate.number).where(Certificate.number.startswith(prefix))
            .order_by(Certificate.number.desc()).first())
    sequence = int(last.number.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:05d}"


@retried
def issue_certificate(actor: str, volunteer_id: int, data: Mapping[str, Any],
                      today: dt.date | None = None) -> Changes:
    """Issue a certificate of the hours a volunteer served in a period."""
    today = today or dt.date.today()
    c = Cleaner(data)
    c.take("period_from", clean_date, msg("起始日期"), required=True)
    c.take("period_to", clean_date, msg("截止日期"), required=True, latest=today)
    c.take("issuer", clean_int, msg("出具单位"), minimum=1)
    c.take("issuing_organization", clean_text, msg("出具单位名称"), max_length=100)
    c.take("person_in_charge", clean_text, msg("负责人"), max_length=50)
    c.take("handler", clean_text, msg("经办人"), max_length=50)
    c.take("content", clean_text, msg("服务内容"), max_length=MAX_CONTENT)
    values, problems = c.values, c.problems
    contact, contact_problems = check_phone(data.get("contact"), "contact")
    problems.extend(contact_problems)
    start, end = values["period_from"], values["period_to"]
    if start and end and end < start:
        problems.append(error("date_order", "period_to", msg("“截止日期”不能早于“起始日期”。")))
    issuer = None
    if values["issuer"] is not None:
        issuer = Organization.get_or_none(Organization.id == values["issuer"])
        if issuer is None:
            problems.append(error("issuer", "issuer", msg("所选出具单位不在登记库中。")))
    # the street office's name comes from the register's configuration, never a bare 街道办事处
    name = values["issuing_organization"] or (issuer.name if issuer else office_name())
    if not name:
        problems.append(error("required", "issuing_organization", msg("请填写出具单位名称。")))
    warnings = require(problems)
    with write(actor, Action.ISSUE) as w:
        volunteer = get_or_fail(Volunteer, volunteer_id, msg("志愿者"))
        hours = volunteer_hours(volunteer.id, start, end)
        carried = volunteer_hours(volunteer.id, start, end, kind=OPENING)
        if hours <= 0:
            raise RegistryError(msg("{start} 至 {end} 期间没有已审核的服务时长，不能出具证明。", start=start, end=end))
        issuer_code = f"O{issuer.id:04d}" if issuer else STREET_OFFICE
        row = Certificate.create(
            number=_next_number(issuer_code, today.year), volunteer=volunteer.id,
            issuer=issuer.id if issuer else None, issuing_organization=name,
            period_from=start, period_to=end, hours=hours, carried_hours=carried,
            content=values["content"] or _summary(volunteer.id, start, end),
            person_in_charge=values["person_in_charge"], handler=values["handler"],
            contact=contact or "", issued_on=today, issued_by=actor,
            verification_code=new_verification_code())
        w.log(Table.CERTIFICATE, row.id, None, snapshot(row))
        w.changed(Table.CERTIFICATE, ids=[row.id])
        w.warn(warnings)
    return w.changes


def find_certificate(code: str) -> Certificate | None:
    """The issued certificate with this verification code, if any."""
    found: Certificate | None = Certificate.get_or_none(
        Certificate.verification_code == normalize_code(code))
    return found


@retried
def record_reprint(actor: str, certificate_id: int) -> Changes:
    with write(actor, Action.REPRINT) as w:
        row = get_or_fail(Certificate, certificate_id, msg("证明"))
        w.log(Table.CERTIFICATE, row.id, detail=row.number)
        w.changed(Table.CERTIFICATE, ids=[certificate_id])
    return w.changes
