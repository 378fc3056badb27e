"""Writing people rows in bulk: new persons with their search keys, person updates, and the
role records (volunteer or social worker), each with its audit entry."""

from __future__ import annotations

from typing import Any

from registry.importer.bulk import WriteContext, chunks, update_rows
from registry.importer.model import RowPlan
from registry.ops.people import _derived, insert_search_keys
from registry.rules.search_keys import search_keys
from registry.storage.models import BaseModel, Person, SearchKey

_PERSON_DEFAULTS: dict[str, Any] = {
    "phone": None, "address": "", "ethnicity": "", "political_status": "", "education": "",
    "notes": "", "active": True, "deactivated_reason": "",
}


def write_persons(rows: list[RowPlan], ctx: WriteContext) -> None:
    """Create the persons not yet in the register, update the others' given fields."""
    new = [r for r in rows if r.target["person_id"] is None]
    records = [{**_PERSON_DEFAULTS, **_derived(row.values["person"]), "created_at": ctx.now,
                "updated_at": ctx.now} for row in new]
    keys: list[tuple[str, int]] = []
    for row, record, person_id in zip(new, records, ctx.create(Person, records), strict=True):
        row.target["person_id"] = person_id
        keys.extend((k, person_id) for k in search_keys(record["name"], record["initials"]))
    insert_search_keys(keys)
    updates, renamed = [], []
    for row in rows:
        changed = row.target["person_update"]
        if not changed:
            continue
        person_id = row.target["person_id"]
        values = {**_derived(changed), "updated_at": ctx.now}
        updates.append((person_id, values))
        before = row.target["person_before"]
        ctx.log("update", "person", person_id, {k: before.get(k) for k in values}, values)
        if "name" in changed:
            renamed.append((person_id, values["name"], values["initials"]))
    update_rows(Person, updates)
    for part in chunks(renamed):
        SearchKey.delete().where(SearchKey.person.in_([p[0] for p in part])).execute()
    insert_search_keys([(k, pid) for pid, name, initials in renamed for k in search_keys(name, initials)])
    if records or updates:
        ctx.tables.add("person")


def write_roles(rows: list[RowPlan], ctx: WriteContext, model: type[BaseModel],
                defaults: dict[str, Any]) -> list[int]:
    """Create or update the role records; returns the ids written."""
    table = model._meta.table_name
    new = [r for r in rows if r.target["role_id"] is None]
    records = [{"person": row.target["person_id"], **defaults, **row.values["role"]} for row in new]
    ids = ctx.create(model, records)
    for row, role_id in zip(new, ids, strict=True):
        row.target["role_id"] = role_id
    updates = []
    for row in rows:
        changed = row.target["role_update"]
        if changed and row.target["role_before"] is not None:
            updates.append((row.target["role_id"], changed))
            before = row.target["role_before"]
            ctx.log("update", table, row.target["role_id"], {k: before.get(k) for k in changed},
                    changed)
    update_rows(model, updates)
    if records or updates:
        ctx.tables.add(table)
    return [*ids, *(u[0] for u in updates)]
