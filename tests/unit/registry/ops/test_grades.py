"""A policy prolongs evaluation grades: one audit entry per organization, administrators only."""

import datetime as dt

import pytest

from registry import ops
from registry.ops.grades import extend_grades
from registry.queries.audit_text import Entry, sentences
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage.models import AuditEntry, EvaluationGrade

NEW = dt.date(2027, 12, 31)
POLICY = "因政策调整，评估等级有效期统一延长至 2027-12-31"


def expiry(oid: int) -> dt.date:
    return max(g.expires_on for g in EvaluationGrade.select().where(EvaluationGrade.organization == oid))


@pytest.fixture
def graded(area):
    def org(name: str, serial: str, awarded: dt.date) -> int:
        oid = ops.register_organization("c", {"name": name, "org_type": "基金会",
                                              "uscc": make_uscc("53110105" + make_org_code(serial))}).id
        ops.set_evaluation_grade("c", oid, "4A", awarded)
        return oid
    return {"soon": org("甲基金会", "MJ000001", dt.date(2021, 5, 1)),  # expires 2026-05-01
            "later": org("乙基金会", "MJ000002", dt.date(2021, 9, 1)),  # 2026-09-01
            "long": org("丙基金会", "MJ000003", dt.date(2023, 6, 1))}  # 2028-06-01: beyond the new date


def test_the_chosen_organizations_are_extended_each_one_logged(graded):
    changes = extend_grades("admin", [graded["soon"], graded["long"]], NEW, POLICY)
    assert changes.ids == (graded["soon"],)  # 丙's grade already runs past the date: not shortened
    assert (expiry(graded["soon"]), expiry(graded["later"]), expiry(graded["long"])) == (
        NEW, dt.date(2026, 9, 1), dt.date(2028, 6, 1))
    [entry] = AuditEntry.select().where(AuditEntry.action == "extend_grade")
    assert entry.detail == POLICY and entry.table_name == "evaluation_grade"
    [words] = sentences([Entry(entry.actor, entry.action, entry.table_name, entry.record_id, entry.before,
                               entry.after, entry.detail)])
    assert "甲基金会" in words and "2027-12-31" in words


def test_or_every_grade_expiring_in_a_period(graded):
    changes = extend_grades("admin", None, NEW, POLICY, expiring_from="2026-01-01", expiring_to="2026-12-31")
    assert set(changes.ids) == {graded["soon"], graded["later"]}
    assert AuditEntry.select().where(AuditEntry.action == "extend_grade").count() == 2
    assert extend_grades("admin", [], NEW, POLICY).ids == ()


def test_plain_refusals(graded):
    with pytest.raises(ops.ValidationError, match="延长依据"):
        extend_grades("admin", [graded["soon"]], NEW, "")
    with pytest.raises(ops.ValidationError, match="到期起始日期"):
        extend_grades("admin", None, NEW, POLICY)
    with pytest.raises(ops.ValidationError, match="延长至"):
        extend_grades("admin", [graded["soon"]], "明年", POLICY)
    assert expiry(graded["soon"]) == dt.date(2026, 5, 1)


def test_only_an_administrator_may(graded):
    from registry.ops.accounts import add_account

    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    with pytest.raises(ops.NotAllowedError):
        extend_grades("li", [graded["soon"]], NEW, POLICY)
    assert expiry(graded["soon"]) == dt.date(2026, 5, 1)
    assert extend_grades("boss", [graded["soon"]], NEW, POLICY).ids == (graded["soon"],)
