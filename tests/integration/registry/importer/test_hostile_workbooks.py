"""Issue 12, item 8: hostile files given to the import, each in its own process so that an
abort (calamine's failed allocation ends the process with 134) cannot take pytest with it.
Every one ends in one plain Chinese sentence, or is read when it is harmless; the process
exits normally, stays under 1 GB, and nothing is stored."""

from __future__ import annotations

import json
import re
import resource
from pathlib import Path

import pytest
from helpers import ROOT
from helpers.hostile_files import HOSTILE, import_in_child

GB = 1 << 30


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_ends_in_a_sentence(name: str, folder: Path) -> None:
    build, expected = HOSTILE[name]
    path = build(folder / name)
    done = import_in_child(path, folder / f"{name}.sqlite3", ROOT, timeout=120)
    assert done.returncode == 0, f"{name}: exit {done.returncode}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["unchanged"], "something was stored"
    assert result["peak"] < GB, f"{name}: {result['peak'] / GB:.2f} GB"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 < GB
    if expected is None:
        assert result["outcome"] == "read", result["message"]
        return
    message = result["message"]
    assert result["outcome"] == "refused" and expected in message, message
    assert re.search(r"[\u4e00-\u9fff]", message) and message.count("。") == 1, message
    assert not re.search(r"[A-Za-z]{4,}(Error|Exception)|Errno|calamine|zipfile", message), message
