"""Many wrong passwords at once, each from its own process, against one account: what the
lock made of them. Used by tests/integration/registry/test_lockout_race.py and
bench/attack/lockout.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME, PASSWORD = "li", "clerk-password"

_GUESSER = """
import sys, time
from pathlib import Path
from registry.storage.lifecycle import open_database, close_database
from registry.ops.accounts import authenticate
from registry.rules.permissions import LoginFailed
open_database(sys.argv[1])
Path(sys.argv[2] + ".ready." + sys.argv[3]).touch()
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
try:
    authenticate("li", "guess-" + sys.argv[3])
    print("IN")
except LoginFailed as exc:
    print("NO", exc)
close_database()
"""


@dataclass(frozen=True)
class Race:
    guesses: int
    got_in: int  # logins a wrong password won (must be 0)
    checked: int  # guesses whose password was actually checked (at most MAX_FAILED)
    failed_entries: int  # audit entries of failed logins (one per guess)
    lock_entries: int  # audit entries of the lock (one)
    locked: bool
    failed_attempts: int  # the account's count afterwards
    crashed: int  # processes that ended with a traceback or no answer


def prepare(target: str) -> None:
    """A register at `target` with an administrator and the clerk the guesses aim at."""
    from registry.ops.accounts import add_account
    from registry.storage.lifecycle import close_database, open_database

    open_database(target)
    add_account("installer", "boss", "admin", "boss-password")
    add_account("boss", NAME, "clerk", PASSWORD)
    close_database()


def race(target: str, folder: Path, guesses: int) -> Race:
    """`guesses` processes, all started and connected, then let go at the same moment."""
    from registry.ops.accounts import WRONG_PASSWORD
    from registry.storage.lifecycle import close_database, open_database
    from registry.storage.models import Account, AuditEntry

    start = folder / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([sys.executable, "-c", _GUESSER, target, str(start), str(i)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(guesses)]
    deadline = time.monotonic() + 120
    while len(list(folder.glob("go.ready.*"))) < guesses and time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    start.touch()
    answers = [p.communicate(timeout=120) for p in procs]
    got_in = sum(1 for out, _ in answers if out.startswith("IN"))
    crashed = sum(1 for out, err in answers if not out.startswith(("IN", "NO")) or "Traceback" in err)
    open_database(target)
    try:
        failed = AuditEntry.select().where((AuditEntry.action == "login_failed") & (AuditEntry.actor == NAME))
        account = Account.get(Account.name == NAME)
        import datetime as dt

        return Race(guesses, got_in, failed.where(AuditEntry.detail == WRONG_PASSWORD).count(), failed.count(),
                    AuditEntry.select().where(AuditEntry.action == "lock").count(),
                    bool(account.locked_until and account.locked_until > dt.datetime.now()),
                    int(account.failed_attempts), crashed)
    finally:
        close_database()
