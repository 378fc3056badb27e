
import datetime as dt
import json
from decimal import Decimal

import pytest
from helpers import ROOT
from helpers.districts import CHAOYANG, OWN_CE_AND_ROUNDING, OWN_STAR, district_file

from registry import ops
from registry.ops.district import apply_district, check_district
from registry.queries.presets import get_setting, preset_choices, star_preset
from registry.queries.stats import volunteer_totals
from registry.rules.problems import RegistryError
from registry.storage.models import AuditEntry, Community, District, RulePreset, Setting, Street, Volunteer

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


# The district's own presets ------------------------------------------------------------

def checked(path, **kwargs):
    config, problems = check_district(path, **kwargs)
    assert problems == [] and config is not None, problems
    return config


def test_a_file_defines_its_own_presets_and_may_choose_them(tmp_path):
    config = checked(district_file(tmp_path, star="chaoyang_2026", definitions=OWN_STAR + OWN_CE_AND_ROUNDING,
                                   continuing_education="yearly_40", rounding="half_at_30"),
                     today=dt.date(2026, 6, 1))
    assert [p.name for p in config.defined] == ["chaoyang_2026", "yearly_40", "half_at_30"]
    assert config.presets == {"star_preset": "chaoyang_2026", "ce_preset": "yearly_40",
                              "rounding_preset": "half_at_30"}
    assert config.defined[0].source == "《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）"
    assert config.defined[0].effective == dt.date(2026, 1, 1) and config.warnings == ()


def test_choosing_a_preset_not_yet_in_force_is_a_warning_not_a_problem(tmp_path):
    config = checked(district_file(tmp_path, star="chaoyang_2026"), today=dt.date(2025, 12, 31))
    (warning,) = config.warnings
    assert "星级规则“chaoyang_2026”" in warning and "2026-01-01 才施行" in warning
    # defined but not chosen: nothing to say
    assert checked(district_file(tmp_path), today=dt.date(2025, 12, 31)).warnings == ()


@pytest.mark.parametrize(("star", "definitions", "message"), [
    ("chaoyang_2027", OWN_STAR, "[presets] 的 star = “chaoyang_2027”不认识，可用的有：national、beijing_trial、"
                                "chaoyang_2026（或本文件定义的规则）"),
    ("national", OWN_STAR.replace('"chaoyang_2026"', '"national"'),
     "星级规则“national”的名称“national”是程序自带（或已停用）的星级规则的名称"),
    ("national", OWN_STAR + OWN_STAR, "星级规则的名称“chaoyang_2026”定义了不止一次"),
    ("national", OWN_STAR.replace("effective = 2026-01-01", 'effective = "2026-02-30"'),
     "星级规则“chaoyang_2026”的“effective”写的“2026-02-30”不是真实的日期"),
    ("national", OWN_STAR.replace("[50, 100, 200, 400, 800]", "[50, 100, 200, 400]"),
     "星级规则“chaoyang_2026”的“thresholds”应当正好列出 5 个小时数"),
    ("national", OWN_STAR.replace('label = "朝阳区 2026 年标准（50/100/200/400/800 小时）"', 'label = ""'),
     "星级规则“chaoyang_2026”的“label”不能为空"),
    ("national", OWN_CE_AND_ROUNDING.replace("cycle_years = 1", "cycle_years = 12"),
     "继续教育规则“yearly_40”的“cycle_years”应当是 1 到 10 之间的整数"),
    ("national", OWN_CE_AND_ROUNDING.replace(', "高级社会工作师" = 40', ""),
     "继续教育规则“yearly_40”的“hours”缺少“高级社会工作师”的学时"),
    ("national", "\n[presets.star_presets]\nname = \"x\"\n",
     "[presets] 的“star_presets”应当写成 [[presets.star_presets]]"),
    ("national", "\n[[presets.star_preset]]\nname = \"x\"\n", "[presets] 中的“star_preset”不认识"),
])
def test_each_bad_definition_is_named_in_plain_words(tmp_path, star, definitions, message):
    config, problems = check_district(district_file(tmp_path, star=star, definitions=definitions))
    assert config is None
    assert any(message in p for p in problems), problems


def make_volunteers(hours: list[int]) -> list[int]:
    """Volunteers with these cumulative hours, starred under the preset in force."""
    ids = []
    community = Community.select(Community.id).order_by(Community.id).scalar()
    for i, h in enumerate(hours):
        number = ["11010519491231002X", "110105199001011232", "110105198506061214"][i]
        ops.register_volunteer("clerk", {"id_number": number, "name": f"志愿者{i}", "community": community})
        vid = Volunteer.select(Volunteer.id).order_by(Volunteer.id.desc()).scalar()
        Volunteer.update(total_hours=h).where(Volunteer.id == vid).execute()
        ids.append(vid)
    ops.set_preset("admin", "star_preset", get_setting("star_preset"))  # recomputes every level
    return ids


def star_levels(ids):
    return [(v.star_level, v.star_preset) for v in Volunteer.select().where(Volunteer.id.in_(ids))
            .order_by(Volunteer.id)]


