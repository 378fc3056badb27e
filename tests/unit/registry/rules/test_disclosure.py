"""The rule of what a masked reader may see (registry/rules/disclosure.py): the counting is
checked against brute force, then used to attack the masks as the issue's arithmetic says."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from stdnum.cn.ric import calc_check_digit

from registry.rules.disclosure import (
    MIN_ID_CANDIDATES,
    MIN_PHONE_CANDIDATES,
    BirthSeen,
    birth_shown,
    id_candidates,
    number_search,
    phone_candidates,
    query_for_log,
)
from registry.rules.idnumber import check_id_number, mask_id_number
from registry.rules.phone import mask_phone

TODAY = dt.date(2025, 6, 1)
NUMBER = "11010519491231002X"  # 女, born 1949-12-31


def brute_force(shown: str, region: str, days: list[dt.date], sex: str | None) -> int:
    """Every 18-character number of those birth days, checked by check_id_number itself."""
    count = 0
    for day, seq in itertools.product(days, range(1000)):
        body = f"{region}{day:%Y%m%d}{seq:03d}"
        number = body + calc_check_digit(body + "0")
        facts, _ = check_id_number(number, today=TODAY)
        if facts is None or (sex is not None and facts.sex != sex):
            continue
        if all(s in ("*", c) for s, c in zip(shown, number, strict=True)):
            count += 1
    return count


@pytest.mark.parametrize("shown", ["110105**********2X", "110105**********1*", "110105************",
                                   "110105****1231**2X"])
def test_counting_agrees_with_brute_force_over_a_month(shown: str) -> None:
    days = [dt.date(1949, 12, d) for d in range(1, 32)]
    seen = BirthSeen(year=1949, month=12)
    assert id_candidates(shown, region="110105", birth=seen, sex="女", today=TODAY) == brute_force(
        shown, "110105", days, "女")


def test_the_old_mask_beside_the_birth_date_leaves_one_number() -> None:
    old = "110105********002X"
    assert id_candidates(old, region="110105", birth=BirthSeen(date=dt.date(1949, 12, 31)),
                         today=TODAY) == 1
    # and with the whole date shown no mask of the rest reaches 1,000: 1000 / 2 / 11
    assert id_candidates("110105************", region="110105", sex="女",
                         birth=BirthSeen(date=dt.date(1949, 12, 31)), today=TODAY) == 500
    assert id_candidates("110105**********2X", region="110105", sex="女",
                         birth=BirthSeen(date=dt.date(1949, 12, 31)), today=TODAY) < MIN_ID_CANDIDATES


def test_the_mask_holds_beside_year_and_sex_and_showing_four_would_not() -> None:
    shown = mask_id_number(NUMBER)
    assert shown == "110105**********2X"
    for year in range(1900, TODAY.year):  # the worst year too
        body = f"110105{year}0101002"
        number = body + calc_check_digit(body + "0")
        count = id_candidates(mask_id_number(number), region="110105", birth=BirthSeen(year=year),
                              sex="女", today=TODAY)
        assert count >= MIN_ID_CANDIDATES, (year, count)
    four = NUMBER[:6] + "*" * 8 + NUMBER[-4:]
    assert id_candidates(four, region="110105", birth=BirthSeen(year=1949), sex="女", today=TODAY) < 100


def test_age_beside_the_year_narrows_too_far_unless_from_the_year_alone() -> None:
    shown = mask_id_number(NUMBER)
    # 74 on 2024-12-30 and born in 1949: born on 1949-12-31, the sequence alone is left
    narrowed = id_candidates(shown, region="110105", birth=BirthSeen(year=1949, age=(74, dt.date(2024, 12, 30))),
                             sex="女", today=TODAY)
    assert narrowed < MIN_ID_CANDIDATES
    assert birth_shown(dt.date(1949, 12, 31), TODAY) == "1949年"
    assert birth_shown(dt.date(2025, 3, 1), TODAY) == ""  # this year's: the year says too much


def test_other_id_strings_hide_enough() -> None:
    for number, sex in (("110105491231002", "女"), ("H12345678", None), ("M1234567890", None),
                        ("12345678", None), ("ABC123456789012", None), ("12345", None), ("12", None)):
        count = id_candidates(mask_id_number(number), region="110105", birth=BirthSeen(year=1949),
                              sex=sex, today=TODAY)
        assert count >= MIN_ID_CANDIDATES, (number, mask_id_number(number), count)


@pytest.mark.parametrize("phone", ["13800138000", "010-62345678", "0755-1234567", "0755-1234567转123",
                                   "62345678", "2345678", "400-123-4567", "12345", "123"])
def test_every_phone_mask_leaves_ten_thousand(phone: str) -> None:
    assert phone_candidates(mask_phone(phone)) >= MIN_PHONE_CANDIDATES, mask_phone(phone)


def test_weak_phone_masks_are_caught() -> None:
    assert phone_candidates("010-****5678") == 8_000  # the first digit of a local number is 2–9
    assert phone_candidates("***45") == 1_000
    assert phone_candidates("138****8000") == 10_000


def test_number_searches_a_masked_reader_may_make() -> None:
    def how(text: str) -> str:
        h = number_search(text, may_unmask=False, min_tail=4)
        return "refused" if h.refusal else h.kind
    assert how(NUMBER) == "完整证件号码" and how("13800138000") == "完整电话号码"
    assert how("2X") == "证件号码末位" and how("8000") == "手机号末位"
    for part in ("02X", "002X", NUMBER[:-1], NUMBER[:6], "138001", NUMBER[:-1] + "1"):
        assert how(part) == "refused", part
    admin = number_search("002X", may_unmask=True, min_tail=4)
    assert admin.id_tail and admin.phone_tail and not admin.refusal


def test_the_log_keeps_searched_numbers_masked() -> None:
    assert query_for_log(NUMBER) == "110105**********2X"
    assert query_for_log("13800138000") == "*******8000"
    assert query_for_log("1231002X") == "******2X"
