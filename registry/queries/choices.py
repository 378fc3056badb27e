"""What the forms offer to choose from: recent activities, the active volunteers for pasted
ID numbers or names, the people who may attend a training. Every label that carries an ID
number carries it masked: the lists are for telling people apart, not for reading numbers;
what tells namesakes apart is the community, the birth year and the sex beside it
(queries/identities.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from registry.queries.access import may
from registry.queries.identities import SEPARATOR, Identity, identities
from registry.queries.masking import Masker, masker_for
from registry.queries.search import number_query, search_people
from registry.queries.tombstones import kept_people
from registry.rules.disclosure import ID_HEAD_SHOWN
from registry.rules.idnumber import check_id_number
from registry.rules.permissions import Action
from registry.rules.text import normalize_text
from registry.storage.models import Activity, Person, SocialWorker, Volunteer
from registry.texts import msg

IN_REGISTER = "在册"  # zh-data
ACTIVITIES_SHOWN = 300
CANDIDATES_SHOWN = 300
NAME_MATCHES = 20  # people a typed part of a name may bring up as candidates
NAMESAKES_SHOWN = 50  # people of one name offered to pick from


@dataclass(frozen=True)
class Choice:
    value: int  # the record's id
    label: str
    who: Identity | None = None  # for a person: what tells namesakes apart
    day: dt.date | None = None  # for a dated record: its (first) day


def recent_activities(limit: int = ACTIVITIES_SHOWN) -> tuple[Choice, ...]:
    """The latest activities, "YYYY-MM-DD name", newest first by when they start (not by
    when they were entered: activities are often entered late, and the list would be in
    no order); of one day, the one entered last first."""
    rows = (Activity.select(Activity.id, Activity.name, Activity.starts_at)
            .order_by(Activity.starts_at.desc(), Activity.id.desc()).limit(limit).tuples())
    return tuple(Choice(i, f"{start:%Y-%m-%d} {name}", day=start.date()) for i, name, start in rows)


@dataclass(frozen=True)
class Namesakes:
    """A pasted line naming more than one active volunteer, or only parts of names: the
    clerk picks, nobody is ticked for them."""

    text: str  # the line as pasted
    candidates: tuple[Choice, ...]  # volunteers (value: volunteer id), by person id
    exact: bool  # all carry this very name; False: names that contain it
    more: bool = False  # more candidates than are offered


@dataclass(frozen=True)
class Matches:
    found: tuple[Choice, ...]  # lines naming exactly one active volunteer, in the order asked
    namesakes: tuple[Namesakes, ...]  # lines the clerk must decide
    missing: tuple[str, ...]  # the lines that named no active volunteer


def _volunteers(wanted: Any, mask: Masker, limit: int) -> list[Choice]:
    rows = (Volunteer.select(Volunteer.id, Volunteer.person).join(Person)
            .where(wanted & (Volunteer.status == IN_REGISTER)).order_by(Person.id).limit(limit).tuples())
    pairs = list(rows)
    found = identities((p for _v, p in pairs), mask)
    return [Choice(vid, found[pid].label(), found[pid]) for vid, pid in pairs if pid in found]


def _searched(text: str, mask: Masker, unmask: bool) -> list[Choice]:
    """The active volunteers among the people the search box would find for `text`."""
    ids = list(search_people(text, limit=NAME_MATCHES, may_unmask=unmask).ids)
    return _volunteers(Person.id.in_(ids), mask, NAME_MATCHES) if ids else []


def active_volunteers_for(texts: Sequence[str], actor: str) -> Matches:
    """The active volunteers each line names. A whole ID number names its holder; a name
    names whoever carries exactly that name: one such volunteer is found, several are
    namesakes to choose from; a line matching only parts of names (as the search box
    does) offers those as candidates, never as found."""
    mask = masker_for(actor)
    unmask = may(actor, Action.UNMASK)
    found: list[Choice] = []
    namesakes: list[Namesakes] = []
    missing: list[str] = []
    for text in texts:
        facts, _ = check_id_number(text)
        number = number_query(text, may_unmask=unmask)
        if facts is None and number is not None and number[1].refusal:
            missing.append(text)  # part of a number the reader cannot see: not looked for
            continue
        if facts is not None:
            hits, exact = _volunteers(Person.id_number == facts.number, mask, 1), True
        elif number is not None:  # a whole phone number names one person; its tail, candidates
            hits = _searched(text, mask, unmask)
            exact = number[1].whole_phone and not number[1].phone_tail and not number[1].id_tail
        else:
            name = "".join(normalize_text(text).split())
            hits = _volunteers(Person.name == name, mask, NAMESAKES_SHOWN + 1)
            exact = bool(hits)
            if not hits:
                hits = _searched(text, mask, unmask)
        if not hits:
            missing.append(text)
        elif exact and len(hits) == 1:
            found.extend(hits)
        else:
            limit = NAMESAKES_SHOWN if exact else NAME_MATCHES
            namesakes.append(Namesakes(text, tuple(hits[:limit]), exact, more=len(hits) > limit))
    return Matches(tuple(found), tuple(namesakes), tuple(missing))


def attendance_candidates(text: str, actor: str, limit: int = CANDIDATES_SHOWN) -> tuple[Choice, ...]:
    """People who may attend a training (value: person id): active social workers first,
    then active volunteers, by name; `text` is part of a name or the start of an ID number
    (without the unmask right: no more of it than the mask shows, or the whole number).
    Labels carry what tells namesakes apart, and the role."""
    mask = masker_for(actor)
    number = text.strip().upper()
    by_number = Person.id_number.startswith(number)
    if not may(actor, Action.UNMASK) and len(number) > ID_HEAD_SHOWN:
        facts, _ = check_id_number(number)
        by_number = Person.id_number == (facts.number if facts else "")
    roles: dict[int, str] = {}
    for model, role in ((SocialWorker, msg("社工")), (Volunteer, msg("志愿者"))):
        q = (Person.select(Person.id).join(model).where(model.status == IN_REGISTER))
        if text:
            q = q.where(Person.name.contains(text) | by_number)
        for (pid,) in q.order_by(Person.name, Person.id).limit(limit).tuples():
            roles.setdefault(pid, role)
    chosen = list(roles)[:limit]
    found = identities(chosen, mask)
    return tuple(Choice(pid, f"{found[pid].label()}{SEPARATOR}{roles[pid]}", found[pid])
                 for pid in chosen if pid in found)


def people_with_id_numbers(lines: Iterable[str]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The ids of the people holding these ID numbers (in the order given), and the
    numbers nobody in the register holds."""
    wanted = [line.strip().upper() for line in lines if line.strip()]
    found = dict(Person.select(Person.id_number, Person.id).where(Person.id_number.in_(wanted)).tuples()) \
        if wanted else {}
    kept = kept_people(found.values())
    found = {number: kept.get(pid, pid) for number, pid in found.items()}  # a merged record's: its person now
    return tuple(found[n] for n in wanted if n in found), tuple(n for n in wanted if n not in found)
