"""Resident ID numbers (GB 11643-1999): check, derive birth date, sex and region, mask.

Built on python-stdnum's check digit and region table, not on its validate(): that
rejects real cards whose region code is newer than the holder's birth year."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from registry.rules.disclosure import HIDDEN, ID_HEAD_SHOWN, ID_TAIL_SHOWN, OTHER_HIDDEN_MIN
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_id_like
from registry.texts import msg

# A name with the years it was in use; None = open-ended.
_Span = tuple[int | None, int | None, str]

_ID_RE = re.compile(r"\d{17}[\dX]")
_OLD_RE = re.compile(r"\d{15}")  # first-generation cards: YYMMDD birth date, no check character
_SCIENTIFIC_RE = re.compile(r"\d+(\.\d*)?E\+?\d+")
_DECIMAL_RE = re.compile(r"\d+\.\d*")  # str() of a float: "110105194912310000.0"
_SPAN_RE = re.compile(r"\[(\d*)-(\d*)\](.*)")

# Not places but headings in the table; "北京市市辖区朝阳区" helps nobody.
_SKIP_PREFECTURE = ("市辖区", "县")  # zh-data


@dataclass(frozen=True)
class IdFacts:
    """What a valid resident ID number says: birth date, sex and region."""

    number: str  # normalized, 18 characters
    birth_date: date
    sex: str  # "男" or "女"
    region_code: str  # 6 digits
    region_name: str | None


def _parse_spans(value: str) -> tuple[_Span, ...]:
    spans: list[_Span] = []
    for part in value.split(","):
        m = _SPAN_RE.fullmatch(part)
        if m is None:
            spans.append((None, None, part))
        else:
            start, end, name = m.groups()
            spans.append((int(start) if start else None, int(end) if end else None, name))
    return tuple(spans)


@lru_cache(maxsize=1)
def _check_digit() -> Callable[[str], str]:
    """python-stdnum's, imported when first needed: importing stdnum is 10 ms of every
    start of the program, which shows the audit log's masked numbers but checks none."""
    from stdnum.cn.ric import calc_check_digit

    return calc_check_digit


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], dict[str, tuple[_Span, ...]]]:
    """(province code → name, 6-digit code → names over time), parsed once."""
    provinces: dict[str, str] = {}
    counties: dict[str, tuple[_Span, ...]] = {}
    from stdnum import numdb

    for _len, low, high, props, children in numdb.get("cn/loc").prefixes:
        if low != high or "province" not in props:
            continue
        provinces[low] = props["province"]
        for _clen, clow, chigh, cprops, _ in children:
            if clow == chigh and "county" in cprops:
                counties[low + clow] = _parse_spans(cprops["county"])
    return provinces, counties


def _pick(spans: tuple[_Span, ...], year: int | None) -> str:
    if year is not None:
        for start, end, name in spans:
            if (start is None or year >= start) and (end is None or year <= end):
                return name
        if spans[0][0] is not None and year < spans[0][0]:
            return spans[0][2]
    return spans[-1][2]  # the latest name is the one a clerk recognises


def region_name(code: str, year: int | None = None) -> str | None:
    """Full name of a 6-digit division code, e.g. "北京市朝阳区"; the name in use in
    `year` if given, else the latest one (abolished codes keep their last name)."""
    provinces, counties = _regions()
    spans = counties.get(code)
    province = provinces.get(code[:2])
    if spans is None or province is None:
        return None
    parts = [province]
    if code[4:] != "00":
        prefecture = counties.get(code[:4] + "00")
        if prefecture is not None:
            name = _pick(prefecture, year)
            if name not in _SKIP_PREFECTURE and "直辖" not in name:  # zh-data
                parts.append(name)
    parts.append(_pick(spans, year))
    deduped = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
    return "".join(deduped)


def _region_problems(code: str, birth_year: int, field: str) -> list[Problem]:
    spans = _regions()[1].get(code)
    if spans is None or code[:2] not in _regions()[0]:
        return [warning("id.region_unknown", field,
                        msg("身份证号前 6 位地区码 {code} 不在行政区划表中，请核对号码是否录错", code=code))]
    starts = [s for s, _, _ in spans]
    ends = [e for _, e, _ in spans]
    if None not in starts and birth_year < min(s for s in starts if s is not None):
        first = min(s for s in starts if s is not None)
        return [warning("id.region_newer", field,
                        msg("身份证号地区码 {code} 设立于 {first} 年，晚于出生年份 {birth_year} 年；"
                        "这在迁移或换证后很常见，请核对即可", code=code, first=first, birth_year=birth_year))]
    if None not in ends and birth_year > max(e for e in ends if e is not None):
        last = max(e for e in ends if e is not None)
        return [warning("id.region_retired", field,
                        msg("身份证号地区码 {code} 已于 {last} 年撤销，早于出生年份 {birth_year} 年，"
                        "请核对号码是否录错", code=code, last=last, birth_year=birth_year))]
    return []


def _excel_number(field: str) -> Problem:
    return error("id.excel_number", field,
                 msg("身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新录入"))


@lru_cache(maxsize=65_536)
def _birth_date(digits: str) -> date | None:
    """The date of "YYYYMMDD", None if there is no such day; a roster repeats birthdays."""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _parse_birth(number: str, today: date, field: str) -> tuple[date | None, list[Problem]]:
    digits = number[6:14]
    born = _birth_date(digits)
    if born is None:
        return None, [error("id.birth_date", field,
                            msg("身份证号第 7–14 位出生日期 {digits} 不是一个真实的日期", digits=digits))]
    if born > today:
        return None, [error("id.birth_date", field,
                            msg("身份证号中的出生日期 {born} 晚于今天，不可能", born=born.isoformat()))]
    if born.year < 1900:
        return None, [error("id.birth_date", field,
                            msg("身份证号中的出生日期 {born} 早于 1900 年，不可能", born=born.isoformat()))]
    return born, []


