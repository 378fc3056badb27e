from datetime import date
from decimal import Decimal

import pytest

from registry.rules.presets import (
    CE_PRESETS,
    ROUNDING_PRESETS,
    SOCIAL_WORKER_LEVELS,
    STAR_PRESETS,
    credited_hours,
    cycle_bounds,
    get_ce_preset,
    get_rounding_preset,
    get_star_preset,
    hours_to_next_star,
    required_hours,
    shortfall,
    star_level,
)

D = Decimal


@pytest.mark.parametrize(
    ("name", "thresholds"),
    [("national", (100, 300, 600, 1000, 1500)), ("beijing_trial", (100, 200, 500, 800, 1000))],
)
def test_star_level_at_each_boundary(name: str, thresholds: tuple[int, ...]) -> None:
    preset = get_star_preset(name)
    assert star_level(preset, D(0)) == 0
    for stars, threshold in enumerate(thresholds, start=1):
        assert star_level(preset, D(threshold) - D("0.5")) == stars - 1
        assert star_level(preset, D(threshold)) == stars
    assert star_level(preset, D(99999)) == 5


def test_national_and_beijing_differ_at_200_hours() -> None:
    assert star_level(STAR_PRESETS["national"], D(200)) == 1
    assert star_level(STAR_PRESETS["beijing_trial"], D(200)) == 2


def test_hours_to_next_star() -> None:
    national = get_star_preset("national")
    assert hours_to_next_star(national, D("99.5")) == D("0.5")
    assert hours_to_next_star(national, D(100)) == D(200)
    assert hours_to_next_star(national, D(1499)) == D(1)
    assert hours_to_next_star(national, D(1500)) is None
    assert hours_to_next_star(get_star_preset("beijing_trial"), D(1000)) is None
    assert hours_to_next_star(get_star_preset("beijing_trial"), D(900)) == D(100)


@pytest.mark.parametrize(
    ("minutes", "half", "quarter", "exact"),
    [
        (0, "0", "0", "0"),
        (14, "0", "0.25", "0.23"),
        (15, "0.5", "0.25", "0.25"),
        (44, "0.5", "0.75", "0.73"),
        (45, "1", "0.75", "0.75"),
        (59, "1", "1", "0.98"),
        (60, "1", "1", "1"),
        (75, "1.5", "1.25", "1.25"),
        (7, "0", "0", "0.12"),
        (8, "0", "0.25", "0.13"),
        (134, "2", "2.25", "2.23"),
        (135, "2.5", "2.25", "2.25"),
    ],
)
def test_rounding_boundaries(minutes: int, half: str, quarter: str, exact: str) -> None:
    assert credited_hours(get_rounding_preset("half_hour"), minutes) == D(half)
    assert credited_hours(get_rounding_preset("quarter_hour"), minutes) == D(quarter)
    assert credited_hours(get_rounding_preset("exact"), minutes) == D(exact)


@pytest.mark.parametrize("name", sorted(ROUNDING_PRESETS))
def test_negative_minutes_rejected(name: str) -> None:
    with pytest.raises(ValueError):
        credited_hours(ROUNDING_PRESETS[name], -1)


def test_ce_required_hours_per_level() -> None:
    national = get_ce_preset("national")
    assert [required_hours(national, level) for level in SOCIAL_WORKER_LEVELS] == [
        D(72), D(90), D(90)
    ]
    annual = get_ce_preset("annual_90")
    assert [required_hours(annual, level) for level in SOCIAL_WORKER_LEVELS] == [D(90)] * 3
    assert (national.cycle_years, annual.cycle_years) == (3, 1)


def test_unknown_level_and_preset_names_raise_key_error_in_chinese() -> None:
    with pytest.raises(KeyError, match="社工证书等级"):
        required_hours(CE_PRESETS["national"], "社工")
    with pytest.raises(KeyError, match="shanghai"):
        get_star_preset("shanghai")
    with pytest.raises(KeyError):
        get_rounding_preset("minute")
    with pytest.raises(KeyError):
        get_ce_preset("yearly")


def test_shortfall_never_negative() -> None:
    national = CE_PRESETS["national"]
    assert shortfall(national, "助理社会工作师", D("60.5")) == D("11.5")
    assert shortfall(national, "社会工作师", D(0)) == D(90)
    assert shortfall(national, "高级社会工作师", D(120)) == D(0)
    assert shortfall(CE_PRESETS["annual_90"], "助理社会工作师", D(72)) == D(18)


def test_cycle_bounds() -> None:
    national = CE_PRESETS["national"]
    assert cycle_bounds(national, date(2025, 6, 30)) == (date(2022, 6, 30), date(2025, 6, 30))
    assert cycle_bounds(national, date(2024, 2, 29)) == (date(2021, 2, 28), date(2024, 2, 29))
    assert cycle_bounds(CE_PRESETS["annual_90"], date(2024, 2, 29)) == (
        date(2023, 2, 28), date(2024, 2, 29)
    )


def test_preset_keys_match_names_and_have_chinese_labels() -> None:
    for presets in (STAR_PRESETS, ROUNDING_PRESETS, CE_PRESETS):
        for key, preset in presets.items():
            assert preset.name == key
            assert any("\u4e00" <= c <= "\u9fff" for c in preset.label)
