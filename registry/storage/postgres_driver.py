"""psycopg, PostgreSQL's driver, loaded only for a server register.

peewee imports psycopg when it is itself imported, whatever database follows; that costs
a desktop program on a SQLite file about a quarter of a second at every start. So peewee
is first imported with psycopg hidden (registry/__init__.py calls `import_peewee()`), and
`load()` gives peewee the driver, as its own import would have, when a postgresql:// URL
is opened (storage/db.py).
"""

from __future__ import annotations

import sys
from typing import Any


def import_peewee() -> None:
    """Import peewee without psycopg, unless one of them is imported already."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


def load() -> None:
    """Give peewee psycopg, as peewee's own import does (its module names and the
    transaction states of its psycopg 3 adapter). Without psycopg installed this does
    nothing: peewee then says the driver is missing when the server is connected."""
    import peewee as typed_peewee

    peewee: Any = typed_peewee  # its stubs leave out the driver's names set here
    if peewee.psycopg is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
