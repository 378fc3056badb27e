"""CSV import: the encodings clerks' files come in, cells kept as the text they are (ID
numbers and phones keep every digit), and the same limits as workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.importer import id_number

from registry.importer import commit_import, preview_import
from registry.importer.csv_read import csv_rows
from registry.rules.problems import RegistryError
from registry.storage.models import Person

ONE, TWO = id_number("110105", "19800101", "011"), id_number("110105", "19810101", "022")
TEXT = f"姓名,身份证号,联系电话,所在社区\r\n张三,{ONE},01065001234,永安里社区\r\n李四,{TWO},,建华南社区\r\n"


@pytest.mark.parametrize(("encoding", "text"), [
    ("utf-8", TEXT), ("utf-8-sig", TEXT), ("gbk", TEXT), ("gb18030", TEXT),
    ("utf-16", TEXT.replace(",", "\t")), ("utf-8", TEXT.replace(",", ";")),
])
def test_encodings_and_separators(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(text.encode(encoding))
    rows = list(csv_rows(path))
    assert rows[1] == ["张三", ONE, "01065001234", "永安里社区"]  # the leading 0 kept: text


def test_a_csv_roster_is_imported(area: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(TEXT.encode("gbk"))
    preview = preview_import("volunteers", path)
    assert [r.action for r in preview.rows] == ["create", "create"]
    commit_import(preview, actor="clerk")
    assert Person.get(Person.id_number == ONE).name == "张三"


@pytest.mark.parametrize(("content", "fragment"), [
    (b"\xff\xfe\xfa" * 10 + b"\x81", "文字编码"),  # neither UTF-8, UTF-16 nor GB18030
    ("姓名,身份证号\r\n".encode() + b"a" * 1_100_000, "超过 1,048,576 个字符"),
    ("姓名,身份证号\r\n张三,\x00\r\n".encode(), "空字符"),
    ('姓名,身份证号\r\n"张三' .encode() + b"x" * 200_000 + b"\r\n", "引号或分隔符有误"),
])
def test_what_is_not_a_table_ends_in_a_sentence(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "坏.csv"
    path.write_bytes(content)
    with pytest.raises(RegistryError, match=fragment):
        list(csv_rows(path))


def test_a_csv_too_large_to_hold_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("registry.importer.limits.READ_BUDGET", 2_000_000)
    path = tmp_path / "大.csv"
    path.write_text("姓名,身份证号\r\n" + "张三,1\r\n" * 20_000, encoding="utf-8")
    with pytest.raises(RegistryError, match=r"工作表“大\.csv”用到了 .* 行 × 2 列"):
        list(csv_rows(path))


@pytest.mark.parametrize(("name", "encoding", "text"), [
    ("名单.tsv", "utf-8", TEXT.replace(",", "\t")),
    ("名单.txt", "utf-16-le", TEXT.replace(",", "\t")),  # "Unicode text" without its BOM
    ("名单.csv", "utf-16-be", TEXT),
    ("导出.xls", "gbk", TEXT.replace(",", "\t")),  # a web system's ".xls" that is tab-separated text
    ("名单.csv", "utf-8", TEXT.replace(ONE, f'="{ONE}"').replace("01065001234", '"=""01065001234"""')),
])
def test_text_tables_however_named_and_saved(area: dict[str, int], tmp_path: Path, name: str,
                                             encoding: str, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    preview = preview_import("volunteers", path)
    assert [r.action for r in preview.rows] == ["create", "create"]
    first = preview.rows[0].values["person"]
    assert (first["name"], first["id_number"], first["phone"]) == ("张三", ONE, "010-65001234")  # 0 kept


def test_a_gbk_file_is_never_taken_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号\r\n".encode("gbk") * 3 + "张三,1\r\n".encode("gbk"))
    rows = list(csv_rows(path))
    assert rows[0] == ["姓名", "身份证号"] and rows[-1] == ["张三", "1"]


def test_an_undecidable_encoding_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号\r\n".encode("gbk") + b"\x80\xff\x81\r\n")  # no encoding reads this
    with pytest.raises(RegistryError) as raised:
        list(csv_rows(path))
    assert "无法识别“名单.csv”的文字编码" in str(raised.value)
    assert "另存为“CSV UTF-8（逗号分隔）”" in str(raised.value)
