"""A SQLite register keeps its hours ledger in two compact tables under the service_record
view (storage/ledger_view.py): every line reads back as written, the texts lines share are
stored once, and nothing is left behind or let through that the one table did not."""

import datetime as dt
from decimal import Decimal

import pytest
from peewee import IntegrityError

from registry import ops
from registry.storage.db import database
from registry.storage.models import Activity, ServiceDetail, ServiceLine, ServiceRecord

DAY = dt.date(2025, 5, 1)
pytestmark = pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # PostgreSQL keeps one table


@pytest.fixture
def volunteer(area):
    return ops.register_volunteer("clerk", {"id_number": "11010519491231002X", "name": "张三",
                                            "community": area["community"]}).id


def line(volunteer_id: int, **extra) -> int:
    data = {"service_date": DAY, "hours": "2.5", "place": "社区活动室", "content": "助老", **extra}
    return int(ops.record_hours("clerk", volunteer_id, data).id)


def columns(record_id: int) -> dict:
    return ServiceRecord.select().where(ServiceRecord.id == record_id).dicts().get()


def test_a_line_reads_back_as_written_and_its_shared_texts_are_kept_once(volunteer, area):
    first, second = line(volunteer), line(volunteer, service_date=DAY + dt.timedelta(days=1), hours="1")
    assert (first, second) == (ServiceRecord.get(ServiceRecord.hours == Decimal("2.5")).id,
                               ServiceRecord.get(ServiceRecord.hours == 1).id)
    read = columns(first)
    assert (read["service_date"], read["hours"], read["place"], read["content"], read["status"], read["kind"],
            read["recorder"], read["approver"], read["approved_at"], read["corrects"], read["community"]) == (
        DAY, Decimal("2.5"), "社区活动室", "助老", "pending", "service", "clerk", "", None, None, area["community"])
    assert abs(read["recorded_at"] - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert ServiceLine.select().count() == 2 and ServiceDetail.select().count() == 1

    ops.approve_records("chief", [first])
    approved = columns(first)
    assert (approved["status"], approved["approver"]) == ("approved", "chief")
    assert approved["approved_at"] == approved["approved_at"].replace(microsecond=0)
    assert abs(approved["approved_at"] - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert columns(second)["status"] == "pending"  # its own line only
    assert ServiceDetail.select().count() == 2  # the approver is one of the texts shared


def test_ids_are_the_lines_own_and_follow_on(volunteer):
    ids = [line(volunteer, service_date=DAY + dt.timedelta(days=d)) for d in range(3)]
    assert ids == [ids[0], ids[0] + 1, ids[0] + 2]
    assert [ServiceRecord.get_by_id(i).service_date for i in ids] == [DAY + dt.timedelta(days=d) for d in range(3)]


def test_a_detail_no_line_uses_is_deleted_with_the_line(volunteer, area):
    """Else an activity whose last line was withdrawn could never be deleted."""
    activity = ops.create_activity("clerk", {
        "name": "敬老院探访", "community": area["community"], "starts_at": dt.datetime(2025, 5, 1, 9),
        "ends_at": dt.datetime(2025, 5, 1, 11)}).id
    kept = line(volunteer)
    withdrawn = line(volunteer, activity=activity, place="敬老院")
    assert ServiceDetail.select().count() == 2
    with pytest.raises(IntegrityError), database.atomic():
        Activity.delete().where(Activity.id == activity).execute()  # its line still refers to it
    ops.delete_pending_record("clerk", withdrawn, "登记错了")
    assert ServiceDetail.select().count() == 1 and ServiceRecord.get_by_id(kept).place == "社区活动室"
    Activity.delete().where(Activity.id == activity).execute()
    assert Activity.select().count() == 0


def test_an_approved_line_stays_as_it_is_through_the_view(volunteer):
    rid = line(volunteer)
    ops.approve_records("chief", [rid])
    for change in (ServiceRecord.update(hours=9).where(ServiceRecord.id == rid),
                   ServiceRecord.delete().where(ServiceRecord.id == rid)):
        with pytest.raises(IntegrityError, match="append-only"), database.atomic():
            change.execute()
    assert columns(rid)["hours"] == Decimal("2.5")


@pytest.mark.parametrize("values, said", [
    ({"status": "rejected"}, "status"), ({"kind": "carried"}, "kind"), ({"recorded_at": "soon"}, "recorded_at"),
    ({"recorder": None}, "NOT NULL"),
])
def test_a_value_the_table_would_have_refused_is_refused(volunteer, values, said):
    fields = {"volunteer": volunteer, "service_date": DAY, "hours": 1, "recorder": "clerk", **values}
    with pytest.raises(IntegrityError, match=said), database.atomic():
        ServiceRecord.insert(**fields).execute()
    assert ServiceLine.select().count() == 0 and ServiceDetail.select().count() == 0


def test_a_bulk_load_stores_lines_as_the_view_does(volunteer, area):
    """Demo and import loads write service_line and service_detail themselves (Compactor):
    the same lines read back the same as lines written through the view, sharing its details."""
    from registry.storage import ledger_view

    columns = ("id", "volunteer_id", "service_date", "hours", "recorder", "recorded_at", "status", "approver",
               "approved_at", "place", "kind", "community_id")
    lines = [(1, volunteer, "2025-05-01", "2.5", "clerk", "2025-05-01 18:00:00", "approved", "chief",
              "2025-05-02 10:00:00", "社区活动室", "service", area["community"]),
             (2, volunteer, "2025-05-02", "1", "clerk", "2025-05-02 18:30:00", "pending", "", None, None,
              "service", area["community"]),
             (3, volunteer, "2020-12-31", "40", "clerk", "2025-01-02 08:00:00", "approved", "chief",
              "2025-01-02 08:00:00", "", "opening", None)]
    for row in lines:
        database.execute_sql(f"INSERT INTO service_record ({', '.join(columns)}) VALUES "
                             f"({', '.join('?' for _ in columns)})", row)
    compactor = ledger_view.Compactor(database, columns)
    loaded = [compactor.line((row[0] + 10, *row[1:5], dt.datetime.fromisoformat(row[5]), *row[6:]))
              for row in lines]
    assert compactor.take_details() == []  # every detail is one the view made already
    database.cursor().executemany(ledger_view.LINE_INSERT, loaded)

    def read(ids: range) -> list[tuple]:
        return [row[1:] for row in database.execute_sql(
            "SELECT * FROM service_record WHERE id BETWEEN ? AND ? ORDER BY id", (ids.start, ids.stop - 1))]

    assert read(range(11, 14)) == read(range(1, 4)) and len(read(range(1, 4))) == 3
    assert read(range(1, 4))[1][5] == ""  # no place: the same default both ways
