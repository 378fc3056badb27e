"""Where ledger lines come from: organized activities, which lend their day, hours and
details to the lines of volunteers in their street, and per community the templates of
lines served outside activities."""

from __future__ import annotations

from datetime import date
from typing import Any

from registry.demo.common import STAGE_ACTIVITIES, Row
from registry.demo.data import FREE_PLACES, SERVICE
from registry.demo.state import Demo
from registry.storage import models


def fill_activities(demo: Demo, first_day: int, n_days: int) -> list[list[tuple[Any, ...]]]:
    """Organized activities; per street the (day, cents, template) they lend to lines."""
    rng = demo.rng
    rnd = rng.random
    geo = demo.geo
    n = 0 if demo.n_records <= 0 else min(5_000, max(200, demo.n_records // 2_000))
    by_street: list[list[tuple[Any, ...]]] = [[] for _ in geo.street_names]
    rows: list[Row] = []
    categories = tuple(SERVICE)
    for aid in range(1, n + 1):
        c = int(rnd() * len(geo.comm_names))
        comm = geo.comm_names[c]
        orgs = demo.comm_orgs[c]
        org = orgs[int(rnd() * len(orgs))] if orgs and rnd() < 0.8 else None
        category = demo.pick(categories)
        groups, contents = SERVICE[category]
        content = demo.pick(contents)
        group = demo.pick(groups)
        day = int(rnd() * n_days)
        when = date.fromordinal(first_day + day).isoformat()
        start = demo.pick((9 * 60, 9 * 60 + 30, 14 * 60, 14 * 60 + 30, 19 * 60))
        cents = demo.pick((100, 150, 200, 200, 250, 300, 300, 400))
        end = start + cents * 60 // 100
        recorder = org.contact if org else demo.street_clerks[geo.comm_street[c]][1]
        place = f"{comm}{demo.pick(('活动室', '广场', '服务站', '党群服务中心'))}"
        rows.append((aid, f"{comm}{content}", org.id if org else None, c + 1, place,
                     f"{when} {start // 60:02d}:{start % 60:02d}:00",
                     f"{when} {end // 60:02d}:{end % 60:02d}:00", demo.pick((0, 0, 10, 20, 30)),
                     category, group, content, recorder))
        approver = demo.street_clerks[geo.comm_street[c]][0]
        by_street[geo.comm_street[c]].append((
            day, cents, approver, aid, org.id if org else None, c + 1, place, group, category,
            content, recorder))
    demo.load.insert(models.Activity,
                     ("id", "name", "organization_id", "community_id", "place", "starts_at",
                      "ends_at", "travel_minutes", "service_category", "served_group",
                      "content", "recorder"), rows, stage=STAGE_ACTIVITIES, total=n)
    return by_street


def free_templates(demo: Demo) -> list[list[tuple[str, ...]]]:
    """Per community: (approver, place, group, category, content, recorder) of lines
    served outside organized activities."""
    out = []
    for c, comm in enumerate(demo.geo.comm_names):
        clerks = demo.street_clerks[demo.geo.comm_street[c]]
        recorder = demo.random_name()
        templates: list[tuple[str, ...]] = []
        for _ in range(12):
            category = demo.pick(tuple(SERVICE))
            groups, contents = SERVICE[category]
            place = demo.pick(FREE_PLACES)
            templates.append((clerks[0], place if place != "小区内" else comm + "小区内",
                              demo.pick(groups), category, demo.pick(contents), recorder))
        out.append(templates)
    return out
