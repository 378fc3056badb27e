"""Dates things fall due: annual inspection reports, evaluation grades, social-worker
registration. Pure functions of dates; "today" is always passed in."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date

from registry.texts import mark, msg

EVALUATION_VALID_YEARS = 5
REGISTRATION_VALID_YEARS = 3
REREGISTRATION_WINDOW_MONTHS = 3

KIND_LABELS = {
    "annual_report_supervisor": mark("年度工作报告报送业务主管单位"),
    "annual_report_authority": mark("年度工作报告报送登记管理机关"),
    "charity_annual_report": mark("慈善组织年报"),
    "evaluation_expiry": mark("评估等级到期"),
    "first_registration": mark("社工首次登记"),
    "registration_expiry": mark("社工登记有效期届满"),
    "reregistration_window": mark("社工再登记开始办理"),
    "ce_shortfall": mark("继续教育学时未达标"),
}


@dataclass(frozen=True)
class Deadline:
    """A date something is due by, and the days left."""

    kind: str  # a key of KIND_LABELS
    label: str  # Chinese, shown to the clerk
    due: date
    days_left: int  # negative once overdue


def add_months(d: date, months: int) -> date:
    """Calendar months later (or earlier); the day is clamped to the month's end,
    so 05-31 minus 3 months is 02-28 (02-29 in leap years)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    """Same day `years` later or earlier; 02-29 becomes 02-28 in a common year."""
    return add_months(d, 12 * years)


def days_left(due: date, today: date) -> int:
    return (due - today).days


def make_deadline(kind: str, due: date, today: date, label: str | None = None) -> Deadline:
    return Deadline(kind, label or KIND_LABELS[kind], due, days_left(due, today))


# The yearly reports each kind of organization owes, as (kind, month, day): defaults a district
# file may replace type by type ([deadlines] in packaging/districts/*.toml). 《社会团体登记管理
# 条例》, 《民办非企业单位登记管理暂行条例》 and 《社会团体年度检查办法》 (in force 2026-01-01):
# to the supervising unit by 3-31, to the registration authority by 5-31; 《基金会管理条例》:
# to the registration authority by 3-31; 《慈善法》: a charity files its 年报 on the date the
# district sets; community groups filed (备案) at the street owe none by default.
Reports = tuple[tuple[str, int, int], ...]  # (kind, month, day) of each yearly report
OrgReports = dict[str, Reports]  # organization type → its reports
CHARITY = "慈善组织"  # zh-data: a designation of a registered organization, not an org_type
ORG_REPORTS: OrgReports = {
    "社会团体": (("annual_report_supervisor", 3, 31), ("annual_report_authority", 5, 31)),  # zh-data
    "社会服务机构": (("annual_report_supervisor", 3, 31), ("annual_report_authority", 5, 31)),  # zh-data
    "基金会": (("annual_report_authority", 3, 31),),  # zh-data
    CHARITY: (),
    "社区社会组织": (),  # zh-data
}
_REPORT_LABELS = {
    "annual_report_supervisor": mark("{work} 年度工作报告报送业务主管单位"),
    "annual_report_authority": mark("{work} 年度工作报告报送登记管理机关"),
    "charity_annual_report": mark("{work} 年度慈善组织年报"),
}


def report_deadlines(reports: Reports, year: int, today: date, *,
                     has_supervisor: bool = True) -> list[Deadline]:
    """The report deadlines falling in `year` (they cover year − 1's work); an organization
    without a supervising unit owes it no report."""
    return [make_deadline(kind, date(year, month, min(day, calendar.monthrange(year, month)[1])), today,
                          msg(_REPORT_LABELS[kind], work=year - 1))
            for kind, month, day in reports
            if has_supervisor or kind != "annual_report_supervisor"]


# A registered organization recognized as a charity (认定为慈善组织, 《慈善法》 since 2016-09-01)
# files the charity's reports (ORG_REPORTS[CHARITY], or the district's) instead of its type's,
# from the year after its recognition: the reports of year Y cover Y − 1's work, and only the
# work of a year it was a charity from the start of is a charity's.
CHARITY_LAW_IN_FORCE = date(2016, 9, 1)


def charity_reports_since(year: int) -> date:
    """An organization recognized as a charity before this day owes the charity's reports in
    `year` (and no longer its type's)."""
    return date(year, 1, 1)


def charity_reports_from(recognized_on: date) -> int:
    """The first year an organization recognized on `recognized_on` owes the charity's reports."""
    return recognized_on.year + 1


def files_as_charity(recognized_on: date | None, year: int) -> bool:
    """Does an organization recognized on `recognized_on` (None: not a charity) owe the charity's
    reports, rather than its type's, in `year`?"""
    return recognized_on is not None and recognized_on < charity_reports_since(year)


