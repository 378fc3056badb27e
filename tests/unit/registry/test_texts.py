"""The core's one translation mechanism (registry.texts): its English catalog is complete and
agrees with the code, no unmarked Chinese is left in the core's messages, and messages come
out in English without Qt."""

from __future__ import annotations

import ast
import io
import re
import runpy
import string
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT

from registry import texts

CORE_MESSAGES = runpy.run_path(str(ROOT / "resources" / "translations" / "core_messages.py"))
CATALOG = ROOT / "resources" / "translations" / "registry_en.po"
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
DATA_PRAGMA = "zh-data"  # a line comment: this Chinese is data (a stored word, a pattern), not a message

# Chinese that is not the program's speech: official documents and the data they are made of.
OFFICIAL_DOCUMENTS = {
    "registry/rosters/": "rosters: official Chinese documents (headers, titles, units)",
    "registry/certificates/pdf.py": "the certificate's text: an official Chinese document",
    "registry/demo/": "demonstration data: names, places, organizations",
    "registry/rules/search_keys.py": "the surname readings of the search keys",
    "registry/importer/kinds.py": "the Chinese column headers of the import templates",
    "registry/importer/templates.py": "the Chinese import templates (headers, sheet names, notes)",
}
# Not converted yet (a to-do, not an exception): each names what is left.
NOT_YET: dict[str, str] = {}


def allowed(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in (*OFFICIAL_DOCUMENTS, *NOT_YET))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def catalog() -> list[dict[str, object]]:
    return [e for e in texts.po_entries(CATALOG.read_text(encoding="utf-8")) if e["msgid"]]


def unmarked_chinese(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every Chinese string literal of `path` that is neither a docstring,
    nor the text of a msg()/mark() call, nor an audit entry's detail (a record, like the
    rosters), nor on a line saying zh-data."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    pragma_lines = {tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                    if tok.type == tokenize.COMMENT and DATA_PRAGMA in tok.string}
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("msg", "mark")
                and node.args and isinstance(node.args[0], ast.Constant)):
            skip.add(id(node.args[0]))
        if isinstance(node, ast.keyword) and node.arg == "detail":  # an audit entry's record, kept as written
            skip.update(id(n) for n in ast.walk(node.value))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                and IDEOGRAPH.search(node.value)
                and not pragma_lines & set(range(node.lineno, (node.end_lineno or node.lineno) + 1))):
            yield node.lineno, node.value


def test_no_unmarked_chinese_left_in_the_core() -> None:
    """Every Chinese text of registry/ outside its official documents is marked for translation
    (or says on its line that it is data): a message cannot slip back untranslated."""
    left = [f"{path.relative_to(ROOT).as_posix()}:{line}: {text[:40]!r}"
            for path in sorted((ROOT / "registry").rglob("*.py"))
            if not allowed(path.relative_to(ROOT).as_posix())
            for line, text in unmarked_chinese(path)]
    assert left == [], "mark these with registry.texts msg()/mark(), or '# zh-data' if data:\n" + "\n".join(left)


def test_the_allow_list_names_only_what_exists() -> None:
    for prefix in (*OFFICIAL_DOCUMENTS, *NOT_YET):
        assert (ROOT / prefix).exists(), prefix


def test_every_marked_message_is_in_the_catalog_and_nothing_else() -> None:
    in_code = set(CORE_MESSAGES["extract"](ROOT))
    in_catalog = {str(e["msgid"]) for e in catalog()}
    assert in_code - in_catalog == set(), "run resources/translations/update_translations.py"
    assert in_catalog - in_code == set(), "run resources/translations/update_translations.py"


def test_every_core_message_has_its_english() -> None:
    untranslated = [e["msgid"] for e in catalog() if not e["msgstr"] or "fuzzy" in e["flags"]]  # type: ignore[operator]
    assert untranslated == [], f"{len(untranslated)} core messages without English: {untranslated[:20]}"


def test_translations_keep_the_placeholders_and_speak_english() -> None:
    for entry in catalog():
        source, english = str(entry["msgid"]), str(entry["msgstr"])
        assert placeholders(source) == placeholders(english), (source, english)
        assert not IDEOGRAPH.search(re.sub("“[^”]*”", "", english)), english  # quoted: Chinese data


def test_the_catalog_written_back_is_the_catalog(tmp_path: Path) -> None:
    """Refreshing changes nothing when the code has not changed: the file a translator edits
    round-trips through the program's reader and writer (escapes, multi-line texts)."""
    entries = {str(e["msgid"]): str(e["msgstr"]) for e in catalog()}
    text = CORE_MESSAGES["catalog_text"]("en", CORE_MESSAGES["extract"](ROOT), entries)
    assert text == CATALOG.read_text(encoding="utf-8")
    written = tmp_path / "x.po"
    awkward = '引号"与\n换行\\\r'  # quotes, a new line, a backslash, a carriage return
    written.write_text(CORE_MESSAGES["catalog_text"]("en", {awkward: ["a:1"]}, {awkward: 'q"\nb\\\r'}),
                       encoding="utf-8", newline="")
    assert texts.read_po(written) == {awkward: 'q"\nb\\\r'}


# --- the mechanism, without Qt ---------------------------------------------------------------

@pytest.fixture
def english() -> Iterator[None]:
    texts.set_language("en")
    try:
        yield
    finally:
        texts.set_language("zh_CN")


def test_chinese_is_the_default_and_unchanged() -> None:
    from registry.rules.fields import clean_text

    assert texts.language() == "zh_CN"
    _, problems = clean_text("", "name", "姓名", required=True)
    assert problems[0].message == "“姓名”不能为空。"


def test_a_validation_failure_in_english(english: None) -> None:
    from registry.rules.fields import clean_date
    from registry.rules.idnumber import check_id_number

    _, problems = clean_date("2024-13-45", "registered_on", "Registered")
    assert problems[0].message == "“Registered” is “2024-13-45”, which is not a valid date (e.g. 2024-05-12)."
    message = " ".join(p.message for p in check_id_number("11010519491231002Y", "id_number")[1])
    assert message and not IDEOGRAPH.search(message), message


def test_a_marked_word_is_shown_in_english_and_data_is_left_alone(english: None) -> None:
    from registry.rules.vocab import ROLE_STATUSES, SEXES

    assert SEXES == ("男", "女")  # what is stored stays Chinese
    assert [texts.shown(s) for s in SEXES] == ["Male", "Female"]
    assert texts.shown(ROLE_STATUSES[0]) == "Registered"
    assert texts.shown("张伟") == "张伟"


def test_the_command_line_follows_the_environment() -> None:
    assert texts.language_from_environment({}) == "zh_CN"
    assert texts.language_from_environment({"LANG": "en_US.UTF-8"}) == "en"
    assert texts.language_from_environment({"LANG": "C.UTF-8"}) == "zh_CN"
    assert texts.language_from_environment({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_GB"}) == "zh_CN"
    assert texts.language_from_environment({"REGISTRY_LANG": "en", "LANG": "zh_CN.UTF-8"}) == "en"
    with pytest.raises(ValueError):
        texts.set_language("fr")
