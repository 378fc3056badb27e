"""check-id reads every document type: the issue's three examples read as normal documents."""

import pytest

from registry.cli import main
from registry.rules.idnumber import check_character


def gb(body17: str) -> str:
    return body17 + check_character(body17 + "0")


@pytest.mark.parametrize(("number", "doc_type", "region"), [
    ("810000199001011230", "港澳台居民居住证", "地区：香港"),
    (gb("83000019900101123"), "港澳台居民居住证", "地区：台湾"),
    (gb("91184019900101123"), "外国人永久居留身份证", None),
])
def test_issue_examples_read_as_their_own_documents(capsys, number, doc_type, region):
    assert main(["check-id", number]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert f"证件类型：{doc_type}" in out
    assert "出生日期：1990-01-01" in out and "性别：男" in out
    assert "提醒" not in out and captured.err == ""
    assert "不在行政区划表中" not in out and "晚于出生年份" not in out and "未知地区" not in out
    if region:
        assert out.count(region.split("：")[1]) == 1  # the region named once


def test_resident_card_still_shows_its_region(capsys):
    assert main(["check-id", "11010519491231002x"]) == 0
    out = capsys.readouterr().out
    assert "证件类型：居民身份证" in out and "北京市朝阳区" in out


def test_ambiguous_number_asks_for_the_type(capsys):
    assert main(["check-id", "12345678"]) == 1
    err = capsys.readouterr().err
    assert "--type" in err and "台湾居民来往大陆通行证" in err and "护照" in err


def test_type_given_by_its_short_name(capsys):
    assert main(["check-id", "12345678", "--type", "台胞证"]) == 0
    out = capsys.readouterr().out
    assert "证件类型：台湾居民来往大陆通行证" in out and "出生日期" not in out


def test_type_given_checks_the_number_by_that_type(capsys):
    assert main(["check-id", "810000199001011230", "--type", "居民身份证"]) == 0
    assert "证件类型：居民身份证" in capsys.readouterr().out
    assert main(["check-id", "H1234", "--type", "港澳通行证"]) == 1
    assert "H（香港）或 M（澳门）" in capsys.readouterr().err


def test_unknown_type_is_refused_in_plain_words(capsys):
    assert main(["check-id", "12345678", "--type", "驾驶证"]) != 0
    assert "不认识的证件类型：驾驶证" in capsys.readouterr().err


def test_passport_with_nationality(capsys):
    assert main(["check-id", "E12345678", "--type", "护照", "--nationality", "中国"]) == 0
    out = capsys.readouterr().out
    assert "证件类型：护照" in out and "国籍：中国" in out
