"""Star levels computed by SQL, for recomputing many volunteers at once."""

from __future__ import annotations

from peewee import Case

from registry.rules.presets import StarPreset
from registry.storage.models import Volunteer


def star_level_expression(preset: StarPreset) -> Case:
    """SQL that computes a volunteer's star level from total_hours, for bulk recomputes."""
    cases = [(Volunteer.total_hours >= float(t), level)
             for level, t in reversed(list(enumerate(preset.thresholds, start=1)))]
    return Case(None, cases, 0)
