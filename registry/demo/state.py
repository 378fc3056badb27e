"""The generator's shared state: one random stream, the anchoring day, the loader, and
what earlier stages made that later ones refer to (by index, as the register is empty
and ids are assigned in order)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from registry.demo.loader import Loader

_T = TypeVar("_T")


@dataclass
class Geography:
    street_names: list[str] = field(default_factory=list)
    street_pop: list[int] = field(default_factory=list)
    comm_names: list[str] = field(default_factory=list)  # index i is community id i + 1
    comm_street: list[int] = field(default_factory=list)  # street index
    comm_pop: list[int] = field(default_factory=list)


@dataclass
class Org:
    id: int
    name: str
    type: str
    community: int  # index
    active: bool
    contact: str


class Demo:
    """Every stage draws from the one `rng`, in a fixed order, so the same seed and
    `today` give the same data."""

    def __init__(self, *, volunteers: int, records: int, seed: int, today: date,
                 loader: Loader) -> None:
        self.n_volunteers = volunteers
        self.n_records = records
        self.rng = random.Random(seed)
        self.today = today
        self.load = loader
        self.geo = Geography()
        self.names: list[str] = []  # index i is person id i + 1
        self.person_comm: list[int] = []  # community index of each person
        self.vol_comm: list[int] = []
        self.vol_reg: list[int] = []  # registration date, as an ordinal
        self.vol_team: list[int | None] = []
        self.orgs: list[Org] = []
        self.comm_orgs: list[list[Org]] = []
        self.sw_people: list[int] = []
        self.n_sw_only = 0
        self.street_clerks: list[tuple[str, str]] = []

    def pick(self, table: Sequence[_T]) -> _T:
        return table[int(self.rng.random() * len(table))]

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=int(self.rng.random() * ((end - start).days + 1)))

    def random_name(self) -> str:
        return self.pick(self.names) if self.names else "王建国"
