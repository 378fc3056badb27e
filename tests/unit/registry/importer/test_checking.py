"""The rows of a big file are checked on every core: worker processes started afresh, with
the same rows coming back in the file's order, the same cleaned values and the very same
problems (in the language the program speaks) as one process finds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.importer import id_number

from registry import ops
from registry.importer import checking, commit_import, preview_import
from registry.storage.models import Person, ServiceRecord, Volunteer
from registry.texts import set_language

GOOD = [id_number("110105", f"1980{month:02d}01", f"{month:02d}1") for month in range(1, 13)]
BAD = GOOD[0][:-1] + ("1" if GOOD[0][-1] != "1" else "2")
HEADER = ["序号", "姓名", "公民身份号码", "手机号码", "性别", "出生日期", "社区", "政治面貌",
          "志愿者编号", "注册日期", "服务类别", "备注"]


def volunteer_rows() -> list[list[Any]]:
    """Good rows and every kind of bad one, spread so that some fall in each process's chunks."""
    good = [[n, f"张{n}", number, f"1380013{n:04d}", "", "", "永安里", "党员", f"V{n}", dt.date(2020, 1, n),
             "为老服务、助残服务", ""] for n, number in enumerate(GOOD, start=1)]
    bad = [
        [13, "错号", BAD, "", "", "", "永安里社区", "", "V13", "", "", ""],
        [14, "无社区", id_number("110105", "19700101", "141"), "", "", "", "幸福里社区", "", "V14", "",
         "", ""],
        [15, "", id_number("110105", "19700101", "152"), "12", "男", "1970-13-01", "", "外星人", "V15",
         "去年", "不存在的类别", ""],
        [16, "重复", GOOD[1], "", "", "", "永安里社区", "", "V16", "", "", ""],
    ]
    return [bad[0], *good[:6], bad[1], *good[6:], bad[2], bad[3]]


def outcome(preview: Any) -> list[tuple[Any, ...]]:
    """Every row as the clerk and the commit see it."""
    return [(r.number, r.cells, r.values, [(p.code, p.field, p.severity, p.message) for p in r.problems],
             r.action) for r in preview.rows]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "CHUNK_ROWS", 3)


def test_a_file_checked_by_several_processes_gives_what_one_does(
        area: dict[str, int], sheet: Callable[..., Path], small_chunks: None) -> None:
    path = sheet(HEADER, volunteer_rows(), title="永安里街道志愿者花名册")
    alone = preview_import("volunteers", path, workers=1)
    shared = preview_import("volunteers", path, workers=3)
    assert (alone.processes, shared.processes) == (1, 3)
    assert outcome(shared) == outcome(alone)
    assert [p.line() for p in shared.problems] == [p.line() for p in alone.problems]
    rejected = [r.cells[1] for r in shared.rows if r.action == "reject"]
    assert rejected == ["错号", "张2", "无社区", "", "重复"]  # the duplicate on both its rows
    result = commit_import(shared, actor="clerk", skip_invalid=True)
    assert (result.created, result.rejected) == (11, 5)
    assert Volunteer.select().count() == 11
    assert Person.get(Person.id_number == GOOD[11]).name == "张12"


def test_workers_speak_the_language_of_the_program(
        area: dict[str, int], sheet: Callable[..., Path], small_chunks: None) -> None:
    path = sheet(HEADER, volunteer_rows())
    set_language("en")
    try:
        alone = preview_import("volunteers", path, workers=1)
        shared = preview_import("volunteers", path, workers=2)
    finally:
        set_language("zh_CN")
    messages = [p.line() for p in shared.problems]
    assert messages == [p.line() for p in alone.problems]
    first = shared.row_problems(shared.rows[0])  # checked by a worker: this process takes the last rows
    assert [p.column for p in first] == ["公民身份号码"]
    assert first[0].message.startswith("The check digit"), first[0].message


def test_hours_checked_by_several_processes_give_what_one_does(
        area: dict[str, int], sheet: Callable[..., Path], small_chunks: None) -> None:
    ops.register_organization("clerk", {"name": "阳光志愿服务队", "org_type": "社区社会组织"})
    for n, number in enumerate(GOOD[:4], start=1):
        ops.register_volunteer("clerk", {"id_number": number, "name": f"张{n}", "volunteer_number": f"V{n}",
                                         "community": area["community"]})
    year = dt.date.today().year - 1
    rows: list[list[Any]] = []
    for day in range(1, 21):
        number = GOOD[day % 5] if day % 7 else BAD
        hours: Any = 2.5 if day % 6 else "三小时"
        rows.append([f"张{day % 5 + 1}", number, "", dt.date(year, 3, day), hours, "陪伴老人", "为老服务",
                     "阳光志愿服务队" if day % 2 else "没有的队", "社区服务站"])
    path = sheet(["姓名", "身份证号", "志愿者编号", "服务日期", "服务时长（小时）", "服务内容", "服务类别",
                  "组织单位", "服务地点"], rows)
    alone = preview_import("hours", path, workers=1)
    shared = preview_import("hours", path, workers=2)
    assert outcome(shared) == outcome(alone)
    assert any(r.action == "reject" for r in shared.rows) and any(r.action == "create" for r in shared.rows)
    result = commit_import(shared, actor="clerk", skip_invalid=True)
    assert ServiceRecord.select().count() == result.created > 0


def test_when_no_process_can_start_this_one_checks_every_row(
        area: dict[str, int], sheet: Callable[..., Path], small_chunks: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet(HEADER, volunteer_rows())
    alone = preview_import("volunteers", path, workers=1)

    class Refused:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise OSError("no processes here")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Refused)
    assert outcome(preview_import("volunteers", path, workers=2)) == outcome(alone)


@pytest.fixture
def cores(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    def have(count: int) -> None:
        monkeypatch.setattr(checking, "cores", lambda: count)
    yield have


def test_a_big_file_uses_every_core_and_a_small_one_only_this_process(
        cores: Callable[[int], None]) -> None:
    cores(4)
    assert checking.worker_count(checking.POOL_FROM, None) == 4
    assert checking.worker_count(checking.POOL_FROM - 1, None) == 1
    assert checking.worker_count(10, 2) == 2  # asked for
    cores(64)
    assert checking.worker_count(10**6, None) == checking.MAX_WORKERS
