"""A roster exported unmasked imports back into an empty register with identical records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers.importer import id_number

from registry import ops
from registry.importer import commit_import, preview_import
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Community, Person, Volunteer

export = pytest.importorskip("registry.rosters.export")

PEOPLE = [
    {"id_number": id_number("110105", "19800101", "011"), "name": "张三", "phone": "13800138000",
     "political_status": "中共党员", "volunteer_number": "V1", "registered_on": dt.date(2020, 1, 2),
     "skills": "摄影、驾驶", "service_categories": "为老服务、助残服务"},
    {"id_number": id_number("110105", "19810101", "022"), "name": "李四", "phone": "010-12345678",
     "political_status": "群众", "volunteer_number": "V2", "registered_on": dt.date(2021, 3, 4),
     "skills": "", "service_categories": "社区治理"},
    {"id_number": "11010519491231002X", "name": "王五", "phone": None, "political_status": "",
     "volunteer_number": None, "registered_on": None, "skills": "", "service_categories": "",
     "notes": "腿脚不便"},
]


def make_area() -> dict[str, int]:
    district = ops.add_area("t", "district", "110105", "朝阳区", 1).id
    street = ops.add_area("t", "street", "110105001", "建外街道", 1, parent=district).id
    return {"永安里社区": ops.add_area("t", "community", "110105001001", "永安里社区", 1, parent=street).id,
            "建华南社区": ops.add_area("t", "community", "110105001002", "建华南社区", 1, parent=street).id}


def records() -> list[tuple[Any, ...]]:
    out = []
    for v in Volunteer.select().join(Person).order_by(Person.id_number):
        p = v.person
        out.append((p.id_number, p.name, p.sex, p.birth_date, p.phone, p.political_status, p.notes,
                    v.volunteer_number, v.registered_on, v.skills, v.service_categories,
                    Community.get_by_id(v.community_id).code if v.community_id else None))
    return out


def test_volunteer_roster_round_trip(tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite3")
    communities = make_area()
    for i, data in enumerate(PEOPLE):
        community = communities["永安里社区" if i % 2 == 0 else "建华南社区"]
        ops.register_volunteer("clerk", {**data, "community": community})
    original = records()
    target = tmp_path / "roster.xlsx"
    export.export_roster("volunteers", target, actor="clerk", unmasked=True)
    close_database()
    open_database(tmp_path / "b.sqlite3")
    make_area()
    preview = preview_import("volunteers", target)
    assert preview.errors == []
    assert commit_import(preview, actor="clerk").created == len(PEOPLE)
    assert records() == original
    close_database()
