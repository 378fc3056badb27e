"""What an audit entry's before and after say, for people to read: the changed fields with
ID and phone numbers masked and birth dates shown as their year, as every list and roster
shows them (rules/disclosure.py). The audit roster and the
program's audit log both read entries through this."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from registry.rules.disclosure import birth_shown
from registry.rules.idnumber import mask_id_number
from registry.rules.phone import mask_phone


def _birth(text: str) -> str:
    try:
        return birth_shown(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text[:4] + "年" if text[:4].isdigit() else ""


_MASKS: dict[str, Callable[[str], str]] = {
    "id_number": mask_id_number, "phone": mask_phone, "contact": mask_phone, "birth_date": _birth}
# The search columns hold the same numbers reversed: nothing a reader needs, and unmasked.
_LEFT_OUT = frozenset({"id_number_rev", "phone_rev"})


def readable_fields(text: str) -> list[tuple[str, str]] | None:
    """(field, value) for each field the JSON object holds, numbers masked; None when the
    text is not a JSON object (show it as it is)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    fields = []
    for key, value in data.items():
        if key in _LEFT_OUT:
            continue
        mask = _MASKS.get(key)
        if mask is not None and isinstance(value, str) and value:
            value = mask(value)
        fields.append((str(key), str(value)))
    return fields
