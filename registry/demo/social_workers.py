"""Certified social workers (about a quarter of them also volunteers), the trainings
they attended, and their continuing-education hours in the current cycle."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from registry.demo.common import CE_PRESET, STAGE_SOCIAL_WORKERS, STAGE_TRAINING, Row, hours_text, weighted_table
from registry.demo.data import COMMUNITY_ORG, SW_LEVELS, SW_POSTS, TRAINING_ORGANIZERS, TRAINING_TOPICS
from registry.demo.state import Demo
from registry.rules.deadlines import registration_valid_until
from registry.rules.presets import cycle_bounds, get_ce_preset
from registry.storage import models

SOCIAL_WORKERS_PER_THOUSAND = 1.2


def n_social_workers(demo: Demo) -> list[int]:
    """Per street: about 1.2 per 1,000 residents, scaled down for small demos."""
    ideal = [round(p * SOCIAL_WORKERS_PER_THOUSAND / 1000) for p in demo.geo.street_pop]
    cap = max(10, demo.n_volunteers // 3)
    total = sum(ideal)
    if total <= cap:
        return ideal
    return [max(1, p * cap // total) for p in ideal]


def plan_social_workers(demo: Demo) -> int:
    """Choose who the social workers are; returns how many new people they need.
    About a quarter are also volunteers."""
    per_street = n_social_workers(demo)
    total = sum(per_street)
    overlap = min(demo.n_volunteers, total // 4)
    demo.sw_people = sorted(demo.rng.sample(range(1, demo.n_volunteers + 1), overlap))
    demo.n_sw_only = total - overlap
    demo.sw_people += range(demo.n_volunteers + 1, demo.n_volunteers + demo.n_sw_only + 1)
    return demo.n_sw_only


def fill_social_workers_and_training(demo: Demo) -> None:
    rng = demo.rng
    today = demo.today
    levels = weighted_table(SW_LEVELS)
    posts = weighted_table(SW_POSTS)
    registered = [o for o in demo.orgs if o.active and o.type != COMMUNITY_ORG]
    preferred = [o for o in registered if o.type == "社会服务机构"] or registered
    workers: list[list[Any]] = []
    for serial, pid in enumerate(demo.sw_people, start=1):
        level = demo.pick(levels)
        # most registrations are current; about 5 % have lapsed
        registered_on = demo.day(today - timedelta(days=3 * 365 + 120), today - timedelta(
            days=7))
        obtained = rng.randint(max(2008, registered_on.year - 8), registered_on.year)
        if level == "高级社会工作师":
            obtained = max(obtained, 2019)
        employer = demo.pick(preferred) if preferred and rng.random() < 0.9 else None
        comm = employer.community if employer else demo.person_comm[pid - 1]
        prefix = {"助理社会工作师": "ZL", "社会工作师": "ZJ", "高级社会工作师": "GJ"}[level]
        workers.append([
            serial, pid, level, f"{prefix}{obtained}1101{serial:06d}", obtained,
            f"BJ{registered_on.year}{serial:06d}", registered_on,
            registration_valid_until(registered_on), employer.id if employer else None,
            employer.name if employer else "", demo.pick(posts), comm + 1, "在册", "",
            0])
    trainings, attendance = training(demo, [w[1] for w in workers])
    # CE hours: passed attendance of CE trainings ending inside the current cycle,
    # exactly what ops.social_workers.ce_hours_in_cycle counts.
    by_person: dict[int, list[tuple[date, int]]] = {}
    ends = {t[0]: (date.fromisoformat(t[4]), t[7]) for t in trainings}
    for _, tid, pid, cents, passed in attendance:
        end, counts = ends[tid]
        if passed and counts:
            by_person.setdefault(pid, []).append((end, cents))
    preset = get_ce_preset(CE_PRESET)
    for w in workers:
        start, due = cycle_bounds(preset, w[7])
        w[14] = sum(c for end, c in by_person.get(w[1], ()) if start <= end <= due)
    rows = [(*w[:6], w[6].isoformat(), w[7].isoformat(), *w[8:14], hours_text(w[14]), preset.name)
            for w in workers]
    columns = ("id", "person_id", "level", "certificate_number", "obtained_year",
               "registration_number", "registered_on", "registered_until", "employer_id",
               "employer_name", "post", "community_id", "status", "status_reason", "ce_hours",
               "ce_preset")
    demo.load.insert(models.SocialWorker, columns, rows, stage=STAGE_SOCIAL_WORKERS,
                     total=len(rows))
    demo.load.insert(models.Training,
                     ("id", "title", "organizer", "starts_on", "ends_on", "hours", "category",
                      "counts_as_ce", "place"),
                     [(*t[:5], hours_text(t[5]), *t[6:]) for t in trainings],
                     stage=STAGE_TRAINING, total=len(trainings))
    demo.load.insert(models.Attendance,
                     ("id", "training_id", "person_id", "hours_credited", "passed"),
                     [(a, t, p, hours_text(c), ok) for a, t, p, c, ok in attendance],
                     stage=STAGE_TRAINING, total=len(attendance))


def training(demo: Demo, people: list[int]) -> tuple[list[Row], list[Row]]:
    """Trainings over the last three years and who attended (hours as cents)."""
    rng = demo.rng
    trainings: list[Row] = []
    attendance: list[Row] = []
    titles: set[str] = set()
    for tid in range(1, rng.randint(20, 40) + 1):
        days = rng.choice((1, 1, 2, 2, 3, 4))
        starts = demo.day(demo.today - timedelta(days=3 * 365), demo.today - timedelta(
            days=days + 1))
        topic = demo.pick(TRAINING_TOPICS)
        title = f"{starts.year}年{topic}培训班"
        number = 2
        while title in titles:
            title = f"{starts.year}年{topic}培训班（第{number}期）"
            number += 1
        titles.add(title)
        hours = days * 8 if days > 1 else rng.choice((3, 4, 6, 8))
        counts = rng.random() < 0.7
        category = "继续教育" if counts else demo.pick(("专题培训", "岗前培训", "政策解读"))
        trainings.append((tid, title, demo.pick(TRAINING_ORGANIZERS), starts.isoformat(),
                          (starts + timedelta(days=days - 1)).isoformat(), hours * 100,
                          category, counts, demo.pick(("朝阳区社会工作服务中心",
                                                       "朝阳区党校", "线上直播"))))
        for pid in sorted(rng.sample(people, min(len(people), rng.randint(20, 80)))):
            passed = rng.random() < 0.95
            attendance.append((len(attendance) + 1, tid, pid, hours * 100 if passed else 0,
                               passed))
    return trainings, attendance
