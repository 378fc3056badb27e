import pytest

from registry import ops
from registry.queries.search import people_by_ids, search_people
from registry.rules.idnumber import check_id_number
from registry.rules.problems import NotAllowedError

PEOPLE = [("张三", "13800138000"), ("张三丰", "13900139000"), ("欧阳晓明", "010-62345678"),
          ("李晓", None), ("王小明", "13700137011")]


def id_for(serial: int) -> str:
    body = f"11010519900101{serial:03d}"
    return next(body + c for c in "0123456789X" if check_id_number(body + c)[0])


@pytest.fixture
def people(db):
    ids = {}
    for serial, (name, phone) in enumerate(PEOPLE, start=10):
        number = id_for(serial)
        ids[name] = (ops.register_person("clerk", {"id_number": number, "name": name, "phone": phone}).id, number)
    return ids


def names(text: str, **kw) -> list[str]:
    return [p.name for p in people_by_ids(search_people(text, **kw).ids)]


def test_by_whole_name_prefix_and_any_part(people):
    assert names("张三") == ["张三", "张三丰"]
    assert names("张") == ["张三", "张三丰"]
    assert names("晓") == ["欧阳晓明", "李晓"]  # one character, anywhere
    assert names("晓明") == ["欧阳晓明"]  # two characters, not at the start
    assert names("阳晓明") == ["欧阳晓明"]  # three or more characters
    assert names("三丰") == ["张三丰"]
    assert names("赵") == []


def test_by_pinyin_initials(people):
    assert names("zs") == ["张三", "张三丰"]
    assert names("ZSF") == ["张三丰"]
    assert names("oyxm") == ["欧阳晓明"]


def test_by_id_number_whole_or_its_last_digits(people):
    pid, number = people["王小明"]
    assert search_people(number).ids == (pid,)
    assert search_people(number.lower()).ids == (pid,)
    assert search_people(number[-6:], may_unmask=True).ids == (pid,)
    assert search_people(number[-3:], may_unmask=True).ids == ()  # too short to be a tail


def test_without_the_unmask_right_only_the_whole_number_or_what_the_mask_shows(people):
    pid, number = people["王小明"]
    assert search_people(number).ids == (pid,)
    assert pid in search_people(number[-2:]).ids  # the last two: shown in the mask
    for part in (number[-3:], number[-6:], number[:10], number[:-1]):
        with pytest.raises(NotAllowedError, match="只能按完整的证件号码或电话号码查找"):
            search_people(part)
    assert names("7011") == ["王小明"]  # a mobile's last four are shown
    assert names("5678") == []  # a landline's mask shows three: its fourth digit is hidden
    assert names("5678", may_unmask=True) == ["欧阳晓明"]
    with pytest.raises(NotAllowedError):
        search_people("1370013")


def test_by_phone_whole_or_its_last_digits(people):
    assert names("13900139000") == ["张三丰"]
    assert names("9000") == ["张三丰"]
    assert names("62345678", may_unmask=True) == ["欧阳晓明"]
    assert names("010-62345678") == ["欧阳晓明"]


def test_pages_by_key(people):
    first = search_people("明", limit=1)
    assert first.has_more and first.next_after == people["欧阳晓明"][0]
    second = search_people("明", after=first.next_after, limit=1)
    assert names("明", after=first.next_after, limit=1) == ["王小明"]
    assert not second.has_more


def test_blank_and_wildcards_match_nothing(people):
    assert search_people("   ").ids == ()
    assert search_people("%").ids == ()
    assert search_people("张_").ids == ()


def test_deactivated_people_can_be_left_out(people):
    ops.deactivate_person("clerk", people["张三"][0], "迁出")
    assert names("张三", active_only=True) == ["张三丰"]
    assert names("张三") == ["张三", "张三丰"]


def test_the_search_box_lists_matches_masked_with_their_roles(people, area):
    from registry.queries.masking import Masker
    from registry.queries.search import PersonRoles, person_matches, roles_of

    pid, number = people["张三丰"]
    volunteer = ops.register_volunteer("clerk", {"id_number": number, "name": "张三丰",
                                                 "community": area["community"]}).id
    worker = ops.register_social_worker("clerk", {"community": area["community"], "id_number": number, "name": "张三丰",
                                                  "level": "社会工作师", "certificate_number": "S1"}).id
    matches = person_matches("张三")
    assert [(m.name, m.id_number) for m in matches] == [
        ("张三", people["张三"][1][:6] + "*" * 10 + people["张三"][1][-2:]),
        ("张三丰", number[:6] + "*" * 10 + number[-2:])]
    assert [m.roles for m in matches] == [PersonRoles(None, None), PersonRoles(volunteer, worker)]
    assert roles_of(pid) == PersonRoles(volunteer, worker)
    assert roles_of(people["张三"][0]) == PersonRoles(None, None)
    assert person_matches("张三", masker=Masker(full=True))[1].id_number == number
    assert len(person_matches("张", limit=1)) == 1 and person_matches("赵") == []


@pytest.fixture
def documents(db):
    for id_type, number, name in (("港澳居民来往内地通行证", "H12345678", "陈大文"),
                                  ("台湾居民来往大陆通行证", "87655678", "林小美"),
                                  ("护照", "E98765678", "Anna"),
                                  ("外国人永久居留身份证", "USA110080125678", "Tom")):
        ops.register_person("clerk", {"id_type": id_type, "id_number": number, "name": name, "nationality": "德国"})


def test_last_digits_find_every_document_type(documents):
    assert names("5678", may_unmask=True) == ["陈大文", "林小美", "Anna", "Tom"]
    assert names("78") == ["陈大文", "林小美", "Anna", "Tom"]  # the two a mask shows


def test_a_whole_lettered_document_number_is_found_by_anyone(documents):
    assert names("h1234 5678") == ["陈大文"]
    assert names("usa110080125678") == ["Tom"]
    assert names("E98765678", may_unmask=True) == ["Anna"]
    assert names("H12345679") == []
