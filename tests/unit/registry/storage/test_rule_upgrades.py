"""A register that used the shipped "beijing" star preset — Beijing's early trial rule,
100/200/500/800/1000 h — is recomputed at open under the rule in force, once, audited."""

import shutil
from pathlib import Path

import pytest
from helpers import DATA

from registry.queries.presets import get_setting
from registry.rules.presets import STAR_PRESETS, get_star_preset
from registry.storage import sqlite_library
from registry.storage.lifecycle import close_database, open_database, open_warnings
from registry.storage.models import AuditEntry, Volunteer
from registry.storage.rule_upgrades import UPGRADE_ACTOR, upgrade_rules


def upgraded_register(tmp_path: Path, setting: str, hours_and_stamps: list[tuple[float, int, str]]) -> Path:
    """The committed version-1 register, its volunteers given hours, levels and stamps as an
    earlier program computed them (levels under the trial rule where stamped "beijing")."""
    target = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "registry-v1.sqlite3", target)
    with sqlite_library.connect(target) as conn:
        ids = [i for (i,) in conn.execute("SELECT id FROM volunteer ORDER BY id")]
        assert len(ids) >= len(hours_and_stamps)
        for vid, (hours, level, stamp) in zip(ids, hours_and_stamps, strict=False):
            conn.execute("UPDATE volunteer SET total_hours = ?, star_level = ?, star_preset = ? WHERE id = ?",
                         (hours, level, stamp, vid))
        conn.execute("UPDATE setting SET value = ? WHERE key = 'star_preset'", (setting,))
    conn.close()
    return target


def upgrade_entries() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.actor == UPGRADE_ACTOR))


def test_the_old_beijing_preset_is_recomputed_once_with_one_audit_entry(tmp_path: Path):
    # 250 h: 2 stars under the trial rule, 1 under today's; 0 h: no star under either
    path = upgraded_register(tmp_path, "beijing", [(250, 2, "beijing"), (0, 0, "beijing")])
    open_database(path)
    try:
        assert get_setting("star_preset") == "national"
        assert sorted((v.star_level, v.star_preset) for v in Volunteer.select()) == [(0, "national"),
                                                                                      (1, "national")]
        (entry,) = upgrade_entries()
        assert "重算 2 名志愿者的星级，其中 1 名星级有变化" in entry.detail
        assert "100/200/500/800/1000" in entry.detail and "100/300/600/1000/1500" in entry.detail
        assert any("1 名志愿者的星级随之改变" in w for w in open_warnings)
    finally:
        close_database()
    open_database(path)  # a second open finds nothing left to do
    try:
        assert len(upgrade_entries()) == 1
        assert not any("星级标准" in w for w in open_warnings)
    finally:
        close_database()


def test_only_volunteers_stamped_with_the_old_preset_move_when_the_setting_is_current(tmp_path: Path):
    path = upgraded_register(tmp_path, "national", [(550, 3, "beijing"), (550, 2, "national")])
    open_database(path)
    try:
        assert sorted((v.star_level, v.star_preset) for v in Volunteer.select()) == [(2, "national"),
                                                                                      (2, "national")]
        (entry,) = upgrade_entries()
        assert "重算 1 名志愿者的星级，其中 1 名星级有变化" in entry.detail
    finally:
        close_database()


def test_a_register_on_the_current_rule_is_left_alone(db: str):
    before = AuditEntry.select().count()
    assert upgrade_rules(Volunteer._meta.database) is None
    assert AuditEntry.select().count() == before


def test_a_historical_preset_chosen_on_purpose_is_kept(tmp_path: Path):
    path = upgraded_register(tmp_path, "beijing_trial", [(250, 2, "beijing_trial")])
    open_database(path)
    try:
        assert get_setting("star_preset") == "beijing_trial"
        assert Volunteer.get(Volunteer.total_hours == 250).star_level == 2
        assert upgrade_entries() == []
    finally:
        close_database()


@pytest.mark.parametrize("name", ["national", "beijing_trial"])
def test_every_shipped_star_preset_still_resolves(name: str):
    assert get_star_preset(name) is STAR_PRESETS[name]


def test_later_opens_read_one_setting_instead_of_every_volunteer(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    path = upgraded_register(tmp_path, "national", [(550, 2, "national")])
    open_database(path)
    close_database()
    with caplog.at_level("DEBUG", logger="peewee"):
        open_database(path)
        close_database()
    upgrade_queries = [r.getMessage() for r in caplog.records if '"star_preset"' in r.getMessage()]
    assert upgrade_queries == []
    assert any("rules_version" in r.getMessage() for r in caplog.records)
