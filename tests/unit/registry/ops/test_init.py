"""registry.ops names every operation, and imports each from its module on first use."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest
from helpers import ROOT

import registry.ops


@pytest.mark.parametrize("name", registry.ops.__all__)
def test_every_name_is_the_operation_of_its_module(name: str) -> None:
    value = getattr(registry.ops, name)
    home = next((m for m, names in registry.ops.LAZY.items() if name in names), None)
    if home is not None:
        assert value is getattr(importlib.import_module(f"registry.ops.{home}"), name)
    assert callable(value)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_operation"):
        registry.ops.no_such_operation  # noqa: B018


def test_reading_changes_loads_no_operation() -> None:
    script = """
import json, sys
from registry.ops import Changes, Table, ValidationError
before = sorted(m for m in sys.modules if m.startswith("registry.ops."))
from registry.ops import register_volunteer
print(json.dumps({"before": before, "after": "registry.ops.volunteers" in sys.modules}))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found == {"before": ["registry.ops.changes"], "after": True}
