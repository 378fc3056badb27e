"""The hours ledger of a SQLite register: `service_record` is a view over two compact tables.

A district's ledger has millions of lines and each repeats the same few texts (place, group
served, category, content, who recorded and who approved it). A line keeps those once, in
service_detail, and holds the rest compactly in service_line: times as Unix seconds of the
local time, status and kind as 0/1. The view gives back every column as the ServiceRecord
model reads it, and its INSTEAD OF triggers take every insert, update and delete, so no
query or write of the program sees the difference. The append-only rule of approved lines
is enforced on service_line itself.

A detail no line uses any more is deleted with the line's last change (its foreign keys
would otherwise keep an activity, organization or community from being deleted).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from peewee import Database, DatabaseProxy

VIEW = "service_record"

# Unix seconds of a time text as peewee writes it ("2026-11-27 09:30:00"), and back.
_SECONDS = "CAST(strftime('%s', {0}) AS INTEGER)"
_TIME = "datetime({0}, 'unixepoch')"

# What a column left out (or NULL) becomes, as the one table's defaults made it; the insert
# trigger and Compactor both apply these. The recorder has none: a line without one is refused.
_DEFAULTS = {"place": "", "served_group": "", "service_category": "", "content": "", "approver": "",
             "status": "pending", "kind": "service", "correction_reason": ""}


def _new(column: str) -> str:
    default = _DEFAULTS.get(column)
    return f"NEW.{column}" if default is None else f"ifnull(NEW.{column}, '{default}')"


DETAIL_COLUMNS = ("activity_id", "organization_id", "community_id", "place", "served_group",
                  "service_category", "content", "recorder", "approver")
_DETAIL_VALUES = {column: _new(column) for column in DETAIL_COLUMNS}
_DETAIL_MATCH = " AND ".join(f"{column} IS {value}" for column, value in _DETAIL_VALUES.items())
_DETAIL_ID = f"(SELECT id FROM service_detail WHERE {_DETAIL_MATCH} LIMIT 1)"
_ADD_DETAIL = (f"INSERT INTO service_detail ({', '.join(_DETAIL_VALUES)}) "
               f"SELECT {', '.join(_DETAIL_VALUES.values())} WHERE NOT EXISTS "
               f"(SELECT 1 FROM service_detail WHERE {_DETAIL_MATCH})")


def _required_time(value: str, name: str) -> str:
    return (f"ifnull({_SECONDS.format(value)}, "
            f"RAISE(ABORT, 'service_record.{name} is not a time'))")


_LINE_VALUES = {
    "id": "NEW.id",
    "volunteer_id": "NEW.volunteer_id",
    "detail_id": _DETAIL_ID,
    "service_date": "NEW.service_date",
    "hours": "NEW.hours",
    "recorded_at": _required_time("ifnull(NEW.recorded_at, datetime('now', 'localtime'))", "recorded_at"),
    "approved": (f"CASE {_new('status')} WHEN 'approved' THEN 1 WHEN 'pending' THEN 0 "
                 "ELSE RAISE(ABORT, 'service_record.status is neither pending nor approved') END"),
    "approved_at": ("CASE WHEN NEW.approved_at IS NULL THEN NULL "
                    f"ELSE {_required_time('NEW.approved_at', 'approved_at')} END"),
    "corrects_id": "NEW.corrects_id",
    "correction_reason": _new("correction_reason"),
    "opening": (f"CASE {_new('kind')} WHEN 'opening' THEN 1 WHEN 'service' THEN 0 "
                "ELSE RAISE(ABORT, 'service_record.kind is neither service nor opening') END"),
}

# The columns of ServiceRecord, in its order, as the view gives them.
_VIEW_COLUMNS = (
    ("id", "l.id"), ("volunteer_id", "l.volunteer_id"), ("activity_id", "d.activity_id"),
    ("organization_id", "d.organization_id"), ("community_id", "d.community_id"),
    ("service_date", "l.service_date"), ("place", "d.place"), ("served_group", "d.served_group"),
    ("service_category", "d.service_category"), ("content", "d.content"), ("hours", "l.hours"),
    ("recorder", "d.recorder"), ("recorded_at", _TIME.format("l.recorded_at")),
    ("status", "CASE l.approved WHEN 1 THEN 'approved' ELSE 'pending' END"),
    ("approver", "d.approver"), ("approved_at", _TIME.format("l.approved_at")),
    ("corrects_id", "l.corrects_id"), ("correction_reason", "l.correction_reason"),
    ("kind", "CASE l.opening WHEN 1 THEN 'opening' ELSE 'service' END"),
)

# LEFT JOIN: a query that filters on a detail's column with = or IN (a list) is turned into
# an inner join SQLite may start from the detail (IN (SELECT …) is not: rosters/queries.py
# gives a street's communities as a list). An INNER JOIN here let the planner start from the
# details where reading the lines in order is far quicker (a pending count: 19.7 s, not 1.1 s).
VIEW_SQL = (f"CREATE VIEW {VIEW} AS SELECT "
            + ", ".join(f"{expression} AS {name}" for name, expression in _VIEW_COLUMNS)
            + " FROM service_line l LEFT JOIN service_detail d ON d.id = l.detail_id")

_RELEASE_DETAIL = ("DELETE FROM service_detail WHERE id = OLD.detail_id AND NOT EXISTS "
                   "(SELECT 1 FROM service_line WHERE detail_id = OLD.detail_id)")

TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS service_record_insert INSTEAD OF INSERT ON {VIEW}
       BEGIN {_ADD_DETAIL};
       INSERT INTO service_line ({', '.join(_LINE_VALUES)}) VALUES ({', '.join(_LINE_VALUES.values())}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS service_record_update INSTEAD OF UPDATE ON {VIEW}
       BEGIN {_ADD_DETAIL};
       UPDATE service_line SET {', '.join(f'{c} = {v}' for c, v in _LINE_VALUES.items())}
       WHERE id = OLD.id; END""",
    f"""CREATE TRIGGER IF NOT EXISTS service_record_delete INSTEAD OF DELETE ON {VIEW}
       BEGIN DELETE FROM service_line WHERE id = OLD.id; END""",
    """CREATE TRIGGER IF NOT EXISTS service_record_approved_is_final
       BEFORE UPDATE ON service_line WHEN OLD.approved = 1
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS service_record_approved_not_deleted
       BEFORE DELETE ON service_line WHEN OLD.approved = 1
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS service_line_detail_moved
       AFTER UPDATE OF detail_id ON service_line WHEN OLD.detail_id IS NOT NEW.detail_id
       BEGIN {_RELEASE_DETAIL}; END""",
    f"""CREATE TRIGGER IF NOT EXISTS service_line_deleted
       AFTER DELETE ON service_line BEGIN {_RELEASE_DETAIL}; END""",
)


