"""Merging two person records that are one human: what moves, what stays exact, who may."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers.ledger import summary_mismatches

from registry import ops
from registry.ops.accounts import add_account
from registry.ops.certificates import find_certificate, issue_certificate
from registry.queries.audit_text import Entry, sentence
from registry.queries.lists import VolunteerFilters, Volunteers
from registry.queries.paging import PageRequest
from registry.queries.search import search_people
from registry.storage.models import (
    Attendance,
    AuditEntry,
    Certificate,
    Organization,
    Person,
    ServiceRecord,
    SocialWorker,
    Volunteer,
    VolunteerYear,
)

OLD, NEW = "11010519491231002X", "110105194912310038"  # one human's old and new card, say
THIRD = "110105195001010012"
TODAY = dt.date(2026, 3, 1)
HOME: dict[str, int] = {}  # the community people are registered in (every role needs one)


@pytest.fixture(autouse=True)
def home(area: dict[str, int]) -> None:
    HOME["community"] = area["community"]


def volunteer(number: str, name: str = "张三", **extra) -> Volunteer:
    return Volunteer.get_by_id(ops.register_volunteer("clerk", {"id_number": number, "name": name, **HOME, **extra}).id)


def served(vid: int, day: str, hours: float, *, approve: bool = True, community: int | None = None) -> int:
    record = ops.record_hours("clerk", vid, {"service_date": day, "hours": hours, "content": "助老",
                                            "community": community}).id
    if approve:
        ops.approve_records("chief", [record])
    return record


def merge(keep: Volunteer | Person, drop: Volunteer | Person, actor: str = "boss") -> ops.Changes:
    def person(x):
        return x.person_id if isinstance(x, Volunteer) else x.id
    return ops.merge_people(actor, person(keep), person(drop), "同一人重复登记")


def issue(vid: int) -> Certificate:
    data = {"period_from": "2025-01-01", "period_to": "2025-12-31", "issuing_organization": "建外街道办事处",
            "person_in_charge": "王主任", "handler": "李四"}
    return Certificate.get_by_id(issue_certificate("clerk", vid, data, today=TODAY).id)


def test_two_volunteers_become_one_with_every_hour_and_the_summaries_exact(area):
    keep, drop = volunteer(NEW, community=area["community"]), volunteer(OLD, community=area["community2"])
    served(keep.id, "2025-03-01", 4)
    served(drop.id, "2025-05-01", 6, community=area["community2"])
    corrected = served(drop.id, "2024-06-01", 10)
    ops.approve_records("chief", ops.correct_record("clerk", corrected, {"hours": 8}, "核对").ids)
    pending = served(drop.id, "2025-07-01", 2, approve=False)
    assert summary_mismatches() == []

    merge(keep, drop)

    kept, dropped = Volunteer.get_by_id(keep.id), Volunteer.get_by_id(drop.id)
    assert kept.total_hours == Decimal("18") and dropped.total_hours == 0
    assert dict(VolunteerYear.select(VolunteerYear.year, VolunteerYear.hours)
                .where(VolunteerYear.volunteer == keep.id).tuples()) == {2024: 8, 2025: 10}
    assert summary_mismatches() == []  # community and month sums unmoved: the lines kept theirs
    assert ServiceRecord.get_by_id(pending).volunteer_id == keep.id
    ops.approve_records("chief", [pending])  # a pending line approves as the kept volunteer's
    assert Volunteer.get_by_id(keep.id).total_hours == Decimal("20")
    assert summary_mismatches() == []
    assert (dropped.status, Person.get_by_id(drop.person_id).merged_into_id) == ("注销", keep.person_id)
    # each moved line is an approved correction saying why; the old lines stay as they were
    moves = ServiceRecord.select().where((ServiceRecord.volunteer == keep.id) & ServiceRecord.corrects.is_null(False))
    assert {r.correction_reason for r in moves} == {"已合并到 张三（编号 1）：同一人重复登记"}


def test_a_pending_correction_of_a_moved_line_follows_it(area):
    keep, drop = volunteer(NEW), volunteer(OLD)
    line = served(drop.id, "2025-05-01", 6)
    fix = ops.correct_record("clerk", line, {"hours": 5}, "核对").id
    merge(keep, drop)
    moved = ServiceRecord.get_by_id(fix)
    assert moved.volunteer_id == keep.id and ServiceRecord.get_by_id(moved.corrects_id).volunteer_id == keep.id
    ops.approve_records("chief", [fix])
    assert Volunteer.get_by_id(keep.id).total_hours == Decimal("5")
    assert summary_mismatches() == []


def test_the_role_of_one_volunteer_moves_whole_with_its_certificates(area):
    drop = volunteer(OLD)
    served(drop.id, "2025-05-01", 6)
    cert = issue(drop.id)
    keep = Person.get_by_id(ops.register_person("clerk", {"id_number": NEW, "name": "张三"}).id)
    merge(keep, Volunteer.get_by_id(drop.id))
    assert Volunteer.get_by_id(drop.id).person_id == keep.id  # the same volunteer, now the kept person's
    assert find_certificate(cert.verification_code).volunteer.person_id == keep.id
    assert summary_mismatches() == []


def test_old_certificates_still_verify_and_show_the_kept_person(area):
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD)
    served(drop.id, "2025-05-01", 6)
    cert = issue(drop.id)
    merge(keep, drop)
    found = find_certificate(cert.verification_code)
    assert (found.number, found.hours, found.volunteer.person.name) == (cert.number, Decimal(6), "张三丰")


def test_the_verify_command_names_the_kept_person(area, db, capsys):
    if not db.endswith(".sqlite3"):
        pytest.skip("the command line opens the file itself")
    from registry.cli import main

    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD)
    served(drop.id, "2025-05-01", 6)
    code = issue(drop.id).verification_code
    merge(keep, drop)
    assert main(["--db", db, "verify", code]) == 0
    assert "志愿者：张三丰" in capsys.readouterr().out


def test_the_tombstone_is_hidden_and_its_old_number_finds_the_kept_person(area):
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD, "张叁")
    merge(keep, drop)
    assert search_people("张叁").ids == ()  # its name is gone from the index
    assert search_people(OLD).ids == (keep.person_id,)  # its document finds the kept person
    assert search_people("张三丰").ids == (keep.person_id,)
    page = Volunteers().page(VolunteerFilters(), PageRequest())
    assert [row.name for row in page.rows] == ["张三丰"]
    assert Volunteers().count(VolunteerFilters()) == 1
    with pytest.raises(ops.DuplicatePersonError, match="张三丰"):  # registering the old card again
        ops.register_person("clerk", {"id_number": OLD, "name": "张叁"})


def test_a_social_worker_training_and_organizations_move(area):
    keep = volunteer(NEW)
    worker = ops.register_social_worker("clerk", {"id_number": OLD, "name": "张三", "level": "助理社会工作师",
                                                   "certificate_number": "S-1", **HOME,
                                                   "registered_on": dt.date.today() - dt.timedelta(days=30)}).id
    drop = SocialWorker.get_by_id(worker).person_id
    recent = dt.date.today() - dt.timedelta(days=10)
    both = ops.create_training("clerk", {"title": "伦理", "starts_on": recent, "hours": 6, "counts_as_ce": True}).id
    own = ops.create_training("clerk", {"title": "督导", "starts_on": recent, "hours": 3, "counts_as_ce": True}).id
    ops.record_attendance("clerk", both, [keep.person_id], passed=False)
    ops.record_attendance("clerk", both, [drop])
    ops.record_attendance("clerk", own, [drop])
    org = ops.register_organization("clerk", {"name": "阳光社", "org_type": "社区社会组织"}).id
    Organization.update(contact=drop).where(Organization.id == org).execute()

    ops.merge_people("boss", keep.person_id, drop, "换发新证")

    assert SocialWorker.get_by_id(worker).person_id == keep.person_id
    lines = {(a.training_id, a.passed) for a in Attendance.select().where(Attendance.person == keep.person_id)}
    assert lines == {(both, True), (own, True)}  # the passed line of the training attended twice
    assert Attendance.select().where(Attendance.person == drop).count() == 0
    assert SocialWorker.get_by_id(worker).ce_hours == Decimal(9)
    assert Organization.get_by_id(org).contact_id == keep.person_id


def test_the_merge_is_one_audit_entry_saying_who_what_into_what_and_why(area):
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD, "张叁")
    before = AuditEntry.select().count()
    merge(keep, drop, actor="王芳")
    [entry] = AuditEntry.select().where(AuditEntry.id > before)
    assert (entry.action, entry.table_name, entry.record_id) == ("merge_people", "person", keep.person_id)
    said = sentence(Entry(entry.actor, entry.action, entry.table_name, entry.record_id, entry.before,
                          entry.after, entry.detail))
    assert said == "王芳 把人员 张叁 合并到 张三丰（同一人重复登记）"


def test_only_administrators_merge(area):
    keep, drop = volunteer(NEW), volunteer(OLD)
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    with pytest.raises(ops.NotAllowedError, match="管理员"):
        merge(keep, drop, actor="li")
    assert Person.get_by_id(drop.person_id).merged_into_id is None
    merge(keep, drop, actor="boss")
    assert Person.get_by_id(drop.person_id).merged_into_id == keep.person_id


def test_a_person_into_itself_or_a_tombstone_is_refused_in_a_sentence(area):
    keep, drop = volunteer(NEW), volunteer(OLD)
    third = volunteer(THIRD, "李四")
    with pytest.raises(ops.RegistryError, match="合并到它自己"):
        merge(keep, keep)
    merge(keep, drop)
    with pytest.raises(ops.RegistryError, match="已经合并到其他人员"):
        merge(drop, third)
    with pytest.raises(ops.RegistryError, match="已经合并到其他人员"):
        merge(third, drop)
    with pytest.raises(ops.ValidationError, match="合并原因"):
        ops.merge_people("boss", keep.person_id, third.person_id, " ")


def test_a_person_merged_before_into_the_dropped_one_points_at_the_kept_one(area):
    first, second, third = volunteer(OLD), volunteer(NEW), volunteer(THIRD)
    merge(second, first)
    merge(third, second)
    assert Person.get_by_id(first.person_id).merged_into_id == third.person_id
    assert search_people(OLD).ids == (third.person_id,)
    assert summary_mismatches() == []


def test_retention_keeps_a_merged_record_while_its_person_serves(area):
    from registry.ops.retention import apply_retention, set_retention

    keep, drop = volunteer(NEW), volunteer(OLD)
    merge(keep, drop)  # the dropped volunteer is deregistered today
    set_retention("boss", "volunteer", 1)
    apply_retention("boss", today=dt.date.today() + dt.timedelta(days=800))
    assert search_people(OLD).ids == (keep.person_id,)  # its number still finds the kept person
    assert Person.get_by_id(drop.person_id).id_number == OLD


def test_a_form_typed_with_the_old_number_opens_the_kept_person(area):
    from registry.queries.editing import person_holding

    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD, "张叁")
    merge(keep, drop)
    known = person_holding(OLD, "clerk")
    assert (known.id, known.name, known.volunteer) == (keep.person_id, "张三丰", keep.id)


def test_pasted_old_numbers_name_the_kept_person(area):
    from registry.queries.choices import people_with_id_numbers

    keep, drop = volunteer(NEW), volunteer(OLD)
    merge(keep, drop)
    assert people_with_id_numbers([OLD, NEW]) == ((keep.person_id, keep.person_id), ())


def numbers_ending(tail: str, count: int) -> list[str]:
    """Valid resident card numbers ending in `tail` (a sequence and its check character)."""
    from registry.rules.idnumber import check_id_number

    found = []
    for day in range(1, 29):
        number = f"1101051980{1:02d}{day:02d}" + tail
        if check_id_number(number)[0] is not None:
            found.append(number)
        if len(found) == count:
            return found
    raise AssertionError(f"no {count} numbers end in {tail}")


def every_page(text: str) -> list[int]:
    shown: list[int] = []
    after = None
    for _ in range(10):  # a page that points back would loop for ever
        page = search_people(text, after=after, limit=1, may_unmask=True)
        shown += page.ids
        if page.next_after is None:
            return shown
        assert after is None or page.next_after > after
        after = page.next_after
    raise AssertionError("the pages never end")


def test_a_merged_record_s_last_digits_show_the_kept_person_once_across_pages(area):
    first, other, second = numbers_ending("0012", 3)
    keep, stranger, drop = volunteer(first, "张三丰"), volunteer(other, "李四"), volunteer(second, "张叁")
    merge(keep, drop)
    assert every_page("0012") == [keep.person_id, stranger.person_id]  # the kept one once, not on page 3 again
    assert search_people("0012", may_unmask=True).ids == (keep.person_id, stranger.person_id)


def test_a_kept_person_found_only_through_a_merged_record_shows_where_it_matched(area):
    [theirs] = numbers_ending("0021", 1)
    stranger, drop = volunteer(numbers_ending("0012", 1)[0], "李四"), volunteer(theirs, "张叁")
    keep = volunteer(NEW, "张三丰")  # a later record: its id comes after both
    merge(keep, drop)
    assert every_page("0021") == [keep.person_id]
    assert search_people("0021", may_unmask=True).ids == (keep.person_id,)
    assert stranger.person_id not in every_page("0021")


def test_a_merged_record_s_whole_name_no_longer_finds_anyone(area):
    """Names of three characters or more go through PostgreSQL's trigram index there, and
    through the search keys on SQLite: on both, only the kept person's own name finds them."""
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD, "李四光")
    merge(keep, drop)
    assert search_people("李四光").ids == ()
    assert search_people("张三丰").ids == (keep.person_id,)


