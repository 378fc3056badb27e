"""Numbers leave the core masked unless an administrator asked to see them whole."""

from pathlib import Path

from registry.ops.accounts import add_account
from registry.queries.masking import MASKED, masker_for

ID = "11010519491231002X"


def test_masked_unless_revealed_by_someone_who_may(sqlite_db: Path) -> None:
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "li", "clerk", "clerk-password")
    assert masker_for("boss").id_number(ID) == "110105********002X"
    assert masker_for("boss", reveal=True).id_number(ID) == ID
    assert masker_for("li", reveal=True).id_number(ID) == "110105********002X"
    assert masker_for("li", reveal=True).phone("13800138000") == "138****8000"
    assert MASKED.phone(None) == "" and MASKED.id_number("") == ""
