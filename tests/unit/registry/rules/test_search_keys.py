import pytest

from registry.rules.search_keys import name_grams, pinyin_initials, reversed_phone, search_keys


@pytest.mark.parametrize(("name", "initials"), [
    ("张三", "zs"), ("欧阳晓明", "oyxm"), ("李 四", "ls"),
    ("曾志伟", "zzw"), ("单田芳", "stf"), ("解晓东", "xxd"), ("翟天临", "ztl"), ("仇英", "qy"),  # surnames
    ("长孙无忌", "zswj"), ("万俟卨", "mqx"),  # double surnames
    ("John张", "jz"), ("王小明2", "wxm2"), ("·", ""),
])
def test_initials_are_what_a_clerk_types(name, initials):
    assert pinyin_initials(name) == initials


def test_search_keys_hold_every_short_part_and_initials_prefix():
    keys = search_keys("欧阳晓明", "oyxm")
    assert {"n欧", "n阳", "n晓", "n明", "n欧阳", "n阳晓", "n晓明"} <= set(keys)
    assert {"po", "poy", "poyx", "poyxm"} <= set(keys)
    assert "n欧阳晓" not in keys and len(keys) == len(set(keys))
    assert name_grams("A b") == {"a", "b", "ab"}


def test_phones_reverse_to_digits_only():
    assert reversed_phone("010-6234 5678") == "87654326010"
    assert reversed_phone(None) is None and reversed_phone("--") is None
