"""The import and template commands, run through a parser built like registry/cli.py's."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from helpers.importer import id_number

from registry.cli.importing import add_commands
from registry.storage.lifecycle import close_database
from registry.storage.models import Person

ONE, TWO = id_number("110105", "19800101", "011"), id_number("110105", "19810101", "022")
Handler = Callable[[argparse.Namespace], int]


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Handler] = {}

    def add(name: str, handler: Handler, help_text: str, needs: object) -> argparse.ArgumentParser:
        handlers[name] = handler
        return commands.add_parser(name, help=help_text)

    add_commands(add)
    args = parser.parse_args(argv)
    args.actor = getattr(args, "actor", None) or "tester"  # registry.cli logs in and names the actor
    return handlers[args.command](args)


@pytest.fixture
def roster(area: dict[str, int], sheet: Callable[..., Path]) -> Path:
    return sheet(["姓名", "身份证号", "所在社区"], [["张三", ONE, "永安里社区"], ["李四", TWO, "幸福里"]])


def test_errors_mean_nothing_written_and_exit_1(db: str, roster: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", db, "import", "volunteers", str(roster)) == 1
    out = capsys.readouterr().out
    assert "第 3 行 [所在社区] 幸福里：所在社区“幸福里”不在登记库中" in out
    assert "读取 2 行，导入 0 行（新增 0，更新 0），拒绝 1 行" in out
    assert Person.select().count() == 0


def test_skip_invalid_with_error_workbook(db: str, roster: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "errors.xlsx"
    assert run("--db", db, "import", "volunteers", str(roster), "--skip-invalid", "--errors",
               str(errors), "--actor", "clerk") == 0
    assert "读取 2 行，导入 1 行（新增 1，更新 0），拒绝 1 行" in capsys.readouterr().out
    assert Person.select().count() == 1
    rows = list(openpyxl.load_workbook(errors).active.values)
    assert rows[1][:2] == ("李四", TWO) and "幸福里" in rows[1][3]


def test_dry_run_writes_nothing(db: str, roster: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", db, "import", "volunteers", str(roster), "--dry-run") == 1
    assert "未写入任何数据" in capsys.readouterr().out
    assert Person.select().count() == 0


def test_problem_lines_are_capped(db: str, area: dict[str, int], sheet: Callable[..., Path],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = sheet(["姓名", "身份证号"], [["某人", "123"] for _ in range(250)])
    assert run("--db", db, "import", "volunteers", str(path)) == 1
    out = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("第 ") for line in out) == 200
    assert "另有 50 条问题未显示" in "\n".join(out)


def test_template_works_without_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    close_database()
    target = tmp_path / "template.xlsx"
    assert run("template", "social-workers", "-o", str(target)) == 0
    assert [c.value for c in openpyxl.load_workbook(target).worksheets[0][1]][:3] == ["姓名", "证件类型", "证件号码"]
    assert not list(tmp_path.glob("*.sqlite3"))
