"""Attacks on the register, counted: each module here attacks one class of weakness the way
a curious viewer, a careless clerk or a hostile file would, and returns what it tried and
what got through. `python bench/attack` (from the repository root) runs them all and prints
one table; `python bench/attack NAME ...` runs only those modules.

A module defines `run(workdir: Path) -> list[Row]`. A *failure* is an attempt that got
through (a number rebuilt, a traceback, a lock not taken, a write not refused); *data lost*
counts records or files damaged or gone afterwards. Both must be 0."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    kind: str  # the class of attack, e.g. "kills: restore"
    attempts: int
    failures: int  # attempts that got through
    data_lost: int  # records or files damaged or lost
    note: str = ""
