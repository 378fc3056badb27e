"""Identity documents a person is registered under: each type's normalization, validation
and derived facts, and recognition of the type from a number typed without one.

A person is keyed by (document type, number). The mainland resident card's own rules
(GB 11643-1999) stay in registry/rules/idnumber.py; this module adds the other types and
dispatches. Hard errors only where the published format is certain; warnings elsewhere.

Sources checked (2026-12):
- 港澳台居民居住证: 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号) — the number follows
  GB 11643 with address code 810000 / 820000 / 830000 (DESIGN.md, Rules).
- 外国人永久居留身份证: 国家移民管理局《新版外国人永久居留身份证机读信息规则(2023版)》, as
  republished at http://www.eastcoms.com/service/pro/840.html: the 2017 card's number is
  15 characters, 3 Latin letters (the nationality) + 12 digits; the 2023 card's is 18
  (17 digits + a MOD 11-2 check character computed as for the citizen number), first digit
  9 ("区别于我国公民身份号码首位 1-8"), the letters turned into a numeric country code.
  The page's table of the 2023 number's fields was not legible to us: the birth date in
  digits 7–14 and the sex in digit 17 follow the citizen number it says it mirrors, so a
  mismatch there is a warning, never an error.
- 港澳居民来往内地通行证: 公安部出入境管理局 2010-03-10 (中新网, "公安部公布港澳居民来往
  内地通行证号码规则"): "H" for Hong Kong, "M" for Macao, then 8 digits (the lifelong number)
  and 2 digits counting renewals; the card issued since 2013 prints H/M + the 8 digits.
- 台湾居民来往大陆通行证: the card issued since 2015 carries 8 digits; older booklets carried
  10 digits and sometimes a letter in brackets, e.g. "1234567801(B)": accepted with a warning.
- 护照: formats differ by country; only the characters are checked, and the nationality is
  asked for.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from registry.rules.idnumber import (
    IdFacts,
    birth_date_of,
    check_character,
    check_id_number,
    excel_number_problem,
)
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_id_like
from registry.texts import mark, msg

RESIDENT_CARD = mark("居民身份证")
RESIDENCE_PERMIT = mark("港澳台居民居住证")
FOREIGN_PERMANENT = mark("外国人永久居留身份证")
HK_MACAO_PERMIT = mark("港澳居民来往内地通行证")
TAIWAN_PERMIT = mark("台湾居民来往大陆通行证")
PASSPORT = mark("护照")
DOC_TYPES = (RESIDENT_CARD, RESIDENCE_PERMIT, FOREIGN_PERMANENT, HK_MACAO_PERMIT, TAIWAN_PERMIT,
             PASSPORT)
DEFAULT_TYPE = RESIDENT_CARD

# Short names a spreadsheet may use in a 证件类型 column.
_ALIASES = {
    "身份证": RESIDENT_CARD, "居民身份证": RESIDENT_CARD, "二代身份证": RESIDENT_CARD,  # zh-data
    "居住证": RESIDENCE_PERMIT, "港澳台居住证": RESIDENCE_PERMIT,  # zh-data
    "港澳居民居住证": RESIDENCE_PERMIT, "台湾居民居住证": RESIDENCE_PERMIT,  # zh-data
    "永居证": FOREIGN_PERMANENT, "外国人永久居留证": FOREIGN_PERMANENT,  # zh-data
    "外国人永久居留身份证": FOREIGN_PERMANENT,  # zh-data
    "港澳通行证": HK_MACAO_PERMIT, "回乡证": HK_MACAO_PERMIT,  # zh-data
    "港澳居民来往内地通行证": HK_MACAO_PERMIT,  # zh-data
    "台胞证": TAIWAN_PERMIT, "台湾居民来往大陆通行证": TAIWAN_PERMIT,  # zh-data
    "护照": PASSPORT, "外国护照": PASSPORT,  # zh-data
}

# What each type's number looks like, as a form's placeholder says it (the sources above).
FORMAT_HINTS = {
    RESIDENT_CARD: mark("18 位，最后一位可能是 X"),
    RESIDENCE_PERMIT: mark("18 位，香港 810000、澳门 820000、台湾 830000 开头"),
    FOREIGN_PERMANENT: mark("2023 年版 18 位数字，9 开头；2017 年版 3 个字母加 12 位数字"),
    HK_MACAO_PERMIT: mark("H（香港）或 M（澳门）加 8 位数字"),
    TAIWAN_PERMIT: mark("8 位数字"),
    PASSPORT: mark("护照上的号码（字母和数字），并填写国籍"),
}
# Types whose holder's nationality the register asks for (the 2017 foreign card names it).
NATIONALITY_TYPES = frozenset({FOREIGN_PERMANENT, PASSPORT})

_PERMIT_REGIONS = {"81": mark("香港"), "82": mark("澳门"), "83": mark("台湾")}
_HK_MACAO = {"H": mark("香港"), "M": mark("澳门")}

_GB_RE = re.compile(r"\d{17}[\dX]")
_GB_NEAR_RE = re.compile(r"\d{16,19}|\d{15,18}X")
_FOREIGN_2017_RE = re.compile(r"[A-Z]{3}\d{12}")
_HK_MACAO_RE = re.compile(r"[HM](\d{8}|\d{10})")
_TAIWAN_RE = re.compile(r"\d{8}")
_TAIWAN_OLD_RE = re.compile(r"\d{10}|\d{8,10}[A-Z]")
_PASSPORT_RE = re.compile(r"[A-Z0-9]{5,20}")
_BRACKETS = str.maketrans("", "", "()（）")


@dataclass(frozen=True)
class DocFacts:
    """What a valid document number says; fields a type does not carry stay empty."""

    doc_type: str
    number: str  # normalized, as stored and compared
    birth_date: date | None = None
    sex: str = ""  # "男" / "女" / ""
    region_code: str = ""
    region_name: str | None = None
    nationality: str = ""  # 2017 foreign card: its 3-letter code; passport: as given


@dataclass(frozen=True)
class Recognition:
    """The type a number's form shows: `doc_type` when only one fits, else the candidates."""

    doc_type: str | None
    candidates: tuple[str, ...]


