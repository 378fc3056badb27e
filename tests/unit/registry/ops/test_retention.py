import datetime as dt

from registry import ops
from registry.ops.retention import ERASED_NAME, apply_retention, set_retention
from registry.queries.search import search_people
from registry.storage.models import Person, SearchKey, ServiceRecord, Volunteer


def test_personal_data_is_erased_after_the_retention_period_and_hours_stay(db):
    left = ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                            "phone": "13800138000"}).id
    both = ops.register_volunteer("clerk", {"id_number": "110105199001010037", "name": "李四"}).id
    ops.register_social_worker("clerk", {"id_number": "110105199001010037", "name": "李四",
                                         "level": "社会工作师", "certificate_number": "S1"})
    rid = ops.record_hours("clerk", left, {"service_date": dt.date(2020, 5, 1), "hours": 3}).id
    ops.approve_records("chief", [rid])
    for vid in (left, both):
        ops.deactivate_volunteer("clerk", vid, "退出")
    set_retention("admin", "volunteer", 3)
    today = dt.date.today()
    early = apply_retention("admin", today=today)
    assert early.erased["volunteer"] == 0 and early.changes.nothing_changed  # not yet 3 years
    report = apply_retention("admin", today=today.replace(year=today.year + 3))
    assert report.erased["volunteer"] == 1 and report.kept_for_other_roles == 1
    erased = Volunteer.get_by_id(left).person
    assert report.changes.tables == {"person", "search_key", "audit_entry"}
    assert report.changes.ids == (erased.id,)
    assert (erased.name, erased.phone, erased.birth_date) == (ERASED_NAME, None, None)
    assert "1101051949" not in erased.id_number
    assert not SearchKey.select().where(SearchKey.person == erased.id).exists()
    assert search_people("张三").ids == ()
    assert Volunteer.get_by_id(left).total_hours == 3 and ServiceRecord.get_by_id(rid).hours == 3
    assert Person.get(Person.id == Volunteer.get_by_id(both).person_id).name == "李四"  # still a social worker
    assert apply_retention("admin", today=today.replace(year=today.year + 4)).erased["volunteer"] == 0
