"""区划设置: the district, its streets and communities, each community's population per
year, and which street this office is. An administrator's (Action.AREAS); every change
has its audit entry."""

from __future__ import annotations

from typing import Any

from registry.ops.base import changed_fields, require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.queries.areas import OFFICE_STREET
from registry.queries.presets import get_setting
from registry.rules.fields import Cleaner, clean_int, clean_text
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError
from registry.storage.models import BaseModel, Community, CommunityPopulation, District, Setting, Street, get_or_fail
from registry.texts import mark, msg

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_POPULATION = 100_000_000

_LEVELS: dict[str, tuple[type[BaseModel], str, str | None, type[BaseModel] | None]] = {
    # level: (model, Chinese name, parent field, parent model)
    "district": (District, mark("区"), None, None),
    "street": (Street, mark("街道"), "district", District),
    "community": (Community, mark("社区"), "street", Street),
}


def _clean(level: str, code: Any, name: Any, population: Any) -> dict[str, Any]:
    what = _LEVELS[level][1]
    c = Cleaner({"code": code, "name": name, "population": population})
    c.take("code", clean_text, msg("{what}代码", what=what), required=True, max_length=20)
    c.take("name", clean_text, msg("{what}名称", what=what), required=True, max_length=100)
    c.take("population", clean_int, msg("常住人口"), minimum=0, maximum=MAX_POPULATION)
    require(c.problems)
    values = c.values
    values["population"] = values["population"] or 0
    return values


@retried
def add_area(actor: str, level: str, code: Any, name: Any, population: Any = 0,
             parent: int | None = None) -> Changes:
    """Add a district, street (parent: district id) or community (parent: street id)."""
    model, what, parent_field, parent_model = _LEVELS[level]
    values = _clean(level, code, name, population)
    with write(actor, Action.AREAS) as w:
        if model.get_or_none(model.code == values["code"]) is not None:
            raise RegistryError(msg("{what}代码“{values}”已存在，请换一个代码。", what=what, values=values['code']))
        if parent_field is not None and parent_model is not None:
            if parent is None:
                raise RegistryError(msg("请先选择{what}所属的上级区划。", what=what))
            get_or_fail(parent_model, parent, msg("上级区划"))
            values[parent_field] = parent
            if level == "community" and model.select().where(
                    (model.street == parent) & (model.name == values["name"])).exists():
                raise RegistryError(msg("这个街道已经有名为“{values}”的社区。", values=values['name']))
        row = model.create(**values)
        w.log(Table.of(model), row.id, None, snapshot(row))
        w.changed(Table.of(model), ids=[row.id])
    return w.changes


@retried
def update_area(actor: str, level: str, area_id: int, *, name: Any = None,
                population: Any = None) -> Changes:
    model, what, _parent_field, _parent_model = _LEVELS[level]
    with write(actor, Action.AREAS) as w:
        row = get_or_fail(model, area_id, what)
        values = _clean(level, row.code, name if name is not None else row.name,
                        population if population is not None else row.population)
        before = snapshot(row)
        row.name, row.population = values["name"], values["population"]
        old, new = changed_fields(before, snapshot(row))
        if new:
            row.save(only=[model.name, model.population])  # not the row as read: another may have moved it
            w.log(Table.of(model), area_id, old, new)
            w.changed(Table.of(model))
        w.changed(ids=[area_id])
    return w.changes


@retried
def set_population(actor: str, community_id: int, year: Any, population: Any) -> Changes:
    """A community's resident population in `year` (the indicators of that year use it);
    an empty population removes the year's figure, so the year falls back to an earlier one."""
    c = Cleaner({"year": year, "population": population})
    c.take("year", clean_int, msg("年份"), required=True, minimum=FIRST_YEAR, maximum=LAST_YEAR)
    c.take("population", clean_int, msg("常住人口"), minimum=0, maximum=MAX_POPULATION)
    require(c.problems)
    year_value, people = c.values["year"], c.values["population"]
    with write(actor, Action.AREAS) as w:
        community = get_or_fail(Community, community_id, msg("社区"))
        row = CommunityPopulation.get_or_none((CommunityPopulation.community == community.id)
                                              & (CommunityPopulation.year == year_value))
        before = None if row is None else {"year": year_value, "population": row.population}
        after = None if people is None else {"year": year_value, "population": people}
        if before == after:
            return w.changes
        where = (CommunityPopulation.community == community.id) & (CommunityPopulation.year == year_value)
        if people is None:
            CommunityPopulation.delete().where(where).execute()
        elif row is None:
            CommunityPopulation.create(community=community.id, year=year_value, population=people)
        else:
            CommunityPopulation.update(population=people).where(where).execute()
        w.log(Table.COMMUNITY_POPULATION, community.id, before, after,
              detail=f"{community.name} {year_value} 年常住人口")
        w.changed(Table.COMMUNITY_POPULATION, Table.COMMUNITY, ids=[community.id])
    return w.changes


@retried
def set_office_street(actor: str, street_id: int) -> Changes:
    """Which street this office is: the issuer of its certificates and the street its
    window shows. The district file's default street is only the first choice offered."""
    with write(actor, Action.AREAS) as w:
        street = get_or_fail(Street, street_id, msg("街道"))
        put_office_street(w, street.code)
    return w.changes


def put_office_street(w: Write, code: str) -> None:
    """Inside a write: record this office's street (by code), audited when it changes."""
    before = get_setting(OFFICE_STREET)
    if before == code:
        return
    w.log(Table.SETTING, None, {OFFICE_STREET: before}, {OFFICE_STREET: code})
    Setting.put(OFFICE_STREET, code)
    w.changed(Table.SETTING)
