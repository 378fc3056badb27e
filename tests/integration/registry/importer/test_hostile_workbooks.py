"""Issue 12, item 8: hostile files given to the import, each in its own process so that an
abort (calamine's failed allocation ends the process with 134) cannot take pytest with it.
Every one ends in one plain Chinese sentence, or is read when it is harmless; the process
exits normally, stays under 1 GB, and nothing is stored."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from helpers.hostile_files import HOSTILE

GB = 1 << 30
CHILD = """
import json, resource, sys
from registry.storage.lifecycle import open_database
from registry.storage.models import AuditEntry, Person, ServiceRecord
open_database(sys.argv[2])
def stored():
    return [Person.select().count(), AuditEntry.select().count(), ServiceRecord.select().count()]
before = stored()
from registry.importer import commit_import, preview_import
from registry.rules.problems import RegistryError
try:
    preview = preview_import("volunteers", sys.argv[1])
    outcome, message = "read", f"{len(preview.rows)} rows"
except RegistryError as exc:
    outcome, message = "refused", str(exc)
print(json.dumps({"outcome": outcome, "message": message, "stored": stored() == before,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_ends_in_a_sentence(name: str, folder: Path) -> None:
    build, expected = HOSTILE[name]
    path = build(folder / name)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(folder / f"{name}.sqlite3")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{name}: exit {done.returncode}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["stored"], "something was stored"
    assert result["peak"] < GB, f"{name}: {result['peak'] / GB:.2f} GB"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 < GB
    if expected is None:
        assert result["outcome"] == "read", result["message"]
        return
    message = result["message"]
    assert result["outcome"] == "refused" and expected in message, message
    assert re.search(r"[\u4e00-\u9fff]", message) and message.count("。") == 1, message
    assert not re.search(r"[A-Za-z]{4,}(Error|Exception)|Errno|calamine|zipfile", message), message
