"""Each list's choice filters keep exactly the records with that value, and its count
agrees with its rows."""

from __future__ import annotations

from typing import Any

import pytest

from registry.storage.models import AuditEntry, Organization, ServiceRecord, SocialWorker, Volunteer

# (list, filter, the model and field the filter compares)
CASES = [
    ("VolunteerList", "community", Volunteer, "community"),
    ("VolunteerList", "status", Volunteer, "status"),
    ("SocialWorkerList", "community", SocialWorker, "community"),
    ("SocialWorkerList", "level", SocialWorker, "level"),
    ("SocialWorkerList", "status", SocialWorker, "status"),
    ("SocialWorkerList", "organization", SocialWorker, "employer"),
    ("OrganizationList", "community", Organization, "community"),
    ("OrganizationList", "status", Organization, "status"),
    ("OrganizationList", "org_type", Organization, "org_type"),
    ("ServiceRecordList", "approval", ServiceRecord, "status"),
    ("ServiceRecordList", "community", ServiceRecord, "community"),
    ("ServiceRecordList", "organization", ServiceRecord, "organization"),
    ("ServiceRecordList", "volunteer", ServiceRecord, "volunteer"),
    ("AuditList", "actor", AuditEntry, "actor"),
    ("AuditList", "table", AuditEntry, "table_name"),
    ("AuditList", "action", AuditEntry, "action"),
]


@pytest.mark.parametrize(("spec_name", "key", "model", "field"), CASES)
def test_a_choice_filter_keeps_exactly_the_matching_records(running: Any, spec_name: str, key: str,
                                                            model: Any, field: str) -> None:
    from ui import lists

    spec = getattr(lists, spec_name)()

    def check() -> tuple[set[int], set[int], int]:
        column = getattr(model, field)
        by_value: dict[Any, set[int]] = {}
        for value, record_id in model.select(column, model.id).where(column.is_null(False)).tuples():
            by_value.setdefault(value, set()).add(record_id)
        value, wanted = min(by_value.items(), key=lambda item: len(item[1]))  # the most selective
        shown = {row[0] for row in spec.query({key: value}).tuples()}
        return shown, wanted, spec.count({key: value})
    shown, wanted, count = running.query(check)
    assert shown == wanted and count == len(wanted)
