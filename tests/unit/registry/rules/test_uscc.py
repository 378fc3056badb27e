import pytest
from hypothesis import given
from hypothesis import strategies as st

from registry.rules.problems import Severity
from registry.rules.uscc import CHARSET, check_uscc, make_org_code, make_uscc

REAL = "91350100M000100Y43"


def social_group() -> str:
    return make_uscc("51110105" + make_org_code("MJ012345"))


def codes(raw: str | None, declared: str | None = None) -> list[str]:
    return [p.code for p in check_uscc(raw, declared_type=declared)[1]]


def test_real_code_is_valid_and_decoded() -> None:
    facts, problems = check_uscc(REAL)
    assert facts is not None
    assert facts.department == "工商（市场监管）"
    assert facts.org_type is None
    assert facts.region_code == "350100"
    assert facts.organization_code == "M000100Y4"
    assert [(p.code, p.severity) for p in problems] == [
        ("uscc.not_civil_affairs", Severity.WARNING)
    ]


def test_org_code_check_matches_known_example() -> None:
    assert make_org_code("M000100Y") == "M000100Y4"


def test_generated_civil_affairs_code_is_a_social_group() -> None:
    facts, problems = check_uscc(social_group().lower(), declared_type="社会团体")
    assert problems == []
    assert facts is not None and facts.department == "民政" and facts.org_type == "社会团体"


@pytest.mark.parametrize(
    ("kind", "org_type"), [("2", "社会服务机构"), ("3", "基金会"), ("9", "其他")]
)
def test_civil_affairs_categories(kind: str, org_type: str) -> None:
    facts, _ = check_uscc(make_uscc(f"5{kind}110105" + make_org_code("MJ012345")))
    assert facts is not None and facts.org_type == org_type


def test_type_mismatch_is_a_warning() -> None:
    facts, problems = check_uscc(social_group(), declared_type="基金会")
    assert facts is not None
    assert [(p.code, p.severity) for p in problems] == [("uscc.type_mismatch", Severity.WARNING)]


def test_alias_and_street_level_types_do_not_mismatch() -> None:
    ngo = make_uscc("52110105" + make_org_code("MJ012345"))
    assert codes(ngo, "民办非企业单位") == []
    assert codes(ngo, "社区社会组织") == []
    assert codes(ngo, "社会团体") == ["uscc.type_mismatch"]


def test_empty_length_and_format() -> None:
    assert codes(None) == ["uscc.empty"]
    assert codes(" ") == ["uscc.empty"]
    assert codes(REAL[:-1]) == ["uscc.length"]
    assert codes("91350100M000100Y4O") == ["uscc.format"]
    assert "I、O、Z、S、V" in check_uscc("91350100M000100Y4O")[1][0].message
    assert codes("91350100M000100Y4*") == ["uscc.format"]
    assert codes("91A50100M000100Y43") == ["uscc.format"]


def test_wrong_check_character() -> None:
    assert codes(REAL[:-1] + "4") == ["uscc.checksum"]


def test_broken_embedded_org_code_is_an_error_even_with_right_final_check() -> None:
    assert codes(make_uscc("91350100M000100Y5")) == ["uscc.org_code_checksum"]


def test_make_rejects_bad_bodies() -> None:
    with pytest.raises(ValueError):
        make_uscc("9135")
    with pytest.raises(ValueError):
        make_uscc("91350100M000100YO")
    with pytest.raises(ValueError):
        make_org_code("m000100y")


bodies = st.builds(
    lambda head, region, org: head + region + make_org_code(org),
    st.text(CHARSET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CHARSET, min_size=8, max_size=8),
)


@given(bodies, st.sampled_from(CHARSET))
def test_made_codes_valid_and_any_other_last_char_invalid(body: str, other: str) -> None:
    code = make_uscc(body)
    facts, problems = check_uscc(code)
    assert facts is not None and not any(p.is_error for p in problems)
    if other != code[-1]:
        assert codes(body + other) == ["uscc.checksum"]
