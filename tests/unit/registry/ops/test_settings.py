"""The register settings are saved together: every changed one, or none."""

from __future__ import annotations

import pytest

from registry import ops
from registry.ops import social_workers
from registry.ops.retention import setting_key
from registry.queries.presets import get_setting
from registry.storage.models import AuditEntry, Volunteer

PERSON = {"id_number": "11010519491231002X", "name": "张三"}


def settings() -> dict[str, str]:
    return {key: get_setting(key) for key in ("star_preset", "ce_preset", "rounding_preset",
                                              setting_key("volunteer"), setting_key("social_worker"))}


def test_saving_settings_saves_each_and_says_what_changed(db) -> None:
    ops.register_volunteer("clerk", PERSON)
    changes = ops.save_settings("admin", {"star_preset": "beijing_trial", "ce_preset": "annual_90",
                                          "volunteer": 3})
    assert changes.tables == {"setting", "volunteer", "social_worker"}
    assert settings()["star_preset"] == "beijing_trial" and settings()[setting_key("volunteer")] == "3"
    assert Volunteer.get().star_preset == "beijing_trial"
    assert [e.action for e in AuditEntry.select().where(AuditEntry.table_name == "setting")
            .order_by(AuditEntry.id)] == ["set_preset", "set_preset", "retention"]


def test_a_failure_halfway_leaves_every_setting_as_it_was(db, monkeypatch) -> None:
    ops.register_social_worker("clerk", {**PERSON, "level": "社会工作师", "certificate_number": "S1"})
    before, entries = settings(), AuditEntry.select().count()

    def broken(_worker: object) -> None:
        raise RuntimeError("the disk is full")
    monkeypatch.setattr(social_workers, "refresh_ce_hours", broken)  # the second setting fails
    with pytest.raises(RuntimeError):
        ops.save_settings("admin", {"star_preset": "beijing_trial", "ce_preset": "annual_90",
                                    "volunteer": 3})
    assert settings() == before
    assert AuditEntry.select().count() == entries


def test_a_bad_value_saves_nothing(db) -> None:
    before = settings()
    with pytest.raises(ops.ValidationError):
        ops.save_settings("admin", {"star_preset": "beijing_trial", "social_worker": -1})
    assert settings() == before


def test_clerks_do_not_change_settings(db) -> None:
    from registry.ops.accounts import add_account

    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", "li", "clerk", "clerk-password")
    with pytest.raises(ops.NotAllowedError):
        ops.save_settings("li", {"volunteer": 3})
    assert ops.save_settings("boss", {"volunteer": 3}).tables == {"setting"}
