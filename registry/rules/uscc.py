"""Unified social credit codes (GB 32100-2015) and the organization code inside them
(GB 11714-1997): check, decode, and make valid codes for tests and demo data."""

from __future__ import annotations

from dataclasses import dataclass

from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_id_like
from registry.texts import mark, msg, shown

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_FORBIDDEN = "IOZSV"  # left out of the charset because they look like 1 0 2 5 U

DEPARTMENTS = {
    "1": mark("机构编制"),
    "2": mark("外交"),
    "3": mark("司法行政"),
    "4": mark("文化"),
    "5": mark("民政"),
    "6": mark("旅游"),
    "7": mark("宗教"),
    "8": mark("工会"),
    "9": mark("工商（市场监管）"),
    "A": mark("中央军委改革和编制办公室"),
    "N": mark("农业"),
    "Y": mark("其他"),
}
CIVIL_AFFAIRS = "5"
CIVIL_AFFAIRS_TYPES = {"1": "社会团体", "2": "社会服务机构", "3": "基金会", "9": "其他"}  # zh-data
# 民办非企业单位 was renamed 社会服务机构 by the 2016 Charity Law; clerks use both.
_TYPE_ALIASES = {"民办非企业单位": "社会服务机构"}  # zh-data
# Filed (备案) at street level, not registered: such groups often have no code at all.
_UNREGISTERED_TYPES = ("社区社会组织",)  # zh-data


@dataclass(frozen=True)
class UsccFacts:
    code: str
    department: str
    org_type: str | None  # civil-affairs codes only
    region_code: str
    organization_code: str


def _uscc_check(body17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(body17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def _org_value(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def _org_check(body8: str) -> str:
    remainder = 11 - sum(_org_value(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def make_org_code(body8: str) -> str:
    """The 9-character organization code: body8 (digits, upper-case letters) + check."""
    if len(body8) != 8 or not all(c.isascii() and (c.isdigit() or c.isupper()) for c in body8):
        raise ValueError(msg("组织机构代码本体应为 8 位数字或大写字母：{body8!r}", body8=body8))
    return body8 + _org_check(body8)


def make_uscc(body17: str) -> str:
    """The 18-character code: body17 (characters of CHARSET) + check character."""
    if len(body17) != 17 or any(c not in _VALUE for c in body17):
        raise ValueError(msg("统一社会信用代码本体应为 17 位且只用规定字符：{body17!r}", body17=body17))
    return body17 + _uscc_check(body17)


def _shape_problems(code: str, field: str) -> list[Problem]:
    problems: list[Problem] = []
    forbidden = sorted({c for c in code if c in _FORBIDDEN})
    others = sorted({c for c in code if c not in _VALUE and c not in _FORBIDDEN})
    if forbidden:
        problems.append(error("uscc.format", field,
                              msg("统一社会信用代码不使用字母 I、O、Z、S、V，"
                              "这里出现了 {forbidden}，"
                              "多半是把数字 1、0、2、5 或字母 U 录错了", forbidden='、'.join(forbidden))))
    elif others:
        problems.append(error("uscc.format", field,
                              msg("统一社会信用代码只能由数字和大写字母组成，"
                              "这里出现了 {others}", others='、'.join(others))))
    if len(code) != 18:
        problems.append(error("uscc.length", field,
                              msg("统一社会信用代码应为 18 位，现在是 {length} 位", length=len(code))))
    elif not problems and not code[2:8].isdigit():
        problems.append(error("uscc.format", field,
                              msg("统一社会信用代码第 3–8 位是行政区划码，应全为数字")))
    return problems


def _type_problems(department: str, kind: str, declared: str | None,
                   field: str) -> list[Problem]:
    if department != CIVIL_AFFAIRS:
        name = shown(DEPARTMENTS.get(department, "")) or msg("未知部门")
        return [warning("uscc.not_civil_affairs", field,
                        msg("统一社会信用代码第 1 位是 {department}（{name}登记），不是民政部门登记的"
                        "社会组织，请核对", department=department, name=name))]
    org_type = CIVIL_AFFAIRS_TYPES.get(kind)
    if org_type is None:
        return [warning("uscc.category_unknown", field,
                        msg("统一社会信用代码第 2 位 {kind} 不是民政登记的机构类别，请核对", kind=kind))]
    declared = _TYPE_ALIASES.get(declared or "", declared)
    if declared and declared not in _UNREGISTERED_TYPES and declared != org_type:
        return [warning("uscc.type_mismatch", field,
                        msg("统一社会信用代码显示这是{org_type}，但登记的类型是{declared}，请核对",
                            org_type=shown(org_type), declared=shown(declared)))]
    return []


def check_uscc(
    raw: str | None, field: str = "uscc", declared_type: str | None = None
) -> tuple[UsccFacts | None, list[Problem]]:
    """Check a code; facts only when there is no error. Department and type
    disagreements are warnings: the clerk may know better than the code."""
    if raw is not None and not isinstance(raw, str):
        return None, [error("uscc.format", field, msg("统一社会信用代码应为 18 位数字和字母，请按文本填写"))]
    code = normalize_id_like(raw or "")
    if not code:
        return None, [error("uscc.empty", field, msg("统一社会信用代码没有填写"))]
    problems = _shape_problems(code, field)
    if problems:
        return None, problems
    if _org_check(code[8:16]) != code[16]:
        problems.append(error("uscc.org_code_checksum", field,
                              msg("统一社会信用代码第 9–17 位（组织机构代码）的校验位对不上，"
                              "可能有字符录错，请逐位核对")))
    if _uscc_check(code[:17]) != code[17]:
        problems.append(error("uscc.checksum", field,
                              msg("统一社会信用代码最后一位校验码对不上，可能有字符录错或顺序颠倒，请逐位核对")))
    if problems:
        return None, problems
    department = code[0]
    facts = UsccFacts(
        code=code,
        department=DEPARTMENTS.get(department, msg("未知部门")),
        org_type=CIVIL_AFFAIRS_TYPES.get(code[1]) if department == CIVIL_AFFAIRS else None,
        region_code=code[2:8],
        organization_code=code[8:17],
    )
    return facts, _type_problems(department, code[1], declared_type, field)