def test_a_merge_that_crowds_a_day_past_24_hours_says_which_day(area):
    """The same day's service recorded under both records (the usual double registration):
    the merge stands, and says which days now hold more than 24 hours in force."""
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD)
    served(keep.id, "2025-05-01", 16)
    served(drop.id, "2025-05-01", 10)
    served(drop.id, "2025-05-02", 10)  # a day only the dropped record served: fine
    fixed = served(drop.id, "2025-05-03", 20)
    ops.approve_records("chief", ops.correct_record("clerk", fixed, {"hours": 2}, "多登记了").ids)
    served(keep.id, "2025-05-03", 20)  # 20 + 2 in force
    unfixed = served(drop.id, "2025-05-04", 20)
    ops.correct_record("clerk", unfixed, {"hours": 2}, "多登记了")  # not approved: 20 stays in force
    served(keep.id, "2025-05-04", 10)
    changes = merge(keep, drop)
    [warning] = changes.warnings
    assert warning.code == "merge.day_over_24"
    assert "2025-05-01" in warning.message and "2025-05-04" in warning.message
    assert "2025-05-02" not in warning.message and "2025-05-03" not in warning.message
    assert Volunteer.get_by_id(drop.id).status == "注销"  # the merge went through
    assert summary_mismatches() == []


def test_a_merge_within_24_hours_a_day_says_nothing(area):
    keep, drop = volunteer(NEW, "张三丰"), volunteer(OLD)
    served(keep.id, "2025-05-01", 8)
    served(drop.id, "2025-05-01", 8)
    assert merge(keep, drop).warnings == ()
