"""Which rule presets this register uses (its settings, with the defaults; the settings
themselves are registry/queries/settings.py, which a start reads without the rules)."""

from __future__ import annotations

from registry.queries.settings import DEFAULTS, get_setting
from registry.rules.deadlines import OrgReports, org_reports, reports_from_text
from registry.rules.presets import (
    ContinuingEducationPreset,
    RoundingPreset,
    StarPreset,
    get_ce_preset,
    get_rounding_preset,
    get_star_preset,
)

__all__ = ["DEFAULTS", "current_ce_preset", "current_rounding_preset", "current_star_preset", "get_setting"]


def current_star_preset() -> StarPreset:
    return get_star_preset(get_setting("star_preset"))


def current_ce_preset() -> ContinuingEducationPreset:
    return get_ce_preset(get_setting("ce_preset"))


def current_rounding_preset() -> RoundingPreset:
    return get_rounding_preset(get_setting("rounding_preset"))


def current_org_reports() -> OrgReports:
    """Each organization type's yearly reports: the district file's, else the defaults."""
    return org_reports(reports_from_text(get_setting("org_deadlines")))
