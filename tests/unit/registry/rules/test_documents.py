from datetime import date

import pytest

from registry.rules.documents import (
    DOC_TYPES,
    FOREIGN_PERMANENT,
    HK_MACAO_PERMIT,
    PASSPORT,
    RESIDENCE_PERMIT,
    RESIDENT_CARD,
    TAIWAN_PERMIT,
    check_document,
    doc_type_of,
    recognize,
)
from registry.rules.idnumber import check_character, mask_id_number

TODAY = date(2025, 6, 1)


def gb(body17: str) -> str:
    return body17 + check_character(body17 + "0")


HONG_KONG = gb("81000019900101123")  # 810000199001011230, the issue's example
TAIWAN = gb("83000019900101124")
FOREIGN_2023 = gb("91184019900101123")


def codes(doc_type: str, raw: object, **kw: object) -> list[str]:
    _, problems = check_document(doc_type, raw, today=TODAY, **kw)  # type: ignore[arg-type]
    return [p.code for p in problems]


def test_issue_example_is_a_hong_kong_residence_permit_without_warnings() -> None:
    assert HONG_KONG == "810000199001011230"
    assert recognize(HONG_KONG).doc_type == RESIDENCE_PERMIT
    facts, problems = check_document(RESIDENCE_PERMIT, HONG_KONG, today=TODAY)
    assert problems == []
    assert facts is not None
    assert (facts.birth_date, facts.sex, facts.region_name) == (date(1990, 1, 1), "男", "香港")


@pytest.mark.parametrize(("body", "region"), [("82000019851231002", "澳门"), ("83000019900101124", "台湾")])
def test_macao_and_taiwan_permits_name_their_region_once(body: str, region: str) -> None:
    facts, problems = check_document(RESIDENCE_PERMIT, gb(body), today=TODAY)
    assert problems == [] and facts is not None and facts.region_name == region
    assert facts.sex == "女"


def test_residence_permit_with_a_wrong_check_character_is_an_error() -> None:
    wrong = HONG_KONG[:-1] + ("1" if HONG_KONG[-1] != "1" else "2")
    assert codes(RESIDENCE_PERMIT, wrong) == ["id.checksum"]


def test_residence_permit_must_start_with_81_82_or_83() -> None:
    assert codes(RESIDENCE_PERMIT, "11010519491231002X") == ["doc.permit_region"]


def test_residence_permit_impossible_birth_date_is_an_error() -> None:
    assert "id.birth_date" in codes(RESIDENCE_PERMIT, gb("81000019901301123"))


def test_2023_foreign_card_recognized_with_birth_date_and_sex() -> None:
    assert recognize(FOREIGN_2023).doc_type == FOREIGN_PERMANENT
    facts, problems = check_document(FOREIGN_PERMANENT, FOREIGN_2023, today=TODAY)
    assert problems == [] and facts is not None
    assert facts.birth_date == date(1990, 1, 1) and facts.sex == "男"


def test_2023_foreign_card_checks_its_check_character_and_leading_9() -> None:
    wrong = FOREIGN_2023[:-1] + ("1" if FOREIGN_2023[-1] != "1" else "2")
    assert codes(FOREIGN_PERMANENT, wrong) == ["id.checksum"]
    assert codes(FOREIGN_PERMANENT, "11010519491231002X") == ["doc.foreign_format"]


def test_2023_foreign_card_with_unreadable_birth_date_only_warns() -> None:
    facts, problems = check_document(FOREIGN_PERMANENT, gb("91184019901399123"), today=TODAY)
    assert facts is not None and facts.birth_date is None
    assert [(p.code, p.is_error) for p in problems] == [("doc.foreign_birth", False)]


def test_2017_foreign_card_gives_its_nationality() -> None:
    assert recognize("usa 1100 8012 3101").doc_type == FOREIGN_PERMANENT
    facts, problems = check_document(FOREIGN_PERMANENT, "usa110080123101", today=TODAY)
    assert problems == [] and facts is not None
    assert facts.number == "USA110080123101" and facts.nationality == "USA"
    assert codes(FOREIGN_PERMANENT, "US1100801231011") == ["doc.foreign_format"]


