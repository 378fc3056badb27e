"""District files for tests: the shipped Chaoyang file, and copies of it that define presets
of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import ROOT

CHAOYANG = ROOT / "packaging" / "districts" / "110105-chaoyang.toml"
OWN_STAR = """
[[presets.star_presets]]
name = "chaoyang_2026"
label = "朝阳区 2026 年标准（50/100/200/400/800 小时）"
thresholds = [50, 100, 200, 400, 800]
source = "《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）"
effective = 2026-01-01
"""
OWN_CE_AND_ROUNDING = """
[[presets.continuing_education_presets]]
name = "yearly_40"
label = "每年 40 学时"
cycle_years = 1
hours = { "助理社会工作师" = 30, "社会工作师" = 40, "高级社会工作师" = 40 }
source = "《某市社会工作者继续教育实施细则》"

[[presets.rounding_presets]]
name = "half_at_30"
label = "满 30 分钟计半小时"
steps = [{ minutes = 30, hours = 0.5 }]
source = "《某市志愿服务计时规范》"
"""


def district_file(tmp_path: Path, *, star: str = "national", definitions: str = OWN_STAR,
                  name: str = "own.toml", **others: Any) -> Path:
    """The Chaoyang file choosing `star` (and others), with `definitions` under its [presets]."""
    text = CHAOYANG.read_text(encoding="utf-8").replace('star = "national"', f'star = "{star}"', 1)
    for key, value in others.items():
        text = text.replace(f'{key} = "national"' if key == "continuing_education" else f'{key} = "half_hour"',
                            f'{key} = "{value}"', 1)
    text = text.replace("\n[deadlines]", definitions + "\n[deadlines]", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