def test_applying_keeps_the_definitions_and_a_chosen_star_preset_restars_everyone(db, tmp_path):
    apply_district("installer", checked(CHAOYANG))
    ids = make_volunteers([120, 250, 10])
    assert star_levels(ids) == [(1, "national"), (1, "national"), (0, "national")]
    entries = AuditEntry.select().count()
    apply_district("admin", checked(district_file(tmp_path, star="chaoyang_2026")))
    assert star_levels(ids) == [(2, "chaoyang_2026"), (3, "chaoyang_2026"), (0, "chaoyang_2026")]
    assert get_setting("star_preset") == "chaoyang_2026"
    (stored,) = RulePreset.select()
    assert (stored.kind, stored.name, stored.label) == ("star", "chaoyang_2026",
                                                        "朝阳区 2026 年标准（50/100/200/400/800 小时）")
    new = list(AuditEntry.select().where(AuditEntry.id > entries).order_by(AuditEntry.id))
    assert [(e.action, json.loads(e.after)) for e in new if e.table_name == "setting"
            and "star_preset" in json.loads(e.after or "{}")] == [
        ("set_preset", {"star_preset": "chaoyang_2026"})]  # one entry for every volunteer re-starred
    assert [e.table_name for e in new].count("rule_preset") == 1
    # the register knows it without the file: listed, chosen, and the others still choosable
    assert star_preset("chaoyang_2026").thresholds[0] == 50
    choices = preset_choices()["star_preset"]
    assert [(c.name, c.shipped, c.chosen) for c in choices] == [
        ("national", True, False), ("beijing_trial", True, False), ("chaoyang_2026", False, True)]
    assert choices[2].source.startswith("《朝阳区志愿者星级认定办法》") and choices[2].effective == dt.date(2026, 1, 1)
    ops.set_preset("admin", "star_preset", "national")
    assert star_levels(ids)[0] == (1, "national")
    ops.set_preset("admin", "star_preset", "chaoyang_2026")
    assert star_levels(ids)[0] == (2, "chaoyang_2026")
    assert volunteer_totals(ids[0]).hours_to_next_star == 80  # 120 h: 200 h for the third star


def test_a_later_file_with_the_same_choice_leaves_the_administrators_choice(db, tmp_path):
    apply_district("installer", checked(district_file(tmp_path, star="chaoyang_2026")))
    assert get_setting("star_preset") == "chaoyang_2026"
    ops.set_preset("admin", "star_preset", "national")
    newer = district_file(tmp_path, star="chaoyang_2026", definitions=OWN_STAR + OWN_CE_AND_ROUNDING,
                          name="newer.toml")
    apply_district("installer", checked(newer))
    assert get_setting("star_preset") == "national"  # the file chose it before: the admin's choice stands
    assert sorted(p.name for p in RulePreset.select()) == ["chaoyang_2026", "half_at_30", "yearly_40"]
    assert apply_district("installer", checked(newer)) == ops.Changes()  # nothing left to add


def test_a_register_applied_before_choices_were_kept_takes_a_new_choice(db, tmp_path):
    apply_district("installer", checked(CHAOYANG))
    Setting.delete().where(Setting.key == "district_presets").execute()  # as an earlier version left it
    apply_district("installer", checked(district_file(tmp_path)))  # same choices: nothing moves
    assert get_setting("star_preset") == "national"
    Setting.delete().where(Setting.key == "district_presets").execute()
    apply_district("installer", checked(district_file(tmp_path, star="chaoyang_2026")))
    assert get_setting("star_preset") == "chaoyang_2026"


def test_a_name_is_never_given_other_values(db, tmp_path):
    apply_district("installer", checked(district_file(tmp_path)))
    again = district_file(tmp_path, name="again.toml")
    assert apply_district("installer", checked(again)) == ops.Changes()  # the same definition: fine
    changed = district_file(tmp_path, definitions=OWN_STAR.replace("[50, 100, 200, 400, 800]",
                                                                   "[60, 120, 240, 480, 960]"), name="changed.toml")
    entries = AuditEntry.select().count()
    with pytest.raises(RegistryError) as refused:
        apply_district("installer", checked(changed))
    text = str(refused.value)
    for fragment in ("星级规则“chaoyang_2026”", "登记库中：一至五星：50/100/200/400/800 小时",
                     "本文件：一至五星：60/120/240/480/960 小时", "另起一个名称"):
        assert fragment in text, fragment
    assert AuditEntry.select().count() == entries
    assert star_preset("chaoyang_2026").thresholds[0] == 50
    # a corrected label, source or date is taken, and audited
    relabelled = district_file(tmp_path, definitions=OWN_STAR.replace("2026-01-01", "2026-03-01"),
                               name="relabelled.toml")
    apply_district("installer", checked(relabelled))
    assert star_preset("chaoyang_2026").effective == dt.date(2026, 3, 1)
    entry = AuditEntry.select().where(AuditEntry.table_name == "rule_preset").order_by(AuditEntry.id.desc()).get()
    assert "2026-01-01" in entry.before and "2026-03-01" in entry.after


def test_a_defined_rounding_preset_credits_service_time(db, tmp_path):
    from registry.queries.presets import current_rounding_preset
    from registry.rules.presets import credited_hours

    apply_district("installer", checked(district_file(tmp_path, definitions=OWN_STAR + OWN_CE_AND_ROUNDING,
                                                      rounding="half_at_30", continuing_education="yearly_40")))
    rounding = current_rounding_preset()
    assert rounding.name == "half_at_30" and credited_hours(rounding, 89) == Decimal(1)
    assert get_setting("ce_preset") == "yearly_40"
