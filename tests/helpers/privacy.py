"""The curious reader of issue 12, item 1: takes what one row, screen or roster line shows and
counts how many valid ID and phone numbers agree with it (registry.rules.disclosure), using
the truth the test knows to be as pessimistic as possible: the region code and the sex are
known (a name often tells it), any cell holding the true birth date or its year gives it away.

Shared by tests/unit/registry/test_privacy.py and bench/attack/privacy.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from registry.rules.disclosure import (
    MIN_ID_CANDIDATES,
    MIN_PHONE_CANDIDATES,
    BirthSeen,
    id_candidates,
    phone_candidates,
)
from registry.rules.idnumber import mask_id_number

SHOWN_ID = re.compile(r"(?<![0-9X*])[0-9X*]{15}(?:[0-9X*]{3})?(?![0-9X*])")
SHOWN_PHONE = re.compile(r"(?<![0-9*-])(?:1[3-9][0-9*]{9}|0\d{2,3}-[0-9*]{7,8}|[0-9*]{7,8})(?![0-9*])")


@dataclass(frozen=True)
class Person:
    id_number: str
    region: str
    born: dt.date | None
    sex: str
    phone: str | None


@dataclass
class Findings:
    rows: int = 0
    ids_attacked: int = 0
    phones_attacked: int = 0
    id_failures: list[tuple[str, str, int]] = field(default_factory=list)  # (surface, shown, candidates)
    phone_failures: list[tuple[str, str, int]] = field(default_factory=list)
    fewest_id: int | None = None
    fewest_phone: int | None = None

    @property
    def failures(self) -> int:
        return len(self.id_failures) + len(self.phone_failures)


def people_by_mask() -> dict[str, list[Person]]:
    from registry.storage.models import Person as Row

    out: dict[str, list[Person]] = {}
    for number, region, born, sex, phone in Row.select(Row.id_number, Row.region_code, Row.birth_date,
                                                       Row.sex, Row.phone).tuples():
        out.setdefault(mask_id_number(number), []).append(Person(number, region, born, sex, phone))
    return out


def cells_of(row: Any) -> list[Any]:
    """The values one row shows: a dataclass's fields (nested too), a mapping's values, a
    sequence's items."""
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return [v for f in dataclasses.fields(row) for v in cells_of(getattr(row, f.name))]
    if isinstance(row, dict):
        return [v for value in row.values() for v in cells_of(value)]
    if isinstance(row, list | tuple):
        return [v for value in row for v in cells_of(value)]
    return [row]


def _texts(cells: Sequence[Any]) -> list[str]:
    return [c.isoformat() if isinstance(c, dt.date) else str(c) for c in cells if c is not None]


def _birth_seen(cells: Sequence[Any], texts: Sequence[str], born: dt.date | None) -> BirthSeen:
    if born is None:
        return BirthSeen()
    whole = (born.isoformat(), born.strftime("%Y%m%d"), born.strftime("%Y年%m月%d日"),
             f"{born.year}年{born.month}月{born.day}日")
    if any(isinstance(c, dt.date) and (c.date() if isinstance(c, dt.datetime) else c) == born
           for c in cells) or any(w in t for t in texts for w in whole):
        return BirthSeen(date=born)
    if any(c == born.year for c in cells if isinstance(c, int)) or any(str(born.year) in t for t in texts):
        return BirthSeen(year=born.year)
    return BirthSeen()


def attack(surface: str, rows: Iterable[Any], people: dict[str, list[Person]], today: dt.date,
           findings: Findings | None = None) -> Findings:
    """Count what each row gives away; a row below a threshold is a failure."""
    found = findings or Findings()
    everyone = {p.id_number: p for group in people.values() for p in group}
    phones = {p.phone for p in everyone.values() if p.phone}
    for row in rows:
        found.rows += 1
        cells = cells_of(row)
        texts = _texts(cells)
        joined = "\n".join(texts)
        for shown in SHOWN_ID.findall(joined):
            if shown in everyone:  # a whole number: nothing left to guess
                _record(found, "id", surface, shown, 1)
                continue
            for person in people.get(shown, []):
                birth = _birth_seen(cells, texts, person.born)
                count = id_candidates(shown, region=person.region, birth=birth,
                                      sex=person.sex or None, today=today, cap=10 * MIN_ID_CANDIDATES)
                _record(found, "id", surface, shown, count)
        for shown in SHOWN_PHONE.findall(joined):
            if shown in phones:
                _record(found, "phone", surface, shown, 1)
            elif "*" in shown:
                _record(found, "phone", surface, shown, phone_candidates(shown, cap=10 * MIN_PHONE_CANDIDATES))
    return found


def _record(found: Findings, kind: str, surface: str, shown: str, count: int) -> None:
    if kind == "id":
        found.ids_attacked += 1
        found.fewest_id = count if found.fewest_id is None else min(found.fewest_id, count)
        if count < MIN_ID_CANDIDATES:
            found.id_failures.append((surface, shown, count))
    else:
        found.phones_attacked += 1
        found.fewest_phone = count if found.fewest_phone is None else min(found.fewest_phone, count)
        if count < MIN_PHONE_CANDIDATES:
            found.phone_failures.append((surface, shown, count))


def workbook_rows(path: Path, header_row: int) -> Iterator[dict[str, Any]]:
    """Each data row of a workbook's first sheet as {header: value} (rosters: header_row 3)."""
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header: tuple[Any, ...] = ()
    for number, values in enumerate(rows, start=1):
        if number < header_row:
            continue
        if number == header_row:
            header = values
            continue
        yield {str(h or i): v for i, (h, v) in enumerate(zip(header, values, strict=False))}
