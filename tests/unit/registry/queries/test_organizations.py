"""The organization detail pane: the organization and its year, latest first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from registry import ops
from registry.queries.organizations import organization_detail, organization_name
from registry.rules.problems import NotFoundError
from registry.rules.uscc import make_org_code, make_uscc

YEAR = dt.date.today().year
USCC = make_uscc("52110105" + make_org_code("MJ000001"))


@pytest.fixture
def org(area: dict[str, int]) -> int:
    return int(ops.register_organization("clerk", {
        "name": "阳光社工服务中心", "uscc": USCC, "org_type": "社会服务机构", "legal_representative_name": "李四",
        "founded_on": "2015-03-01", "community": area["community"]}).id)


def test_inspections_grades_and_projects_latest_first(org: int) -> None:
    for year, result in ((YEAR - 3, "合格"), (YEAR - 1, "基本合格"), (YEAR - 2, "合格")):
        ops.record_annual_inspection("clerk", org, year, result)
    ops.set_evaluation_grade("clerk", org, 3, "2019-05-01")
    ops.set_evaluation_grade("clerk", org, 4, "2024-03-01")
    for name in ("助老项目", "助残项目"):
        ops.add_service_project("clerk", org, {"name": name, "buyer": "民政局", "amount": "120000"})
    shown = organization_detail(org)
    assert [(i.year, i.result) for i in shown.inspections] == [
        (YEAR - 1, "基本合格"), (YEAR - 2, "合格"), (YEAR - 3, "合格")]
    assert [(g.grade, g.expires_on) for g in shown.grades] == [
        (4, dt.date(2029, 3, 1)), (3, dt.date(2024, 5, 1))]  # valid five years
    assert [(p.name, p.amount) for p in shown.projects] == [
        ("助残项目", Decimal(120000)), ("助老项目", Decimal(120000))]
    assert (shown.name, shown.org_type, shown.legal_representative, shown.founded_on, shown.uscc) == (
        "阳光社工服务中心", "社会服务机构", "李四", dt.date(2015, 3, 1), USCC)


def test_a_deregistered_organization_says_why(org: int) -> None:
    ops.deregister_organization("clerk", org, "撤销", "连续两年未年检")
    shown = organization_detail(org)
    assert (shown.status, shown.status_reason) == ("撤销", "连续两年未年检")
    assert organization_name(org) == "阳光社工服务中心"
    with pytest.raises(NotFoundError):
        organization_name(org + 1)


def test_a_charity_says_when_it_was_recognized_and_from_which_year_it_files_as_one(org: int) -> None:
    assert (organization_detail(org).charity_recognized_on, organization_detail(org).charity_reports_from) == (
        None, None)
    ops.update_organization("clerk", org, {"charity_recognized_on": "2021-03-05"})
    shown = organization_detail(org)
    # the defaults give the charity's 年报 no date: it files its type's reports still
    assert (shown.charity_recognized_on, shown.charity_reports_from) == (dt.date(2021, 3, 5), None)
    from helpers import ROOT

    from registry.ops.district import apply_district, check_district

    config, problems = check_district(ROOT / "packaging" / "districts" / "110105-chaoyang.toml")
    assert config is not None and not problems
    apply_district("admin", config)  # its charities file their 年报 by 05-31
    assert organization_detail(org).charity_reports_from == 2022
