"""Run every attack module (or those named) and print the table of attempts, failures and
data lost. Usage: .venv/bin/python bench/attack [NAME ...]"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]

from attack import Row  # noqa: E402


def main(names: list[str]) -> int:
    modules = names or sorted(m.name for m in pkgutil.iter_modules([str(HERE)]))
    rows: list[Row] = []
    for name in modules:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"attack-{name}-") as tmp:
            rows += importlib.import_module(f"attack.{name}").run(Path(tmp))
        print(f"[{name}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    width = max((len(r.kind) for r in rows), default=10)
    print(f"{'attack':<{width}}  attempts  failures  data lost  note")
    for r in rows:
        print(f"{r.kind:<{width}}  {r.attempts:>8}  {r.failures:>8}  {r.data_lost:>9}  {r.note}")
    total = sum(r.failures + r.data_lost for r in rows)
    print(f"{sum(r.attempts for r in rows)} attempts, {total} got through or lost data")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
