"""clean_person, since it runs its fields as one table of rules, gives what it gave when it
took them one by one. The reference is that code, kept verbatim."""

from collections.abc import Mapping
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn.ric import calc_check_digit

from registry.ops.people import LABELS, clean_person, document_type
from registry.rules.documents import check_document
from registry.rules.fields import Cleaner, clean_choice, clean_text
from registry.rules.phone import check_phone
from registry.rules.problems import Problem
from registry.rules.vocab import EDUCATION_LEVELS, POLITICAL_STATUSES


def _id_number(raw: Any, field: str) -> tuple[Any, list[Problem]]:
    doc_type, problems = document_type({"id_number": raw})  # the type the form shows
    if doc_type is None:
        return None, problems
    return check_document(doc_type, raw, field)


def _phone(raw: Any, field: str) -> tuple[str | None, list[Problem]]:
    return check_phone(raw, field)


def reference_clean_person(data: Mapping[str, Any], *, partial: bool = False,
                           ) -> tuple[dict[str, Any], list[Problem]]:
    c = Cleaner(data, partial=partial)
    c.take("id_number", _id_number)
    c.take("name", clean_text, LABELS["name"], required=True, max_length=50)
    c.take("phone", _phone)
    c.take("address", clean_text, LABELS["address"])
    c.take("ethnicity", clean_text, LABELS["ethnicity"], max_length=20)
    c.take("political_status", clean_choice, LABELS["political_status"], POLITICAL_STATUSES)
    c.take("education", clean_choice, LABELS["education"], EDUCATION_LEVELS)
    c.take("nationality", clean_text, LABELS["nationality"], max_length=40)
    c.take("notes", clean_text, LABELS["notes"])
    values = c.values
    if "id_number" in values:
        facts = values.pop("id_number")
        if facts is not None:
            values.update(id_type=facts.doc_type, id_number=facts.number, sex=facts.sex,
                          birth_date=facts.birth_date, region_code=facts.region_code)
    return values, c.problems


VALID = "11010519491231002X"
cells = (st.sampled_from(("", " ", "\u3000", "群众", " 本科 ", "大学", "汉族", "13800138000", "010-12345678",
                          VALID, VALID.lower(), "110105199001011234", "11010519900101123"))
         | st.text(alphabet=st.sampled_from("0123456789xX- \t\n\x00\u3000\u200b１ｘ张三")) | st.text()
         | st.floats() | st.integers() | st.none() | st.booleans())
ids = st.builds(lambda body: body + calc_check_digit(body + "0"),
                st.sampled_from(("11010519491231002", "44030519900229123", "99999920000101000")))


# The fields the reference took one by one: the document's type and nationality came later.
@given(st.dictionaries(st.sampled_from((*(k for k in LABELS if k not in ("id_type", "nationality")), "other")),
                       cells), ids, st.booleans())
def test_clean_person_same_as_before(data: dict[str, Any], number: str, partial: bool) -> None:
    for record in (data, {**data, "id_number": number}):
        assert clean_person(record, partial=partial) == reference_clean_person(record, partial=partial)
