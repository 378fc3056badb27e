"""The round trip through the office suite clerks use (LibreOffice, headless, as a real client
no one here wrote): rosters exported unmasked, re-saved by LibreOffice as .xlsx and as .xls the
way a clerk editing them in another suite would, imported into an empty register, give back
the same register: people, roles, statuses, hours (those carried over included), organizations
(a charity's day of recognition included)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.round_trip import PEOPLE, ledger_state, make_area, organizations, records, served, workers

from registry import ops
from registry.importer import commit_import, preview_import
from registry.rosters import export_roster
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Volunteer

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) re-saves the rosters; "
                                                        "packaging/dev.py installs libreoffice-calc")


def resaved(source: Path, extension: str, work: Path) -> Path:
    """The file as LibreOffice saves it, in a profile of its own (no first-start dialogs,
    no clash with a LibreOffice the user has open)."""
    out = work / extension
    out.mkdir(exist_ok=True)
    profile = (work / "profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", extension, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    saved = out / f"{source.stem}.{extension}"
    assert saved.is_file() and saved.read_bytes()[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
    return saved


def test_rosters_resaved_by_libreoffice_import_back_the_same(tmp_path: Path) -> None:
    today = dt.date.today()
    open_database(tmp_path / "a.sqlite3")
    area = make_area()
    for data in PEOPLE:
        ops.register_volunteer("clerk", {**data, "community": area["永安里社区"]})
    ids = [v.id for v in Volunteer.select().order_by(Volunteer.id)]
    for day in range(1, 6):  # 120 h: one star
        served(ids[0], dt.date(today.year - 1, 5, day), "24")
    served(ids[0], dt.date(today.year, 1, 1), "2.5")
    served(ids[1], dt.date(today.year - 1, 6, 1), "16")
    ops.deactivate_volunteer("clerk", ids[1], "搬离本街道")
    ops.register_social_worker("clerk", {"id_number": PEOPLE[2]["id_number"], "name": "王五",
                                         "level": "社会工作师", "certificate_number": "S2019000123",
                                         "obtained_year": 2019, "registered_on": dt.date(2024, 3, 1),
                                         "employer_name": "阳光社工事务所", "post": "督导",
                                         "community": area["建华南社区"]})
    gone = ops.register_social_worker("clerk", {
        "id_number": PEOPLE[1]["id_number"], "name": "李四", "level": "助理社会工作师",
        "certificate_number": "A2018000456", "obtained_year": 2018, "registered_on": dt.date(2022, 9, 15),
        "registered_until": dt.date(today.year + 1, 6, 30), "employer_name": "街道社工站",
        "community": area["永安里社区"]}).id
    ops.deactivate_social_worker("clerk", gone, "调离本街道")
    for name, digit, serial, charity in (("永安慈善基金会", "3", "MJ000001", dt.date(2021, 12, 31)),
                                         ("阳光社工事务所", "2", "MJ000002", None)):
        ops.register_organization("clerk", {"name": name, "uscc": make_uscc(f"5{digit}110105" + make_org_code(serial)),
                                            "org_type": {"3": "基金会", "2": "社会服务机构"}[digit],
                                            "founded_on": dt.date(2012, 5, 1), "charity_recognized_on": charity})
    before = (records(), ledger_state(), workers(), organizations())
    assert [o[3] for o in before[3]] == [dt.date(2021, 12, 31), None]  # 永安…, 阳光…: a charity's day too
    assert [w[-1] for w in before[2]] == ["在册", "注销"]  # 王五, 李四: statuses and dates compared too
    exported = {kind: tmp_path / f"{kind}.xlsx" for kind in ("volunteers", "social-workers", "organizations")}
    for kind, path in exported.items():
        export_roster(kind, path, actor="clerk", unmasked=True)
    close_database()

    for extension in ("xlsx", "xls"):
        open_database(tmp_path / f"b-{extension}.sqlite3")
        make_area()
        for kind, path in exported.items():
            preview = preview_import(kind, resaved(path, extension, tmp_path))
            assert preview.errors == [], (extension, kind, [p.line() for p in preview.errors])
            commit_import(preview, actor="clerk")
        assert (records(), ledger_state(), workers(), organizations()) == before, extension
        close_database()
