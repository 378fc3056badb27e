import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from registry.rules.fields import clean_bool, clean_date, clean_decimal, clean_int, clean_text, parse_date


@pytest.mark.parametrize("raw", [
    "1990-05-12", "1990.5.12", "1990/05/12", "19900512", "1990年5月12日", "１９９０－０５－１２",
    " 1990-05-12 ", "1990-05-12 00:00:00", 33005, 33005.0, dt.datetime(1990, 5, 12, 8, 30),
])
def test_dates_as_clerks_write_them(raw):
    assert parse_date(raw) == dt.date(1990, 5, 12)


@pytest.mark.parametrize("raw", ["1990-02-30", "12/05/1990", "明天", "", True, -5, 3_000_000])
def test_unreadable_dates_are_none(raw):
    assert parse_date(raw) is None


def test_date_problems_name_the_field_and_value():
    value, [problem] = clean_date("1990-02-30", "birth_date", "出生日期")
    assert value is None and problem.field == "birth_date" and "1990-02-30" in problem.message
    _, [problem] = clean_date("1850-01-01", "registered_on", "注册日期")
    assert problem.code == "date_range"
    assert clean_date(None, "x", "日期", required=True)[1][0].code == "required"


def test_text_is_normalized_and_bounded():
    assert clean_text("  张三\u200b ", "name", "姓名") == ("张三", [])
    assert clean_text(13800138000.0, "phone", "电话")[0] == "13800138000"
    value, [problem] = clean_text("很" * 60, "name", "姓名", max_length=50)
    assert len(value) == 50 and problem.code == "too_long"


def test_numbers():
    assert clean_decimal("2.5小时", "hours", "时长") == (Decimal("2.50"), [])
    assert clean_decimal("1,200", "amount", "金额")[0] == Decimal("1200")
    value, [warning] = clean_decimal("1.234", "hours", "时长")
    assert value == Decimal("1.23") and not warning.is_error
    assert clean_decimal("NaN", "hours", "时长")[1][0].code == "number"
    assert clean_int("25.0", "member_count", "成员人数") == (25, [])
    assert clean_int("2.5", "member_count", "成员人数")[1][0].code == "integer"


def test_booleans():
    assert clean_bool("是", "c", "同意")[0] is True
    assert clean_bool("否", "c", "同意")[0] is False
    assert clean_bool(1.0, "c", "同意")[0] is True
    assert clean_bool("也许", "c", "同意")[1][0].code == "bool"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans(), st.dates()))
def test_cleaners_never_crash(raw):
    for cleaner in (clean_text, clean_date, clean_decimal, clean_int, clean_bool):
        _value, problems = cleaner(raw, "f", "字段")
        assert all(p.field == "f" and p.message for p in problems)
