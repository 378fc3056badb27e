"""Which rule presets this register uses (its settings, with the defaults)."""

from __future__ import annotations

from registry.rules.deadlines import OrgReports, org_reports, reports_from_text
from registry.rules.presets import (
    ContinuingEducationPreset,
    RoundingPreset,
    StarPreset,
    get_ce_preset,
    get_rounding_preset,
    get_star_preset,
)
from registry.storage.models import Setting

DEFAULTS = {"star_preset": "national", "ce_preset": "national", "rounding_preset": "half_hour"}


def get_setting(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return str(row.value) if row is not None else DEFAULTS.get(key, default)


def current_star_preset() -> StarPreset:
    return get_star_preset(get_setting("star_preset"))


def current_ce_preset() -> ContinuingEducationPreset:
    return get_ce_preset(get_setting("ce_preset"))


def current_rounding_preset() -> RoundingPreset:
    return get_rounding_preset(get_setting("rounding_preset"))


def current_org_reports() -> OrgReports:
    """Each organization type's yearly reports: the district file's, else the defaults."""
    return org_reports(reports_from_text(get_setting("org_deadlines")))
