
import pytest
from helpers import ROOT

from registry import ops
from registry.ops.district import apply_district, check_district
from registry.queries.presets import get_setting
from registry.storage.models import Community, District, Street

SHIPPED = sorted((ROOT / "packaging" / "districts").glob("*.toml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_district_file_is_valid(path):
    config, problems = check_district(path)
    assert problems == [] and config is not None
    assert path.name.startswith(config.code)


def test_problems_are_named_in_plain_words(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("""
[district]
code = "11010"
name = "朝阳区"
population = -3
[presets]
star = "shanghai"
[[streets]]
code = "120105001"
name = "建外街道"
  [[streets.communities]]
  code = "120105001001"
  name = "永安里社区"
""", encoding="utf-8")
    config, problems = check_district(bad)
    text = "\n".join(problems)
    assert config is None
    for fragment in ("6 位数字", "population", "shanghai", "以区代码", "永安里社区"):
        assert fragment in text, fragment
    assert check_district(tmp_path / "missing.toml")[1][0].startswith("无法读取")
    (tmp_path / "broken.toml").write_text("[district\n", encoding="utf-8")
    assert "TOML" in check_district(tmp_path / "broken.toml")[1][0]


def test_applying_seeds_geography_and_presets_then_only_adds(db, tmp_path):
    config, _ = check_district(ROOT / "packaging" / "districts" / "110105-chaoyang.toml")
    apply_district("installer", config)
    assert District.get().name == "朝阳区"
    assert Street.select().count() == 3 and Community.select().count() == 7
    assert get_setting("star_preset") == "national"
    first = Community.get(Community.code == "110105001001")
    ops.update_area("clerk", "community", first.id, population=9000)  # the register's own change
    ops.set_preset("admin", "star_preset", "national")
    newer = tmp_path / "newer.toml"
    text = (ROOT / "packaging" / "districts" / "110105-chaoyang.toml").read_text(encoding="utf-8")
    newer.write_text(text + """
[[streets]]
code = "110105004"
name = "三里屯街道"
  [[streets.communities]]
  code = "110105004001"
  name = "幸福三村社区"
  population = 5000
""", encoding="utf-8")
    config2, problems = check_district(newer)
    assert problems == []
    changes = apply_district("installer", config2)
    assert len(changes.ids) == 1 and Community.select().count() == 8
    assert Community.get_by_id(first.id).population == 9000  # untouched
    assert get_setting("star_preset") == "national"  # untouched


def test_a_file_naming_the_old_beijing_star_preset_is_told_what_to_write(tmp_path):
    text = (ROOT / "packaging" / "districts" / "110105-chaoyang.toml").read_text(encoding="utf-8")
    old = tmp_path / "old.toml"
    old.write_text(text.replace('star = "national"', 'star = "beijing"', 1), encoding="utf-8")
    config, problems = check_district(old)
    assert config is None and len(problems) == 1
    for fragment in ("早期试行", "100/200/500/800/1000", 'star = “national”', "100/300/600/1000/1500",
                     "beijing_trial"):
        assert fragment in problems[0], fragment


def test_deadline_problems_are_named_in_plain_words(tmp_path):
    text = (ROOT / "packaging" / "districts" / "110105-chaoyang.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('"基金会" = { authority = "03-31" }',
                                '"基金会" = { authority = "3月31日", report = "05-31" }\n"协会" = {}'),
                   encoding="utf-8")
    config, problems = check_district(bad)
    text = "\n".join(problems)
    assert config is None and len(problems) == 3
    for fragment in ("“基金会”中 authority = “3月31日”不是“月-日”", "“report”不认识", "“协会”不认识"):
        assert fragment in text, fragment
