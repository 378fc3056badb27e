"""What an edit form starts from: the stored values, numbers whole for an account that may
change the record (it must see what it corrects) and masked for one that may not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.editing import organization_values, person_holding, social_worker_values, volunteer_values
from registry.rules.problems import NotFoundError

ID, PHONE = "11010519491231002X", "13800138000"


@pytest.fixture
def volunteer(area: dict[str, int]) -> int:
    return int(ops.register_volunteer("clerk", {
        "id_number": ID, "name": "张三", "phone": PHONE, "community": area["community"],
        "volunteer_number": "V-1", "registered_on": "2023-04-01", "skills": "理发",
        "consent_contact": True}).id)


def test_a_volunteers_stored_values(volunteer: int, area: dict[str, int]) -> None:
    stored = volunteer_values(volunteer, "clerk")
    assert (stored.person.id_number, stored.person.name, stored.person.phone) == (ID, "张三", PHONE)
    assert (stored.community, stored.volunteer_number, stored.registered_on, stored.skills) == (
        area["community"], "V-1", dt.date(2023, 4, 1), "理发")
    assert (stored.consent_contact, stored.consent_publish, stored.national_number) == (True, False, None)
    with pytest.raises(NotFoundError):
        volunteer_values(volunteer + 1, "clerk")


def test_numbers_are_whole_for_who_may_change_them_only(volunteer: int) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")
    assert volunteer_values(volunteer, "li").person.id_number == ID
    viewer = volunteer_values(volunteer, "wang").person
    assert (viewer.id_number, viewer.phone) == ("110105**********2X", "138****8000")
    clerk, viewer_finds = person_holding(ID, "li"), person_holding(ID, "wang")
    assert clerk is not None and clerk.values.phone == PHONE
    assert viewer_finds is not None and viewer_finds.values.phone == "138****8000"


def test_the_person_an_id_number_belongs_to_and_their_roles(volunteer: int) -> None:
    assert person_holding("110105199001010037", "clerk") is None
    known = person_holding(ID, "clerk")
    assert known is not None
    assert (known.name, known.volunteer, known.social_worker, known.values.phone) == ("张三", volunteer, None, PHONE)
    worker = int(ops.register_social_worker("clerk", {"id_number": ID, "name": "张三", "level": "社会工作师",
                                                      "certificate_number": "S-1", "employer_name": "阳光社"}).id)
    known = person_holding(ID, "clerk")
    assert known is not None and known.social_worker == worker
    stored = social_worker_values(worker, "clerk")
    assert (stored.person.name, stored.level, stored.certificate_number, stored.employer_name,
            stored.employer) == ("张三", "社会工作师", "S-1", "阳光社", None)


def test_an_organizations_stored_values(area: dict[str, int]) -> None:
    org = int(ops.register_organization("clerk", {"name": "邻里互助会", "org_type": "社区社会组织",
                                                  "community": area["community"], "filed_on": "2022-09-01",
                                                  "registered_capital": "30000"}).id)
    stored = organization_values(org)
    assert (stored.name, stored.uscc, stored.org_type, stored.community) == (
        "邻里互助会", None, "社区社会组织", area["community"])
    assert (stored.filed_on, stored.registered_capital) == (dt.date(2022, 9, 1), Decimal(30000))
