"""Random and hostile values into every form validator and operation: a clear problem or a
clean save, never a crash, and nothing half-written."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry import ops
from registry.ops.hours import clean_record
from registry.ops.organizations import clean_organization
from registry.ops.people import clean_person
from registry.ops.social_workers import clean_social_worker
from registry.ops.volunteers import clean_volunteer
from registry.storage.models import Organization, Person

HOSTILE_TEXT = st.sampled_from([
    "", " ", "\x00", "\u202e张三", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "-2+3", "\t\r\n",
    "😀" * 50, "很" * 40_000, "1.10105E+17", "NaN", "inf", "-1", "9" * 400, "1990-02-30", "0000-00-00",
    "'; DROP TABLE person; --", "%", "_", "\\", "张\ud800三",
])
VALUES = st.one_of(
    HOSTILE_TEXT, st.text(max_size=60), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.none(), st.booleans(), st.dates(min_value=dt.date(1, 1, 1)), st.datetimes(), st.lists(st.integers(), max_size=3),
    st.decimals(allow_nan=True),
)
FIELDS = ["id_number", "name", "phone", "address", "political_status", "education", "notes", "volunteer_number",
          "registered_on", "community", "skills", "service_categories", "consent_contact", "level",
          "certificate_number", "obtained_year", "registered_until", "employer", "uscc", "org_type",
          "founded_on", "registered_capital", "member_count", "service_date", "hours", "organization"]
FORMS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=12)
CLEANERS = [clean_person, clean_volunteer, clean_social_worker, clean_organization]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=FORMS)
def test_form_validators_return_problems_never_crash(sqlite_db, data):
    for cleaner in CLEANERS:
        _values, problems = cleaner(data)
        assert all(p.message and p.field for p in problems)
    _values, problems = clean_record(data)
    assert all(p.message for p in problems)


@SETTINGS
@given(data=FORMS)
def test_operations_save_cleanly_or_refuse_cleanly(sqlite_db, data):
    people, orgs = Person.select().count(), Organization.select().count()
    for operation in (ops.register_volunteer, ops.register_social_worker, ops.register_organization):
        try:
            changes = operation("clerk", data)
        except ops.ValidationError as exc:
            assert exc.problems and str(exc)
            assert (Person.select().count(), Organization.select().count()) == (people, orgs)
        except ops.RegistryError as exc:
            assert str(exc)
        else:
            assert changes.ids
            people, orgs = Person.select().count(), Organization.select().count()


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "😀张三"])
def test_hostile_names_are_stored_exactly(sqlite_db, name):
    pid = ops.register_person("clerk", {"id_number": "11010519491231002X", "name": name}).id
    assert Person.get_by_id(pid).name == name
