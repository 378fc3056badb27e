"""Hostile values in every argument of every command (read from build_parser, so a new
command is attacked too): bytes that are not UTF-8, lone surrogates, NUL, huge strings,
values beginning with -, paths to folders, missing, binary and damaged files, numbers out of
range, SQL- and formula-looking text, full-width digits. Before, 1,295 of 51,832 such calls
ended in a traceback. Now each ends in exit 0, 1, 2 or 130 and, when it fails, in one Chinese
sentence; the register passes its integrity check afterwards."""

from __future__ import annotations

import pytest
from helpers.cli_fuzz import call, command_line, commands, hostile_values, integrity_ok, judge, make_fixtures, slots

from registry.cli import main

PER_SLOT = 5  # values per argument here; bench/attack/cli_fuzz.py sends 10,000 per command


@pytest.fixture
def fixtures(tmp_path, monkeypatch):
    import registry.certificates.pdf

    # the PDF itself takes a quarter of a second (fonts); the bench writes it every time
    monkeypatch.setattr(registry.certificates.pdf, "write_certificate_pdf",
                        lambda cert, target, *_masker: target.touch())
    monkeypatch.chdir(tmp_path)  # a value taken for a file name lands here
    monkeypatch.setenv("REGISTRY_PASSWORD", "not-the-password")
    monkeypatch.setenv("REGISTRY_NEW_PASSWORD", "a-new-password")
    return make_fixtures(tmp_path)


def test_every_command_has_arguments_to_attack() -> None:
    attacked = {slot.command for slot in slots()}
    # stats and presets take none: attacked through --db and --user
    assert set(commands()) - attacked <= {"stats", "presets"}


def test_hostile_values_in_every_argument_end_in_a_sentence(fixtures) -> None:
    values = hostile_values(fixtures)
    failures, calls = [], 0
    for i, slot in enumerate(slots()):
        for j in range(PER_SLOT):
            value = values[(i * PER_SLOT + j) % len(values)]
            words = command_line(slot, value, fixtures)
            code, err = call(main, words)
            calls += 1
            why = judge(words, code, err)
            if why:
                failures.append(f"{slot.command} {slot.option or slot.dest}={value[:40]!r}: {why}: {err[:300]}")
    assert failures == []
    assert calls >= 200
    assert integrity_ok(fixtures.register) and integrity_ok(fixtures.with_accounts)


@pytest.mark.parametrize("words", [
    ["search", "--", "-5128"], ["check-id", "--", "-11010519491231002X"],
    ["user", "add", "--role", "admin", "--", "-x"],
])
def test_values_beginning_with_a_dash_are_taken_after_double_dash(fixtures, words) -> None:
    code, err = call(main, ["--db", str(fixtures.register), *words])
    assert code in (0, 1, 2) and "不认识的参数" not in err and "缺少参数" not in err


def test_the_help_says_how_to_give_a_value_beginning_with_a_dash(capsys) -> None:
    assert main(["search", "--help"]) == 0
    assert "以 - 开头的值请放在 -- 之后" in capsys.readouterr().out
    assert main(["search", "-x"]) == 2  # taken for an option: the sentence says what to do
    assert "以 - 开头的值请放在 -- 之后" in capsys.readouterr().err


@pytest.mark.parametrize(("words", "fragment"), [
    (["search", "\udcff"], "UTF-8"),
    (["--user", "\udcff\udcfe", "stats"], "UTF-8"),
    (["export", "volunteers", "-o", "x.xlsx", "--street", "\udcc0\udcc1"], "UTF-8"),
    (["certificate", "\udcff", "--from", "2025-01-01", "--to", "2025-12-31", "-o", "c.pdf"], "UTF-8"),
])
def test_argv_that_is_not_utf8_is_refused_with_a_sentence(fixtures, words, fragment) -> None:
    code, err = call(main, ["--db", str(fixtures.register), *words])
    assert code == 2 and fragment in err and err.startswith("错误：") and "Traceback" not in err


def test_the_cases_the_attack_found(fixtures) -> None:
    found = {
        "damaged register": ["--db", str(fixtures.damaged), "stats"],
        "malformed sheet XML": ["--db", str(fixtures.register), "import", "volunteers", str(fixtures.bad_xml)],
        "text schema version": ["--db", str(fixtures.register), "restore", str(fixtures.text_version_backup), "--yes"],
    }
    for what, words in found.items():
        code, err = call(main, words)
        assert code == 2 and judge(words, code, err) is None, (what, err)


def test_an_unforeseen_failure_is_a_sentence_and_its_traceback_goes_to_the_log(fixtures, monkeypatch) -> None:
    from registry.cli import failures, register

    def broken(args):
        raise ZeroDivisionError("a bug")
    monkeypatch.setattr(register, "cmd_stats", broken)
    code, err = call(main, ["--db", str(fixtures.register), "stats"])
    assert code == 2 and "Traceback" not in err and "意外问题" in err
    assert "ZeroDivisionError" in failures.log_path().read_text(encoding="utf-8")
