"""`deadlines`: the worklist from the command line, narrowed like the program's list."""

from __future__ import annotations

import datetime as dt

import pytest

from registry import ops
from registry.cli import main

TODAY = dt.date.today()


@pytest.fixture
def workers(db: str, area: dict[str, int]) -> str:
    for number, (name, community, days) in enumerate((("李四", "community", 20), ("王五", "community2", 50))):
        ops.register_social_worker("c", {"community": area[community], "name": name,
                                         "id_number": ("110105199001010037", "11010519491231002X")[number],
                                         "level": "社会工作师", "certificate_number": f"S{number}",
                                         "registered_on": TODAY - dt.timedelta(days=3 * 365 - days)})
    return db


def lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_filters_by_kind_community_and_dates(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", workers, "deadlines", "--kind", "registration_expiry", "--community", "建华南社区"]) == 0
    out = lines(capsys)
    assert len(out) == 2 and "王五" in out[0] and out[0].endswith("\t建华南社区")
    assert out[-1] == "共 1 项在 90 天内到期。"
    start = (TODAY + dt.timedelta(days=30)).isoformat()
    assert main(["--db", workers, "deadlines", "--from", start, "--to", "2099-12-31"]) == 0
    out = lines(capsys)
    assert {line.split("\t")[3] for line in out[:-1]} == {"王五"} and out[-1] == "共 2 项。"  # and its CE


def test_a_reversed_range_is_refused(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", workers, "deadlines", "--from", "2026-05-01", "--to", "2026-04-01"]) != 0
    assert "--to" in capsys.readouterr().err
