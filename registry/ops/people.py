"""People: one row per resident, keyed by identity document (type, number), whatever
roles they hold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from registry.ops.base import require, snapshot
from registry.ops.changes import Changes, Table
from registry.ops.edits import save_edit
from registry.ops.kernel import Write, retried, write
from registry.queries.editing import Seen
from registry.queries.masking import MASKED
from registry.rules.documents import DEFAULT_TYPE, check_document, doc_type_of, recognize
from registry.rules.fields import Cleaner, Rule, clean_choice, clean_text
from registry.rules.permissions import Action
from registry.rules.phone import check_phone
from registry.rules.problems import Problem, RegistryError, error
from registry.rules.search_keys import pinyin_initials, reversed_phone, reversed_text, search_keys
from registry.rules.vocab import EDUCATION_LEVELS, POLITICAL_STATUSES
from registry.storage.db import database
from registry.storage.models import Person, SearchKey, get_or_fail
from registry.texts import LIST_SEPARATOR, mark, msg, shown

LABELS = {
    "id_type": mark("证件类型"),
    "id_number": mark("证件号码"),
    "name": mark("姓名"),
    "phone": mark("联系电话"),
    "address": mark("住址"),
    "ethnicity": mark("民族"),
    "political_status": mark("政治面貌"),
    "education": mark("文化程度"),
    "nationality": mark("国籍"),
    "notes": mark("备注"),
}
PERSON_FIELDS = tuple(LABELS)


class DuplicatePersonError(RegistryError):
    """The document is already in the register; `person_id` is who holds it."""

    def __init__(self, person_id: int, name: str) -> None:
        self.person_id = person_id
        super().__init__(msg("这个证件号码已登记在“{name}”名下，不会重复建档，请打开已有的人员。", name=name))


_PERSON_RULES: tuple[Rule, ...] = (  # after the ID number
    ("name", clean_text, (LABELS["name"],), {"required": True, "max_length": 50}),
    ("phone", check_phone, (), {}),
    ("address", clean_text, (LABELS["address"],), {}),
    ("ethnicity", clean_text, (LABELS["ethnicity"],), {"max_length": 20}),
    ("political_status", clean_choice, (LABELS["political_status"], POLITICAL_STATUSES), {}),
    ("education", clean_choice, (LABELS["education"], EDUCATION_LEVELS), {}),
    ("nationality", clean_text, (LABELS["nationality"],), {"max_length": 40}),
    ("notes", clean_text, (LABELS["notes"],), {}),
)


def clean_person(data: Mapping[str, Any], *, partial: bool = False,
                 ) -> tuple[dict[str, Any], list[Problem]]:
    """Cleaned person fields (the document's facts expanded) and the problems found. The
    number is checked by its type; without a type, by the type its form shows."""
    c = Cleaner(data, partial=partial)
    facts = None
    doc_type, type_problems = document_type(data)
    c.problems.extend(type_problems)
    if c.wants("id_number") and doc_type is not None:  # expanded from the facts below
        facts, problems = check_document(doc_type, data.get("id_number"), "id_number",
                                         nationality=str(data.get("nationality") or ""))
        c.problems.extend(problems)
    c.take_all(_PERSON_RULES)  # run for every row of an import
    values = c.values
    if facts is not None:
        values.update(id_type=facts.doc_type, id_number=facts.number, sex=facts.sex,
                      birth_date=facts.birth_date, region_code=facts.region_code)
        if facts.nationality and not values.get("nationality"):
            values["nationality"] = facts.nationality  # a 2017 foreign card says it
    return values, c.problems


def document_type(data: Mapping[str, Any]) -> tuple[str | None, list[Problem]]:
    """The type the data names; without one, the type the number's form shows, the
    resident card when none fits (its checks then say what is wrong)."""
    given = data.get("id_type")
    if given is not None and str(given).strip():
        doc_type = doc_type_of(given)
        if doc_type is None:
            return None, [error("id_type", "id_type", msg("证件类型“{value}”不认识，请从列表中选择。", value=given))]
        return doc_type, []
    number = data.get("id_number")
    if not isinstance(number, str):
        return DEFAULT_TYPE, []
    recognition = recognize(number)
    if recognition.doc_type is None and recognition.candidates:
        candidates = LIST_SEPARATOR.join(shown(c) for c in recognition.candidates)
        return None, [error("id_type", "id_type",
                            msg("看不出这个号码是哪种证件，请填写证件类型（可能是：{candidates}）。",
                                candidates=candidates))]
    return recognition.doc_type or DEFAULT_TYPE, []


def _derived(values: dict[str, Any], person: Person | None = None) -> dict[str, Any]:
    """The search columns that follow from the name, ID number and phone."""
    out = dict(values)
    if "id_number" in values:
        out["id_number_rev"] = reversed_text(values["id_number"])
    if "name" in values:
        out["initials"] = pinyin_initials(values["name"])
    if "phone" in values:
        out["phone_rev"] = reversed_phone(values["phone"])
    return out


def insert_search_keys(pairs: list[tuple[str, int]]) -> None:
    """Rows of the search side index, as (key, person id)."""
    param = database.param
    database.cursor().executemany(
        f"INSERT INTO search_key (key, person_id) VALUES ({param}, {param})", pairs)


def index_person(person: Person) -> None:
    """Rewrite the person's rows of the search side index."""
    SearchKey.delete().where(SearchKey.person == person.id).execute()
    insert_search_keys([(k, person.id) for k in search_keys(person.name, person.initials)])


def find_by_document(id_type: str, id_number: str) -> Person | None:
    """The person holding the document; for a merged record's, the person it was merged into."""
    person: Person | None = Person.get_or_none((Person.id_number == id_number) & (Person.id_type == id_type))
    if person is not None and person.merged_into_id is not None:
        person = Person.get_or_none(Person.id == person.merged_into_id)
    return person


def _create(w: Write, values: dict[str, Any]) -> Person:
    existing = find_by_document(values.get("id_type", DEFAULT_TYPE), values["id_number"])
    if existing is not None:
        raise DuplicatePersonError(existing.id, existing.name)
    person: Person = Person.create(**_derived(values))
    index_person(person)
    w.log(Table.PERSON, person.id, None, snapshot(person), action=Action.CREATE)
    w.changed(Table.PERSON)
    return person


def _require_id(values: dict[str, Any], problems: list[Problem]) -> None:
    if values.get("id_number") is None and not any(p.field in ("id_number", "id_type") for p in problems):
        problems.append(error("required", "id_number", msg("“证件号码”不能为空。")))


@retried
def register_person(actor: str, data: Mapping[str, Any]) -> Changes:
    values, problems = clean_person(data)
    _require_id(values, problems)
    warnings = require(problems)
    with write(actor, Action.CREATE) as w:
        person = _create(w, values)
        w.changed(ids=[person.id])
        w.warn(warnings)
    return w.changes


def upsert_person(w: Write, values: dict[str, Any]) -> tuple[Person, bool]:
    """Inside an operation's write: the person with this ID number, created when new, and
    updated with the non-empty fields given. Returns (person, created)."""
    person = find_by_document(values.get("id_type", DEFAULT_TYPE), values["id_number"])
    if person is None:
        return _create(w, values), True
    given = {k: v for k, v in values.items() if v not in (None, "")}
    _update(w, person, given)
    return person, False


def _update(w: Write, person: Person, values: dict[str, Any], *, seen: int | None = None) -> bool:
    """Change the person's fields given; `seen` is the version the clerk's form showed."""
    before = snapshot(person)
    new_id = values.get("id_number")
    new_type = values.get("id_type", person.id_type)
    if new_id and (new_id, new_type) != (person.id_number, person.id_type):
        holder = find_by_document(new_type, new_id)
        if holder is not None and holder.id != person.id:
            raise DuplicatePersonError(holder.id, holder.name)
    for name, value in _derived(values).items():
        setattr(person, name, value)
    name = person.name
    if not save_edit(w, person, before, seen=seen, action=Action.UPDATE):
        return False
    if before is None or before.get("name") != name:
        index_person(person)
    return True


def without_masked_copies(data: Mapping[str, Any], person: Person | None) -> dict[str, Any]:
    """`data` less the numbers sent back exactly as a form showed them (masked: forms never
    show a number whole), so an untouched field keeps the stored number instead of
    failing its check; a changed number must be typed whole."""
    if person is None:
        return dict(data)
    shown = {"id_number": MASKED.id_number(person.id_number), "phone": MASKED.phone(person.phone)}
    return {k: v for k, v in data.items() if not (shown.get(k) and v == shown[k])}


def with_stored_document(data: dict[str, Any], person: Person | None) -> dict[str, Any]:
    """A change of the number alone is checked by the stored type, and a change of the type
    alone checks the stored number by the new type."""
    if person is None or ("id_number" not in data and "id_type" not in data):
        return data
    out = dict(data)
    out.setdefault("id_type", person.id_type)
    out.setdefault("id_number", person.id_number)
    return out


@retried
def update_person(actor: str, person_id: int, data: Mapping[str, Any], *,
                  seen: Seen | None = None) -> Changes:
    stored = Person.get_or_none(Person.id == person_id)
    data = with_stored_document(without_masked_copies(data, stored), stored)
    values, problems = clean_person(data, partial=True)
    if "id_number" in data:
        _require_id(values, problems)
    warnings = require(problems)
    with write(actor, Action.UPDATE) as w:
        person = get_or_fail(Person, person_id, msg("人员"), lock=True)
        _update(w, person, values, seen=seen.record if seen is not None else None)
        w.changed(ids=[person_id])
        w.warn(warnings)
    return w.changes


@retried
def deactivate_person(actor: str, person_id: int, reason: str) -> Changes:
    reason_text, problems = clean_text(reason, "reason", msg("原因"), required=True)
    require(problems)
    with write(actor, Action.DEACTIVATE) as w:
        person = get_or_fail(Person, person_id, msg("人员"), lock=True)
        before = snapshot(person)
        person.active = False
        person.deactivated_reason = reason_text
        save_edit(w, person, before, detail=reason_text)
        w.changed(Table.PERSON, ids=[person_id])
    return w.changes
