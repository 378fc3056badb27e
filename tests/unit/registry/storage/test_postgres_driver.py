"""psycopg is loaded only for a server register: a SQLite start never imports it, and a
postgresql:// URL gives peewee the driver as peewee's own import would have."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import ROOT

pytest.importorskip("psycopg")


def in_child(script: str) -> dict[str, object]:
    """Run `script` in a fresh interpreter (this one has long imported everything); what it
    prints last, as JSON."""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_sqlite_register_is_opened_without_psycopg(tmp_path: object) -> None:
    found = in_child(f"""
import json, sys
from registry.storage.lifecycle import close_database, open_database
open_database({str(tmp_path)!r} + "/r.sqlite3")
close_database()
print(json.dumps({{"psycopg": "psycopg" in sys.modules, "peewee": "peewee" in sys.modules}}))
""")
    assert found == {"psycopg": False, "peewee": True}


def test_a_server_url_gives_peewee_the_driver() -> None:
    found = in_child("""
import json, sys
from registry.storage.db import make_database
import peewee
before = peewee.psycopg is None and "psycopg" not in sys.modules
db = make_database("postgresql://clerk@127.0.0.1:5433/registry")
from psycopg.pq import TransactionStatus
from psycopg.types.json import Jsonb
adapter = db._adapter
print(json.dumps({"before": before, "driver": peewee.psycopg is sys.modules["psycopg"],
                  "adapter": type(adapter).__name__, "jsonb": adapter.jsonb_type is Jsonb,
                  "idle": adapter.txn_idle is TransactionStatus.IDLE,
                  "unknown": adapter.txn_unknown is TransactionStatus.UNKNOWN}))
""")
    assert found == {"before": True, "driver": True, "adapter": "Psycopg3Adapter", "jsonb": True,
                     "idle": True, "unknown": True}


def test_peewee_imported_after_psycopg_keeps_its_driver() -> None:
    """A program (or a test) that imported psycopg first gets peewee's own import."""
    found = in_child("""
import json, psycopg, peewee
from registry.storage.db import make_database
db = make_database("postgresql://clerk@127.0.0.1:5433/registry")
print(json.dumps({"driver": peewee.psycopg is psycopg, "adapter": type(db._adapter).__name__}))
""")
    assert found == {"driver": True, "adapter": "Psycopg3Adapter"}
