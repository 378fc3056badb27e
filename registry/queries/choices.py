"""What the forms offer to choose from: recent activities, the active volunteers for pasted
ID numbers or names, the people who may attend a training. Every label that carries an ID
number carries it masked: the lists are for telling people apart, not for reading numbers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from registry.queries.access import may
from registry.queries.masking import masker_for
from registry.queries.search import number_query, search_people
from registry.rules.disclosure import ID_HEAD_SHOWN
from registry.rules.idnumber import check_id_number
from registry.rules.permissions import Action
from registry.storage.models import Activity, Person, SocialWorker, Volunteer

IN_REGISTER = "在册"
ACTIVITIES_SHOWN = 300
CANDIDATES_SHOWN = 300
NAME_MATCHES = 20  # people a typed name may bring into the activity's list


@dataclass(frozen=True)
class Choice:
    value: int  # the record's id
    label: str


def recent_activities(limit: int = ACTIVITIES_SHOWN) -> tuple[Choice, ...]:
    """The latest activities, "YYYY-MM-DD name", newest first."""
    rows = (Activity.select(Activity.id, Activity.name, Activity.starts_at)
            .order_by(Activity.id.desc()).limit(limit).tuples())
    return tuple(Choice(i, f"{start:%Y-%m-%d} {name}") for i, name, start in rows)


@dataclass(frozen=True)
class Matches:
    found: tuple[Choice, ...]  # volunteers (value: volunteer id), in the order asked
    missing: tuple[str, ...]  # the lines that named no active volunteer


def active_volunteers_for(texts: Sequence[str], actor: str) -> Matches:
    """The active volunteers each line names: a whole ID number, else a name (or any
    search text) matching up to NAME_MATCHES people."""
    mask = masker_for(actor)
    unmask = may(actor, Action.UNMASK)
    found: list[Choice] = []
    missing: list[str] = []
    for text in texts:
        facts, _ = check_id_number(text)
        number = number_query(text, may_unmask=unmask)
        if facts is None and number is not None and number[1].refusal:
            missing.append(text)  # part of a number the reader cannot see: not looked for
            continue
        wanted = Person.id_number == facts.number if facts else Person.id.in_(
            list(search_people(text, limit=NAME_MATCHES, may_unmask=unmask).ids))
        rows = (Volunteer.select(Volunteer.id, Person.name, Person.id_number).join(Person)
                .where(wanted & (Volunteer.status == IN_REGISTER)).order_by(Person.id).tuples())
        hits = [Choice(vid, f"{name}  {mask.id_number(number)}") for vid, name, number in rows]
        found.extend(hits)
        if not hits:
            missing.append(text)
    return Matches(tuple(found), tuple(missing))


def attendance_candidates(text: str, actor: str, limit: int = CANDIDATES_SHOWN) -> tuple[Choice, ...]:
    """People who may attend a training (value: person id): active social workers first,
    then active volunteers, by name; `text` is part of a name or the start of an ID number
    (without the unmask right: no more of it than the mask shows, or the whole number)."""
    mask = masker_for(actor)
    number = text.strip().upper()
    by_number = Person.id_number.startswith(number)
    if not may(actor, Action.UNMASK) and len(number) > ID_HEAD_SHOWN:
        facts, _ = check_id_number(number)
        by_number = Person.id_number == (facts.number if facts else "")
    out: dict[int, str] = {}
    for model, role in ((SocialWorker, "社工"), (Volunteer, "志愿者")):
        q = (Person.select(Person.id, Person.name, Person.id_number).join(model)
             .where(model.status == IN_REGISTER))
        if text:
            q = q.where(Person.name.contains(text) | by_number)
        for pid, name, number in q.order_by(Person.name).limit(limit).tuples():
            out.setdefault(pid, f"{name}　{mask.id_number(number)}　{role}")
    return tuple(Choice(pid, label) for pid, label in list(out.items())[:limit])


def people_with_id_numbers(lines: Iterable[str]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The ids of the people holding these ID numbers (in the order given), and the
    numbers nobody in the register holds."""
    wanted = [line.strip().upper() for line in lines if line.strip()]
    found = dict(Person.select(Person.id_number, Person.id).where(Person.id_number.in_(wanted)).tuples()) \
        if wanted else {}
    return tuple(found[n] for n in wanted if n in found), tuple(n for n in wanted if n not in found)
