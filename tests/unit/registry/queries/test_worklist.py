"""The deadline list as a worklist: by kind, street, community and a "due between" range."""

import datetime as dt

import pytest

from registry import ops
from registry.queries.deadlines import DueFilter, upcoming
from registry.rules.uscc import make_org_code, make_uscc

TODAY = dt.date(2026, 3, 1)


def code(kind: str, serial: str) -> str:
    return make_uscc("5" + kind + "110105" + make_org_code(serial))


@pytest.fixture
def register(area):
    other_street = ops.add_area("t", "street", "110105002", "朝外街道", 50_000, parent=area["district"]).id
    far = ops.add_area("t", "community", "110105002001", "吉祥里社区", 5_000, parent=other_street).id

    def org(name: str, serial: str, community: int | None, street: int | None = None) -> int:
        oid = ops.register_organization("c", {"name": name, "uscc": code("3", serial), "org_type": "基金会",
                                              "community": community, "street": street}).id
        ops.set_evaluation_grade("c", oid, "3A", dt.date(2021, 4, 1))  # expires 2026-04-01
        return oid

    orgs = {"near": org("永安基金会", "MJ000001", area["community"]),
            "far": org("吉祥基金会", "MJ000002", far),
            "street_only": org("朝外基金会", "MJ000003", None, other_street)}

    def worker(id_number: str, name: str, number: str, community: int, registered_on: dt.date) -> int:
        return ops.register_social_worker("c", {"community": community, "id_number": id_number, "name": name,
                                                "level": "社会工作师", "certificate_number": number,
                                                "registered_on": registered_on}).id

    workers = {"near": worker("11010519491231002X", "张三", "S1", area["community2"], dt.date(2023, 3, 20)),
               "far": worker("110105199001010037", "李四", "S2", far, dt.date(2023, 9, 1))}
    return {**area, "other_street": other_street, "far": far, "orgs": orgs, "workers": workers}


def listed(f: DueFilter, within_days: int = 120) -> set[tuple[str, str]]:
    return {(i.kind, i.subject) for i in upcoming(today=TODAY, within_days=within_days, due=f)}


def test_by_kind_one_or_several(register):
    assert listed(DueFilter(kinds=frozenset({"evaluation_expiry"}))) == {
        ("evaluation_expiry", "永安基金会"), ("evaluation_expiry", "吉祥基金会"), ("evaluation_expiry", "朝外基金会")}
    both = listed(DueFilter(kinds=frozenset({"registration_expiry", "annual_report_authority"})))
    assert ("registration_expiry", "张三") in both and ("annual_report_authority", "永安基金会") in both
    assert {kind for kind, _ in both} == {"registration_expiry", "annual_report_authority"}


def test_by_street_and_community(register):
    r = register
    in_far_street = listed(DueFilter(street_id=r["other_street"]))
    assert {name for _, name in in_far_street} == {"吉祥基金会", "朝外基金会"}  # by community, by own street
    home = listed(DueFilter(street_id=r["street"]))
    assert {name for _, name in home} == {"永安基金会", "张三"}
    assert {name for _, name in listed(DueFilter(community_id=r["community2"]))} == {"张三"}
    assert listed(DueFilter(community_id=r["far"]), within_days=365) >= {
        ("registration_expiry", "李四"), ("evaluation_expiry", "吉祥基金会")}


def test_each_item_names_its_community(register):
    items = {(i.kind, i.subject): i.community for i in upcoming(today=TODAY, within_days=400)}
    assert items["evaluation_expiry", "永安基金会"] == "永安里社区"
    assert items["registration_expiry", "李四"] == "吉祥里社区"
    assert items["evaluation_expiry", "朝外基金会"] == ""


def test_due_between_replaces_the_horizon(register):
    f = DueFilter(due_from=dt.date(2026, 4, 1), due_to=dt.date(2026, 4, 1))
    assert {i.due for i in upcoming(today=TODAY, due=f)} == {dt.date(2026, 4, 1)}
    later = DueFilter(due_from=dt.date(2026, 6, 1), due_to=dt.date(2026, 12, 31))
    assert listed(later) == {("registration_expiry", "李四"), ("ce_shortfall", "李四")}
    # an overdue range: what fell due last week is still listed, days left negative
    past = upcoming(today=dt.date(2026, 4, 8), due=DueFilter(due_from=dt.date(2026, 4, 1)))
    assert {(i.subject, i.days_left) for i in past if i.kind == "evaluation_expiry"} == {
        ("永安基金会", -7), ("吉祥基金会", -7), ("朝外基金会", -7)}
    assert upcoming(today=TODAY, due=DueFilter(due_from=dt.date(2026, 5, 1), due_to=dt.date(2026, 4, 1))) == []


def test_due_between_reaching_into_next_year_lists_next_year_s_reports(register):
    """Next year's reports (on this year's work) are owed too when the range reaches them; one
    made already is not listed."""
    f = DueFilter(kinds=frozenset({"annual_report_authority"}), due_from=dt.date(2026, 1, 1),
                  due_to=dt.date(2027, 12, 31))
    items = {(i.subject, i.due, i.detail) for i in upcoming(today=TODAY, due=f)}
    assert ("永安基金会", dt.date(2026, 3, 31), "2025 年度") in items
    assert ("永安基金会", dt.date(2027, 3, 31), "2026 年度") in items
    ops.record_annual_inspection("c", register["orgs"]["near"], 2026, "合格")
    items = {(i.subject, i.due) for i in upcoming(today=TODAY, due=f)}
    assert ("永安基金会", dt.date(2027, 3, 31)) not in items and ("永安基金会", dt.date(2026, 3, 31)) in items


def test_within_days_still_works_alone(register):
    assert listed(DueFilter(), within_days=10) == set()
    assert upcoming(today=TODAY, within_days=120) == upcoming(TODAY, 120, DueFilter())


def test_registrations_picked_from_the_list_are_the_only_ones_extended(register):
    from registry.ops.social_workers import extend_registrations
    from registry.storage.models import SocialWorker

    w = register["workers"]
    changes = extend_registrations("admin", "2026-01-01", "2026-12-31", 6, "通知", worker_ids=[w["far"]])
    assert changes.ids == (w["far"],)
    assert SocialWorker.get_by_id(w["far"]).registered_until == dt.date(2027, 3, 1)
    assert SocialWorker.get_by_id(w["near"]).registered_until == dt.date(2026, 3, 20)
