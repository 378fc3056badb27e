"""Demonstration data: one realistic district (Beijing Chaoyang, 110105) written straight
into an empty register.

Built for size (a million volunteers, ten million ledger lines): rows are plain tuples
written with cursor.executemany in large transactions, and every summary (volunteer
totals and stars, yearly sums, continuing-education hours) is added up in Python while
the rows are made, so nothing has to scan the ledger afterwards. Explicit ids (the
register is empty) let rows refer to each other without reading anything back.
The same seed and `today` give the same data: every stage draws from one random
stream, in the order fill_demo calls them.

data            the district's fixed vocabularies and weights
common          row and progress types, stage names, presets, DemoError, small helpers
state           the shared generator state (random stream, what earlier stages made)
loader          the bulk writer: executemany, indexes set aside, loading pragmas
register        the register before and after: must be empty; settings; PG sequences
geography       district, streets, communities
people          people with valid ID numbers, and their search keys
volunteers      volunteers and their organization teams
organizations   organizations, inspections, grades, service projects
social_workers  social workers, trainings, attendance, CE hours
activities      organized activities and free-service templates for ledger lines
ledger          service records and every summary of them
"""

from __future__ import annotations

import json
from datetime import date

from registry.demo.common import (
    CE_PRESET,
    STAGE_ACTIVITIES,
    STAGE_GEOGRAPHY,
    STAGE_ORGANIZATIONS,
    STAGE_PEOPLE,
    STAGE_RECORDS,
    STAGE_SEARCH_KEYS,
    STAGE_SOCIAL_WORKERS,
    STAGE_SUMMARIES,
    STAGE_TRAINING,
    STAGE_VOLUNTEERS,
    STAR_PRESET,
    DemoError,
    Progress,
    Row,
)
from registry.demo.data import DISTRICT
from registry.demo.geography import VOLUNTEERS_PER_EXTRA_STREET, fill_geography
from registry.demo.ledger import (
    ACTIVITY_SHARE,
    HISTORY_DAYS,
    MAX_LINES_PER_VOLUNTEER,
    PENDING_DAYS,
    PENDING_SHARE_RECENT,
    fill_ledger,
)
from registry.demo.loader import CHUNK_ROWS, COMMIT_ROWS, DEFER_INDEXES_ROWS, LOAD_CACHE_KIB, Loader, fast_load
from registry.demo.organizations import fill_organizations
from registry.demo.people import fill_people, fill_search_index
from registry.demo.register import ensure_empty, reset_sequences, write_settings
from registry.demo.social_workers import (
    SOCIAL_WORKERS_PER_THOUSAND,
    fill_social_workers_and_training,
    plan_social_workers,
)
from registry.demo.state import Demo
from registry.demo.volunteers import fill_memberships, fill_volunteers
from registry.ops.kernel import allow
from registry.rules.permissions import Action
from registry.storage import models, statistics
from registry.storage.db import database, is_sqlite

__all__ = [
    "ACTIVITY_SHARE",
    "ACTOR",
    "CE_PRESET",
    "CHUNK_ROWS",
    "COMMIT_ROWS",
    "DEFER_INDEXES_ROWS",
    "DISTRICT",
    "HISTORY_DAYS",
    "LOAD_CACHE_KIB",
    "MAX_LINES_PER_VOLUNTEER",
    "PENDING_DAYS",
    "PENDING_SHARE_RECENT",
    "SOCIAL_WORKERS_PER_THOUSAND",
    "STAGE_ACTIVITIES",
    "STAGE_GEOGRAPHY",
    "STAGE_ORGANIZATIONS",
    "STAGE_PEOPLE",
    "STAGE_RECORDS",
    "STAGE_SEARCH_KEYS",
    "STAGE_SOCIAL_WORKERS",
    "STAGE_SUMMARIES",
    "STAGE_TRAINING",
    "STAGE_VOLUNTEERS",
    "STAR_PRESET",
    "VOLUNTEERS_PER_EXTRA_STREET",
    "DemoError",
    "Progress",
    "Row",
    "fill_demo",
]

ACTOR = "demo"


def fill_demo(*, volunteers: int = 2000, service_records: int | None = None, seed: int = 1,
              progress: Progress | None = None, today: date | None = None,
              actor: str = ACTOR) -> dict[str, int]:
    """Fill the empty register bound by open_database with a demonstration district;
    returns how many rows each table got. `service_records` defaults to ten per
    volunteer; `today` (default: the real date) anchors every date, so the same seed
    and day give the same data. `actor` is recorded in the audit log (a register that
    has accounts needs a clerk's or an administrator's). Large loads commit as they go:
    if one fails, the register holds part of a demonstration; start a new one."""
    if volunteers < 0 or (service_records is not None and service_records < 0):
        raise DemoError("志愿者人数和服务记录条数不能为负数。")
    records = volunteers * 10 if service_records is None else service_records
    if records and not volunteers:
        raise DemoError("没有志愿者就不能生成服务记录。")
    permit = allow(actor, Action.DEMO)  # before writing anything, not at the audit
    ensure_empty()
    # The threshold is read here, from this package, so that setting
    # registry.demo.DEFER_INDEXES_ROWS (as the tests do) still takes effect.
    loader = Loader(progress, defer_indexes_rows=DEFER_INDEXES_ROWS)
    demo = Demo(volunteers=volunteers, records=records, seed=seed,
                today=today or date.today(), loader=loader)
    with fast_load():
        fill_geography(demo)
        extra = plan_social_workers(demo)
        buckets = fill_people(demo, extra)
        fill_search_index(demo, buckets)
        del buckets
        fill_volunteers(demo)
        fill_organizations(demo)
        fill_memberships(demo)
        fill_social_workers_and_training(demo)
        fill_ledger(demo)
        with permit.write() as w:
            write_settings()
            reset_sequences()
            w.log("registry", None,
                  detail=json.dumps({"seed": seed, "rows": loader.counts}, ensure_ascii=False))
    # the tables searches and the dashboard count by index (service lines: autovacuum's, later)
    if not is_sqlite():  # SQLite gets its statistics at open (storage/statistics.py)
        statistics.after_bulk_load(database.obj, ("person", "volunteer", "social_worker"))
    counts = {model._meta.table_name: loader.counts.get(model._meta.table_name, 0)
              for model in models.ALL_MODELS}
    counts["setting"] = 3
    counts["audit_entry"] = 1
    return counts
