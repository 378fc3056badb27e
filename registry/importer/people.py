"""Rows that describe people (volunteers, social workers): cleaning with the register's own
cleaners, and matching with the register by ID number, never duplicating a person."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import partial
from typing import Any

from registry.importer.bulk import fetch_groups, fetch_in
from registry.importer.lookups import Lookups
from registry.importer.model import CREATE, UNCHANGED, UPDATE, FieldChange, RowPlan, cell_text
from registry.ops.people import LABELS as PERSON_LABELS
from registry.ops.people import clean_person, document_type
from registry.rules.documents import DEFAULT_TYPE, check_document
from registry.rules.fields import clean_text, is_blank, parse_date
from registry.rules.phone import mask_phone
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_text
from registry.rules.vocab import SEXES
from registry.storage.models import BaseModel, Person
from registry.texts import msg

PERSON_KEYS = ("id_number", "name", "phone", "address", "ethnicity", "political_status",
               "education", "notes", "nationality")
POLITICAL_ALIASES = {"党员": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员",  # zh-data
                     "预备党员": "中共预备党员", "团员": "共青团员", "无党派": "无党派人士"}  # zh-data
EDUCATION_ALIASES = {"大学本科": "本科", "大学": "本科", "大学专科": "大专", "专科": "大专",  # zh-data
                     "研究生": "硕士研究生", "硕士": "硕士研究生", "博士": "博士研究生",  # zh-data
                     "中技": "中专", "技校": "中专", "职高": "中专"}  # zh-data


class Memo:
    """Cleaned results of values that repeat down a column (a community, a political
    status, a date), so each distinct value is cleaned once per import."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, type, Any], tuple[dict[str, Any], list[Problem]]] = {}
        self._shared: dict[frozenset[str], frozenset[str]] = {}

    def shared(self, names: AbstractSet[str]) -> frozenset[str]:
        """One frozen copy for all rows giving the same fields (nearly all rows of a file):
        a set per row would be one more object for the garbage collector to scan."""
        frozen = frozenset(names)
        return self._shared.setdefault(frozen, frozen)

    def find(self, field: str, raw: Any) -> tuple[dict[str, Any], list[Problem]] | None:
        """The result cleaned before, or None; spares building `compute` on a hit."""
        return self._cache.get((field, raw.__class__, raw))

    def get(self, field: str, raw: Any,
            compute: Callable[[], tuple[dict[str, Any], list[Problem]]],
            ) -> tuple[dict[str, Any], list[Problem]]:
        key = (field, raw.__class__, raw)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = compute()
        return hit


def _aliased(raw: Any, aliases: dict[str, str]) -> Any:
    if isinstance(raw, str):
        text = normalize_text(raw)
        return aliases.get(text, text)
    return raw


def _clean_repeating(key: str, value: Any, aliases: dict[str, str],
                     ) -> tuple[dict[str, Any], list[Problem]]:
    return clean_person({key: _aliased(value, aliases)}, partial=True)


_PER_ROW = ("id_type", "id_number", "name", "phone", "address", "notes",
            "nationality")  # cleaned together: the number by its type
_REPEATING = {"political_status": POLITICAL_ALIASES, "education": EDUCATION_ALIASES, "ethnicity": {}}


def clean_person_part(raw: dict[str, Any], memo: Memo,
                      ) -> tuple[dict[str, Any], frozenset[str], list[Problem]]:
    """(cleaned person fields, the fields the file gives, problems), by the register's own
    clean_person; repeating columns through the memo."""
    data = {k: raw.get(k) for k in _PER_ROW if k in raw or k in ("id_number", "name")}
    values, problems = clean_person(data, partial=True)
    for key, aliases in _REPEATING.items():
        if key in raw:
            value = raw[key]
            hit = memo.find(key, value)
            if hit is None:  # the partial is built only for a value not seen before
                hit = memo.get(key, value, partial(_clean_repeating, key, value, aliases))
            cleaned, more = hit
            values.update(cleaned)
            if more:
                problems = problems + more
    _check_facts(raw, values, problems)
    given = {k for k in PERSON_KEYS[1:] if k in raw}
    if "nationality" in values:
        given.add("nationality")  # a 2017 foreign card's number says it
    return values, memo.shared(given), problems


