"""The hours ledger: how many lines each volunteer has, the service records themselves
(pending, approved and corrected), and every summary of them, added up by
registry.rules.ledger's LedgerSums while the lines are made, so nothing has to scan the
ledger after; the register is empty, so the sums are its summary rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial
from typing import Any

from registry.demo.activities import fill_activities, free_templates
from registry.demo.common import STAGE_RECORDS, STAGE_SUMMARIES, STAR_PRESET, DemoError, Row, hours_text, weighted_table
from registry.demo.data import HOURS_CENTS
from registry.demo.state import Demo
from registry.rules.ledger import LedgerSums, Stars
from registry.rules.presets import get_star_preset
from registry.storage import models

HISTORY_DAYS = 3 * 365  # the ledger covers the last three years
PENDING_DAYS = 60  # recent lines may still wait for approval
PENDING_SHARE_RECENT = 0.55  # of recent lines: about 3 % of the ledger overall
ACTIVITY_SHARE = 0.6  # of lines that belong to an organized activity
MAX_LINES_PER_VOLUNTEER = 1_000


def line_counts(demo: Demo, lines: int) -> list[int]:
    """Ledger lines per volunteer: a quarter never served, the rest heavy-tailed, so a
    few reach five stars while most have a handful of hours."""
    rng = demo.rng
    n = demo.n_volunteers
    if n == 0 or lines <= 0:
        return [0] * n
    weights = [rng.paretovariate(1.6) if rng.random() < 0.75 else 0.0 for _ in range(n)]
    total = sum(weights) or 1.0
    scale = lines / total
    counts = [min(MAX_LINES_PER_VOLUNTEER, int(w * scale)) for w in weights]
    left = lines - sum(counts)
    room = n * MAX_LINES_PER_VOLUNTEER - sum(counts)
    if left > room:
        raise DemoError(f"服务记录太多：{demo.n_volunteers} 名志愿者最多生成 "
                        f"{n * MAX_LINES_PER_VOLUNTEER} 条。")
    served = [i for i, w in enumerate(weights) if w] or list(range(n))
    while left > 0:
        i = served[int(rng.random() * len(served))]
        if counts[i] < MAX_LINES_PER_VOLUNTEER:
            counts[i] += 1
            left -= 1
        elif len(served) < n:
            served = list(range(n))
    return counts


def fill_ledger(demo: Demo) -> None:
    rng = demo.rng
    rnd = rng.random
    today = demo.today.toordinal()
    first_day = today - HISTORY_DAYS
    n_days = HISTORY_DAYS  # days first_day .. today - 1
    n_corrections = 0 if demo.n_records < 10 else max(3, min(500, demo.n_records // 20_000))
    originals = max(0, demo.n_records - n_corrections)
    by_street = fill_activities(demo, first_day, n_days)
    counts = line_counts(demo, originals)
    free = free_templates(demo)
    hours = weighted_table(HOURS_CENTS, 200)
    n_hours = len(hours)
    text = {c: hours_text(c) for c in range(0, 1001, 50)}
    corrected = set(rng.sample(range(originals), min(n_corrections, originals)))
    # per day: (service date, recorded at, approved at, correction recorded, year, month)
    days = []
    for d in range(n_days):
        o = first_day + d
        day = date.fromordinal(o)
        recorded = day.isoformat()
        approved = date.fromordinal(min(o + 1 + d % 6, today)).isoformat()
        later = date.fromordinal(min(o + 10 + d % 9, today)).isoformat()
        days.append((recorded, f"{recorded} 18:{d % 60:02d}:00", f"{approved} 10:{d % 50:02d}:00",
                     f"{later} 15:{d % 40:02d}:00", day.year, day.month))
    pending_from = n_days - PENDING_DAYS
    sums = LedgerSums()
    tally = sums.add  # the hot loop: a local name
    after = "按签到表核对，更正服务时长"

    def rows() -> Iterator[Row]:
        rid = 0
        k = 0  # original lines so far
        owed = 0  # corrections due; a pending line defers its correction to the next one
        for i in range(demo.n_volunteers):
            count = counts[i]
            if not count:
                continue
            vid = i + 1
            comm = demo.vol_comm[i]
            team = demo.vol_team[i]
            start = max(0, demo.vol_reg[i] - first_day)
            if start >= n_days:
                start = n_days - 1
            span = n_days - start
            acts = by_street[demo.geo.comm_street[comm]]
            n_acts = len(acts)
            tmpls = free[comm]
            items: list[tuple[Any, ...]] = []
            for _ in range(count):
                if n_acts and rnd() < ACTIVITY_SHARE:
                    a = acts[int(rnd() * n_acts)]
                    if a[0] >= start:
                        items.append(a)
                        continue
                t = tmpls[int(rnd() * 12)]
                items.append((start + int(rnd() * span), hours[int(rnd() * n_hours)], t[0], None,
                              team, comm + 1, *t[1:]))
            items.sort(key=first_item)
            items = _within_a_day(items, start, span, partial(_own_line, rnd, tmpls, team, comm))
            for item in items:
                rid += 1
                day = item[0]
                cents = item[1]
                d = days[day]
                if day >= pending_from and rnd() < PENDING_SHARE_RECENT:
                    yield (rid, vid, d[0], text[cents], d[1], None, "pending", "", None, "",
                           *item[3:])
                    owed += k in corrected
                    k += 1
                    continue
                yield (rid, vid, d[0], text[cents], d[1], d[2], "approved", item[2], None, "",
                       *item[3:])
                owed += k in corrected
                k += 1
                if owed:
                    owed -= 1
                    original = rid
                    rid += 1
                    cents = hours[int(rnd() * n_hours)]
                    if cents == item[1]:
                        cents = item[1] + 50 if item[1] < 400 else item[1] - 50
                    yield (rid, vid, d[0], text[cents], d[3], d[3], "approved", item[2],
                           original, after, *item[3:])
                tally(vid, d[4], d[5], item[5], item[4], item[8], cents)

    columns = ("id", "volunteer_id", "service_date", "hours", "recorded_at", "approved_at",
               "status", "approver", "corrects_id", "correction_reason", "activity_id",
               "organization_id", "community_id", "place", "served_group", "service_category",
               "content", "recorder")
    demo.load.insert(models.ServiceRecord, columns, rows(), stage=STAGE_RECORDS,
                     total=originals + n_corrections)
    fill_summaries(demo, sums)


def fill_summaries(demo: Demo, sums: LedgerSums) -> None:
    """The summary rows of an empty register are the sums themselves. Volunteers exist
    already (with no hours and the generator's star preset): only total and level change."""
    stage = STAGE_SUMMARIES
    stars = Stars(get_star_preset(STAR_PRESET))
    totals = sums.volunteer_totals()
    updates = ((hours_text(total), stars.level(total), vid) for vid, total in totals.items() if total)
    demo.load.update_by_id(models.Volunteer._meta.table_name, ("total_hours", "star_level"), updates,
                           stage=stage, total=len(totals))
    del totals
    year_sums = ((models.VolunteerYear, "volunteer_id", sums.volunteer_years.items()),  # in line order
                 (models.CommunityYear, "community_id", sorted(sums.community_years.items())),
                 (models.OrganizationYear, "organization_id", sorted(sums.organization_years.items())))
    for model, key, amounts in year_sums:
        demo.load.insert(model, (key, "year", "hours"),
                         ((ref, year, hours_text(h)) for (ref, year), h in amounts if h),
                         stage=stage, total=len(amounts))
    demo.load.insert(models.MonthCategoryHours, ("year", "month", "category", "hours"),
                     [(year, month, category, hours_text(h))
                      for (year, month, category), h in sorted(sums.month_categories.items()) if h],
                     stage=stage, total=len(sums.month_categories))


DAY_CENTS = 2400  # no volunteer is credited more than 24 hours in a day (ops/hours.py's rule)


def _own_line(rnd: Callable[[], float], templates: Sequence[tuple[Any, ...]], team: Any,
              comm: int) -> tuple[Any, ...]:
    """The rest of a line of the volunteer's own (no activity), after its day and hours."""
    template = templates[int(rnd() * 12)]
    return (template[0], None, team, comm + 1, *template[1:])


def _within_a_day(items: list[tuple[Any, ...]], start: int, span: int,
                  own_line: Callable[[], tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The volunteer's lines (sorted by day) with none of their days over 24 hours: a line that
    would overfill its day moves to the next day with room (an activity's line becomes one of
    the volunteer's own, `own_line()`); one that fits nowhere is left out."""
    used: dict[int, int] = {}
    fitted: list[tuple[Any, ...]] = []
    moved = False
    for item in items:
        day, cents = item[0], item[1]
        if used.get(day, 0) + cents > DAY_CENTS:
            room = next((d for d in (start + (day - start + step) % span for step in range(1, span))
                         if used.get(d, 0) + cents <= DAY_CENTS), None)
            if room is None:
                continue
            item = (room, *item[1:]) if item[3] is None else (room, cents, *own_line())
            day, moved = room, True
        used[day] = used.get(day, 0) + cents
        fitted.append(item)
    if moved:
        fitted.sort(key=first_item)
    return fitted


def first_item(item: tuple[Any, ...]) -> Any:
    return item[0]
