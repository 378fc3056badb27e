import datetime as dt

import pytest

from registry import ops
from registry.storage.models import AuditEntry, Person, SocialWorker, Volunteer, VolunteerOrganization

VALID = "11010519491231002X"


def test_registering_a_volunteer_creates_the_person_once(area):
    changes = ops.register_volunteer("clerk", {
        "id_number": VALID, "name": "张三", "community": area["community"],
        "volunteer_number": "V001", "service_categories": "为老服务，助残服务",
        "consent_contact": "是", "registered_on": "2024.3.5"})
    volunteer = Volunteer.get_by_id(changes.id)
    assert volunteer.person.name == "张三"
    assert volunteer.service_categories == "为老服务、助残服务"
    assert volunteer.consent_contact is True and volunteer.consent_publish is False
    assert volunteer.registered_on == dt.date(2024, 3, 5)
    assert volunteer.status == "在册"
    assert {"person", "volunteer"} == changes.tables


def test_the_same_person_can_hold_two_roles_without_a_second_person_row(area):
    ops.register_volunteer("clerk", {"community": area["community"], "id_number": VALID, "name": "张三"})
    ops.register_social_worker("clerk", {"community": area["community"],
                                         "id_number": VALID, "name": "张三", "phone": "13800138000",
                                         "level": "社工师", "certificate_number": "S2020-1",
                                         "registered_on": "2024-07-01"})
    assert Person.select().count() == 1
    worker = SocialWorker.get()
    assert worker.level == "社会工作师"  # alias accepted
    assert worker.registered_until == dt.date(2027, 7, 1)  # 3-year registration
    assert Person.get().phone == "13800138000"  # the second role filled the phone in


def test_registering_the_same_role_twice_is_refused(area):
    ops.register_volunteer("clerk", {"community": area["community"], "id_number": VALID, "name": "张三"})
    with pytest.raises(ops.RegistryError, match="已经登记为志愿者"):
        ops.register_volunteer("clerk", {"community": area["community"], "id_number": VALID, "name": "张三"})
    assert Volunteer.select().count() == 1


def test_volunteer_number_and_certificate_number_are_unique(area):
    ops.register_volunteer("clerk", {"community": area["community"],
                                     "id_number": VALID, "name": "张三", "volunteer_number": "V1"})
    with pytest.raises(ops.ValidationError) as caught:
        ops.register_volunteer("clerk", {"community": area["community"],
                                         "id_number": "110105199001010037", "name": "李四",
                                         "volunteer_number": "V1"})
    assert caught.value.problems[0].field == "volunteer_number"
    assert Person.select().count() == 1  # nothing half-written


def test_unknown_community_is_an_error(area):
    with pytest.raises(ops.ValidationError) as caught:
        ops.register_volunteer("clerk", {"id_number": VALID, "name": "张三", "community": 999})
    assert caught.value.problems[0].field == "community"


def test_update_routes_person_fields_to_the_person(area):
    vid = ops.register_volunteer("clerk", {"community": area["community"], "id_number": VALID, "name": "张三"}).id
    changes = ops.update_volunteer("clerk", vid, {"phone": "010-12345678", "skills": "心理疏导",
                                                  "community": area["community2"]})
    volunteer = Volunteer.get_by_id(vid)
    assert volunteer.person.phone == "010-12345678"
    assert (volunteer.skills, volunteer.community_id) == ("心理疏导", area["community2"])
    assert changes.tables == {"person", "volunteer"}


def test_deactivate_volunteer_keeps_the_record_with_its_reason(area):
    vid = ops.register_volunteer("clerk", {"community": area["community"], "id_number": VALID, "name": "张三"}).id
    ops.deactivate_volunteer("clerk", vid, "本人申请退出")
    volunteer = Volunteer.get_by_id(vid)
    assert (volunteer.status, volunteer.status_reason) == ("注销", "本人申请退出")
    entry = AuditEntry.select().where(AuditEntry.action == "deactivate").get()
    assert (entry.table_name, entry.record_id) == ("volunteer", vid)
    with pytest.raises(ops.RegistryError):
        ops.deactivate_volunteer("clerk", vid, "again")


def test_volunteer_organizations(area):
    org = ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织",
                                              "community": area["community"]}).id
    vid = ops.register_volunteer("clerk", {"community": area["community"],
                                           "id_number": VALID, "name": "张三", "organizations": [org]}).id
    assert [m.organization_id for m in VolunteerOrganization.select()] == [org]
    with pytest.raises(ops.ValidationError):
        ops.register_volunteer("clerk", {"community": area["community"],
                                         "id_number": "110105199001010037", "name": "李四",
                                         "organizations": [12345]})
    assert Volunteer.select().count() == 1 and vid


def test_social_worker_registration_dates_must_be_in_order(area):
    with pytest.raises(ops.ValidationError) as caught:
        ops.register_social_worker("clerk", {"community": area["community"],
                                             "id_number": VALID, "name": "张三", "level": "助理社会工作师",
                                             "certificate_number": "A1", "registered_on": "2024-01-01",
                                             "registered_until": "2023-01-01"})
    assert caught.value.problems[0].field == "registered_until"


def test_without_a_community_a_person_is_refused_when_the_register_has_communities(area):
    from registry.ops.roles import NO_COMMUNITY

    for register in (ops.register_volunteer, ops.register_social_worker):
        with pytest.raises(ops.ValidationError) as refused:
            register("clerk", {"id_number": VALID, "name": "张三", "community": None, "level": "社会工作师",
                               "certificate_number": "S-9"})
        assert [(p.field, p.message) for p in refused.value.problems] == [("community", NO_COMMUNITY)]
    vid = ops.register_volunteer("clerk", {"id_number": VALID, "name": "张三", "community": area["community"]}).id
    with pytest.raises(ops.ValidationError, match="所在社区"):  # nor can an edit take it away
        ops.update_volunteer("clerk", vid, {"community": ""})
    ops.update_volunteer("clerk", vid, {"skills": "理发"})  # an edit that leaves it alone keeps it
    assert Volunteer.get_by_id(vid).community_id == area["community"]


def test_a_register_without_communities_takes_a_person_without_one(db):
    assert ops.register_volunteer("clerk", {"id_number": VALID, "name": "张三"}).id