def create_view(db: Database) -> None:
    """The view and its triggers, over service_line and service_detail (made already)."""
    db.execute_sql(VIEW_SQL)
    for sql in TRIGGERS:
        db.execute_sql(sql)


# --- bulk loads: the insert trigger's work done in Python -----------------------------

LINE_COLUMNS = tuple(_LINE_VALUES)
_STATUS = {"pending": 0, "approved": 1}
_KIND = {"service": 0, "opening": 1}


class Compactor:
    """ServiceRecord rows (tuples of `columns`) as service_line rows, for a bulk load that
    writes the tables directly: executemany through the view's trigger looks every detail
    up twice per line (10M demo lines: 200 s instead of 130 s). The details a line needs
    and the register does not hold yet are kept in `new_details`, to be written first."""

    def __init__(self, db: Database | DatabaseProxy, columns: Sequence[str]) -> None:
        self._known: dict[tuple[Any, ...], int] = {
            tuple(row[1:]): row[0] for row in db.execute_sql(
                f"SELECT id, {', '.join(DETAIL_COLUMNS)} FROM service_detail")}
        self._next_detail = max(self._known.values(), default=0) + 1
        self.new_details: list[tuple[Any, ...]] = []
        self._seconds: dict[Any, int | None] = {None: None}
        at = {c: i for i, c in enumerate(columns)}
        missing = [c for c in ("volunteer_id", "service_date", "hours", "recorder") if c not in at]
        if missing:
            raise ValueError(f"service_record rows without {', '.join(missing)}")

        def value(column: str) -> Callable[[Sequence[Any]], Any]:
            default = _DEFAULTS.get(column)
            if column not in at:
                return lambda row: default
            index = at[column]
            if default is None:
                return itemgetter(index)
            return lambda row: default if row[index] is None else row[index]  # as the trigger's ifnull

        self._detail = [value(c) for c in DETAIL_COLUMNS]
        self._id = value("id")
        self._volunteer, self._day, self._hours = value("volunteer_id"), value("service_date"), value("hours")
        self._recorded = value("recorded_at") if "recorded_at" in at else (lambda row: dt.datetime.now())
        self._status, self._approved_at, self._kind = value("status"), value("approved_at"), value("kind")
        self._corrects, self._reason = value("corrects_id"), value("correction_reason")

    def line(self, row: Sequence[Any]) -> tuple[Any, ...]:
        key = tuple(get(row) for get in self._detail)
        detail = self._known.get(key)
        if detail is None:
            detail = self._known[key] = self._next_detail
            self._next_detail += 1
            self.new_details.append((detail, *key))
        return (self._id(row), self._volunteer(row), detail, self._day(row), self._hours(row),
                self.seconds(self._recorded(row)), _STATUS[self._status(row)],
                self.seconds(self._approved_at(row)), self._corrects(row), self._reason(row),
                _KIND[self._kind(row)])

    def seconds(self, value: Any) -> int | None:
        """Unix seconds of a local time (text as peewee writes it, or a datetime), as the
        trigger's strftime('%s') gives them; a ledger holds a few thousand distinct ones."""
        found = self._seconds.get(value, -1)
        if found != -1:
            return found
        moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        seconds = calendar.timegm(moment.timetuple())
        self._seconds[value] = seconds
        return seconds

    def take_details(self) -> list[tuple[Any, ...]]:
        """The new details since the last call, (id, *DETAIL_COLUMNS) each."""
        taken, self.new_details = self.new_details, []
        return taken


DETAIL_INSERT = (f"INSERT INTO service_detail (id, {', '.join(DETAIL_COLUMNS)}) "
                 f"VALUES ({', '.join('?' for _ in range(len(DETAIL_COLUMNS) + 1))})")
LINE_INSERT = (f"INSERT INTO service_line ({', '.join(LINE_COLUMNS)}) "
               f"VALUES ({', '.join('?' for _ in LINE_COLUMNS)})")