def _filled_text(raw: Any) -> str | None:
    """normalize_text(str(raw)), None when the cell is blank."""
    if raw.__class__ is str:  # is_blank() would normalize it just the same: do it once
        return normalize_text(raw) or None
    return None if is_blank(raw) else normalize_text(str(raw))


def _check_facts(raw: dict[str, Any], values: dict[str, Any], problems: list[Problem]) -> None:
    """性别 and 出生日期 columns are not imported: the ID number says both."""
    text = _filled_text(raw.get("sex"))
    if text is not None:
        if text not in SEXES:
            problems.append(warning("sex.unknown", "sex", msg("性别填的是“{text}”，已忽略，以身份证号为准。",
                                                              text=text)))
        elif values.get("sex") and text != values["sex"]:
            problems.append(warning("sex.mismatch", "sex", msg("性别填的是“{text}”，身份证号显示为"
                                                           "“{values}”，以身份证号为准。", text=text,
                                                           values=values['sex'])))
    born = raw.get("birth_date")
    if not is_blank(born):
        day = parse_date(born)
        if day is None:
            problems.append(warning("birth.unknown", "birth_date",
                                    msg("出生日期“{value}”无法识别，已忽略，以身份证号为准。", value=cell_text(born))))
        elif values.get("birth_date") and day != values["birth_date"]:
            problems.append(warning("birth.mismatch", "birth_date",
                                    msg("出生日期填的是 {day}，身份证号显示为 "
                                    "{value}，以身份证号为准。", day=day.isoformat(),
                                    value=values['birth_date'].isoformat())))


def clean_number(raw: dict[str, Any], key: str, label: str, *, required: bool = False,
                 ) -> tuple[str | None, list[Problem]]:
    text, problems = clean_text(raw.get(key), key, label, required=required, max_length=40)
    return (text or None), problems


def given_values(values: dict[str, Any], given: AbstractSet[str]) -> dict[str, Any]:
    """The fields the file gives and fills: only these may change a record."""
    return {k: v for k, v in values.items() if k in given and v is not None and v != ""}


Formatter = Callable[[str, Any], str]


def diff(before: dict[str, Any], new: dict[str, Any], labels: dict[str, str],
         show: Formatter) -> tuple[dict[str, Any], list[FieldChange]]:
    """The fields of `new` that differ from `before`, and how to show them."""
    changed = {k: v for k, v in new.items() if before.get(k) != v}
    return changed, [FieldChange(labels.get(k, k), show(k, before.get(k)), show(k, v))
                     for k, v in changed.items()]


def formatter(lookups: Lookups) -> Formatter:
    """How a changed field is shown in the preview; its old value comes from the register,
    so a phone number is masked (rules/disclosure.py), whoever imports."""
    def show(key: str, value: Any) -> str:
        if key == "phone" and value:
            return mask_phone(str(value))
        if key == "community" and value is not None:
            return lookups.community_names.get(value, str(value))
        if key == "employer" and value is not None:
            return lookups.organization_names.get(value, str(value))
        return cell_text(value)
    return show


def document_key(person: dict[str, Any]) -> str:
    """The key a row's person is known by in the file: type and number, so one number
    under two types is two people (and one number twice under one type, a duplicate)."""
    number = person.get("id_number")
    return f"{person.get('id_type', DEFAULT_TYPE)}|{number}" if number else ""


def people_by_document(rows: list[RowPlan]) -> dict[tuple[str, str], dict[str, Any]]:
    """The register's persons holding the rows' documents, by (type, number)."""
    return holders(r.values["person"]["id_number"] for r in rows)


