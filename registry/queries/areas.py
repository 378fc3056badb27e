"""What 区划设置, the forms and the certificate read about the register's areas: its streets
and communities with a year's population, this office's street, and the office's full name
as printed on what it issues ("北京市朝阳区建外街道办事处")."""

from __future__ import annotations

from dataclasses import dataclass

from registry.queries.presets import get_setting
from registry.storage.models import Account, Community, CommunityPopulation, District, Organization, Person, Street
from registry.texts import mark, msg

OFFICE_STREET = "office_street"  # ops.geography writes it
OFFICE = mark("办事处")


@dataclass(frozen=True)
class CommunityRow:
    """A community of the area settings, with the population of the year shown."""

    id: int
    code: str
    name: str
    population: int  # the year's: its own figure, else the latest earlier year's, else the base
    figure_year: int | None  # the year whose figure it is; None: the district file's


@dataclass(frozen=True)
class StreetRow:
    """A street of the area settings, with its communities."""

    id: int
    code: str
    name: str
    office: bool  # this office's street
    communities: tuple[CommunityRow, ...]


@dataclass(frozen=True)
class Areas:
    """The district's streets and communities, as the area settings show them for a year."""

    district: str  # the district's full name ("" without one)
    district_id: int | None
    year: int
    streets: tuple[StreetRow, ...]


def has_communities() -> bool:
    return bool(Community.select().exists())


def needs_setup() -> bool:
    """A register nobody has set up: no streets, no accounts, no people, no organizations
    (the first start's set-up is offered for it)."""
    return not (Street.select().exists() or Account.select().exists() or Person.select().exists()
                or Organization.select().exists())


def populations(year: int) -> tuple[dict[int, int], dict[int, int]]:
    """Each community's population in `year` ({community id: residents}) and, for those
    with a figure entered for it or an earlier year, that year ({community id: year}). A
    year without a figure takes the latest earlier year's, then the district file's
    (Community.population)."""
    found: dict[int, int] = {cid: int(p or 0) for cid, p in
                             Community.select(Community.id, Community.population).tuples()}
    rows = (CommunityPopulation.select(CommunityPopulation.community, CommunityPopulation.year,
                                       CommunityPopulation.population)
            .where(CommunityPopulation.year <= year)
            .order_by(CommunityPopulation.year).tuples())
    years: dict[int, int] = {}
    for community, row_year, people in rows:  # later years overwrite earlier ones
        found[community] = int(people)
        years[community] = int(row_year)
    return found, years


def office_street() -> Street | None:
    """This office's street: the one chosen at set-up or in 区划设置, else the district
    file's default, else the register's first street (None without streets)."""
    for key in (OFFICE_STREET, "default_street"):
        code = get_setting(key)
        street: Street | None = Street.get_or_none(Street.code == code) if code else None
        if street is not None:
            return street
    first: Street | None = Street.select().order_by(Street.code).first()
    return first


def district_full_name() -> str:
    """The district as printed: the district file's full name, else the district's name."""
    full = get_setting("district_full_name")
    if full:
        return full
    district = District.select().order_by(District.id).first()
    return str(district.name) if district is not None else ""


def office_name() -> str:
    """The office as printed on a certificate it issues: district and street, e.g.
    北京市朝阳区建外街道办事处; "街道办事处" only while the register has no street."""
    street = office_street()
    if street is None:
        return msg("街道") + OFFICE
    district = district_full_name()
    name = str(street.name)
    return (name if district and name.startswith(district) else district + name) + OFFICE


def office_street_label() -> str:
    """What the window shows of where it works: 北京市朝阳区建外街道 ("" without a street)."""
    name = office_name()
    return "" if office_street() is None else name.removesuffix(OFFICE)


def areas(year: int) -> Areas:
    """Every street with its communities and their population in `year`, in code order."""
    people, years = populations(year)
    office = office_street()
    by_street: dict[int, list[CommunityRow]] = {}
    for cid, street_id, code, name in (Community.select(Community.id, Community.street, Community.code,
                                                        Community.name).order_by(Community.code).tuples()):
        by_street.setdefault(street_id, []).append(CommunityRow(cid, code, name, people.get(cid, 0),
                                                                years.get(cid)))
    streets = tuple(StreetRow(sid, code, name, office is not None and office.id == sid,
                              tuple(by_street.get(sid, ())))
                    for sid, code, name in Street.select(Street.id, Street.code, Street.name)
                    .order_by(Street.code).tuples())
    district = District.select().order_by(District.id).first()
    return Areas(district_full_name(), district.id if district is not None else None, year, streets)
