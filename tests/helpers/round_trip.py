"""A register to carry through a round trip (export, re-save, import into an empty one) and
what to compare on each side: the people and roles, the statuses, the hours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from helpers.importer import id_number
from registry import ops
from registry.storage.models import (
    Community,
    Organization,
    Person,
    ServiceRecord,
    SocialWorker,
    Volunteer,
    VolunteerYear,
)

PEOPLE = [
    {"id_number": id_number("110105", "19800101", "011"), "name": "张三", "phone": "13800138000",
     "political_status": "中共党员", "volunteer_number": "V1", "registered_on": dt.date(2020, 1, 2),
     "skills": "摄影、驾驶", "service_categories": "为老服务、助残服务"},
    {"id_number": id_number("110105", "19810101", "022"), "name": "李四", "phone": "010-12345678",
     "political_status": "群众", "volunteer_number": "V2", "registered_on": dt.date(2021, 3, 4),
     "skills": "", "service_categories": "社区治理"},
    {"id_number": "11010519491231002X", "name": "王五", "phone": None, "political_status": "",
     "volunteer_number": None, "registered_on": None, "skills": "", "service_categories": "",
     "notes": "腿脚不便"},
]


def make_area() -> dict[str, int]:
    district = ops.add_area("t", "district", "110105", "朝阳区", 1).id
    street = ops.add_area("t", "street", "110105001", "建外街道", 1, parent=district).id
    return {"永安里社区": ops.add_area("t", "community", "110105001001", "永安里社区", 1, parent=street).id,
            "建华南社区": ops.add_area("t", "community", "110105001002", "建华南社区", 1, parent=street).id}


def records() -> list[tuple[Any, ...]]:
    out = []
    for v in Volunteer.select().join(Person).order_by(Person.id_number):
        p = v.person
        out.append((p.id_number, p.name, p.sex, p.birth_date, p.phone, p.political_status, p.notes,
                    v.volunteer_number, v.registered_on, v.skills, v.service_categories,
                    Community.get_by_id(v.community_id).code if v.community_id else None))
    return out


def workers() -> list[tuple[Any, ...]]:
    """Each social worker as a roster carries them: the person, the certificate, the
    registration's dates, the employer (and whether it is a registered organization), the
    status."""
    out = []
    for w in SocialWorker.select().join(Person).order_by(Person.id_number):
        p = w.person
        out.append((p.id_number, p.name, p.notes, w.level, w.certificate_number, w.obtained_year,
                    w.registered_on, w.registered_until, w.employer_name, w.employer_id is not None,
                    w.post, Community.get_by_id(w.community_id).code if w.community_id else None,
                    w.status))
    return out


def organizations() -> list[tuple[Any, ...]]:
    """Each organization as the 社会组织名录 carries it: name, code, type, the day it was
    recognized as a charity, authority, supervising unit, representative, founding, address,
    scope, status."""
    return [(o.name, o.uscc, o.org_type, o.charity_recognized_on, o.registration_authority, o.supervising_unit,
             o.legal_representative_name, o.founded_on, o.address, o.business_scope, o.status)
            for o in Organization.select().order_by(Organization.name)]


def ledger_state() -> list[tuple[Any, ...]]:
    """What a register says of each volunteer's standing and hours, as far as a roster can
    carry them: the total and this year's hours (the years before are one sum in it)."""
    out = []
    year = dt.date.today().year
    for v in Volunteer.select().join(Person).order_by(Person.id_number):
        this_year = VolunteerYear.get_or_none((VolunteerYear.volunteer == v.id) & (VolunteerYear.year == year))
        out.append((v.person.id_number, v.status, v.total_hours, v.star_level,
                    this_year.hours if this_year else Decimal(0)))
    return out


def served(volunteer_id: int, day: dt.date, hours: str) -> None:
    ops.record_hours("clerk", volunteer_id, {"service_date": day, "hours": hours, "content": "助老"})
    ops.approve_records("clerk", [ServiceRecord.select().order_by(ServiceRecord.id.desc()).first().id])


