"""A register's settings: what is stored, else the preset's default, else the caller's."""

from __future__ import annotations

from registry.queries.settings import get_setting
from registry.storage.models import Setting


def test_a_setting_reads_what_is_stored_else_a_default(db) -> None:
    assert get_setting("star_preset") == "national"  # nothing stored: the preset's default
    assert get_setting("district_full_name") == "" and get_setting("district_full_name", "—") == "—"
    Setting.create(key="star_preset", value="beijing")
    Setting.create(key="district_full_name", value="北京市朝阳区")
    assert get_setting("star_preset") == "beijing" and get_setting("district_full_name") == "北京市朝阳区"
