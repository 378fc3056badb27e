"""What is doubtful about an organization's recognition as a charity: each a warning."""

from datetime import date

from registry.rules.charity import charity_problems


def test_a_registered_organization_recognized_after_its_founding_raises_no_doubt() -> None:
    assert charity_problems(date(2021, 3, 5), "基金会", date(2010, 1, 1)) == []
    assert charity_problems(date(2021, 3, 5), "社会服务机构", None) == []
    assert charity_problems(None, "社区社会组织", date(2030, 1, 1)) == []  # not a charity: nothing to doubt


def test_each_doubt_is_a_warning_on_the_day_naming_what_to_check() -> None:
    found = charity_problems(date(2015, 6, 1), "社区社会组织", date(2016, 1, 1))
    assert [p.code for p in found] == ["charity.not_registered", "charity.before_law", "charity.before_founding"]
    assert all(not p.is_error and p.field == "charity_recognized_on" for p in found)
    filed, law, founding = (p.message for p in found)
    assert "社区社会组织（备案）" in filed and "不能认定为慈善组织" in filed
    assert "2015-06-01" in law and "2016-09-01" in law
    assert "2015-06-01" in founding and "2016-01-01" in founding
    assert [p.code for p in charity_problems(date(2016, 9, 1), "社会团体", date(2016, 9, 1))] == []  # the day itself
