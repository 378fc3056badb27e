"""The shortcuts in the rules give exactly what the full checks gave before them.

Each reference below is the code as it was before its shortcut was added, kept verbatim."""

import math
import re
from datetime import date

from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum.cn.ric import calc_check_digit

from registry.rules import idnumber, phone
from registry.rules.idnumber import check_id_number
from registry.rules.phone import check_phone
from registry.rules.problems import Problem, error
from registry.rules.text import _TABLE, normalize_id_like, normalize_text

TODAY = date(2025, 6, 1)

# What clerks' cells hold, and what breaks the shortcuts: full-width forms, odd spaces,
# zero-width and control characters, dashes, other scripts' digits, a lower-case x.
TRICKY = ("0123456789xX-+#转 \t\n\r\x00\x1f\x7f\u3000\xa0\u200b\ufeff\u2013"
          "０１２３４５６７８９ｘＸ－＋．\u0661\u06f3张第社区（）")
tricky_text = st.text(alphabet=st.sampled_from(TRICKY)) | st.text()


def reference_normalize_text(s: str) -> str:
    return s.translate(_TABLE).strip()


@given(tricky_text)
@example("\u3000１２３\u200b ")
@example("a\xa0b")
def test_normalize_text_same_as_translate_then_strip(s: str) -> None:
    assert normalize_text(s) == reference_normalize_text(s)


FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    """Nearly valid numbers, so that the checks after the shape check are reached too."""
    region = draw(st.sampled_from(("110105", "110101", "440305", "999999", "110100", "510104")))
    born = draw(st.dates(min_value=date(1880, 1, 1), max_value=date(2030, 12, 31)))
    body = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    check = draw(st.sampled_from((calc_check_digit(body + "0"), "0", "X", "x")))
    number = body + check
    decorate = draw(st.sampled_from(("", " ", "\u3000", "-", "\u200b", "ｘ")))
    other_digits = draw(st.sampled_from((FULL_WIDTH, ARABIC_INDIC)))
    return draw(st.sampled_from((number, number.lower(), decorate + number, number + decorate,
                                 number[:9] + decorate + number[9:], number[:17], number + "0",
                                 number.translate(other_digits),
                                 number[:10] + "13" + number[12:], number[:12] + "30" + number[14:])))


def reference_parse_birth(number: str, today: date, field: str) -> tuple[date | None, list[Problem]]:
    digits = number[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None, [error("id.birth_date", field,
                            f"身份证号第 7–14 位出生日期 {digits} 不是一个真实的日期")]
    if born > today:
        return None, [error("id.birth_date", field,
                            f"身份证号中的出生日期 {born.isoformat()} 晚于今天，不可能")]
    if born.year < 1900:
        return None, [error("id.birth_date", field,
                            f"身份证号中的出生日期 {born.isoformat()} 早于 1900 年，不可能")]
    return born, []


def reference_check_id_number(raw: object, field: str = "id_number",
                              today: date | None = None) -> tuple[object, list[Problem]]:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, [error("id.empty", field, "身份证号没有填写")]
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return None, [idnumber._excel_number(field)]
    if not isinstance(raw, str):
        return None, [error("id.format", field, "身份证号应为 18 位数字（最后一位可以是 X），请按文本填写")]
    number = normalize_id_like(raw)
    if not number:
        return None, [error("id.empty", field, "身份证号没有填写")]
    if idnumber._ID_RE.fullmatch(number) is None:
        return None, [idnumber._shape_problem(number, field)]
    born, problems = reference_parse_birth(number, today or date.today(), field)
    if number[-1] != calc_check_digit(number):
        if number.endswith("000"):
            return None, [idnumber._excel_number(field)]
        problems.append(error("id.checksum", field,
                              "身份证号最后一位校验码对不上，可能有数字录错或顺序颠倒，请逐位核对"))
    if born is None or problems:
        return None, problems
    code = number[:6]
    facts = idnumber.IdFacts(number, born, "男" if int(number[16]) % 2 else "女", code,
                             idnumber.region_name(code, born.year))
    return facts, idnumber._region_problems(code, born.year, field)


def old_fifteen_digits(raw: object) -> bool:
    """A first-generation 15-digit number (text, or a whole number as Excel keeps it): the
    reference refused it; it is now stored as its 18-digit form, on purpose (test_idnumber)."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return 10**14 <= raw < 10**15 and raw == int(raw)
    return isinstance(raw, str) and re.fullmatch(r"\d{15}", normalize_id_like(raw)) is not None


@given(id_numbers() | tricky_text | st.floats() | st.integers() | st.none() | st.booleans())
@example("11010519491231002x")
@example("110105194912310000")
@example(110105194912310000.0)
def test_check_id_number_same_as_before(raw: object) -> None:
    assume(not old_fifteen_digits(raw))
    for field in ("id_number", "身份证"):
        assert check_id_number(raw, field, today=TODAY) == reference_check_id_number(  # type: ignore[arg-type]
            raw, field, today=TODAY)


def reference_check_phone(raw: object, field: str = "phone") -> tuple[str | None, list[Problem]]:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, []
    text = phone._to_text(raw)  # type: ignore[arg-type]
    if text is None:
        return None, [phone._format_error(field)]
    if not text:
        return None, []
    ext = ""
    m = phone._EXTENSION.fullmatch(text)
    if m is not None:
        text, ext = m.group(1), m.group(2)
    text = text.translate(phone._CLEAN).strip("-")
    international = phone._INTERNATIONAL.fullmatch(text)
    if international is not None:
        text = international.group(1)
    if not ext:
        text, ext = phone._split_hyphen_extension(text)
    digits = text.replace("-", "")
    if not digits.isdigit() or not digits.isascii():
        return None, [phone._format_error(field)]
    if len(digits) == 13 and digits.startswith("86") and phone._MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if phone._MOBILE.fullmatch(digits) and not ext:
        return digits, []
    if international is not None and not digits.startswith("0"):
        digits = "0" + digits
    suffix = f"转{ext}" if ext else ""
    if landline := phone._LANDLINE.fullmatch(digits):
        return f"{landline.group(1)}-{landline.group(2)}{suffix}", []
    if (service := phone._SERVICE.fullmatch(digits)) and not ext:
        return "-".join(service.groups()), []
    if phone._LOCAL.fullmatch(digits) and international is None:
        return digits + suffix, [phone.warning("phone.no_area_code", field,
                                               "联系电话没有区号，外地打不通，建议补上区号（如 010-）")]
    return None, [phone._format_error(field)]


mobiles = st.from_regex(re.compile(r"1[0-9]{10}"), fullmatch=True)


@given(mobiles | tricky_text | st.floats() | st.integers() | st.none())
@example("13800138000")
@example("1380013800\u0661")
@example(" 13800138000")
@example("13800138000\n")
def test_check_phone_same_as_before(raw: object) -> None:
    assert check_phone(raw, "tel") == reference_check_phone(raw, "tel")  # type: ignore[arg-type]
