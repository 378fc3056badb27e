"""Numbers leave the core masked unless an administrator asked to see them whole."""

import datetime as dt
from pathlib import Path

from registry.ops.accounts import add_account
from registry.queries.masking import MASKED, Masker, masker_for

ID = "11010519491231002X"


def test_masked_unless_revealed_by_someone_who_may(sqlite_db: Path) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    assert masker_for("boss").id_number(ID) == "110105**********2X"
    assert masker_for("boss", reveal=True).id_number(ID) == ID
    assert masker_for("li", reveal=True).id_number(ID) == "110105**********2X"
    assert masker_for("li", reveal=True).phone("13800138000") == "138****8000"
    assert MASKED.phone(None) == "" and MASKED.id_number("") == ""


def test_a_masked_birth_date_is_its_year() -> None:
    assert MASKED.birth_date(dt.date(1949, 12, 31)) == "1949年"
    assert Masker(full=True).birth_date(dt.date(1949, 12, 31)) == "1949-12-31"
    assert MASKED.birth_date(None) == ""
    # born this year: the year would give the date within the days gone by
    assert MASKED.birth_date(dt.date.today()) == ""
