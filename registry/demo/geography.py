"""The district, its streets and their communities: the hand-written ones, plus
generated streets for larger demos."""

from __future__ import annotations

import math

from registry.demo.common import STAGE_GEOGRAPHY, Row
from registry.demo.data import COMMUNITY_PARTS, DISTRICT, MORE_STREETS, STREETS
from registry.demo.state import Demo
from registry.storage import models

VOLUNTEERS_PER_EXTRA_STREET = 25_000


def fill_geography(demo: Demo) -> None:
    rng = demo.rng
    wanted = max(len(STREETS), math.ceil(demo.n_volunteers / VOLUNTEERS_PER_EXTRA_STREET))
    streets = list(STREETS)
    for name in MORE_STREETS[: max(0, wanted - len(STREETS))]:
        stem = name[:-2]
        parts = rng.sample(COMMUNITY_PARTS, rng.randint(6, 12))
        streets.append((name, tuple(stem + part for part in parts)))
    code, district_name, district_pop = DISTRICT
    street_rows: list[Row] = []
    comm_rows: list[Row] = []
    for s, (street, communities) in enumerate(streets, start=1):
        pops = [rng.randrange(3000, 15001, 10) for _ in communities]
        demo.geo.street_names.append(street)
        demo.geo.street_pop.append(sum(pops))
        street_rows.append((s, 1, f"{code}{s:03d}", street, sum(pops)))
        for c, (short, pop) in enumerate(zip(communities, pops, strict=True), start=1):
            comm_rows.append((len(comm_rows) + 1, s, f"{code}{s:03d}{c:03d}", short + "社区",
                              pop))
            demo.geo.comm_names.append(short + "社区")
            demo.geo.comm_street.append(s - 1)
            demo.geo.comm_pop.append(pop)
    stage = STAGE_GEOGRAPHY
    demo.load.insert(models.District, ("id", "code", "name", "population"),
                     [(1, code, district_name, district_pop)], stage=stage, total=1)
    demo.load.insert(models.Street, ("id", "district_id", "code", "name", "population"),
                     street_rows, stage=stage, total=len(street_rows))
    demo.load.insert(models.Community, ("id", "street_id", "code", "name", "population"),
                     comm_rows, stage=stage, total=len(comm_rows))
