"""What every operation shares: its result, its failures, its transaction and its audit."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from peewee import IntegrityError

from registry.queries.access import check_permission
from registry.rules.permissions import PermissionDenied
from registry.rules.problems import NotAllowedError, Problem, RegistryError, ValidationError, error
from registry.storage.db import database
from registry.storage.models import AuditEntry, BaseModel


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so every screen can refresh from it."""

    tables: frozenset[str] = frozenset()
    ids: tuple[int, ...] = ()  # the records the operation created or changed, main table
    warnings: tuple[Problem, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids + other.ids,
                       self.warnings + other.warnings)

    @property
    def id(self) -> int:
        """The one record an operation on a single record created or changed."""
        return self.ids[0]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def snapshot(record: BaseModel | None) -> dict[str, Any] | None:
    """The stored fields of a record, for the audit log (foreign keys as ids)."""
    if record is None:
        return None
    return {name: _jsonable(value) for name, value in record.__data__.items()}


def to_json(data: Mapping[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps({k: _jsonable(v) for k, v in data.items()}, ensure_ascii=False,
                      sort_keys=True)


def audit(actor: str, action: str, table: str, record_id: int | None,
          before: Mapping[str, Any] | None = None, after: Mapping[str, Any] | None = None,
          detail: str = "") -> int:
    if not actor:
        raise RegistryError("没有记录是谁在操作，操作已取消。")
    try:
        check_permission(actor, action)  # every change passes here: one place enforces roles
    except PermissionDenied as exc:
        raise NotAllowedError(str(exc)) from exc
    entry = AuditEntry.create(actor=actor, action=action, table_name=table, record_id=record_id,
                              before=to_json(before), after=to_json(after), detail=detail)
    return int(entry.id)


def changed_fields(before: Mapping[str, Any] | None,
                   after: Mapping[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, so audit entries say what actually changed."""
    before = before or {}
    after = after or {}
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


@contextmanager
def transaction() -> Iterator[None]:
    """One operation, one transaction; a database constraint becomes a clear failure."""
    try:
        with database.atomic():
            yield
    except IntegrityError as exc:
        raise RegistryError(f"保存失败：数据与登记库中已有记录冲突（{exc}）。") from exc


def require(problems: list[Problem]) -> tuple[Problem, ...]:
    """Raise on any error; return the warnings for the caller to pass on."""
    if any(p.is_error for p in problems):
        raise ValidationError(problems)
    return tuple(problems)


def missing(field_name: str, label: str) -> Problem:
    return error("required", field_name, f"“{label}”不能为空。")
