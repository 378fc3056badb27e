"""Volunteers: one per person among the first n_volunteers people, and which of them
serve in an organization's team."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from registry.demo.common import STAGE_VOLUNTEERS, STAR_PRESET, Row
from registry.demo.data import SKILLS
from registry.demo.state import Demo
from registry.rules import vocab
from registry.storage import models


def fill_volunteers(demo: Demo) -> None:
    rng = demo.rng
    rnd = rng.random
    combos = [vocab.LIST_SEPARATOR.join(rng.sample(vocab.SERVICE_CATEGORIES, k))
              for k in (1, 1, 2, 2, 3) for _ in range(40)]
    skills = [""] * 60 + [vocab.LIST_SEPARATOR.join(rng.sample(SKILLS, k))
                          for k in (1, 1, 2) for _ in range(15)]
    day_text: dict[int, str] = {}

    def rows() -> Iterator[Row]:
        for i in range(demo.n_volunteers):
            vid = i + 1
            reg = demo.vol_reg[i]
            if reg not in day_text:
                day_text[reg] = date.fromordinal(reg).isoformat()
            active = rnd() >= 0.03
            yield (vid, vid, f"110105{vid:08d}",
                   f"11{rng.getrandbits(32):010d}" if rnd() < 0.7 else None, day_text[reg],
                   demo.vol_comm[i] + 1, skills[int(rnd() * len(skills))],
                   combos[int(rnd() * len(combos))], rnd() < 0.9, rnd() < 0.6,
                   "在册" if active else "注销", "" if active else "本人申请注销", "0", 0,
                   STAR_PRESET)

    columns = ("id", "person_id", "volunteer_number", "national_number", "registered_on",
               "community_id", "skills", "service_categories", "consent_contact",
               "consent_publish", "status", "status_reason", "total_hours", "star_level",
               "star_preset")
    demo.load.insert(models.Volunteer, columns, rows(), stage=STAGE_VOLUNTEERS,
                     total=demo.n_volunteers)


def fill_memberships(demo: Demo) -> None:
    rnd = demo.rng.random
    demo.vol_team = [None] * demo.n_volunteers

    def rows() -> Iterator[Row]:
        for i, comm in enumerate(demo.vol_comm):
            orgs = demo.comm_orgs[comm]
            if orgs and rnd() < 0.4:
                org = orgs[int(rnd() * len(orgs))].id
                demo.vol_team[i] = org
                yield (i + 1, org)

    demo.load.insert(models.VolunteerOrganization, ("volunteer_id", "organization_id"),
                     rows(), stage=STAGE_VOLUNTEERS, total=demo.n_volunteers * 2 // 5)