def doc_type_of(value: object) -> str | None:
    """The document type a cell or an argument names (full name or a common short one);
    None when it names none. Empty means the resident card."""
    if value is None:
        return DEFAULT_TYPE
    text = str(value).strip().replace(" ", "")
    if not text:
        return DEFAULT_TYPE
    return text if text in DOC_TYPES else _ALIASES.get(text)


def normalize_document(raw: str) -> str:
    """Upper case, full-width to half-width, spaces, hyphens and brackets dropped."""
    return normalize_id_like(raw).translate(_BRACKETS)


def recognize(raw: str) -> Recognition:
    """The type of a number typed without one, from its form alone."""
    number = normalize_document(raw)
    # 16–19 digits: a GB 11643 form with a digit missing or one too many, never a passport
    # or a travel permit, so its check says what is wrong ("应为 18 位").
    if _GB_RE.fullmatch(number) or _GB_NEAR_RE.fullmatch(number):
        if number[:2] in _PERMIT_REGIONS:
            return Recognition(RESIDENCE_PERMIT, (RESIDENCE_PERMIT,))
        if number[0] == "9":
            return Recognition(FOREIGN_PERMANENT, (FOREIGN_PERMANENT,))
        return Recognition(RESIDENT_CARD, (RESIDENT_CARD,))
    if re.fullmatch(r"\d{15}", number):
        return Recognition(RESIDENT_CARD, (RESIDENT_CARD,))  # a first-generation card
    if _FOREIGN_2017_RE.fullmatch(number):
        return Recognition(FOREIGN_PERMANENT, (FOREIGN_PERMANENT,))
    if _HK_MACAO_RE.fullmatch(number):
        return Recognition(HK_MACAO_PERMIT, (HK_MACAO_PERMIT,))
    candidates: list[str] = []
    if _TAIWAN_RE.fullmatch(number) or _TAIWAN_OLD_RE.fullmatch(number):
        candidates.append(TAIWAN_PERMIT)  # 8 digits: also a passport of some countries
    if _PASSPORT_RE.fullmatch(number):
        candidates.append(PASSPORT)
    return Recognition(None, tuple(candidates))


def check_document(
    doc_type: str, raw: str | int | float | None, field: str = "id_number",
    today: date | None = None, nationality: str = "",
) -> tuple[DocFacts | None, list[Problem]]:
    """Check a number as a document of `doc_type`; facts only when there is no error."""
    today = today or date.today()
    if doc_type == RESIDENT_CARD:
        facts, problems = check_id_number(raw, field, today)
        return (None if facts is None else resident_facts(facts)), problems
    text = _text(raw, field)
    if isinstance(text, Problem):
        return None, [text]
    checker = _CHECKERS.get(doc_type)
    if checker is None:
        return None, [error("doc.type", "id_type", msg("证件类型“{doc_type}”不认识，请从列表中选择",
                                                       doc_type=doc_type))]
    return checker(text, field, today, nationality.strip())


def resident_facts(facts: IdFacts) -> DocFacts:
    return DocFacts(RESIDENT_CARD, facts.number, facts.birth_date, facts.sex, facts.region_code,
                    facts.region_name)


def _text(raw: str | int | float | None, field: str) -> str | Problem:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return error("id.empty", field, msg("证件号码没有填写"))
    if isinstance(raw, bool):
        return error("id.format", field, msg("证件号码应按文本填写"))
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if raw == int(raw) and raw < 10**15:
            return str(int(raw))
        return excel_number_problem(field)
    number = normalize_document(raw)
    return number or error("id.empty", field, msg("证件号码没有填写"))


