import pytest

from registry.rules.phone import check_phone, mask_phone
from registry.rules.problems import Severity


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("13800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("0086-13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("１３８－００１３－８０００", "13800138000"),
        (13800138000.0, "13800138000"),
        (13800138000, "13800138000"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 1234 5678", "010-12345678"),
        ("+86 10 12345678", "010-12345678"),
        ("0755-1234567转123", "0755-1234567转123"),
        ("0755-1234567-123", "0755-1234567转123"),
        ("07551234567 分机 123", "0755-1234567转123"),
        ("400-123-4567", "400-123-4567"),
    ],
)
def test_accepted_numbers(raw: str | int | float, normal: str) -> None:
    assert check_phone(raw) == (normal, [])


@pytest.mark.parametrize("raw", [None, "", " \u3000", float("nan")])
def test_empty_phone_is_not_a_problem(raw: str | float | None) -> None:
    assert check_phone(raw) == (None, [])


def test_local_number_without_area_code_is_a_warning() -> None:
    number, problems = check_phone("6234 5678")
    assert number == "62345678"
    assert [(p.code, p.severity) for p in problems] == [("phone.no_area_code", Severity.WARNING)]


@pytest.mark.parametrize(
    "raw", ["abc", "1380013800", "138001380001", "12345678", "13800138000转1", "0755-123",
            13800138000.5, "12-34"]
)
def test_garbage_is_an_error(raw: str | float) -> None:
    number, problems = check_phone(raw, field="contact")
    assert number is None
    assert [(p.code, p.field, p.severity) for p in problems] == [
        ("phone.format", "contact", Severity.ERROR)
    ]


@pytest.mark.parametrize(
    ("normal", "masked"),
    [
        ("13800138000", "138****8000"),
        ("010-12345678", "010-*****678"),  # a local number's first digit is 2–9: hide five
        ("0755-1234567转123", "0755-*****67"),
        ("62345678", "*****678"),
        ("400-123-4567", "***-***-**67"),
        ("12345", "*****"),  # keeping two of five would leave 1,000
    ],
)
def test_mask(normal: str, masked: str) -> None:
    assert mask_phone(normal) == masked
