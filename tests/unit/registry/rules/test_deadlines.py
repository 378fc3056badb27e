from datetime import date

from registry.rules.deadlines import (
    Deadline,
    add_months,
    annual_inspection_deadlines,
    days_left,
    evaluation_expiry,
    make_deadline,
    registration_valid_until,
    reregistration_window,
)


def test_annual_inspection_deadlines() -> None:
    supervisor, authority = annual_inspection_deadlines(2025, date(2025, 3, 1))
    assert supervisor == Deadline("annual_report_supervisor", supervisor.label,
                                  date(2025, 3, 31), 30)
    assert authority.kind == "annual_report_authority"
    assert authority.due == date(2025, 5, 31)
    assert authority.days_left == 91
    assert "2024" in supervisor.label and "业务主管单位" in supervisor.label
    assert "登记管理机关" in authority.label


def test_overdue_deadline_has_negative_days_left() -> None:
    supervisor, _ = annual_inspection_deadlines(2025, date(2025, 4, 2))
    assert supervisor.days_left == -2


def test_evaluation_expiry_five_years_and_feb_29() -> None:
    assert evaluation_expiry(date(2021, 11, 15)) == date(2026, 11, 15)
    assert evaluation_expiry(date(2020, 2, 29)) == date(2025, 2, 28)


def test_registration_valid_three_years_and_feb_29() -> None:
    assert registration_valid_until(date(2022, 7, 1)) == date(2025, 7, 1)
    assert registration_valid_until(date(2024, 2, 29)) == date(2027, 2, 28)


def test_reregistration_window_is_three_months_before_expiry() -> None:
    assert reregistration_window(date(2025, 7, 1)) == (date(2025, 4, 1), date(2025, 7, 1))
    assert reregistration_window(date(2024, 5, 31)) == (date(2024, 2, 29), date(2024, 5, 31))
    assert reregistration_window(date(2025, 1, 15)) == (date(2024, 10, 15), date(2025, 1, 15))


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_days_left_and_default_labels() -> None:
    assert days_left(date(2025, 1, 10), date(2025, 1, 1)) == 9
    deadline = make_deadline("evaluation_expiry", date(2025, 1, 10), date(2025, 1, 1))
    assert deadline.label == "评估等级到期" and deadline.days_left == 9


def test_reports_by_type_and_without_a_supervising_unit() -> None:
    from registry.rules.deadlines import (
        ORG_REPORTS,
        parse_org_reports,
        report_deadlines,
        reports_from_text,
        reports_to_text,
    )

    today = date(2026, 1, 10)
    assert [(d.kind, d.due) for d in report_deadlines(ORG_REPORTS["基金会"], 2026, today)] == [
        ("annual_report_authority", date(2026, 3, 31))]
    assert [d.kind for d in report_deadlines(ORG_REPORTS["社会服务机构"], 2026, today, has_supervisor=False)] == [
        "annual_report_authority"]
    assert report_deadlines(ORG_REPORTS["社区社会组织"], 2026, today) == []
    leap, problems = parse_org_reports({"慈善组织": {"annual_report": "02-29"}})
    assert problems == [] and reports_from_text(reports_to_text(leap)) == leap
    assert report_deadlines(leap["慈善组织"], 2026, today)[0].due == date(2026, 2, 28)  # a common year
    assert parse_org_reports({"基金会": {"authority": "02-30"}})[1]


def test_a_charity_files_the_charitys_reports_from_the_year_after_its_recognition() -> None:
    from registry.rules.deadlines import CHARITY, ORG_REPORTS, charity_reports_from, files_as_charity, reports_owed

    district = {**ORG_REPORTS, CHARITY: (("charity_annual_report", 5, 31),)}
    recognized = date(2024, 12, 31)
    assert charity_reports_from(recognized) == 2025
    assert [files_as_charity(recognized, year) for year in (2024, 2025, 2030)] == [False, True, True]
    assert not files_as_charity(date(2025, 1, 1), 2025)  # recognized on new year's day: 2024's work was not a charity's
    assert not files_as_charity(None, 2025)
    assert reports_owed(district, "基金会", recognized, 2024) == (("annual_report_authority", 3, 31),)
    assert reports_owed(district, "基金会", recognized, 2025) == (("charity_annual_report", 5, 31),)  # instead
    assert reports_owed(district, "社会团体", None, 2025) == ORG_REPORTS["社会团体"]
    assert reports_owed(ORG_REPORTS, "基金会", recognized, 2025) == ORG_REPORTS["基金会"]  # no date: its type's
