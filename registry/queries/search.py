"""Finding people: by ID number (whole or its last digits), name (whole, prefix or any
part of one character or more), pinyin initials and phone number.

A search by number is what a reader can repeat, so it follows the masking rule
(rules/disclosure.py number_search): without the unmask right only the whole number or
the characters the mask shows (the last two of an ID number, the last four of a mobile)
are looked for; anything else raises NotAllowedError with the plain reason. The audited
way in, for everything a user types, is registry/ops/search.py.

Every path goes through an index: the unique ID number, the reversed ID and phone
columns (so "last digits" is a range), and the side table search_key (one- and
two-character name parts, initials prefixes). Results come in person-id order and page by
key: pass the last id of one page as `after` to get the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import Expression, Field, Query, fn

from registry.queries.identities import Identity, identities
from registry.queries.masking import MASKED, Masker
from registry.queries.tombstones import kept_people
from registry.rules.disclosure import NumberSearch, looks_like_document, looks_like_number, number_search
from registry.rules.problems import NotAllowedError
from registry.rules.search_keys import INITIALS_PREFIX, NAME_PREFIX
from registry.rules.text import normalize_id_like, normalize_text
from registry.storage.db import is_sqlite
from registry.storage.models import Person, SearchKey, SocialWorker, Volunteer
from registry.storage.server_check import cjk_trigrams

PAGE_SIZE = 50
MATCHES_SHOWN = 20  # the search box's list
MIN_TAIL_DIGITS = 4  # fewer trailing digits would match a tenth of the register
_ID_LIKE = re.compile(r"^\d{1,17}[\dX]?$")
_LETTERS = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class SearchPage:
    """The people a search found on one page, and whether it found more."""

    ids: tuple[int, ...]
    has_more: bool
    last_key: int | None = None  # the last record id the page reached: where the next starts

    @property
    def next_after(self) -> int | None:
        if not self.has_more:
            return None
        return self.last_key if self.last_key is not None else (self.ids[-1] if self.ids else None)


def _upper_bound(prefix: str) -> str:
    return prefix + "\U0010ffff"


def _prefix(column: Any, prefix: str) -> Any:
    if is_sqlite():
        return (column >= prefix) & (column < _upper_bound(prefix))
    # PostgreSQL: LIKE 'x%' walks the text_pattern_ops index whatever the collation.
    return Expression(column, "LIKE", prefix.replace("\\", "\\\\").replace("%", "\\%")
                      .replace("_", "\\_") + "%")


def number_query(text: str, *, may_unmask: bool) -> tuple[str, NumberSearch] | None:
    """(the number as compared, how it may be searched) when `text` is a search by number;
    None for a search by name."""
    compact = normalize_id_like(normalize_text(text))
    if not (_ID_LIKE.match(compact) and looks_like_number(compact)) and not looks_like_document(compact):
        return None
    return compact, number_search(compact, may_unmask=may_unmask, min_tail=MIN_TAIL_DIGITS)


def _number_sources(compact: str, how: NumberSearch) -> list[tuple[Query, Field]]:
    people = Person.select(Person.id)
    sources: list[tuple[Query, Field]] = []
    if how.whole_id:
        sources.append((people.where(Person.id_number == compact), Person.id))
    if how.whole_phone and not how.phone_tail:
        sources.append((people.where(Person.phone_rev == compact[::-1]), Person.id))
    tail = compact[::-1]
    if how.id_tail:
        sources.append((people.where(_prefix(Person.id_number_rev, tail)), Person.id))
    if how.phone_tail:
        phones = people.where(_prefix(Person.phone_rev, tail))
        if how.mobiles_only:  # a landline's mask shows fewer than four digits
            phones = phones.where(fn.LENGTH(Person.phone) == 11)
        sources.append((phones, Person.id))
    return sources


def _sources(text: str, may_unmask: bool) -> list[tuple[Query, Field]]:
    """One (query, id column) per way the text may name a person."""
    number = number_query(text, may_unmask=may_unmask)
    if number is not None:
        compact, how = number
        if how.refusal:
            raise NotAllowedError(how.refusal)
        return _number_sources(compact, how)
    sources: list[tuple[Query, Field]] = []
    name = "".join(text.split()).lower()
    keyed = SearchKey.select(SearchKey.person)
    if _LETTERS.match(name):
        sources.append((keyed.where(SearchKey.key == INITIALS_PREFIX + name), SearchKey.person))
    if len(name) <= 2:
        sources.append((keyed.where(SearchKey.key == NAME_PREFIX + name), SearchKey.person))
    elif not is_sqlite() and cjk_trigrams():
        # PostgreSQL's trigram index (pg_trgm) answers three characters or more itself, on a
        # database whose character type lets it make trigrams of Chinese (server_check.py).
        # A merged record's name is no longer its own (its search keys went with the merge).
        sources.append((Person.select(Person.id).where(
            fn.LOWER(Person.name).contains(name) & Person.merged_into.is_null()), Person.id))
    else:
        # Walk the people holding the first two characters, keep those holding all.
        sources.append((
            keyed.join(Person, on=(SearchKey.person == Person.id))
            .where((SearchKey.key == NAME_PREFIX + name[:2]) & fn.LOWER(Person.name).contains(name)),
            SearchKey.person,
        ))
    return sources


def search_people(text: str, *, after: int | None = None, limit: int = PAGE_SIZE,
                  active_only: bool = False, may_unmask: bool = False) -> SearchPage:
    """People matching `text`, `limit` at a time, in id order after `after`; a search by
    number as far as `may_unmask` allows (NotAllowedError beyond it)."""
    text = normalize_text(text)
    if not text:
        return SearchPage((), False)
    sources = _sources(text, may_unmask)
    found: set[int] = set()
    for query, column in sources:
        if after is not None:
            query = query.where(column > after)
        found.update(row[0] for row in query.order_by(_order(column)).limit(limit + 1).tuples())
    reached = sorted(found)[:limit]
    people = _followed(reached, sources, after)
    if active_only and people:
        active = {p for (p,) in Person.select(Person.id).where(
            Person.id.in_(people) & Person.active).tuples()}
        people = [i for i in people if i in active]
    return SearchPage(tuple(people), len(found) > limit, reached[-1] if reached else None)


def _order(column: Field) -> Any:
    """What a source's first page is ordered by. On PostgreSQL a person's id is ordered as
    `id + 0`: ordered by the id itself, the planner may walk the primary key and filter every
    row until it has a page (a phone's last digits when it guessed them common: 170 ms at 1M
    people), where the matching rows, found by their own index and sorted, take 2 ms. The
    search keys stay in their key's order, which is already the person's."""
    return column + 0 if column is Person.id and not is_sqlite() else column


def _followed(reached: list[int], sources: list[tuple[Query, Field]], after: int | None) -> list[int]:
    """The people of the records a page reached, in their order: a merged record's is the
    person it was merged into (its old number finds that person; its name no longer, its
    search keys are gone). A person shows once, on the page of the first of their records
    that matches: the kept record's own, or a merged one's."""
    kept = kept_people(reached)
    people = [kept.get(i, i) for i in reached]
    if not kept and after is None:
        return people
    earlier = _shown_earlier(set(people), sources, after) if after is not None else set()
    seen: set[int] = set()
    result = []
    for person in people:
        if person not in seen and person not in earlier:
            seen.add(person)
            result.append(person)
    return result


def _shown_earlier(people: set[int], sources: list[tuple[Query, Field]], after: int) -> set[int]:
    """Those of `people` a page before `after` showed: a record of theirs up to `after` (their
    own, or one merged into them) matches. Only people with merged records can be among them."""
    merged = list(Person.select(Person.id, Person.merged_into).where(
        Person.merged_into.in_(list(people))).tuples())
    if not merged:
        return set()
    records = {i: k for i, k in merged if i <= after} | {k: k for _i, k in merged if k <= after}
    if not records:
        return set()
    shown: set[int] = set()
    for query, column in sources:
        shown.update(records[row[0]] for row in query.where(column.in_(list(records))).tuples())
    return shown


def people_by_ids(ids: Iterable[int]) -> list[Person]:
    order = list(ids)
    found = {p.id: p for p in Person.select().where(Person.id.in_(order))}
    return [found[i] for i in order if i in found]


@dataclass(frozen=True)
class PersonRoles:
    """The records that make a person a volunteer or a social worker, if any."""

    volunteer: int | None
    social_worker: int | None


@dataclass(frozen=True)
class PersonMatch:
    """A person the search box offers: name, masked number, roles and what tells namesakes apart."""

    id: int
    name: str
    id_number: str  # masked
    roles: PersonRoles
    who: Identity  # what tells namesakes apart: sex, birth year, community, masked number


def person_matches(text: str, *, limit: int = MATCHES_SHOWN,
                   masker: Masker = MASKED, may_unmask: bool = False) -> list[PersonMatch]:
    """The first people matching `text` (as search_people finds them), with their roles and
    what tells namesakes apart: what the search box lists as one types."""
    ids = list(search_people(text, limit=limit, may_unmask=may_unmask).ids)
    if not ids:
        return []
    volunteers = dict(Volunteer.select(Volunteer.person, Volunteer.id)
                      .where(Volunteer.person.in_(ids)).tuples())
    workers = dict(SocialWorker.select(SocialWorker.person, SocialWorker.id)
                   .where(SocialWorker.person.in_(ids)).tuples())
    found = identities(ids, masker)
    return [PersonMatch(i, who.name, who.id_number, PersonRoles(volunteers.get(i), workers.get(i)), who)
            for i in ids if (who := found.get(i)) is not None]


def roles_of(person_id: int) -> PersonRoles:
    volunteer = Volunteer.select(Volunteer.id).where(Volunteer.person == person_id).scalar()
    worker = SocialWorker.select(SocialWorker.id).where(SocialWorker.person == person_id).scalar()
    return PersonRoles(volunteer, worker)
