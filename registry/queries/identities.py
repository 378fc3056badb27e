"""What tells people of one name apart wherever a person is chosen (the search box, the
activity's attendees, the training's attendance, the certificate dialog): sex, birth year,
community and the ID number, masked as the reader may see them (queries/masking.py).

A street has many 张伟: a masked ID number alone does not tell them apart for a clerk, the
community and the birth year do. Under the masking rule (rules/disclosure.py) a reader
without the unmask right sees the year only and the number's region and last two
characters: these facts together still leave more than 1,000 candidate numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from registry.queries.masking import MASKED, Masker, masker_for
from registry.storage.models import Community, Person, SocialWorker, Volunteer

SEPARATOR = "　"  # an ideographic space: the facts read as columns in a Chinese list


@dataclass(frozen=True)
class Identity:
    """What tells a person from a namesake, masked as the reader may see it."""

    person: int
    name: str
    sex: str  # 男 / 女, "" when unknown
    born: str  # "1985年" masked (the whole date only through a full Masker), "" when unknown
    community: str  # the volunteer's community, else the social worker's; "" when none
    id_number: str  # masked as the reader may see it

    def facts(self) -> str:
        """"女　1985年　建外社区　110105**********2X": everything but the name."""
        return SEPARATOR.join(part for part in (self.sex, self.born, self.community, self.id_number)
                              if part)

    def label(self) -> str:
        return f"{self.name}{SEPARATOR}{self.facts()}"


def _communities(person_ids: list[int]) -> dict[int, str]:
    """Each person's community: as a volunteer first (where they serve), else as a worker."""
    out: dict[int, str] = {}
    for model in (Volunteer, SocialWorker):
        rows = (model.select(model.person, Community.name).join(Community)
                .where(model.person.in_(person_ids)).tuples())
        for person, name in rows:
            out.setdefault(person, name)
    return out


def identities(person_ids: Iterable[int], masker: Masker = MASKED) -> dict[int, Identity]:
    """The identities of these people, by person id (those not in the register left out)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    communities = _communities(ids)
    rows = (Person.select(Person.id, Person.name, Person.sex, Person.birth_date, Person.id_number)
            .where(Person.id.in_(ids)).tuples())
    return {pid: Identity(pid, name, sex or "", masker.birth_date(born), communities.get(pid, ""),
                          masker.id_number(number))
            for pid, name, sex, born, number in rows}


def volunteer_identity(volunteer_id: int, actor: str) -> Identity | None:
    """Who a volunteer is, as `actor` may see it (masked): the certificate dialog's heading."""
    person = Volunteer.select(Volunteer.person).where(Volunteer.id == volunteer_id).scalar()
    return identities([person], masker_for(actor)).get(person) if person is not None else None
