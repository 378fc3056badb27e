"""The volunteers and social-workers kinds: a person plus a role record per row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from typing import Any

from registry.importer.bulk import WriteContext, chunks
from registry.importer.carried import clean_carried, plan_carried, stamp_deregistered, status_from, write_carried
from registry.importer.lookups import Lookups
from registry.importer.model import RowPlan
from registry.importer.people import Memo, clean_number, clean_person_part, document_key, match_people
from registry.importer.people_write import write_persons, write_roles
from registry.ops.social_workers import LABELS as WORKER_LABELS
from registry.ops.social_workers import clean_social_worker, refresh_ce_hours
from registry.ops.volunteers import LABELS as VOLUNTEER_LABELS
from registry.ops.volunteers import clean_volunteer
from registry.rules.deadlines import registration_valid_until
from registry.rules.fields import is_blank
from registry.rules.problems import Problem
from registry.rules.text import normalize_text
from registry.rules.vocab import LIST_SEPARATOR, SERVICE_CATEGORIES, split_list
from registry.storage.models import SocialWorker, Volunteer
from registry.texts import msg

VOLUNTEER_KEYS = ("national_number", "registered_on", "skills", "service_categories",
                  "consent_contact", "consent_publish")
# every key a row may give (status_changed_on: a 注销 row's): new records are inserted with
# the first one's keys (bulk.insert_rows), so a key only later rows have would be lost
VOLUNTEER_DEFAULTS: dict[str, Any] = {
    "volunteer_number": None, "national_number": None, "registered_on": None, "community": None,
    "skills": "", "service_categories": "", "consent_contact": False, "consent_publish": False,
    "status": "在册", "status_reason": "", "status_changed_on": None,  # zh-data
    "total_hours": Decimal(0), "star_level": 0, "star_preset": "",
}
WORKER_KEYS = ("level", "obtained_year", "registration_number", "registered_on",
               "registered_until", "post")
WORKER_DEFAULTS: dict[str, Any] = {
    "obtained_year": None, "registration_number": None, "registered_on": None,
    "registered_until": None, "employer": None, "employer_name": "", "post": "",
    "community": None, "status": "在册", "status_reason": "", "status_changed_on": None,  # zh-data
    "ce_hours": Decimal(0), "ce_preset": "",
}


def _split_combined(combined: Any) -> dict[str, str]:
    """The rosters' one 技能/服务类别 column: known categories apart from the skills."""
    parts = split_list(normalize_text(str(combined)))
    return {"service_categories": LIST_SEPARATOR.join(p for p in parts if p in SERVICE_CATEGORIES),
            "skills": LIST_SEPARATOR.join(p for p in parts if p not in SERVICE_CATEGORIES)}


