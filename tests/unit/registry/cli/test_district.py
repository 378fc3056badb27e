"""`district check` names what is wrong and lists the presets a file chooses and defines, with
their sources and dates; `presets` lists what a register knows, its own marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.districts import CHAOYANG, OWN_STAR, district_file

from registry.cli import main


def own_file(tmp_path: Path, effective: str = "2020-01-01", star: str = "chaoyang_2026") -> Path:
    return district_file(tmp_path, star=star,
                         definitions=OWN_STAR.replace("effective = 2026-01-01", f"effective = {effective}"))


def test_check_lists_the_chosen_presets_with_source_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["district", "check", str(CHAOYANG)]) == 0
    out = capsys.readouterr().out
    assert "配置正确：北京市朝阳区（110105）" in out
    assert "选用的星级规则：" in out and "national  全国标准" in out
    assert "依据：《志愿服务记录办法》（民政部，民函〔2012〕340号）；施行日期：2012-10-23" in out
    assert "依据：常见的计时做法（无全国统一规定）；施行日期：不详" in out


def test_check_lists_the_files_own_presets_and_warns_of_one_not_yet_in_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert main(["district", "check", str(own_file(tmp_path, later))]) == 0
    out = capsys.readouterr().out
    assert "本文件定义的规则（1 个）：" in out and "chaoyang_2026  星级 · 朝阳区 2026 年标准" in out
    assert "一至五星：50/100/200/400/800 小时" in out
    assert f"依据：《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）；施行日期：{later}" in out
    assert (f"提醒：[presets] 选用的星级规则“chaoyang_2026”（朝阳区 2026 年标准（50/100/200/400/800 小时））"
            f"{later} 才施行") in out


def test_check_names_a_bad_definition_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["district", "check", str(own_file(tmp_path, '"2026-13-01"'))]) == 1
    err = capsys.readouterr().err
    assert "错误：星级规则“chaoyang_2026”的“effective”写的“2026-13-01”不是真实的日期。" in err
    assert "配置文件有 1 处问题" in err and "Traceback" not in err


def test_applied_presets_are_listed_by_the_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "district", "apply", str(own_file(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["--db", db, "presets"]) == 0
    out = capsys.readouterr().out
    assert "    national  全国标准" in out  # no longer the one in use
    assert "  * chaoyang_2026  朝阳区 2026 年标准（50/100/200/400/800 小时）（本区定义）" in out
    assert "依据：《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）；施行日期：2020-01-01" in out
    assert "  * national  全国标准（每 3 年登记周期" in out  # continuing education: still the national one