@pytest.mark.parametrize(("raw", "number", "region"), [
    ("h12345678", "H12345678", "香港"), ("Ｍ１２３４５６７８０１", "M1234567801", "澳门")])
def test_hong_kong_macao_permit(raw: str, number: str, region: str) -> None:
    assert recognize(raw).doc_type == HK_MACAO_PERMIT
    facts, problems = check_document(HK_MACAO_PERMIT, raw, today=TODAY)
    assert problems == [] and facts is not None
    assert (facts.number, facts.region_name) == (number, region)


@pytest.mark.parametrize("raw", ["H1234567", "X12345678", "H123456789"])
def test_hong_kong_macao_permit_bad_forms_are_errors(raw: str) -> None:
    assert codes(HK_MACAO_PERMIT, raw) == ["doc.hk_macao_format"]


def test_taiwan_permit_8_digits_and_older_forms_warn() -> None:
    assert codes(TAIWAN_PERMIT, "12345678") == []
    assert codes(TAIWAN_PERMIT, 12345678) == []  # Excel keeps 8 digits as a number
    facts, problems = check_document(TAIWAN_PERMIT, "1234567801(B)", today=TODAY)
    assert facts is not None and facts.number == "1234567801B"
    assert [(p.code, p.is_error) for p in problems] == [("doc.taiwan_old", False)]
    assert codes(TAIWAN_PERMIT, "12-34") == ["doc.taiwan_format"]


def test_passport_asks_for_nationality_and_checks_characters_only() -> None:
    assert codes(PASSPORT, "e12345678", nationality="中国") == []
    assert codes(PASSPORT, "E12345678") == ["doc.nationality"]
    assert codes(PASSPORT, "E1234/678", nationality="中国") == ["doc.passport_format"]


def test_resident_card_still_follows_gb_11643() -> None:
    facts, problems = check_document(RESIDENT_CARD, "11010519491231002X", today=TODAY)
    assert problems == [] and facts is not None and facts.region_name == "北京市朝阳区"
    assert recognize("11010519491231002X").doc_type == RESIDENT_CARD
    assert recognize("110105491231002").doc_type == RESIDENT_CARD


@pytest.mark.parametrize(("raw", "candidates"), [
    ("12345678", (TAIWAN_PERMIT, PASSPORT)), ("E12345678", (PASSPORT,)), ("###", ())])
def test_unclear_forms_are_ambiguous_with_their_candidates(raw: str, candidates: tuple[str, ...]) -> None:
    recognition = recognize(raw)
    assert recognition.doc_type is None and recognition.candidates == candidates


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_empty_number_is_an_error_for_every_type(doc_type: str) -> None:
    assert codes(doc_type, "  ") == ["id.empty"]


def test_unknown_type_is_an_error() -> None:
    assert codes("驾驶证", "12345678") == ["doc.type"]


def test_type_names_from_a_spreadsheet() -> None:
    assert doc_type_of(None) == RESIDENT_CARD and doc_type_of(" ") == RESIDENT_CARD
    assert doc_type_of("台胞证") == TAIWAN_PERMIT and doc_type_of("港澳通行证") == HK_MACAO_PERMIT
    assert doc_type_of("驾驶证") is None


def test_masks_show_the_last_two_characters_of_other_types() -> None:
    assert mask_id_number("12345678") == "******78"  # 台湾居民来往大陆通行证
    assert mask_id_number("H12345678") == "*******78"  # 港澳居民来往内地通行证
    assert mask_id_number("USA110080123101") == "*************01"  # 2017 foreign card: no region
    assert mask_id_number("E1234") == "****"  # its length would tell too much
    assert mask_id_number(HONG_KONG) == "810000**********30"
    assert mask_id_number(FOREIGN_2023) == FOREIGN_2023[:6] + "*" * 10 + FOREIGN_2023[-2:]


def test_a_digit_missing_or_extra_still_reads_as_its_gb_form() -> None:
    assert recognize("11010519491231002").doc_type == RESIDENT_CARD
    assert recognize("8100001990010112300").doc_type == RESIDENCE_PERMIT


def test_every_type_is_known_by_its_full_name() -> None:
    from registry.rules.documents import DOC_TYPES, doc_type_of

    assert {name: doc_type_of(name) for name in DOC_TYPES} == {name: name for name in DOC_TYPES}
