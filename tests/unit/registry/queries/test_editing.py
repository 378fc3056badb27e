"""What an edit form starts from: the stored values, numbers masked for every role; a
masked number sent back untouched keeps the stored one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.editing import organization_values, person_holding, social_worker_values, volunteer_values
from registry.rules.problems import NotFoundError
from registry.storage.models import Volunteer

ID, PHONE = "11010519491231002X", "13800138000"


@pytest.fixture
def volunteer(area: dict[str, int]) -> int:
    return int(ops.register_volunteer("clerk", {
        "id_number": ID, "name": "张三", "phone": PHONE, "community": area["community"],
        "volunteer_number": "V-1", "registered_on": "2023-04-01", "skills": "理发",
        "consent_contact": True}).id)


def test_a_volunteers_stored_values(volunteer: int, area: dict[str, int]) -> None:
    stored = volunteer_values(volunteer, "clerk")
    assert (stored.person.id_number, stored.person.name, stored.person.phone) == (
        "110105**********2X", "张三", "138****8000")
    assert (stored.community, stored.volunteer_number, stored.registered_on, stored.skills) == (
        area["community"], "V-1", dt.date(2023, 4, 1), "理发")
    assert (stored.consent_contact, stored.consent_publish, stored.national_number) == (True, False, None)
    with pytest.raises(NotFoundError):
        volunteer_values(volunteer + 1, "clerk")


def test_forms_show_numbers_masked_to_every_role(volunteer: int) -> None:
    """A form is a screen: a clerk (no unmask right) may not read a whole number off it,
    and an administrator's whole numbers are for the logged 显示完整号码 only."""
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    add_account("boss", "wang", "viewer", "viewer-password")
    for actor in ("boss", "li", "wang"):
        shown = volunteer_values(volunteer, actor).person
        assert (shown.id_number, shown.phone) == ("110105**********2X", "138****8000")
        found = person_holding(ID, actor)
        assert found is not None and found.values.phone == "138****8000"


def test_a_masked_number_sent_back_keeps_the_stored_one(volunteer: int) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    shown = volunteer_values(volunteer, "li").person
    ops.update_volunteer("li", volunteer, {"id_number": shown.id_number, "phone": shown.phone,
                                           "name": "张三丰"})
    stored = Volunteer.get_by_id(volunteer).person
    assert (stored.id_number, stored.phone, stored.name) == (ID, PHONE, "张三丰")
    ops.update_volunteer("li", volunteer, {"phone": "13900001111"})  # typed whole: changed
    assert Volunteer.get_by_id(volunteer).person.phone == "13900001111"


def test_the_person_an_id_number_belongs_to_and_their_roles(volunteer: int, area: dict[str, int]) -> None:
    assert person_holding("110105199001010037", "clerk") is None
    known = person_holding(ID, "clerk")
    assert known is not None
    assert (known.name, known.volunteer, known.social_worker, known.values.phone) == (
        "张三", volunteer, None, "138****8000")
    worker = int(ops.register_social_worker("clerk", {"community": area["community"], "id_number": ID, "name": "张三",
                                                      "level": "社会工作师",
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


def test_an_organizations_stored_values_say_whether_it_is_a_charity(area: dict[str, int]) -> None:
    org = int(ops.register_organization("clerk", {"name": "永安基金会", "org_type": "基金会",
                                                  "uscc": "53110105MJ0000034W",
                                                  "charity_recognized_on": "2020-08-08"}).id)
    assert organization_values(org).charity_recognized_on == dt.date(2020, 8, 8)
    ops.update_organization("clerk", org, {"charity_recognized_on": None})
    assert organization_values(org).charity_recognized_on is None
