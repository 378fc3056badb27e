"""Cleaning volunteer rows, since its caches and shortcuts, gives what the code before them
gave, row after row through one handler (so the caches are hit). The reference is that code,
kept verbatim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from helpers.importer import id_number
from hypothesis import given, settings
from hypothesis import strategies as st

from registry.importer.carried import clean_carried, status_from
from registry.importer.lookups import Lookups
from registry.importer.model import cell_text
from registry.importer.people import _REPEATING, _aliased
from registry.importer.roles import VOLUNTEER_KEYS, Volunteers, _split_combined
from registry.ops.people import clean_person
from registry.ops.volunteers import LABELS as VOLUNTEER_LABELS
from registry.ops.volunteers import clean_volunteer
from registry.rules.fields import clean_text, is_blank, parse_date
from registry.rules.problems import Problem, warning
from registry.rules.text import normalize_text
from registry.rules.vocab import SEXES

PERSON_KEYS = ("id_number", "name", "phone", "address", "ethnicity", "political_status",
               "education", "notes")
_PER_ROW = ("id_number", "name", "phone", "address", "notes")


class ReferenceMemo:
    def __init__(self) -> None:
        self._cache: dict[tuple[str, type, Any], tuple[dict[str, Any], list[Problem]]] = {}

    def get(self, field: str, raw: Any,
            compute: Callable[[], tuple[dict[str, Any], list[Problem]]],
            ) -> tuple[dict[str, Any], list[Problem]]:
        key = (field, raw.__class__, raw)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = compute()
        return hit


def reference_clean_person_part(raw: dict[str, Any], memo: ReferenceMemo,
                                ) -> tuple[dict[str, Any], set[str], list[Problem]]:
    data = {k: raw.get(k) for k in _PER_ROW if k in raw or k in ("id_number", "name")}
    values, problems = clean_person(data, partial=True)
    for key, aliases in _REPEATING.items():
        if key in raw:
            value = raw[key]
            cleaned, more = memo.get(key, value, partial(clean_person, {key: _aliased(value, aliases)},
                                                         partial=True))
            values.update(cleaned)
            if more:
                problems = problems + more
    reference_check_facts(raw, values, problems)
    return values, {k for k in PERSON_KEYS[1:] if k in raw}, problems


def reference_check_facts(raw: dict[str, Any], values: dict[str, Any], problems: list[Problem]) -> None:
    sex = raw.get("sex")
    if not is_blank(sex):
        text = normalize_text(str(sex))
        if text not in SEXES:
            problems.append(warning("sex.unknown", "sex", f"性别填的是“{text}”，已忽略，以身份证号为准。"))
        elif values.get("sex") and text != values["sex"]:
            problems.append(warning("sex.mismatch", "sex", f"性别填的是“{text}”，身份证号显示为"
                                                           f"“{values['sex']}”，以身份证号为准。"))
    born = raw.get("birth_date")
    if not is_blank(born):
        day = parse_date(born)
        if day is None:
            problems.append(warning("birth.unknown", "birth_date",
                                    f"出生日期“{cell_text(born)}”无法识别，已忽略，以身份证号为准。"))
        elif values.get("birth_date") and day != values["birth_date"]:
            problems.append(warning("birth.mismatch", "birth_date",
                                    f"出生日期填的是 {day.isoformat()}，身份证号显示为 "
                                    f"{values['birth_date'].isoformat()}，以身份证号为准。"))


def reference_clean_number(raw: dict[str, Any], key: str, label: str, *, required: bool = False,
                           ) -> tuple[str | None, list[Problem]]:
    text, problems = clean_text(raw.get(key), key, label, required=required, max_length=40)
    return (text or None), problems


def reference_clean(memo: ReferenceMemo, raw: dict[str, Any], lookups: Lookups,
                    ) -> tuple[dict[str, Any], list[Problem]]:
    raw, status, problems = status_from(raw)  # not a fast path: the same function both sides
    person, person_given, person_problems = reference_clean_person_part(raw, memo)
    problems += person_problems
    role: dict[str, Any] = {}
    given: set[str] = {k for k in ("volunteer_number", "community") if k in raw}
    if status is not None:
        role["status"] = status
        given.add("status")
    for key in VOLUNTEER_KEYS:
        if key in raw:
            value = raw[key]
            cleaned, more = memo.get(key, value, partial(clean_volunteer, {key: value}, partial=True))
            role.update(cleaned)
            given.add(key)
            problems = problems + more if more else problems
    combined = raw.get("skills_categories")
    if not is_blank(combined):
        data = {k: v for k, v in _split_combined(combined).items() if is_blank(raw.get(k))}
        cleaned, more = memo.get("skills_categories", combined,
                                 lambda: clean_volunteer(data, partial=True))
        role.update(cleaned)
        given |= set(data)
        problems = problems + more if more else problems
    role["volunteer_number"], number_problems = reference_clean_number(
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
            "role_given": given, "carried": carried}, problems


NUMBERS = [id_number("110105", "19800101", "011"), id_number("440305", "19991231", "002"), "110105198001010110"]
TEXT = st.text(alphabet=st.sampled_from("0123456789xX-、,， \t\u3000\u200bａ男女张三群众党员为老服务助残"))
cells = {
    "id_number": st.sampled_from(NUMBERS) | TEXT | st.floats() | st.none(),
    "name": st.sampled_from(("张三", " 李四 ", "", "\u3000")) | TEXT,
    "sex": st.sampled_from(("男", "女", " 女 ", "", "x", "ｘ")) | st.none() | st.integers(0, 2),
    "birth_date": st.sampled_from((dt.datetime(1980, 1, 1), "1980-01-01", "", "明天", 29221.0)) | st.none(),
    "phone": st.sampled_from(("13800138000", "010-12345678", "", "1380013800")) | TEXT | st.floats(),
    "political_status": st.sampled_from(("群众", "党员", " 中共党员 ", "", "其他")) | st.none(),
    "education": st.sampled_from(("本科", "大学", "", "？")),
    "ethnicity": st.sampled_from(("汉族", " 回族 ", "")),
    "notes": st.sampled_from(("", "无", "\x01", "已注销", "已注销；搬走了")) | TEXT,
    "status": st.sampled_from(("", "在册", "注销", "已注销", "离开")) | st.none(),
    "carried_total": st.sampled_from(("", "16", 16.5, "abc", None)),
    "community": st.sampled_from(("第1社区", "", "1")) | st.none(),
    "volunteer_number": st.sampled_from(("JW1", " JW2 ", "", 3.0)),
    "registered_on": st.sampled_from((dt.datetime(2020, 5, 1), "2020.5.1", "", "2020-13-01", 43952.0)),
    "skills_categories": st.sampled_from(("为老服务、助残服务", "理发、为老服务", "", " 为老服务 ")) | TEXT,
    "skills": st.sampled_from(("", "理发")),
    "consent_contact": st.sampled_from(("是", "否", "", "也许", 1.0)),
}


@st.composite
def rosters(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows with the same columns, as a file gives them, so values repeat down a column."""
    columns = draw(st.sets(st.sampled_from(sorted(cells)), min_size=1)) | {"id_number", "name"}
    return draw(st.lists(st.fixed_dictionaries({c: cells[c] for c in sorted(columns)}), max_size=8))


@settings(max_examples=200, deadline=None)
@given(rosters())
def test_volunteer_rows_clean_as_before(rows: list[dict[str, Any]]) -> None:
    handler, memo, lookups = Volunteers(), ReferenceMemo(), Lookups()
    for raw in rows:
        assert handler.clean(raw, lookups) == reference_clean(memo, raw, lookups)