def reports_owed(reports: OrgReports, org_type: str, recognized_on: date | None, year: int) -> Reports:
    """The reports one organization owes in `year`: the charity's from the year after its
    recognition, else its type's (none for a type the table does not know). Until a district
    gives the charity's 年报 a date, a charity owes its type's reports: a deadline never just
    disappears because a designation was recorded."""
    if files_as_charity(recognized_on, year) and reports.get(CHARITY):
        return reports[CHARITY]
    return reports.get(org_type, ())


def annual_inspection_deadlines(year: int, today: date) -> list[Deadline]:
    """The two report deadlines a 社会团体 with a supervising unit has in `year`."""
    return report_deadlines(ORG_REPORTS["社会团体"], year, today)  # zh-data


def evaluation_expiry(awarded_on: date) -> date:
    """An evaluation grade lapses on the same calendar day five years after award."""
    return add_years(awarded_on, EVALUATION_VALID_YEARS)


def first_registration_due(obtained_year: int) -> tuple[date, date]:
    """(earliest, latest) day a first registration can fall due: within one year of obtaining
    the certificate (《社会工作者职业资格考试实施办法》 registration rules), when the register
    knows only the year it was obtained."""
    return date(obtained_year + 1, 1, 1), date(obtained_year + 1, 12, 31)


def registration_valid_until(registered_on: date) -> date:
    """A social worker's registration is valid for three years from registration."""
    return add_years(registered_on, REGISTRATION_VALID_YEARS)


def reregistration_window(valid_until: date) -> tuple[date, date]:
    """(first day, last day) for applying to re-register: the three months before expiry."""
    return add_months(valid_until, -REREGISTRATION_WINDOW_MONTHS), valid_until


# How a district file names each report, [deadlines] 社会团体 = { supervisor = "03-31", … }
REPORT_KEYS = {"supervisor": "annual_report_supervisor", "authority": "annual_report_authority",
               "annual_report": "charity_annual_report"}


def _month_day(text: object) -> tuple[int, int] | None:
    """"03-31" as (3, 31); 02-29 is allowed (02-28 in a common year); None when not a date."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != "-" or not (text[:2] + text[3:]).isdigit():
        return None
    month, day = int(text[:2]), int(text[3:])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        return None
    return month, day


def parse_org_reports(raw: object) -> tuple[OrgReports, list[str]]:
    """A district file's [deadlines]: the reports of each type it names (replacing that type's
    defaults), and what is wrong with it, in plain words."""
    if not isinstance(raw, dict):
        return {}, [msg("[deadlines] 部分格式不对。")]
    found: OrgReports = {}
    problems: list[str] = []
    for org_type, reports in raw.items():
        if org_type not in ORG_REPORTS:
            problems.append(msg("[deadlines] 中的组织类型“{org_type}”不认识，可用的有：{types}。",
                                org_type=org_type, types="、".join(ORG_REPORTS)))
            continue
        if not isinstance(reports, dict):
            problems.append(msg("[deadlines] 的“{org_type}”应当写成 {{ authority = \"05-31\" }} 的形式。",
                                org_type=org_type))
            continue
        rules = []
        for key, value in reports.items():
            kind = REPORT_KEYS.get(key)
            when = _month_day(value)
            if kind is None:
                problems.append(msg("[deadlines] 的“{org_type}”中的“{key}”不认识，可用的有：{keys}。",
                                    org_type=org_type, key=key, keys="、".join(REPORT_KEYS)))
            elif value == "":
                continue  # "" says: this report is not required here
            elif when is None:
                problems.append(msg("[deadlines] 的“{org_type}”中 {key} = “{value}”不是“月-日”形式的日期"
                                    "（例如 \"05-31\"）。", org_type=org_type, key=key, value=value))
            else:
                rules.append((kind, *when))
        found[org_type] = tuple(rules)
    return found, problems


def org_reports(overrides: OrgReports) -> OrgReports:
    """Each organization type's reports: the district's where it names the type, else the defaults."""
    return {**ORG_REPORTS, **overrides}


def reports_to_text(overrides: OrgReports) -> str:
    """The district's reports as the register stores them (a setting): the same text each time."""
    return json.dumps({t: [list(r) for r in rules] for t, rules in overrides.items()},
                      ensure_ascii=False, sort_keys=True)


def reports_from_text(text: str) -> OrgReports:
    """The stored setting read back; what is not understood is left out (the defaults stand)."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {t: tuple((str(k), int(m), int(d)) for k, m, d in rules if k in _REPORT_LABELS)
            for t, rules in data.items() if t in ORG_REPORTS and isinstance(rules, list)}
