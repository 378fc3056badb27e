"""People keyed by (证件类型, 证件号码): each type checked by its own rules."""

import pytest

from registry import ops
from registry.rules.idnumber import check_character
from registry.storage.models import Person

HONG_KONG = "810000199001011230"
RESIDENT = "11010519491231002X"


def test_a_number_without_a_type_is_registered_as_the_type_its_form_shows(db):
    person = Person.get_by_id(ops.register_person("clerk", {"id_number": HONG_KONG, "name": "陈大文"}).id)
    assert (person.id_type, person.sex, person.birth_date.isoformat(), person.region_code) == (
        "港澳台居民居住证", "男", "1990-01-01", "810000")
    resident = Person.get_by_id(ops.register_person("clerk", {"id_number": RESIDENT, "name": "张三"}).id)
    assert resident.id_type == "居民身份证"


def test_an_ambiguous_number_without_a_type_asks_for_the_type(db):
    with pytest.raises(ops.ValidationError, match="请填写证件类型"):
        ops.register_person("clerk", {"id_number": "12345678", "name": "林小美"})
    assert Person.select().count() == 0


def test_the_type_is_half_of_the_key(db):
    ops.register_person("clerk", {"id_type": "台湾居民来往大陆通行证", "id_number": "12345678", "name": "林小美"})
    ops.register_person("clerk", {"id_type": "护照", "id_number": "12345678", "name": "Anna Schmidt",
                                  "nationality": "德国"})
    assert sorted(Person.select(Person.id_type, Person.nationality).tuples()) == [
        ("台湾居民来往大陆通行证", ""), ("护照", "德国")]
    with pytest.raises(ops.DuplicatePersonError):
        ops.register_person("clerk", {"id_type": "台胞证", "id_number": " 1234 5678 ", "name": "林小美"})


def test_the_number_is_checked_by_the_type_given(db):
    with pytest.raises(ops.ValidationError, match="H（香港）或 M（澳门）"):
        ops.register_person("clerk", {"id_type": "港澳居民来往内地通行证", "id_number": "12345678", "name": "陈"})
    with pytest.raises(ops.ValidationError, match="证件类型“驾驶证”不认识"):
        ops.register_person("clerk", {"id_type": "驾驶证", "id_number": "12345678", "name": "陈"})


def test_a_2017_foreign_card_gives_the_nationality(db):
    person = Person.get_by_id(ops.register_person("clerk", {"id_number": "CAN110080123101", "name": "Li Wei"}).id)
    assert (person.id_type, person.nationality) == ("外国人永久居留身份证", "CAN")


def test_changing_only_the_number_checks_it_by_the_stored_type(db):
    person_id = ops.register_person("clerk", {"id_type": "港澳通行证", "id_number": "H12345678", "name": "陈"}).id
    with pytest.raises(ops.ValidationError, match="H（香港）或 M（澳门）"):
        ops.update_person("clerk", person_id, {"id_number": RESIDENT})
    ops.update_person("clerk", person_id, {"id_number": "M87654321"})
    assert Person.get_by_id(person_id).id_number == "M87654321"


def test_changing_only_the_type_checks_the_stored_number_by_it(db):
    number = "91184019900101123"
    number += check_character(number + "0")
    person_id = ops.register_person("clerk", {"id_type": "外国人永久居留身份证", "id_number": number,
                                              "name": "Tom"}).id
    with pytest.raises(ops.ValidationError):
        ops.update_person("clerk", person_id, {"id_type": "港澳居民来往内地通行证"})
    assert Person.get_by_id(person_id).id_type == "外国人永久居留身份证"


def test_a_volunteer_registered_by_passport(db):
    ops.register_volunteer("clerk", {"id_type": "护照", "id_number": "x1234567", "name": "Anna",
                                     "nationality": "德国"})
    person = Person.get()
    assert (person.id_type, person.id_number, person.nationality, person.sex) == ("护照", "X1234567", "德国", "")
