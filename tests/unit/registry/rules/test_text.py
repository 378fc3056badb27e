from registry.rules.text import normalize_id_like, normalize_text


def test_full_width_digits_letters_and_space_become_half_width() -> None:
    assert normalize_text("１２３ＡＢｃ　ｄ") == "123ABc d"


def test_chinese_text_and_punctuation_are_untouched() -> None:
    assert normalize_text("北京市（朝阳）社区，①号") == "北京市（朝阳）社区，①号"


def test_surrounding_ideographic_space_nbsp_and_zero_width_removed() -> None:
    assert normalize_text("\u3000\xa0\ufeff张\u200b三 \u3000") == "张三"


def test_inner_nbsp_becomes_plain_space() -> None:
    assert normalize_text("a\xa0b") == "a b"


def test_id_like_drops_inner_spaces_hyphens_and_upper_cases() -> None:
    assert normalize_id_like(" 110105 1949-1231－002ｘ　") == "11010519491231002X"


def test_empty_stays_empty() -> None:
    assert normalize_text(" \u3000 ") == ""
    assert normalize_id_like("") == ""
