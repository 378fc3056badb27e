"""Merged person records (tombstones, ops/merging.py): kept so an old document or
certificate still finds the person it was merged into, never shown as a person of their own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import Expression

from registry.storage.models import Person


def _tombstones() -> Any:
    return Person.select(Person.id).where(Person.merged_into.is_null(False))


def not_merged(person_column: Any) -> list[Expression]:
    """The condition leaving out the rows of merged records, for a list or roster's WHERE;
    none in a register without any (the common case: its queries stay as they were)."""
    if not _tombstones().limit(1).exists():
        return []
    return [person_column.not_in(_tombstones())]


def kept_people(ids: Iterable[int]) -> dict[int, int]:
    """For each of these person ids that is a merged record, the person it was merged into."""
    wanted = list(ids)
    if not wanted:
        return {}
    return dict(Person.select(Person.id, Person.merged_into).where(
        Person.id.in_(wanted) & Person.merged_into.is_null(False)).tuples())
