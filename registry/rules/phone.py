"""Chinese phone numbers: mobiles, landlines with area code and extension, 400/800
service numbers. An empty phone is allowed; a number without area code is a warning."""

from __future__ import annotations

import math
import re

from registry.rules.disclosure import HIDDEN, LOCAL_HIDDEN, MOBILE_TAIL_SHOWN, PHONE_HIDDEN_MIN, mask_characters
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_text
from registry.texts import msg

_MOBILE = re.compile(r"1[3-9]\d{9}")
# \d would also take other scripts' digits, which the full check rejects.
_ASCII_MOBILE = re.compile(r"1[3-9][0-9]{9}").fullmatch
# 010 and 02x are the only 3-digit area codes; all others are 0 + 3 digits starting 3–9,
# so a number typed without hyphen still splits unambiguously.
_LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d\d))(\d{7,8})")
_SERVICE = re.compile(r"([48]00)(\d{3})(\d{4})")
# Local numbers start with 2–8; seven or eight digits starting with 1 are a cut mobile.
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_EXTENSION = re.compile(r"(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})", re.IGNORECASE)  # zh-data
_INTERNATIONAL = re.compile(r"(?:\+|00)86-?(.*)")
_CLEAN: dict[int, str | None] = {ord(c): None for c in " \t()（）"}
_CLEAN.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014－"})


def _format_error(field: str) -> Problem:
    return error("phone.format", field,
                 msg("联系电话格式不对：手机号应为 11 位，座机应为区号加 7–8 位号码"
                 "（如 010-12345678），分机可写成“转123”"))


def _to_text(raw: str | int | float) -> str | None:
    """Excel hands phone numbers over as floats; an integral one lost nothing."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else None
    if isinstance(raw, int):
        return str(raw)
    if not isinstance(raw, str):
        return None  # a date or anything else a spreadsheet cell may hold
    return normalize_text(raw)


def _split_hyphen_extension(text: str) -> tuple[str, str]:
    """"0755-1234567-123" → ("0755-1234567", "123"): a trailing group counts as an
    extension only right after a 7–8 digit subscriber number."""
    groups = text.split("-")
    if len(groups) >= 3 and 1 <= len(groups[-1]) <= 6 and 7 <= len(groups[-2]) <= 8:
        return "-".join(groups[:-1]), groups[-1]
    return text, ""


def check_phone(
    raw: str | int | float | None, field: str = "phone"
) -> tuple[str | None, list[Problem]]:
    """(normalized number or None when empty, problems). Normal forms: "13800138000",
    "010-12345678", "0755-1234567转123", "400-123-4567", bare local "12345678"."""
    if raw.__class__ is str and len(raw) == 11 and _ASCII_MOBILE(raw) is not None:
        return raw, []  # the usual cell: a bare mobile number, already in normal form
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None, []
    text = _to_text(raw)
    if text is None:
        return None, [_format_error(field)]
    if not text:
        return None, []
    ext = ""
    m = _EXTENSION.fullmatch(text)
    if m is not None:
        text, ext = m.group(1), m.group(2)
    text = text.translate(_CLEAN).strip("-")
    international = _INTERNATIONAL.fullmatch(text)
    if international is not None:
        text = international.group(1)
    if not ext:
        text, ext = _split_hyphen_extension(text)
    digits = text.replace("-", "")
    if not digits.isdigit() or not digits.isascii():
        return None, [_format_error(field)]
    if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]  # "86" without + or 00 is only unambiguous before a mobile
    if _MOBILE.fullmatch(digits) and not ext:
        return digits, []
    if international is not None and not digits.startswith("0"):
        digits = "0" + digits  # +86 10 1234 5678: the trunk 0 is dropped abroad
    suffix = f"转{ext}" if ext else ""  # zh-data
    if landline := _LANDLINE.fullmatch(digits):
        return f"{landline.group(1)}-{landline.group(2)}{suffix}", []
    if (service := _SERVICE.fullmatch(digits)) and not ext:
        return "-".join(service.groups()), []
    if _LOCAL.fullmatch(digits) and international is None:
        return digits + suffix, [warning("phone.no_area_code", field,
                                         msg("联系电话没有区号，外地打不通，建议补上区号（如 010-）"))]
    return None, [_format_error(field)]


def mask_phone(p: str) -> str:
    """"138****8000": a mobile hides four digits, 10,000 candidates. A landline keeps its
    area code and hides five digits of its local number (its first digit is 2–9, so four
    would leave only 8,000): "010-*****678", "0755-*****67"; the extension is left out.
    Anything else, service numbers too, hides at least five characters and keeps at most
    two (registry/rules/disclosure.py counts what each leaves)."""
    if _MOBILE.fullmatch(p):
        return p[:3] + HIDDEN * (11 - 3 - MOBILE_TAIL_SHOWN) + p[11 - MOBILE_TAIL_SHOWN:]
    number = p.split("转")[0]  # zh-data
    area, _, local = number.rpartition("-")
    if local.isdigit() and 7 <= len(local) <= 8 and (not area or _LANDLINE.fullmatch(area + local)):
        keep = len(local) - LOCAL_HIDDEN
        return (f"{area}-" if area else "") + HIDDEN * LOCAL_HIDDEN + local[-keep:]
    return mask_characters(p, keep=2, hidden_min=PHONE_HIDDEN_MIN)
