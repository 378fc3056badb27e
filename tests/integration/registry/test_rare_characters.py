"""Names with rare characters (生僻字), Extension B included (𠀀 U+20000, 𪚥 U+2A6A5, 𡘙
U+21619): typed, imported from GB18030 and UTF-8 CSV and from .xlsx, searched, exported,
printed on the certificate with fonts that have them (embedded, checked by pdffonts and by
looking at the rendered page), and written by the command line under a legacy code page."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from helpers.importer import id_number, write_sheet
from python_calamine import CalamineWorkbook

from registry import ops
from registry.importer import commit_import, preview_import
from registry.queries.search import search_people
from registry.storage.models import Person

NAMES = ["王𪚥", "李𠀀", "张𡘙华", "赵䶮"]  # 䶮 U+4DAE: Extension A, in the BMP
NUMBERS = [id_number("110105", f"198{i}0101", f"0{i}1") for i in range(6)]


def _csv(path: Path, encoding: str, names: list[str], numbers: list[str]) -> Path:
    lines = ["姓名,身份证号,所在社区"] + [f"{n},{i},永安里社区" for n, i in zip(names, numbers, strict=True)]
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


@pytest.mark.parametrize("source", ["gb18030.csv", "utf-8.csv", "utf-8-sig.csv", "xlsx"])
def test_imported_searched_and_exported_whole(area: dict[str, int], tmp_path: Path, source: str) -> None:
    from registry.rosters import export_roster

    if source == "xlsx":
        path = write_sheet(tmp_path / "名单.xlsx", ["姓名", "身份证号", "所在社区"],
                           [[n, i, "永安里社区"] for n, i in zip(NAMES, NUMBERS, strict=False)])
    else:
        path = _csv(tmp_path / "名单.csv", source.removesuffix(".csv"), NAMES, NUMBERS[:4])
    commit_import(preview_import("volunteers", path), actor="clerk")
    assert sorted(p.name for p in Person.select()) == sorted(NAMES)
    for name in NAMES:
        assert len(search_people(name).ids) == 1, name
    assert len(search_people("𪚥").ids) == 1  # the rare character alone
    target = tmp_path / "花名册.xlsx"
    export_roster("volunteers", target, actor="clerk")
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert sorted(row[1] for row in sheet[3:3 + len(NAMES)]) == sorted(NAMES)


def test_typed_in_a_form_as_well(area: dict[str, int]) -> None:
    ops.register_volunteer("clerk", {"id_number": NUMBERS[5], "name": "𠀀𪚥𡘙", "community": area["community"]})
    assert Person.get().name == "𠀀𪚥𡘙" and search_people("𠀀𪚥𡘙").ids == (Person.get().id,)


@pytest.mark.skipif(shutil.which("pdffonts") is None or shutil.which("pdftoppm") is None,
                    reason="poppler-utils (pdffonts, pdftoppm) list and render the PDF")
def test_the_certificate_prints_them_with_embedded_fonts(area: dict[str, int], tmp_path: Path) -> None:
    from registry.certificates.fonts import FALLBACK_FONTS
    from registry.certificates.pdf import write_stored_certificate_pdf
    from registry.ops.certificates import issue_certificate

    if not any(p.is_file() for p in FALLBACK_FONTS if "HanaMinB" in p.name or p.name == "simsunb.ttf"):
        pytest.skip("no Extension B font on this computer (packaging/dev.py installs fonts-hanazono)")
    vid = ops.register_volunteer("clerk", {"id_number": NUMBERS[0], "name": "王𪚥𠀀",
                                           "community": area["community"]}).id
    record = ops.record_hours("clerk", vid, {"service_date": dt.date(2025, 5, 1), "hours": "3",
                                             "content": "为𡘙老人读报"}).id
    ops.approve_records("chief", [record])
    cert = issue_certificate("clerk", vid, {"period_from": "2025-01-01", "period_to": "2025-12-31",
                                            "issuing_organization": "建外街道办事处"},
                             today=dt.date(2026, 3, 1)).id
    pdf = write_stored_certificate_pdf(cert, tmp_path / "证明.pdf", actor="clerk")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert len(rows) >= 2 and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert any("HanaMin" in row[0] or "SimSun-ExtB" in row[0] for row in rows), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "王𪚥𠀀" in text and "为𡘙老人读报" in text
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    if os.environ.get("REGISTRY_KEEP_RENDERS"):  # to look at it: the names drawn, no boxes
        shutil.copy(page, Path(os.environ["REGISTRY_KEEP_RENDERS"]) / "certificate-rare.png")


def test_a_character_no_font_has_is_refused_before_writing(area: dict[str, int], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from registry.certificates import fonts

    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    with pytest.raises(Exception, match=r"“𪚥”（U\+2A6A5）在本机的字体中都没有，印出来会是方框"):
        fonts.fonts_for("王𪚥")


def test_the_command_line_writes_them_under_a_gbk_code_page(area: dict[str, int], db: str) -> None:
    ops.register_volunteer("clerk", {"id_number": NUMBERS[0], "name": "王𪚥", "community": area["community"]})
    from registry.storage.lifecycle import close_database

    close_database()
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "registry", "--db", db, "search", "王"],
                            capture_output=True, env=env, cwd=ROOT)
    out, err = result.stdout.decode("gbk"), result.stderr.decode("gbk")
    assert result.returncode == 0 and "Traceback" not in err
    assert "\t王[U+2A6A5]\t" in out  # the name, with the character it cannot write as its code point
    assert "写不出 1 个生僻字（U+2A6A5）" in err and "PYTHONIOENCODING=utf-8" in err
