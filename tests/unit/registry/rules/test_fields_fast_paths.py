"""clean_text and Cleaner.take, since their shortcuts, give what they gave before.

The references are the code as it was before the shortcuts, kept verbatim."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from registry.rules.fields import MAX_TEXT, Cleaner, Rule, clean_bool, clean_date, clean_text, is_blank
from registry.rules.problems import Problem, error
from registry.rules.text import normalize_text

TRICKY = ("0123456789xX-+ \t\n\r\x00\x1f\x7f\u3000\xa0\u200b\ufeff\u2028\u2013"
          "０１２３４５６７８９ｘＸ－＋．张第社区（）①")
cells = (st.text(alphabet=st.sampled_from(TRICKY)) | st.text() | st.floats() | st.integers()
         | st.none() | st.booleans() | st.dates())


def reference_clean_text(raw: Any, field: str, label: str, *, required: bool = False,
                         max_length: int = MAX_TEXT) -> tuple[str, list[Problem]]:
    if is_blank(raw):
        return "", [error("required", field, f"“{label}”不能为空。")] if required else []
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = normalize_text(str(raw))
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    if len(text) > max_length:
        return text[:max_length], [error("too_long", field,
                                         f"“{label}”太长（{len(text)} 个字），最多 {max_length} 个字。")]
    return text, []


class Text(str):
    pass


@given(cells, st.booleans(), st.integers(0, 8))
@example("  张三\u200b ", False, 50)
@example("\x01", True, 5)
@example(Text(" 张三 "), True, 5)
@example(13800138000.0, False, 50)
def test_clean_text_same_as_before(raw: Any, required: bool, max_length: int) -> None:
    for limit in (max_length, MAX_TEXT):
        assert clean_text(raw, "f", "字段", required=required, max_length=limit) == \
            reference_clean_text(raw, "f", "字段", required=required, max_length=limit)


class ReferenceCleaner(Cleaner):
    def take(self, name: str, cleaner: Callable[..., tuple[Any, list[Problem]]],
             *args: Any, **kwargs: Any) -> None:
        if self.wants(name):
            value, problems = cleaner(self.data.get(name), name, *args, **kwargs)
            self.values[name] = value
            self.problems.extend(problems)


@given(st.dictionaries(st.sampled_from(("a", "b", "c")), cells), st.booleans())
def test_cleaner_take_same_as_before(data: dict[str, Any], partial: bool) -> None:
    fast, slow = Cleaner(data, partial=partial), ReferenceCleaner(data, partial=partial)
    for c in (fast, slow):
        c.take("a", clean_text, "甲", required=True, max_length=3)
        c.take("b", clean_date, "乙", earliest=dt.date(2000, 1, 1))
        c.take("c", clean_bool, "丙")
    assert (fast.values, fast.problems) == (slow.values, slow.problems)


@given(st.dictionaries(st.sampled_from(("a", "b", "c")), cells), st.booleans())
def test_take_all_same_as_take_one_by_one(data: dict[str, Any], partial: bool) -> None:
    rules: tuple[Rule, ...] = (("a", clean_text, ("甲",), {"required": True, "max_length": 3}),
                               ("b", clean_date, ("乙",), {"earliest": dt.date(2000, 1, 1)}),
                               ("c", clean_bool, ("丙",), {}))
    together, apart = Cleaner(data, partial=partial), Cleaner(data, partial=partial)
    together.take_all(rules)
    for name, cleaner, args, kwargs in rules:
        apart.take(name, cleaner, *args, **kwargs)
    assert (together.values, together.problems) == (apart.values, apart.problems)
