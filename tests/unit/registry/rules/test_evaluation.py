"""Evaluation eligibility by last years' annual inspections (《社会组织评估管理办法》)."""

import pytest

from registry.rules.evaluation import evaluation_barrier


@pytest.mark.parametrize(("results", "barred"), [
    ({2025: "合格"}, None),
    ({2025: "基本合格", 2024: "合格"}, None),
    ({2025: "合格", 2024: "基本合格", 2023: "基本合格"}, None),  # two years running, but not the last two
    ({2024: "合格"}, "2025 年度未参加年检"),
    ({}, "2025 年度未参加年检"),
    ({2025: "不合格"}, "2025 年度年检不合格"),
    ({2025: "基本合格", 2024: "基本合格"}, "2024、2025 年度连续两年年检基本合格"),
])
def test_last_years_inspections_decide(results: dict[int, str], barred: str | None) -> None:
    assert evaluation_barrier(results, 2026) == barred
