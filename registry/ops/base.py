"""What operations share besides the write path (kernel.py): records as the audit log holds
them, what differs between two of them, and turning problems into a failure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from registry.ops.kernel import jsonable
from registry.rules.problems import Problem, ValidationError
from registry.storage.models import BaseModel


def snapshot(record: BaseModel | None) -> dict[str, Any] | None:
    """The stored fields of a record, for the audit log (foreign keys as ids)."""
    if record is None:
        return None
    return {name: jsonable(value) for name, value in record.__data__.items()}


def changed_fields(before: Mapping[str, Any] | None,
                   after: Mapping[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, so audit entries say what actually changed."""
    before = before or {}
    after = after or {}
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def require(problems: list[Problem]) -> tuple[Problem, ...]:
    """Raise on any error; return the warnings for the caller to pass on."""
    if any(p.is_error for p in problems):
        raise ValidationError(problems)
    return tuple(problems)
