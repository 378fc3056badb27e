"""District, streets and communities, with their populations."""

from __future__ import annotations

from typing import Any

from registry.ops.base import changed_fields, require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.kernel import write
from registry.rules.fields import Cleaner, clean_int, clean_text
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError
from registry.storage.models import BaseModel, Community, District, Street, get_or_fail

_LEVELS: dict[str, tuple[type[BaseModel], str, str | None, type[BaseModel] | None]] = {
    # level: (model, Chinese name, parent field, parent model)
    "district": (District, "区", None, None),
    "street": (Street, "街道", "district", District),
    "community": (Community, "社区", "street", Street),
}


def _clean(level: str, code: Any, name: Any, population: Any) -> dict[str, Any]:
    what = _LEVELS[level][1]
    c = Cleaner({"code": code, "name": name, "population": population})
    c.take("code", clean_text, f"{what}代码", required=True, max_length=20)
    c.take("name", clean_text, f"{what}名称", required=True, max_length=100)
    c.take("population", clean_int, "常住人口", minimum=0)
    require(c.problems)
    values = c.values
    values["population"] = values["population"] or 0
    return values


def add_area(actor: str, level: str, code: Any, name: Any, population: Any = 0,
             parent: int | None = None) -> Changes:
    """Add a district, street (parent: district id) or community (parent: street id)."""
    model, what, parent_field, parent_model = _LEVELS[level]
    values = _clean(level, code, name, population)
    with write(actor, Action.CREATE) as w:
        if model.get_or_none(model.code == values["code"]) is not None:
            raise RegistryError(f"{what}代码“{values['code']}”已存在。")
        if parent_field is not None and parent_model is not None:
            if parent is None:
                raise RegistryError(f"请先选择{what}所属的上级区划。")
            get_or_fail(parent_model, parent, "上级区划")
            values[parent_field] = parent
        row = model.create(**values)
        w.log(Table.of(model), row.id, None, snapshot(row))
        w.changed(Table.of(model), ids=[row.id])
    return w.changes


def update_area(actor: str, level: str, area_id: int, *, name: Any = None,
                population: Any = None) -> Changes:
    model, what, _parent_field, _parent_model = _LEVELS[level]
    with write(actor, Action.UPDATE) as w:
        row = get_or_fail(model, area_id, what)
        values = _clean(level, row.code, name if name is not None else row.name,
                        population if population is not None else row.population)
        before = snapshot(row)
        row.name, row.population = values["name"], values["population"]
        old, new = changed_fields(before, snapshot(row))
        if new:
            row.save()
            w.log(Table.of(model), area_id, old, new)
            w.changed(Table.of(model))
        w.changed(ids=[area_id])
    return w.changes
