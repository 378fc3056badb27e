"""What an operation changed: the tables (by name, from the Table enum), the records, and
the warnings to pass on, so every screen refreshes from it and only from it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from registry.rules.problems import Problem

if TYPE_CHECKING:
    from registry.storage.models import BaseModel


class Table(StrEnum):
    """The register's tables; each value is the table's name (storage/models.py), so a
    Table compares equal to the name written as text."""

    REGISTRY_META = "registry_meta"
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"
    COMMUNITY_POPULATION = "community_population"
    PERSON = "person"
    SEARCH_KEY = "search_key"
    ORGANIZATION = "organization"
    ANNUAL_INSPECTION = "annual_inspection"
    EVALUATION_GRADE = "evaluation_grade"
    SERVICE_PROJECT = "service_project"
    VOLUNTEER = "volunteer"
    VOLUNTEER_ORGANIZATION = "volunteer_organization"
    VOLUNTEER_YEAR = "volunteer_year"
    COMMUNITY_YEAR = "community_year"
    ORGANIZATION_YEAR = "organization_year"
    MONTH_CATEGORY_HOURS = "month_category_hours"
    SOCIAL_WORKER = "social_worker"
    TRAINING = "training"
    ATTENDANCE = "attendance"
    ACTIVITY = "activity"
    SERVICE_RECORD = "service_record"
    CERTIFICATE = "certificate"
    AUDIT_ENTRY = "audit_entry"
    ACCOUNT = "account"
    RULE_PRESET = "rule_preset"
    SETTING = "setting"

    @classmethod
    def of(cls, model: type[BaseModel]) -> Table:
        return cls(model._meta.table_name)


EVERY_TABLE = frozenset(Table)


@dataclass(frozen=True)
class Changes:
    """What an operation changed. No tables: nothing changed (nothing to refresh);
    Changes.everything(): the whole register may differ (a restore)."""

    tables: frozenset[Table] = frozenset()
    ids: tuple[int, ...] = ()  # the records the operation created or changed, main table
    warnings: tuple[Problem, ...] = ()

    def __post_init__(self) -> None:
        # Names given as text become Table members: a misspelt table fails here, at once.
        object.__setattr__(self, "tables", frozenset(map(Table, self.tables)))

    @classmethod
    def everything(cls) -> Changes:
        return cls(EVERY_TABLE)

    @property
    def everything_changed(self) -> bool:
        return self.tables == EVERY_TABLE

    @property
    def nothing_changed(self) -> bool:
        return not self.tables

    def touches(self, tables: Iterable[str]) -> bool:
        """Whether a view showing these tables must refresh."""
        return self.everything_changed or not self.tables.isdisjoint(tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids + other.ids,
                       self.warnings + other.warnings)

    @property
    def id(self) -> int:
        """The one record an operation on a single record created or changed."""
        return self.ids[0]


class HasChanges(Protocol):
    """An operation's result that says more than what changed (an import's counts, the
    backup a restore made) and carries its Changes."""

    @property
    def changes(self) -> Changes: ...


def changes_of(result: Changes | HasChanges) -> Changes:
    return result if isinstance(result, Changes) else result.changes
