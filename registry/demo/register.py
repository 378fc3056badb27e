"""The register around the load: it must be empty before, and after it gets the
presets the data was summed under and, on PostgreSQL, id sequences past the rows."""

from __future__ import annotations

from registry.demo.common import CE_PRESET, STAR_PRESET, DemoError
from registry.storage import models
from registry.storage.db import database, is_sqlite


def ensure_empty() -> None:
    people = models.Person.select().count()
    if people:
        raise DemoError(f"登记库里已有 {people} 名人员，演示数据只能填入空的登记库。"
                        "请新建一个登记库后再生成演示数据。")
    for model in models.ALL_MODELS:
        if model in (models.Meta, models.Setting, models.RulePreset, models.AuditEntry,
                     models.Account):
            continue
        if model.select().limit(1).exists():
            raise DemoError("登记库里已有登记数据，演示数据只能填入空的登记库。"
                            "请新建一个登记库后再生成演示数据。")


def write_settings() -> None:
    for key, value in (("star_preset", STAR_PRESET), ("ce_preset", CE_PRESET),
                       ("rounding_preset", "half_hour")):
        (models.Setting.insert(key=key, value=value)
         .on_conflict(conflict_target=[models.Setting.key], update={models.Setting.value: value})
         .execute())


def reset_sequences() -> None:
    """PostgreSQL: explicit ids leave the id sequences behind; move them past the rows."""
    if is_sqlite():
        return
    for model in models.ALL_MODELS:
        pk = model._meta.primary_key
        # The audit log's ids are only drawn, never loaded; and the everyday server account
        # may not set its sequence back (storage/server_roles.py).
        if getattr(pk, "field_type", "") == "AUTO" and model is not models.AuditEntry:
            table = model._meta.table_name
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)")
