"""The organizations kind: the 社会组织名录, matched by USCC (or by name when the register
has the organization without one)."""

from __future__ import annotations

from typing import Any

from registry.importer.bulk import WriteContext, fetch_groups, fetch_in, update_rows
from registry.importer.lookups import Lookups
from registry.importer.model import CREATE, UNCHANGED, UPDATE, RowPlan
from registry.importer.people import diff, formatter, given_values
from registry.ops.organizations import COMMUNITY_ORG, LABELS, clean_organization
from registry.rules.fields import clean_choice, is_blank
from registry.rules.problems import Problem, error, warning
from registry.rules.uscc import check_uscc
from registry.rules.vocab import ORG_STATUSES
from registry.storage.models import Organization
from registry.texts import msg

ORG_KEYS = ("name", "org_type", "registration_authority", "supervising_unit",
            "legal_representative_name", "founded_on", "address", "business_scope",
            "service_fields", "registered_capital", "filed_on", "responsible_person", "venue",
            "member_count", "notes", "charity_recognized_on")
_DEFAULTS: dict[str, Any] = {"legal_representative": None, "contact": None,
                             "status_changed_on": None, "status_reason": ""}


class Organizations:
    def clean(self, raw: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[Problem]]:
        values, problems = clean_organization({k: raw.get(k) for k in ORG_KEYS}, partial=True)
        raw_code = raw.get("uscc")
        values["uscc"] = None
        if not (is_blank(raw_code) and values.get("org_type") == COMMUNITY_ORG):
            text = str(int(raw_code)) if isinstance(raw_code, float) and raw_code.is_integer() else raw_code
            facts, code_problems = check_uscc(None if is_blank(text) else str(text), "uscc",
                                              declared_type=values.get("org_type") or None)
            problems += code_problems
            values["uscc"] = facts.code if facts else None
        values["community"], community_problems = lookups.community(
            raw.get("community"), "community", LABELS["community"])
        values["street"] = lookups.community_street.get(values["community"] or 0)
        status, status_problems = clean_choice(raw.get("status"), "status", msg("状态"), ORG_STATUSES)
        values["status"] = status or ORG_STATUSES[0]
        given = {k for k in (*ORG_KEYS, "uscc", "status") if k in raw}
        if "community" in raw:
            given |= {"community", "street"}
        return {"org": values, "given": given}, problems + community_problems + status_problems

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        org = values["org"]
        return [("uscc", org["uscc"])] if org.get("uscc") else [("name", org.get("name") or "")]

    def match(self, rows: list[RowPlan], lookups: Lookups) -> None:
        by_code = fetch_in(Organization, "uscc", (r.values["org"]["uscc"] for r in rows))
        by_name = fetch_groups(Organization, "name", (r.values["org"]["name"] for r in rows))
        show = formatter(lookups)
        for row in rows:
            org = row.values["org"]
            existing = by_code.get(org["uscc"]) if org["uscc"] else None
            namesakes = by_name.get(org["name"], [])
            if existing is None:
                uncoded = [o for o in namesakes if o["uscc"] is None]
                if len(uncoded) == 1:
                    existing = uncoded[0]
                elif not org["uscc"] and len(namesakes) > 1:
                    row.match_problems.append(error("ambiguous", "name", msg("登记库中有 {length}"
                                                    " 个同名组织，请填写统一社会信用代码以便区分。",
                                                    length=len(namesakes))))
                elif namesakes:
                    row.match_problems.append(warning("namesake", "name",
                                                      msg("登记库中已有同名但信用代码不同的组织，将作为新组织登记。")))
            changed, changes = diff(existing, given_values(org, row.values["given"]), LABELS,
                                    show) if existing else ({}, [])
            row.target = {"id": existing["id"] if existing else None, "before": existing,
                          "update": changed}
            row.changes = tuple(changes)
            row.action = CREATE if existing is None else UPDATE if changed else UNCHANGED

    def write(self, rows: list[RowPlan], ctx: WriteContext) -> None:
        new = [r for r in rows if r.target["id"] is None]
        records = []
        for row in new:
            record = {**_DEFAULTS, **row.values["org"], "created_at": ctx.now, "updated_at": ctx.now}
            if record["status"] != ORG_STATUSES[0]:
                record["status_changed_on"] = ctx.now.date()
            records.append(record)
        ctx.create(Organization, records)
        updates = []
        for row in rows:
            changed = dict(row.target["update"])
            if not changed or row.target["id"] is None:
                continue
            if "status" in changed:
                changed["status_changed_on"] = ctx.now.date()
            changed["updated_at"] = ctx.now
            before = row.target["before"]
            updates.append((row.target["id"], changed))
            ctx.log("update", "organization", row.target["id"],
                    {k: before.get(k) for k in changed}, changed)
        update_rows(Organization, updates)
        ctx.tables.add("organization")

