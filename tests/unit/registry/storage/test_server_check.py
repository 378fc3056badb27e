"""A PostgreSQL database that can't index Chinese names (character type C, as `initdb
--no-locale` makes them) is noticed at connect: the IT person is told how to make one that
can, and name searches of three characters walk the program's own keys instead of a trigram
index that matches every row."""

from __future__ import annotations

import uuid

import pytest
from helpers.rosters import make_id

from registry import ops
from registry.queries.search import search_people
from registry.storage import server_check
from registry.storage.lifecycle import close_database, open_database


@pytest.fixture
def database_of_ctype(empty_postgres):
    """A new database on the test server with the given character type; yields its URL."""
    import psycopg

    made: list[str] = []

    def make(ctype: str) -> str:
        name = f"registry_{ctype.replace('.', '_').replace('-', '_').lower()}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(empty_postgres, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE '{ctype}' "
                         f"LC_CTYPE '{ctype}' TEMPLATE template0")
        made.append(name)
        return empty_postgres.rsplit("/", 1)[0] + "/" + name

    yield make
    close_database()
    with psycopg.connect(empty_postgres, autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")


def register_three(first_name: str) -> None:
    ops.register_person("clerk", {"name": first_name, "id_number": make_id(1)})
    ops.register_person("clerk", {"name": "潘一", "id_number": make_id(2)})
    ops.register_person("clerk", {"name": "李四", "id_number": make_id(3)})


def test_a_c_locale_database_is_warned_about_and_still_finds_chinese_names(database_of_ctype):
    from registry.storage.lifecycle import open_warnings

    open_database(database_of_ctype("C"))
    assert any("字符类型是“C”" in w and "LC_CTYPE 'C.UTF-8'" in w for w in open_warnings), open_warnings
    assert not server_check.cjk_trigrams()
    register_three("潘一博")
    assert len(search_people("潘一博").ids) == 1
    assert len(search_people("一博").ids) == 1


def test_a_utf8_database_indexes_chinese_and_opens_without_warning(database_of_ctype):
    from registry.storage.lifecycle import open_warnings

    open_database(database_of_ctype("C.UTF-8"))
    assert not [w for w in open_warnings if "字符类型" in w or "pg_trgm" in w], open_warnings
    assert server_check.cjk_trigrams()
    register_three("潘一博")
    assert len(search_people("潘一博").ids) == 1


def test_a_server_too_old_is_refused_in_words(monkeypatch):
    facts = server_check.ServerFacts(version=110005, encoding="UTF8", ctype="C.UTF-8", trigram=True,
                                     cjk_trigrams=True)
    monkeypatch.setattr(server_check, "read_facts", lambda db: facts)
    with pytest.raises(server_check.ServerRefused, match="PostgreSQL 11，本程序需要 12 或更新的版本"):
        server_check.check_server(None)  # type: ignore[arg-type]


def test_a_database_not_in_utf8_is_refused_with_the_statement_that_makes_one(monkeypatch):
    facts = server_check.ServerFacts(version=150004, encoding="SQL_ASCII", ctype="C", trigram=True,
                                     cjk_trigrams=False)
    monkeypatch.setattr(server_check, "read_facts", lambda db: facts)
    with pytest.raises(server_check.ServerRefused, match=r"编码是 SQL_ASCII.*ENCODING 'UTF8'"):
        server_check.check_server(None)  # type: ignore[arg-type]
