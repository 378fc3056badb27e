"""A register's settings: the value stored under a key, else its default."""

from __future__ import annotations

from registry.storage.models import Setting

DEFAULTS = {"star_preset": "national", "ce_preset": "national", "rounding_preset": "half_hour"}


def get_setting(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return str(row.value) if row is not None else DEFAULTS.get(key, default)
