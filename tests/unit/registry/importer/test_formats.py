"""Files the importer cannot read, crafted byte by byte as the programs that write them do:
each ends in one sentence saying what the file is and what to save it as."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.importer import id_number
from helpers.office_files import encrypted_workbook, numbers_document, ole2_file, word_doc, wps_et

from registry.importer.kinds import VOLUNTEERS
from registry.importer.read import read_table
from registry.rules.problems import RegistryError

ONE = id_number("110105", "19800101", "011")


def _ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def _html(path: Path) -> Path:
    path.write_text(f"<html><body><table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>张三</td>"
                    f"<td>{ONE}</td></tr></table></body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "build", "what", "save_as"), [
    ("台账.et", wps_et, "WPS 表格专用格式", "Excel 工作簿（*.xlsx）"),
    ("台账.xls", wps_et, "WPS 表格专用格式", "Excel 工作簿（*.xlsx）"),  # named .xls: told by content
    ("名单.xlsx", encrypted_workbook, "设有打开密码的加密工作簿", "去掉打开密码"),
    ("名单.numbers", numbers_document, "苹果 Numbers 表格", "导出为 → Excel"),
    ("名单.ods", _ods, "OpenDocument 表格（.ods）", "另存为 Excel 工作簿（.xlsx）"),
    ("名单.xlsx", _pdf, "PDF 文件", "Excel 文件"),
    ("说明.xls", word_doc, "Word 文档（.doc）", "另存为 Excel 工作簿（.xlsx）"),
    ("导出.xls", _html, "网页（HTML/XML）格式的表格", "另存为 Excel 工作簿（.xlsx）"),
])
def test_unreadable_files_say_what_they_are_and_what_to_save_them_as(
        tmp_path: Path, name: str, build: Callable[[Path], Path], what: str, save_as: str) -> None:
    path = build(tmp_path / name)
    with pytest.raises(RegistryError) as raised:
        read_table(path, VOLUNTEERS)
    sentence = str(raised.value)
    assert f"“{name}”是{what}" in sentence and save_as in sentence
    assert "\n" not in sentence and "Error" not in sentence  # one plain sentence, no library English


def test_a_numbers_package_folder_is_named_too(tmp_path: Path) -> None:
    folder = tmp_path / "名单.numbers"
    (folder / "Index").mkdir(parents=True)
    with pytest.raises(RegistryError, match="苹果 Numbers 表格"):
        read_table(folder, VOLUNTEERS)


def test_the_crafted_compound_file_is_one_an_independent_reader_opens(tmp_path: Path) -> None:
    """The OLE2 builder is checked against calamine's own reader: the Workbook stream of an
    .xls xlwt wrote, put into a crafted container, reads back as the same cells, so the
    files above are compound files real programs would take for what they are."""
    import xlwt

    from registry.importer.ole2 import read_stream

    book = xlwt.Workbook()
    sheet = book.add_sheet("志愿者")
    for col, text in enumerate(["姓名", "身份证号"]):
        sheet.write(0, col, text)
        sheet.write(1, col, ["张三", ONE][col])
    book.save(str(tmp_path / "xlwt.xls"))
    stream = read_stream(tmp_path / "xlwt.xls", ("Workbook",))
    crafted = ole2_file(tmp_path / "crafted.xls", {"Workbook": stream})
    table = read_table(crafted, VOLUNTEERS)
    assert table.rows == [(2, ["张三", ONE])]


def test_a_compound_file_with_a_workbook_stream_still_goes_to_the_xls_reader(tmp_path: Path) -> None:
    path = ole2_file(tmp_path / "坏.xls", {"Workbook": b"\x00\x00"})  # no BOF record
    with pytest.raises(RegistryError, match="已损坏"):
        read_table(path, VOLUNTEERS)
