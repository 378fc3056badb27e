"""Rules brought up to date when a register opens: a preset an earlier version shipped
wrongly is replaced by the one in force, and what it computed is recomputed.

Unlike a schema step this changes data, not structure, so the everyday server account may
run it at open. Once done it leaves `rules_version` in the settings: later opens read that
one row instead of looking through every volunteer for a retired preset (0.14 s at a
district's million)."""

from __future__ import annotations

import datetime as dt
import json

from peewee import Database

from registry.rules.permissions import Action
from registry.rules.presets import RETIRED_STAR_PRESETS, get_star_preset, thresholds_text
from registry.storage.models import AuditEntry, Setting, Volunteer, locked
from registry.storage.stars import star_level_expression

RULES_VERSION = "1"  # raise it with every new upgrade below
RULES_VERSION_KEY = "rules_version"
UPGRADE_ACTOR = "升级程序"  # zh-data: who the audit log names for changes the program made itself


def upgrade_rules(db: Database) -> int | None:
    """Replace a retired star preset, in one transaction with one audit entry; returns how
    many volunteers' star levels changed, or None when there was nothing to do."""
    marker = Setting.get_or_none(Setting.key == RULES_VERSION_KEY)
    if marker is not None and marker.value == RULES_VERSION:
        return None
    with db.atomic():
        moved = _replace_retired_star_preset()
        Setting.put(RULES_VERSION_KEY, RULES_VERSION)
    return moved


def _replace_retired_star_preset() -> int | None:
    """The retired Beijing trial rule, wherever it is still in force or stamped."""
    retired = list(RETIRED_STAR_PRESETS)
    row = locked(Setting.select().where(Setting.key == "star_preset")).first()
    stored = str(row.value) if row is not None else None
    stamped = Volunteer.star_preset.in_(retired)
    if stored in RETIRED_STAR_PRESETS:
        old, scope = stored, Volunteer.id.is_null(False)  # everyone, as a change of preset does
    else:
        first = Volunteer.select(Volunteer.star_preset).where(stamped).first()
        if first is None:
            return None
        old, scope = str(first.star_preset), stamped
    historical, current = (get_star_preset(name) for name in RETIRED_STAR_PRESETS[old])
    level = star_level_expression(current)
    moved: int = Volunteer.select().where(scope & (Volunteer.star_level != level)).count()
    total = Volunteer.select().where(scope).count()
    Volunteer.update(star_level=level, star_preset=current.name).where(scope).execute()
    if stored == old:
        Setting.put("star_preset", current.name)
    AuditEntry.create(
        at=dt.datetime.now().replace(microsecond=0), actor=UPGRADE_ACTOR, action=Action.SET_PRESET.value,
        table_name="setting", record_id=None,
        before=json.dumps({"star_preset": old}, ensure_ascii=False),
        after=json.dumps({"star_preset": current.name}, ensure_ascii=False),
        detail=(f"程序升级：原星级标准 {thresholds_text(historical)} 小时是北京早期试行标准"
                f"（保留为“{historical.name}”），现行标准为 {thresholds_text(current)} 小时；"
                f"已按现行标准重算 {total} 名志愿者的星级，其中 {moved} 名星级有变化。"))
    return moved
