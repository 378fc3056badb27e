"""What tells namesakes apart, as every person picker shows it: sex, birth year, community
(as a volunteer, else as a social worker), the ID number masked; masked for an
administrator too, since pickers never reveal."""

from __future__ import annotations

from registry import ops
from registry.ops.accounts import add_account
from registry.queries.identities import identities, volunteer_identity
from registry.queries.masking import Masker

ZHANG, WANG = "11010519491231002X", "110105199001010037"


def test_identities_give_sex_year_community_and_the_masked_number(area: dict[str, int]) -> None:
    volunteer = ops.register_volunteer("clerk", {"id_number": ZHANG, "name": "张三",
                                                 "community": area["community"]}).id
    ops.register_social_worker("clerk", {"id_number": WANG, "name": "王五", "level": "社会工作师",
                                         "certificate_number": "S-1", "community": area["community2"]})
    add_account("installer", "boss", "admin", "correct horse")
    zhang = volunteer_identity(volunteer, "boss")
    assert zhang is not None
    assert zhang.label() == "张三　女　1949年　永安里社区　110105**********2X"
    (wang,) = [w for w in identities([zhang.person + 1, 999_999]).values()]
    assert wang.facts() == "男　1990年　建华南社区　110105**********37"  # a worker's community
    whole = identities([zhang.person], Masker(full=True))[zhang.person]
    assert (whole.born, whole.id_number) == ("1949-12-31", ZHANG)
    assert volunteer_identity(999_999, "boss") is None and identities([]) == {}
