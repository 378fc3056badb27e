import pytest

from registry.cli import main


def test_check_id_prints_the_facts(capsys):
    assert main(["check-id", "11010519491231002x"]) == 0
    out = capsys.readouterr().out
    assert "有效：11010519491231002X" in out
    assert "1949-12-31" in out and "女" in out and "北京市朝阳区" in out


@pytest.mark.parametrize(("number", "reason"), [
    ("11010519491231002", "18 位"),
    ("110105194912310021", "校验码"),
    ("1.10105E+17", "Excel"),
])
def test_check_id_explains_an_invalid_number(capsys, number, reason):
    assert main(["check-id", number]) == 1
    captured = capsys.readouterr()
    assert reason in captured.err and "无效" in captured.out


def test_stats_counts_rows_of_a_new_register(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.sqlite3"), "stats"]) == 0
    lines = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert lines["person"] == "0" and lines["volunteer"] == "0"


def test_a_newer_register_is_refused_by_the_cli(tmp_path, capsys):
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Meta

    path = tmp_path / "r.sqlite3"
    open_database(path)
    from registry.storage.migrations import CURRENT_VERSION

    Meta.update(value=str(CURRENT_VERSION + 1)).where(Meta.key == "schema_version").execute()
    close_database()
    assert main(["--db", str(path), "stats"]) == 2
    assert "较新版本" in capsys.readouterr().err


def test_demo_refuses_nonsense_sizes(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.sqlite3"), "demo", "--volunteers", "0"]) == 2
    assert "--volunteers" in capsys.readouterr().err
