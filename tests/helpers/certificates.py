"""A volunteer with a ledger to certify, for the certificate tests in and out of process."""

from __future__ import annotations

import datetime as dt


def volunteer_with_hours(area: dict[str, int]) -> int:
    """张三 (V0001): 7.5 approved hours in May 2025, 8 in 2024 and 5 still pending; his id."""
    from registry import ops

    vid = ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                           "volunteer_number": "V0001", "community": area["community"]}).id
    ids = [ops.record_hours("clerk", vid, {"service_date": dt.date(2025, 5, d), "hours": "2.5",
                                          "service_category": "为老服务"}).id for d in (1, 2, 3)]
    ids.append(ops.record_hours("clerk", vid, {"service_date": dt.date(2024, 5, 1), "hours": 8}).id)
    ops.approve_records("chief", ids)
    ops.record_hours("clerk", vid, {"service_date": dt.date(2025, 6, 1), "hours": 5})  # pending: not counted
    return vid