def check_id_number(
    raw: str | int | float | None, field: str = "id_number", today: date | None = None
) -> tuple[IdFacts | None, list[Problem]]:
    """Check a resident ID number; facts are returned only when there is no error.
    Region problems are warnings: the code is where the card was first issued."""
    if raw.__class__ is str and raw.isascii() and raw.isalnum():
        number = raw.upper()  # nothing to strip, map or drop: normalize_id_like would only copy
    else:
        number_or_problem = _normalized(raw, field)
        if isinstance(number_or_problem, Problem):
            return None, [number_or_problem]
        number = number_or_problem
    old = None
    if _OLD_RE.fullmatch(number) is not None:
        old, number = number, eighteen_digits(number)
    if _ID_RE.fullmatch(number) is None:
        return None, [_shape_problem(number, field)]
    born, problems = _parse_birth(number, today or date.today(), field)
    if number[-1] != _check_digit()(number):
        if number.endswith("000"):
            # Excel keeps 15 significant digits and pads with zeros: never guess the rest.
            return None, [_excel_number(field)]
        problems.append(error("id.checksum", field,
                              msg("身份证号最后一位校验码对不上，可能有数字录错或顺序颠倒，请逐位核对")))
    if born is None or problems:
        return None, problems
    code = number[:6]
    name, region_problems = _region_facts(code, born.year, field)
    facts = IdFacts(number, born, "男" if int(number[16]) % 2 else "女", code, name)  # zh-data
    if old is not None:
        return facts, [warning("id.old_15", field, msg("15 位的老身份证号 {old} 已按国家标准换算为 18 位的 "
                                                       "{number} 存储，请核对", old=old, number=number)),
                       *region_problems]
    return facts, list(region_problems)


def check_character(number: str) -> str:
    """The GB 11643 check character of the first 17 digits of `number` (ISO 7064 MOD 11-2),
    which the residence permit and the 2023 foreign permanent residence card share."""
    return _check_digit()(number[:17] + "0")


def birth_date_of(number: str, today: date, field: str) -> tuple[date | None, list[Problem]]:
    """The birth date in digits 7–14 of a number in GB 11643 form, or the errors why not."""
    return _parse_birth(number, today, field)


def excel_number_problem(field: str) -> Problem:
    """Excel stored the number as a float and lost its last digits: report, never guess."""
    return _excel_number(field)


def eighteen_digits(old: str) -> str:
    """A first-generation 15-digit number in its 18-digit form (GB 11643-1999): "19" before
    the two-digit birth year, then the check character of the 17 digits."""
    body = old[:6] + "19" + old[6:]
    return body + _check_digit()(body + "0")  # it reads the first 17 of 18


def _normalized(raw: str | int | float | None, field: str) -> str | Problem:
    """The ID number as compared, or the problem that leaves nothing to compare."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return error("id.empty", field, msg("身份证号没有填写"))
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 10**14 <= raw < 10**15 and raw == int(raw):
            return str(int(raw))  # an old 15-digit number: Excel keeps all 15 digits of it
        return _excel_number(field)
    if not isinstance(raw, str):
        return error("id.format", field, msg("身份证号应为 18 位数字（最后一位可以是 X），请按文本填写"))
    number = normalize_id_like(raw)
    return number or error("id.empty", field, msg("身份证号没有填写"))


@lru_cache(maxsize=32_768)
def _region_facts(code: str, birth_year: int, field: str) -> tuple[str | None, tuple[Problem, ...]]:
    """Region name and problems depend on these three only; a roster repeats them often."""
    return region_name(code, birth_year), tuple(_region_problems(code, birth_year, field))


def _shape_problem(number: str, field: str) -> Problem:
    if _SCIENTIFIC_RE.fullmatch(number) or _DECIMAL_RE.fullmatch(number):
        return _excel_number(field)
    if not re.fullmatch(r"[\dX]*", number) or "X" in number[:-1]:
        return error("id.format", field,
                     msg("身份证号只能由数字组成，最后一位可以是 X，请检查是否混入了其他字符"))
    return error("id.length", field, msg("身份证号应为 18 位，现在是 {length} 位", length=len(number)))


def mask_id_number(number: str) -> str:
    """"110105**********2X": the region and the last two characters (the sex digit and the
    check character) stay visible so a clerk can tell people apart; the birth date and the
    rest of the sequence are hidden, which leaves more than 1,000 candidates even beside
    the birth year and the sex (registry/rules/disclosure.py counts it). A 15-digit number
    likewise, and every 18-character number of GB 11643 form (residence permits, the 2023
    foreign permanent resident card). Any other document number (travel permits,
    passports, the 2017 foreign card) shows its last two characters only and hides at
    least four (a shorter one is shown as four stars)."""
    n = len(number)
    if n in (15, 18) and number[:-1].isdigit():
        return number[:ID_HEAD_SHOWN] + HIDDEN * (n - ID_HEAD_SHOWN - ID_TAIL_SHOWN) + number[n - ID_TAIL_SHOWN:]
    if n < OTHER_HIDDEN_MIN + ID_TAIL_SHOWN:
        return HIDDEN * OTHER_HIDDEN_MIN  # its length would tell too much
    return HIDDEN * (n - ID_TAIL_SHOWN) + number[n - ID_TAIL_SHOWN:]
