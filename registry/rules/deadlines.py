"""Dates things fall due: annual inspection reports, evaluation grades, social-worker
registration. Pure functions of dates; "today" is always passed in."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from registry.texts import mark, msg

EVALUATION_VALID_YEARS = 5
REGISTRATION_VALID_YEARS = 3
REREGISTRATION_WINDOW_MONTHS = 3

KIND_LABELS = {
    "annual_report_supervisor": mark("年度工作报告报送业务主管单位"),
    "annual_report_authority": mark("年度工作报告报送登记管理机关"),
    "evaluation_expiry": mark("评估等级到期"),
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


def annual_inspection_deadlines(year: int, today: date) -> list[Deadline]:
    """The two report deadlines falling in `year`; the reports cover year − 1's work."""
    work = year - 1
    return [
        make_deadline("annual_report_supervisor", date(year, 3, 31), today,
                      msg("{work} 年度工作报告报送业务主管单位", work=work)),
        make_deadline("annual_report_authority", date(year, 5, 31), today,
                      msg("{work} 年度工作报告报送登记管理机关", work=work)),
    ]


def evaluation_expiry(awarded_on: date) -> date:
    """An evaluation grade lapses on the same calendar day five years after award."""
    return add_years(awarded_on, EVALUATION_VALID_YEARS)


def registration_valid_until(registered_on: date) -> date:
    """A social worker's registration is valid for three years from registration."""
    return add_years(registered_on, REGISTRATION_VALID_YEARS)


def reregistration_window(valid_until: date) -> tuple[date, date]:
    """(first day, last day) for applying to re-register: the three months before expiry."""
    return add_months(valid_until, -REREGISTRATION_WINDOW_MONTHS), valid_until
