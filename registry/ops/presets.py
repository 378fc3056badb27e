"""Which rule presets this register uses, and changing them."""

from __future__ import annotations

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.queries.presets import get_setting, preset_book, star_preset
from registry.rules.fields import clean_choice
from registry.rules.permissions import Action
from registry.rules.presets import KINDS, SETTING_KEYS, Kind
from registry.storage.models import Setting, SocialWorker, Volunteer
from registry.storage.stars import star_level_expression
from registry.texts import mark

KIND_OF: dict[str, Kind] = {SETTING_KEYS[kind]: kind for kind in KINDS}  # setting key → kind
LABELS = {"star_preset": mark("星级标准"), "ce_preset": mark("继续教育标准"), "rounding_preset": mark("时长取整规则")}


def choices(key: str) -> tuple[str, ...]:
    """The preset names the setting may take: shipped, and those a district file defined."""
    return tuple(preset_book().of(KIND_OF[key])) if key in KIND_OF else ()


def clean_preset(key: str, name: str) -> str:
    value, problems = clean_choice(name, key, LABELS.get(key, key), choices(key), required=True)
    require(problems)
    return str(value)


@retried
def set_preset(actor: str, key: str, name: str) -> Changes:
    """Choose a preset; a new star preset recomputes and re-stamps every star level."""
    value = clean_preset(key, name)
    with write(actor, Action.SET_PRESET) as w:
        put_preset(w, key, value)
    return w.changes


def put_preset(w: Write, key: str, value: str) -> None:
    """Inside a write: store a cleaned preset and recompute what follows from it."""
    before = get_setting(key)
    Setting.put(key, value)
    w.changed(Table.SETTING)
    if key == "star_preset":
        preset = star_preset(value)
        Volunteer.update(star_level=star_level_expression(preset),
                         star_preset=preset.name).execute()
        w.changed(Table.VOLUNTEER)
    elif key == "ce_preset":  # the cycle changes, so does what counts in it
        from registry.ops.social_workers import refresh_ce_hours

        for worker in SocialWorker.select():
            refresh_ce_hours(worker)
        w.changed(Table.SOCIAL_WORKER)
    w.log(Table.SETTING, None, {key: before}, {key: value}, action=Action.SET_PRESET)