def holders(numbers: Iterable[str | None]) -> dict[tuple[str, str], dict[str, Any]]:
    """The register's persons holding these numbers (under any type), by (type, number)."""
    groups = fetch_groups(Person, "id_number", numbers)
    found = {(p["id_type"], number): p for number, rows in groups.items() for p in rows}
    merged = {key: p["merged_into"] for key, p in found.items() if p.get("merged_into") is not None}
    if merged:  # a merged record's document names the person it was merged into
        kept = fetch_in(Person, "id", merged.values())
        found.update({key: kept[target] for key, target in merged.items() if target in kept})
    return found


_GB_FORM = re.compile(r"\d{17}[\dX]")  # resident cards, residence permits, 2023 foreign cards: one number space


def persons_by_number(persons: dict[tuple[str, str], dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The same persons by number alone, for holder_of."""
    found: dict[str, list[dict[str, Any]]] = {}
    for (_doc_type, number), person in persons.items():
        found.setdefault(number, []).append(person)
    return found


def holder_of(persons: dict[tuple[str, str], dict[str, Any]], numbers: dict[str, list[dict[str, Any]]],
              doc_type: str | None, number: str | None, *, type_given: bool) -> dict[str, Any] | None:
    """The register's person holding (doc_type, number). Failing that, the one person who
    holds the number under another type, when the file did not say the type or the number
    is of the GB 11643 form all those types share: a register from before document types
    stored every number as 居民身份证, and a residence permit's 810000… read from a file must
    find that person, not become a second one."""
    if not number:
        return None
    found = persons.get((doc_type or DEFAULT_TYPE, number))
    if found is None and (not type_given or _GB_FORM.fullmatch(number)):
        others = numbers.get(number, [])
        found = others[0] if len(others) == 1 else None
    return found


def clean_document(raw: dict[str, Any]) -> tuple[tuple[str, str] | None, list[Problem]]:
    """(type, number) of the person a row names by document (hours, training attendance),
    and the errors found: the number checked by the row's 证件类型, or by its form."""
    if is_blank(raw.get("id_number")):
        return None, check_document(DEFAULT_TYPE, None, "id_number")[1]
    doc_type, problems = document_type({"id_type": raw.get("id_type"), "id_number": raw["id_number"]})
    if doc_type is None:
        return None, problems
    facts, problems = check_document(doc_type, raw["id_number"], "id_number")
    return (None if facts is None else (facts.doc_type, facts.number)), [p for p in problems if p.is_error]


def match_people(rows: list[RowPlan], lookups: Lookups, role: type[BaseModel], number_key: str,
                 number_taken: str, labels: dict[str, str]) -> None:
    """Compare each row with the register: the person (by document type and number) and
    their role record; a role number (volunteer number, certificate number) held by someone
    else is an error."""
    by_document = people_by_document(rows)
    numbers = persons_by_number(by_document)
    roles = fetch_in(role, "person", (p["id"] for p in by_document.values()))
    holders = fetch_in(role, number_key, (r.values["role"].get(number_key) for r in rows))
    show = formatter(lookups)
    all_labels = {**PERSON_LABELS, **labels}
    for row in rows:
        person, role_values = row.values["person"], row.values["role"]
        existing = holder_of(by_document, numbers, person.get("id_type"), person["id_number"],
                             type_given=row.values.get("id_type_given", False))
        current = roles.get(existing["id"]) if existing else None
        number = role_values.get(number_key)
        holder = holders.get(number) if number else None
        if holder is not None and (current is None or holder["id"] != current["id"]):
            row.match_problems.append(error("duplicate", number_key, number_taken.format(number)))
        person_new, person_changes = diff(existing or {}, given_values(
            person, row.values["person_given"]), all_labels, show) if existing else ({}, [])
        role_new, role_changes = diff(current, given_values(
            role_values, row.values["role_given"]), all_labels, show) if current else ({}, [])
        row.target = {"person_id": existing["id"] if existing else None,
                      "person_before": existing, "person_update": person_new,
                      "role_id": current["id"] if current else None,
                      "role_before": current, "role_update": role_new}
        row.changes = tuple(person_changes + role_changes)
        row.action = CREATE if current is None else UPDATE if row.changes else UNCHANGED
