import datetime as dt
from decimal import Decimal

import pytest
from peewee import IntegrityError

from registry import ops
from registry.storage.models import AuditEntry, CommunityYear, OrganizationYear, ServiceRecord, Volunteer, VolunteerYear

LAST_YEAR = dt.date.today().year - 1


@pytest.fixture
def volunteer(area):
    return ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                            "community": area["community"]}).id


def record(volunteer_id: int, hours, day=dt.date(LAST_YEAR, 5, 1), **extra) -> int:
    return ops.record_hours("clerk", volunteer_id, {"service_date": day, "hours": hours, **extra}).id


def totals(volunteer_id: int):
    v = Volunteer.get_by_id(volunteer_id)
    return v.total_hours, v.star_level


def test_pending_hours_do_not_count_until_approved(volunteer):
    rid = record(volunteer, "2.5")
    assert totals(volunteer) == (0, 0)
    ops.approve_records("chief", [rid])
    assert totals(volunteer) == (Decimal("2.5"), 0)
    row = ServiceRecord.get_by_id(rid)
    assert (row.status, row.approver, row.recorder) == ("approved", "chief", "clerk")


def test_approval_updates_every_summary_and_the_star_level(volunteer, area):
    org = ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织"}).id
    ids = [record(volunteer, 20, dt.date(LAST_YEAR, 1, d), organization=org) for d in range(1, 6)]
    ids.append(record(volunteer, 4, dt.date(LAST_YEAR - 1, 12, 31)))
    ops.approve_records("chief", ids)
    assert totals(volunteer) == (Decimal(104), 1)  # national preset: 100 h = 1 star
    assert Volunteer.get_by_id(volunteer).star_preset == "national"
    years = {r.year: r.hours for r in VolunteerYear.select()}
    assert years == {LAST_YEAR: Decimal(100), LAST_YEAR - 1: Decimal(4)}
    assert {(r.community_id, r.year): r.hours for r in CommunityYear.select()} == {
        (area["community"], LAST_YEAR): Decimal(100), (area["community"], LAST_YEAR - 1): Decimal(4)}
    assert [(r.organization_id, r.hours) for r in OrganizationYear.select()] == [(org, Decimal(100))]
    approvals = AuditEntry.select().where(AuditEntry.action == "approve")
    assert approvals.where(AuditEntry.record_id.is_null(False)).count() == 6  # one per line
    assert approvals.where(AuditEntry.record_id.is_null()).count() == 1  # and the approval's summary


def test_approved_lines_cannot_be_changed_or_deleted_even_by_sql(volunteer):
    rid = record(volunteer, 3)
    ops.approve_records("chief", [rid])
    with pytest.raises(IntegrityError):
        ServiceRecord.update(hours=30).where(ServiceRecord.id == rid).execute()
    with pytest.raises(IntegrityError):
        ServiceRecord.delete().where(ServiceRecord.id == rid).execute()
    with pytest.raises(ops.RegistryError):
        ops.approve_records("chief", [rid])
    with pytest.raises(ops.ValidationError):
        ops.delete_pending_record("clerk", rid, "录错了")
    assert ServiceRecord.get_by_id(rid).hours == 3


def test_a_correction_is_a_new_line_and_moves_totals_by_the_difference(volunteer):
    rid = record(volunteer, 3)
    ops.approve_records("chief", [rid])
    fixed = ops.correct_record("clerk", rid, {"hours": "1.5", "service_date": dt.date(LAST_YEAR - 1, 6, 1)},
                               "时长录多了，日期录错了").id
    assert totals(volunteer)[0] == 3  # not yet approved
    ops.approve_records("chief", [fixed])
    assert totals(volunteer)[0] == Decimal("1.5")
    years = {r.year: r.hours for r in VolunteerYear.select()}
    assert years == {LAST_YEAR: 0, LAST_YEAR - 1: Decimal("1.5")}
    original, correction = ServiceRecord.get_by_id(rid), ServiceRecord.get_by_id(fixed)
    assert original.hours == 3 and original.status == "approved"  # untouched
    assert correction.corrects_id == rid and correction.correction_reason == "时长录多了，日期录错了"
    assert correction.content == original.content  # copied over
    with pytest.raises(ops.RegistryError, match="已经更正过"):
        ops.correct_record("clerk", rid, {"hours": 2}, "again")
    # the newest line of the chain can be corrected again
    again = ops.correct_record("clerk", fixed, {"hours": 2}, "再次核对").id
    ops.approve_records("chief", [again])
    assert totals(volunteer)[0] == 2


def test_only_approved_lines_are_corrected_and_pending_ones_can_be_withdrawn(volunteer):
    rid = record(volunteer, 3)
    with pytest.raises(ops.RegistryError):
        ops.correct_record("clerk", rid, {"hours": 2}, "x")
    ops.delete_pending_record("clerk", rid, "重复登记")
    assert ServiceRecord.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.action == "delete").get().detail == "重复登记"


