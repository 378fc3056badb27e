"""The lookups the lists' filter boxes and the export offer: communities, organizations,
recent trainings, each a (value, label) pair, as a combo box takes it; and the audit log's
actors, by name."""

from __future__ import annotations

from typing import NamedTuple

from registry.storage.models import AuditEntry, Community, Organization, Street, Training

MAX_ORGANIZATIONS = 5000
MAX_TRAININGS = 300
MAX_ACTORS = 200
OPEN = "正常"  # zh-data; an organization that is neither deregistered nor revoked


class Choice(NamedTuple):
    value: int
    label: str


def communities() -> list[Choice]:
    """Every community, in the order of their codes."""
    return [Choice(*c) for c in Community.select(Community.id, Community.name)
            .order_by(Community.code).tuples()]


def streets() -> list[Choice]:
    return [Choice(*s) for s in Street.select(Street.id, Street.name).order_by(Street.code).tuples()]


def community_streets() -> dict[int, int]:
    """Each community's street, for a street box narrowing a community box."""
    return dict(Community.select(Community.id, Community.street).tuples())


def open_organizations() -> list[Choice]:
    """The organizations in good standing, by name."""
    return [Choice(*o) for o in Organization.select(Organization.id, Organization.name)
            .where(Organization.status == OPEN).order_by(Organization.name)
            .limit(MAX_ORGANIZATIONS).tuples()]


def recent_trainings() -> list[Choice]:
    """The latest trainings first, labelled with their first day: "2024-05-01 title"; of
    one day, the one entered last first."""
    rows = Training.select(Training.id, Training.title, Training.starts_on).order_by(
        Training.starts_on.desc(), Training.id.desc()).limit(MAX_TRAININGS).tuples()
    return [Choice(i, f"{d} {t}") for i, t, d in rows]


def audit_actors() -> list[str]:
    """Who has entries in the log, by name (the choices of the audit log's User filter)."""
    return [a for (a,) in AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
            .limit(MAX_ACTORS).tuples()]