class Volunteers:
    def __init__(self) -> None:
        self.memo = Memo()
        self._splits: dict[tuple[type, Any], dict[str, str]] = {}

    def _split(self, combined: Any) -> dict[str, str]:
        """_split_combined once per distinct cell: the split depends on the value alone."""
        key = (combined.__class__, combined)
        split = self._splits.get(key)
        if split is None:
            split = self._splits[key] = _split_combined(combined)
        return split

    def clean(self, raw: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[Problem]]:
        memo = self.memo
        raw, status, problems = status_from(raw)
        person, person_given, person_problems = clean_person_part(raw, memo)
        problems += person_problems
        role: dict[str, Any] = {}
        given: set[str] = {k for k in ("volunteer_number", "community") if k in raw}
        if status is not None:
            role["status"] = status
            given.add("status")
        for key in VOLUNTEER_KEYS:  # each column on its own through the register's cleaner
            if key in raw:
                value = raw[key]
                hit = memo.find(key, value)
                if hit is None:
                    hit = memo.get(key, value, partial(clean_volunteer, {key: value}, partial=True))
                cleaned, more = hit
                role.update(cleaned)
                given.add(key)
                problems = problems + more if more else problems
        combined = raw.get("skills_categories")
        if not is_blank(combined):
            split = self._split(combined)
            data = {k: v for k, v in split.items() if is_blank(raw.get(k))}
            hit = memo.find("skills_categories", combined)
            if hit is None:  # keyed on the cell alone, whatever `data` left out (as before)
                hit = memo.get("skills_categories", combined, partial(clean_volunteer, data, partial=True))
            cleaned, more = hit
            role.update(cleaned)
            given |= set(data)
            problems = problems + more if more else problems
        role["volunteer_number"], number_problems = clean_number(
            raw, "volunteer_number", VOLUNTEER_LABELS["volunteer_number"])
        role["community"], community_problems = lookups.community(
            raw.get("community"), "community", VOLUNTEER_LABELS["community"])
        problems += number_problems + community_problems
        carried: dict[str, Any] = {}
        if "carried_total" in raw:
            carried, carried_problems = clean_carried(raw)
            problems += carried_problems
        return {"person": person, "person_given": person_given, "id_type_given": not is_blank(raw.get("id_type")),
                "role": role,
                "role_given": memo.shared(given), "carried": carried}, problems

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        out = [("id_number", document_key(values["person"]))]
        return [*out, ("volunteer_number", values["role"].get("volunteer_number") or "")]

    def match(self, rows: list[RowPlan], lookups: Lookups) -> None:
        match_people(rows, lookups, Volunteer, "volunteer_number",
                     msg("志愿者编号“{}”已登记在另一名志愿者名下。"), VOLUNTEER_LABELS)
        plan_carried(rows, lookups.file_year, dt.date.today())

    def write(self, rows: list[RowPlan], ctx: WriteContext) -> None:
        write_persons(rows, ctx)
        stamp_deregistered(rows, ctx)
        write_roles(rows, ctx, Volunteer, VOLUNTEER_DEFAULTS)
        write_carried(rows, ctx)


def _year(raw: Any) -> Any:
    if isinstance(raw, dt.date):
        return raw.year
    if isinstance(raw, str):
        text = normalize_text(raw).removesuffix("年")  # zh-data
        return text[:4] if len(text) > 4 and text[:4].isdigit() and not text[4].isdigit() else text
    return raw


class SocialWorkers:
    def __init__(self) -> None:
        self.memo = Memo()

    def clean(self, raw: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[Problem]]:
        raw, status, problems = status_from(raw)
        person, person_given, person_problems = clean_person_part(raw, self.memo)
        problems += person_problems
        data = {k: raw[k] for k in WORKER_KEYS if k in raw}
        if "obtained_year" in data:
            data["obtained_year"] = _year(data["obtained_year"])
        role, role_problems = clean_social_worker(data, partial=True)
        role["certificate_number"], number_problems = clean_number(
            raw, "certificate_number", WORKER_LABELS["certificate_number"], required=True)
        if role.get("registered_on") and not role.get("registered_until"):
            role["registered_until"] = registration_valid_until(role["registered_on"])
        given = set(data) | {k for k in ("certificate_number", "community") if k in raw}
        if status is not None:
            role["status"] = status
            given.add("status")
        if "registered_on" in data:
            given.add("registered_until")
        if "employer_name" in raw:
            employer, name = lookups.organization(raw["employer_name"])
            role["employer"], role["employer_name"] = employer, name
            given |= {"employer", "employer_name"}
        role["community"], community_problems = lookups.community(
            raw.get("community"), "community", WORKER_LABELS["community"])
        problems += role_problems + number_problems + community_problems
        return {"person": person, "person_given": person_given, "id_type_given": not is_blank(raw.get("id_type")),
                "role": role,
                "role_given": given}, problems

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return [("id_number", document_key(values["person"])),
                ("certificate_number", values["role"].get("certificate_number") or "")]

    def match(self, rows: list[RowPlan], lookups: Lookups) -> None:
        match_people(rows, lookups, SocialWorker, "certificate_number",
                     msg("证书编号“{}”已登记在另一名社工名下。"), WORKER_LABELS)

    def write(self, rows: list[RowPlan], ctx: WriteContext) -> None:
        write_persons(rows, ctx)
        stamp_deregistered(rows, ctx)
        ids = write_roles(rows, ctx, SocialWorker, WORKER_DEFAULTS)
        for part in chunks(ids):
            for worker in SocialWorker.select().where(SocialWorker.id.in_(list(part))):
                refresh_ce_hours(worker)