def test_bad_hours_are_refused(volunteer):
    for hours, code in (("0", "zero_hours"), ("25", "number_range"), ("-1", "number_range"),
                        ("abc", "number")):
        with pytest.raises(ops.ValidationError) as caught:
            record(volunteer, hours)
        assert caught.value.problems[0].code == code
    with pytest.raises(ops.ValidationError):
        record(volunteer, 2, day=dt.date.today() + dt.timedelta(days=2))
    assert ServiceRecord.select().count() == 0


def test_more_than_24_hours_in_one_day_is_refused_and_a_long_day_warned(volunteer):
    record(volunteer, 10)
    warned = ops.record_hours("clerk", volunteer, {"service_date": dt.date(LAST_YEAR, 5, 1), "hours": 4})
    assert [w.code for w in warned.warnings] == ["long_day"]
    with pytest.raises(ops.ValidationError):
        record(volunteer, 11)


def test_activity_hours_for_all_attendees_use_the_rounding_preset_and_exclude_travel(area, volunteer):
    other = ops.register_volunteer("clerk", {"community": area["community"],
                                             "id_number": "110105199001010037", "name": "李四"}).id
    start = dt.datetime(LAST_YEAR, 3, 2, 9, 0)
    activity = ops.create_activity("clerk", {
        "name": "重阳敬老", "starts_at": start, "ends_at": start + dt.timedelta(minutes=190),
        "travel_minutes": 30, "community": area["community"], "service_category": "为老服务"}).id
    changes = ops.record_activity_hours("clerk", activity, [volunteer, other])
    rows = list(ServiceRecord.select().where(ServiceRecord.id.in_(changes.ids)))
    # 190 - 30 = 160 minutes = 2 h 40 min -> half-hour preset: 40 min -> 0.5
    assert [r.hours for r in rows] == [Decimal("2.5"), Decimal("2.5")]
    assert {r.service_category for r in rows} == {"为老服务"}
    with pytest.raises(ops.ValidationError, match="已登记过"):
        ops.record_activity_hours("clerk", activity, [volunteer])


def test_deactivated_volunteers_get_no_new_hours(volunteer):
    ops.deactivate_volunteer("clerk", volunteer, "退出")
    with pytest.raises(ops.RegistryError):
        record(volunteer, 2)


def test_changing_the_star_preset_recomputes_and_stamps_every_level(volunteer):
    ops.approve_records("chief", [record(volunteer, 20, dt.date(LAST_YEAR, 1, d)) for d in range(1, 12)])
    assert totals(volunteer) == (Decimal(220), 1)
    ops.set_preset("admin", "star_preset", "beijing_trial")  # 100/200/500/800/1000
    volunteer_row = Volunteer.get_by_id(volunteer)
    assert (volunteer_row.star_level, volunteer_row.star_preset) == (2, "beijing_trial")
    with pytest.raises(ops.ValidationError):
        ops.set_preset("admin", "star_preset", "shanghai")


def test_overlapping_activities_warn_of_double_counting(area, volunteer):
    start = dt.datetime(LAST_YEAR, 4, 1, 9, 0)
    first = ops.create_activity("clerk", {"name": "助餐", "starts_at": start,
                                          "ends_at": start + dt.timedelta(hours=2)}).id
    second = ops.create_activity("clerk", {"name": "探访", "starts_at": start + dt.timedelta(hours=1),
                                           "ends_at": start + dt.timedelta(hours=3)}).id
    later = ops.create_activity("clerk", {"name": "义诊", "starts_at": start + dt.timedelta(hours=5),
                                          "ends_at": start + dt.timedelta(hours=6)}).id
    assert ops.record_activity_hours("clerk", first, [volunteer]).warnings == ()
    [warning] = ops.record_activity_hours("clerk", second, [volunteer]).warnings
    assert warning.code == "overlap" and "助餐" in warning.message and not warning.is_error
    assert ops.record_activity_hours("clerk", later, [volunteer]).warnings == ()


def test_month_and_category_totals_follow_approvals_and_corrections(volunteer):
    from registry.queries.stats import hours_by_category, hours_by_month
    from registry.storage.models import MonthCategoryHours

    first = record(volunteer, 3, dt.date(LAST_YEAR, 2, 1), service_category="为老服务")
    second = record(volunteer, 2, dt.date(LAST_YEAR, 3, 1))
    ops.approve_records("chief", [first, second])
    fixed = ops.correct_record("clerk", first, {"hours": 1, "service_category": "助残服务"}, "类别录错").id
    ops.approve_records("chief", [fixed])
    months = hours_by_month(LAST_YEAR)
    assert months[1] == 1 and months[2] == 2 and sum(months) == 3
    assert hours_by_category(LAST_YEAR) == [("其他", 2), ("助残服务", 1)]
    assert sum(r.hours for r in MonthCategoryHours.select()) == Volunteer.get_by_id(volunteer).total_hours


def test_with_accounts_nobody_approves_their_own_entries(volunteer):
    from registry.ops.accounts import add_account

    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    rid = ops.record_hours("li", volunteer, {"service_date": dt.date(LAST_YEAR, 5, 1), "hours": 2}).id
    with pytest.raises(ops.RegistryError, match="其他人审核"):
        ops.approve_records("li", [rid])
    ops.approve_records("boss", [rid])
    assert ServiceRecord.get_by_id(rid).approver == "boss"
