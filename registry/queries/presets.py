"""Which rule presets this register knows and uses: the shipped ones and those a district
file defined (kept in the rule_preset table, so the register knows them without the file),
and its choice of each (its settings, with the defaults; the settings themselves are
registry/queries/settings.py, which a start reads without the rules)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from registry.queries.settings import DEFAULTS, get_setting
from registry.rules.deadlines import OrgReports, org_reports, reports_from_text
from registry.rules.preset_definitions import preset_from_data
from registry.rules.presets import (
    KIND_WORDS,
    KINDS,
    SETTING_KEYS,
    SHIPPED,
    ContinuingEducationPreset,
    Kind,
    Preset,
    PresetBook,
    RoundingPreset,
    StarPreset,
    is_shipped,
    values_text,
)
from registry.storage.models import RulePreset
from registry.texts import msg, shown

__all__ = ["DEFAULTS", "current_ce_preset", "current_rounding_preset", "current_star_preset", "get_setting"]
log = logging.getLogger(__name__)


def _from_row(row: RulePreset) -> Preset | None:
    """A stored definition, read with the checks a district file gets (None if it fails them:
    the register was changed behind the program's back)."""
    try:
        params: Any = json.loads(str(row.params))
    except ValueError:
        params = None
    kind = next((k for k in KINDS if k == row.kind), None)
    if kind is None or not isinstance(params, dict):
        log.warning("rule_preset %s: not a preset definition", row.id)
        return None
    preset, problems = preset_from_data(kind, {**params, "name": str(row.name), "label": str(row.label)},
                                        str(row.name))
    if preset is None:
        log.warning("rule_preset %s: %s", row.id, "; ".join(problems))
    return preset


def defined_presets() -> list[Preset]:
    """The presets this register's district files defined, in the order they came."""
    found = (_from_row(row) for row in RulePreset.select().order_by(RulePreset.id))
    return [preset for preset in found if preset is not None]


def defined_preset(kind: Kind, name: str) -> Preset | None:
    """The register's own definition of `name`, if it has one."""
    row = RulePreset.get_or_none((RulePreset.kind == kind) & (RulePreset.name == name))
    return _from_row(row) if row is not None else None


def preset_book() -> PresetBook:
    """Every preset this register knows by name: shipped, then its own."""
    return SHIPPED.with_defined(defined_presets())


def _find(kind: Kind, name: str) -> Preset:
    shipped = SHIPPED.of(kind).get(name)  # most names: no query
    found = shipped if shipped is not None else defined_preset(kind, name)
    if found is None:
        raise KeyError(msg("没有名为“{name}”的{what}规则", name=name, what=KIND_WORDS[kind]))
    return found


def star_preset(name: str) -> StarPreset:
    """The star preset of that name, shipped or this register's (KeyError, in words, if none)."""
    found = _find("star", name)
    assert isinstance(found, StarPreset)
    return found


def ce_preset(name: str) -> ContinuingEducationPreset:
    found = _find("ce", name)
    assert isinstance(found, ContinuingEducationPreset)
    return found


def rounding_preset(name: str) -> RoundingPreset:
    found = _find("rounding", name)
    assert isinstance(found, RoundingPreset)
    return found


def current_star_preset() -> StarPreset:
    return star_preset(get_setting("star_preset"))


def current_ce_preset() -> ContinuingEducationPreset:
    return ce_preset(get_setting("ce_preset"))


def current_rounding_preset() -> RoundingPreset:
    return rounding_preset(get_setting("rounding_preset"))


def current_org_reports() -> OrgReports:
    """Each organization type's yearly reports: the district file's, else the defaults."""
    return org_reports(reports_from_text(get_setting("org_deadlines")))


@dataclass(frozen=True)
class PresetChoice:
    """A preset as the settings dialog and the command line list it, in the current language."""

    key: str  # the setting: star_preset, ce_preset, rounding_preset
    name: str
    label: str
    values: str  # what it computes: 一至五星：100/300/600/1000/1500 小时
    source: str  # the document it comes from
    effective: date | None  # the date that takes effect, None when unknown
    shipped: bool  # False: a district file defined it
    chosen: bool  # the register uses it now


def preset_choices() -> dict[str, list[PresetChoice]]:
    """Setting key → every preset it may name, shipped first, then the register's own."""
    book = preset_book()
    listing: dict[str, list[PresetChoice]] = {}
    for kind in KINDS:
        key = SETTING_KEYS[kind]
        chosen = get_setting(key)
        listing[key] = [PresetChoice(key, p.name, shown(p.label), values_text(p), shown(p.source), p.effective,
                                     is_shipped(p), p.name == chosen) for p in book.of(kind).values()]
    return listing
