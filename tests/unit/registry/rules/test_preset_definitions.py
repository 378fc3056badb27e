"""A preset defined as data: read and checked, each problem naming the preset and the field;
what the register stores reads back as the same preset."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from registry.rules.preset_definitions import (
    preset_from_data,
    preset_to_data,
    presets_from_data,
    same_values,
)
from registry.rules.presets import (
    CE_PRESETS,
    SHIPPED,
    STAR_PRESETS,
    ContinuingEducationPreset,
    RoundingPreset,
    StarPreset,
    credited_hours,
    is_shipped,
    required_hours,
    star_level,
    values_text,
)

D = Decimal
STAR = {"name": "chaoyang_2026", "label": "朝阳区 2026 年标准", "thresholds": [50, 150, 300, 600, 1000.5],
        "source": "《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）", "effective": dt.date(2026, 1, 1)}
CE = {"name": "yearly_40", "label": "每年 40 学时", "cycle_years": 1,
      "hours": {"助理社会工作师": 30, "社会工作师": 40, "高级社会工作师": 40}, "source": "《某市办法》"}
ROUNDING = {"name": "half_at_30", "label": "满 30 分钟计半小时", "steps": [{"minutes": 30, "hours": 0.5}],
            "source": "《某市志愿服务计时规范》", "effective": "2025-03-01"}


def test_a_good_definition_of_each_kind_reads_as_a_preset() -> None:
    star, problems = preset_from_data("star", STAR, "第 1 个")
    assert problems == [] and isinstance(star, StarPreset)
    assert star.thresholds == (D(50), D(150), D(300), D(600), D("1000.5"))
    assert star.effective == dt.date(2026, 1, 1) and star.source.startswith("《朝阳区")
    assert star_level(star, D(160)) == 2
    ce, problems = preset_from_data("ce", CE, "第 1 个")
    assert problems == [] and isinstance(ce, ContinuingEducationPreset)
    assert ce.cycle_years == 1 and required_hours(ce, "助理社会工作师") == D(30) and ce.effective is None
    rounding, problems = preset_from_data("rounding", ROUNDING, "第 1 个")
    assert problems == [] and isinstance(rounding, RoundingPreset)
    assert rounding.effective == dt.date(2025, 3, 1)
    method, _ = preset_from_data("rounding", {**ROUNDING, "steps": None, "method": "exact"}, "x")
    assert isinstance(method, RoundingPreset) and method.method == "exact"


def test_minute_cut_offs_credit_what_they_say() -> None:
    rounding, _ = preset_from_data("rounding", ROUNDING, "x")
    assert isinstance(rounding, RoundingPreset)
    assert [credited_hours(rounding, m) for m in (0, 29, 30, 59, 60, 89, 90)] == [
        D(0), D(0), D("0.5"), D("0.5"), D(1), D(1), D("1.5")]
    # the shipped half-hour rule, written as cut-offs, credits the same at every minute of two hours
    half = preset_from_data("rounding", {**ROUNDING, "steps": [{"minutes": 15, "hours": 0.5},
                                                               {"minutes": 45, "hours": 1}]}, "x")[0]
    assert isinstance(half, RoundingPreset)
    shipped = SHIPPED.rounding_preset("half_hour")
    assert all(credited_hours(half, m) == credited_hours(shipped, m) for m in range(121))
    assert values_text(half) == "整点之后满 15 分钟计 0.5 小时、满 45 分钟计 1 小时，不足 15 分钟不计"


@pytest.mark.parametrize(("kind", "changes", "message"), [
    ("star", {"name": "Chaoyang"}, "星级规则“Chaoyang”的名称“Chaoyang”不合规：应当以小写英文字母开头"),
    ("star", {"name": "朝阳"}, "名称“朝阳”不合规"),
    ("star", {"name": None}, "第 1 个的名称“”不合规"),
    ("star", {"name": "national"}, "名称“national”是程序自带（或已停用）的星级规则的名称，不能重新定义"),
    ("star", {"name": "beijing"}, "名称“beijing”是程序自带（或已停用）的星级规则的名称"),
    ("ce", {"name": "annual_90"}, "继续教育规则“annual_90”的名称“annual_90”是程序自带"),
    ("star", {"label": "  "}, "星级规则“chaoyang_2026”的“label”不能为空"),
    ("star", {"source": None}, "星级规则“chaoyang_2026”的“source”不能为空"),
    ("star", {"source": "长" * 201}, "的“source”太长（201 个字），最多 200 个字"),
    ("star", {"thresholds": [100, 300, 600, 1000]}, "的“thresholds”应当正好列出 5 个小时数"),
    ("star", {"thresholds": "100/300/600/1000/1500"}, "的“thresholds”应当正好列出 5 个小时数"),
    ("star", {"thresholds": [100, 300, 300, 1000, 1500]}, "的“thresholds”应当从小到大、一个比一个多（现在是 "
                                                          "100/300/300/1000/1500）"),
    ("star", {"thresholds": [0, 300, 600, 1000, 1500]}, "的“thresholds”中的“0”应当是大于 0"),
    ("star", {"thresholds": [100, "300", 600, 1000, 1500]}, "的“thresholds”中的“300”应当是大于 0"),
    ("star", {"thresholds": [100, 300.125, 600, 1000, 1500]}, "（最多两位小数）"),
    ("star", {"thresholds": [100, True, 600, 1000, 1500]}, "中的“True”应当是大于 0"),
    ("star", {"effective": "2025-02-30"}, "的“effective”写的“2025-02-30”不是真实的日期"),
    ("star", {"effective": "2025/01/01"}, "的“effective”写的“2025/01/01”不是日期"),
    ("star", {"effective": dt.datetime(2025, 1, 1, 8)}, "的“effective”应当是一个日期，不带时刻"),
    ("star", {"threshold": [1, 2, 3, 4, 5]}, "星级规则“chaoyang_2026”中的“threshold”不认识"),
    ("ce", {"cycle_years": 0}, "继续教育规则“yearly_40”的“cycle_years”应当是 1 到 10 之间的整数"),
    ("ce", {"cycle_years": 11}, "现在是“11”"),
    ("ce", {"cycle_years": None}, "的“cycle_years”应当是 1 到 10 之间的整数"),
    ("ce", {"hours": {"助理社会工作师": 30, "社会工作师": 40}}, "的“hours”缺少“高级社会工作师”的学时"),
    ("ce", {"hours": {"助理社会工作师": 30, "社会工作师": 40, "高级社会工作师": 40, "社工": 9}},
     "的“hours”中的“社工”不是社工证书等级"),
    ("ce", {"hours": {"助理社会工作师": -1, "社会工作师": 40, "高级社会工作师": 40}}, "的“hours”中的“-1”应当是大于 0"),
    ("ce", {"hours": 90}, "的“hours”应当为每个证书等级写出每周期的学时"),
    ("rounding", {"steps": None}, "时长取整规则“half_at_30”的“method”和“steps”应当二选一"),
    ("rounding", {"method": "exact"}, "的“method”和“steps”应当二选一"),
    ("rounding", {"steps": None, "method": "hour"},
     "的“method”写的“hour”不认识，可用的有：half_hour、quarter_hour、exact"),
    ("rounding", {"steps": []}, "的“steps”应当列出整点之后的分钟分界和所计小时"),
    ("rounding", {"steps": [{"minutes": 60, "hours": 1}]}, "的“steps”中的 minutes = “60”应当是 1 到 59 之间的整数"),
    ("rounding", {"steps": [{"minutes": 30, "hours": 1.5}]}, "的“steps”中的“1.5”应当是大于 0、不超过 1 的数"),
    ("rounding", {"steps": [{"minutes": 30, "hours": 0.5, "extra": 1}]}, "的“steps”中的“extra”不认识"),
    ("rounding", {"steps": [{"minutes": 40, "hours": 0.5}, {"minutes": 20, "hours": 1}]},
     "的“steps”中的分钟和小时都应当从小到大"),
])
def test_each_bad_field_is_named_in_plain_words(kind: str, changes: dict[str, Any], message: str) -> None:
    good = {"star": STAR, "ce": CE, "rounding": ROUNDING}[kind]
    entry = {key: value for key, value in {**good, **changes}.items() if value is not None}
    preset, problems = preset_from_data(kind, entry, "第 1 个")  # type: ignore[arg-type]
    assert preset is None
    assert any(message in p for p in problems), problems


def test_a_definition_that_is_not_a_table_is_said_so() -> None:
    assert preset_from_data("star", "national", "第 2 个星级规则")[1] == [  # type: ignore[arg-type]
        "第 2 个星级规则格式不对：应当是一组“键 = 值”。"]


def test_a_name_defined_twice_in_one_kind_is_refused_but_each_kind_has_its_own_names() -> None:
    found, problems = presets_from_data({"star": [STAR, {**STAR, "label": "另一个"}], "ce": [{**CE, "name": "x"}],
                                         "rounding": [{**ROUNDING, "name": "x"}]},
                                        {"star": "[[presets.star_presets]] ", "ce": "", "rounding": ""})
    assert problems == ["星级规则的名称“chaoyang_2026”定义了不止一次：每个名称只能定义一次。"]
    assert [p.name for p in found] == ["chaoyang_2026", "x", "x"]


def test_what_the_register_stores_reads_back_as_the_same_preset() -> None:
    for kind, entry in (("star", STAR), ("ce", CE), ("rounding", ROUNDING),
                        ("rounding", {**ROUNDING, "steps": None, "method": "quarter_hour"})):
        preset, _ = preset_from_data(kind, {k: v for k, v in entry.items() if v is not None}, "x")  # type: ignore[arg-type]
        assert preset is not None
        again, problems = preset_from_data(kind, preset_to_data(preset), "x")  # type: ignore[arg-type]
        assert problems == [] and again == preset


def test_same_values_ignores_label_source_and_date_only() -> None:
    star, _ = preset_from_data("star", STAR, "x")
    relabelled, _ = preset_from_data("star", {**STAR, "label": "新说明", "source": "《另一份文件》",
                                              "effective": "2027-01-01"}, "x")
    other, _ = preset_from_data("star", {**STAR, "thresholds": [50, 150, 300, 600, 1001]}, "x")
    assert star is not None and relabelled is not None and other is not None
    assert same_values(star, relabelled) and not same_values(star, other)


def test_shipped_presets_carry_their_source_and_date() -> None:
    assert STAR_PRESETS["national"].source == "《志愿服务记录办法》（民政部，民函〔2012〕340号）"
    assert STAR_PRESETS["national"].effective == dt.date(2012, 10, 23)
    assert CE_PRESETS["national"].source == "《社会工作者继续教育办法》（民政部，民发〔2009〕123号）"
    assert CE_PRESETS["national"].effective == dt.date(2009, 9, 7)
    for kind in ("star", "ce", "rounding"):
        for preset in SHIPPED.of(kind).values():  # type: ignore[arg-type]
            assert preset.source and is_shipped(preset)
    star, _ = preset_from_data("star", STAR, "x")
    assert star is not None and not is_shipped(star)
