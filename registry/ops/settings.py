"""The register settings an administrator saves together: the rule presets and how long
deactivated people's data is kept."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from registry.ops.changes import Changes
from registry.ops.kernel import retried, write
from registry.ops.presets import KIND_OF, clean_preset, put_preset
from registry.ops.retention import KINDS, clean_years, put_retention
from registry.rules.permissions import Action


@retried
def save_settings(actor: str, changed: Mapping[str, Any]) -> Changes:
    """Save each changed setting, all in one transaction: every one is saved or none is.
    Keys are presets (star_preset, ce_preset, rounding_preset: the preset's name) and
    retention kinds (volunteer, social_worker: the years). A new star preset recomputes
    every star level, a new CE preset recounts every social worker's hours."""
    unknown = [key for key in changed if key not in KIND_OF and key not in KINDS]
    if unknown:
        raise ValueError(f"not a register setting: {', '.join(unknown)}")
    # Every value is checked before any is saved.
    presets = {key: clean_preset(key, value) for key, value in changed.items() if key in KIND_OF}
    periods = {kind: clean_years(value) for kind, value in changed.items() if kind in KINDS}
    with write(actor, Action.SET_PRESET if presets else Action.RETENTION) as w:
        for key, name in presets.items():
            put_preset(w, key, name)
        for kind, years in periods.items():
            put_retention(w, kind, years)
    return w.changes