def _gb_form(number: str, field: str, today: date, label: str) -> tuple[date | None, list[Problem]]:
    """Shape, birth date and check character of a number in GB 11643 form."""
    if re.fullmatch(r"\d+(\.\d*)?E\+?\d+|\d+\.\d*", number):
        return None, [excel_number_problem(field)]
    if _GB_RE.fullmatch(number) is None:
        return None, [error("id.length" if re.fullmatch(r"[\dX]*", number) else "id.format", field,
                            msg("{label}号码应为 18 位数字（最后一位可以是 X），现在是“{number}”",
                                label=label, number=number))]
    born, problems = birth_date_of(number, today, field)
    if number[-1] != check_character(number):
        if number.endswith("000"):
            return None, [excel_number_problem(field)]
        problems.append(error("id.checksum", field,
                              msg("证件号码最后一位校验码对不上，可能有数字录错或顺序颠倒，请逐位核对")))
    return born, problems


def _sex(digit: str) -> str:
    return "男" if int(digit) % 2 else "女"  # zh-data


def _residence_permit(number: str, field: str, today: date, _nat: str) -> tuple[DocFacts | None, list[Problem]]:
    born, problems = _gb_form(number, field, today, RESIDENCE_PERMIT)
    if not problems and number[:2] not in _PERMIT_REGIONS:
        problems.append(error("doc.permit_region", field,
                              msg("港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头")))
    if problems or born is None:
        return None, problems
    code = number[:6]
    if code[2:] != "0000":
        problems.append(warning("doc.permit_region", field,
                                msg("港澳台居民居住证号码前 6 位一般是 {expected}，现在是 {code}，请核对",
                                    expected=number[:2] + "0000", code=code)))
    return DocFacts(RESIDENCE_PERMIT, number, born, _sex(number[16]), code,
                    _PERMIT_REGIONS[number[:2]]), problems


def _foreign_permanent(number: str, field: str, today: date, _nat: str) -> tuple[DocFacts | None, list[Problem]]:
    if _FOREIGN_2017_RE.fullmatch(number):
        return DocFacts(FOREIGN_PERMANENT, number, nationality=number[:3]), []
    if len(number) == 15 or (len(number) != 18 and re.match(r"[A-Z]", number)):
        return None, [error("doc.foreign_format", field,
                            msg("2017 版外国人永久居留身份证号码应为 15 位：3 位国籍字母加 12 位数字，"
                                "现在是“{number}”", number=number))]
    if re.fullmatch(r"\d{17}[\dX]", number) and number[0] != "9":
        return None, [error("doc.foreign_format", field,
                            msg("2023 版外国人永久居留身份证号码以 9 开头；以其他数字开头的 18 位号码是居民身份证"
                                "或居住证，请改选证件类型"))]
    born, problems = _gb_form(number, field, today, FOREIGN_PERMANENT)
    hard = [p for p in problems if p.code != "id.birth_date"]
    if hard:
        return None, hard
    # The birth date's place is inferred, not published (see the module's sources): warn.
    doubts = [] if born else [warning("doc.foreign_birth", field,
                                      msg("没能从号码第 7–14 位读出出生日期，请手工填写并核对号码"))]
    return DocFacts(FOREIGN_PERMANENT, number, born, _sex(number[16]) if born else ""), doubts


def _hk_macao(number: str, field: str, _today: date, _nat: str) -> tuple[DocFacts | None, list[Problem]]:
    if _HK_MACAO_RE.fullmatch(number) is None:
        return None, [error("doc.hk_macao_format", field,
                            msg("港澳居民来往内地通行证号码应为 H（香港）或 M（澳门）加 8 位或 10 位数字，"
                                "现在是“{number}”", number=number))]
    return DocFacts(HK_MACAO_PERMIT, number, region_name=_HK_MACAO[number[0]]), []


def _taiwan(number: str, field: str, _today: date, _nat: str) -> tuple[DocFacts | None, list[Problem]]:
    if _TAIWAN_RE.fullmatch(number):
        return DocFacts(TAIWAN_PERMIT, number, region_name=mark("台湾")), []
    if _TAIWAN_OLD_RE.fullmatch(number) or re.fullmatch(r"[A-Z0-9]{6,12}", number):
        return DocFacts(TAIWAN_PERMIT, number, region_name=mark("台湾")), [
            warning("doc.taiwan_old", field,
                    msg("台湾居民来往大陆通行证现行号码为 8 位数字；“{number}”像是旧版证件的号码，请核对",
                        number=number))]
    return None, [error("doc.taiwan_format", field,
                        msg("台湾居民来往大陆通行证号码应为 8 位数字，现在是“{number}”", number=number))]


def _passport(number: str, field: str, _today: date, nationality: str) -> tuple[DocFacts | None, list[Problem]]:
    if _PASSPORT_RE.fullmatch(number) is None:
        return None, [error("doc.passport_format", field,
                            msg("护照号码应为 5–20 位字母或数字，现在是“{number}”", number=number))]
    problems = [] if nationality else [warning("doc.nationality", "nationality",
                                               msg("持护照登记的人员请填写国籍"))]
    return DocFacts(PASSPORT, number, nationality=nationality), problems


_CHECKERS = {
    RESIDENCE_PERMIT: _residence_permit,
    FOREIGN_PERMANENT: _foreign_permanent,
    HK_MACAO_PERMIT: _hk_macao,
    TAIWAN_PERMIT: _taiwan,
    PASSPORT: _passport,
}
