"""Hostile values in every argument of every command of registry.cli (read from
build_parser), in-process through main(): at least PER_COMMAND calls per command (10,000 by
default; CLI_FUZZ_PER_COMMAND sets another). A failure is a traceback on the terminal, an exit
code outside 0/1/2/130, a non-zero exit without a sentence, a raw English message, or an
unforeseen failure (its traceback kept in the log); data lost is a register that fails its
integrity check afterwards."""

from __future__ import annotations

import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from attack import Row  # noqa: E402

PER_COMMAND = int(os.environ.get("CLI_FUZZ_PER_COMMAND", "10000"))
# CLI_FUZZ_SHARD="k/n" attacks every n-th command from the k-th (0-based): n processes share the work
SHARD = tuple(int(x) for x in os.environ.get("CLI_FUZZ_SHARD", "0/1").split("/"))
REAL_PDF_EVERY = 50  # a real certificate PDF takes ~0.25 s: every 50th is written for real


def run(workdir: Path) -> list[Row]:
    os.environ.update({"HOME": str(workdir), "XDG_DATA_HOME": str(workdir / "data"),
                       "REGISTRY_PASSWORD": "not-the-password", "REGISTRY_NEW_PASSWORD": "a-new-password"})
    os.chdir(workdir)  # a value taken for a file name lands here
    import logging

    logging.getLogger().addHandler(logging.NullHandler())  # the library's records are not the attack's output
    from helpers.cli_fuzz import call, command_line, integrity_ok, judge, make_fixtures, random_values, slots

    import registry.certificates.pdf as pdf
    from registry.cli import main

    fixtures = make_fixtures(workdir / "fixtures")
    real_pdf, calls = pdf.write_certificate_pdf, Counter[str]()

    def sometimes_real(cert: object, target: Path, *masker: object) -> None:
        calls["pdf"] += 1
        if calls["pdf"] % REAL_PDF_EVERY == 0:
            real_pdf(cert, target, *masker)  # type: ignore[arg-type]
        else:
            target.touch()
    pdf.write_certificate_pdf = sometimes_real  # type: ignore[assignment]
    rng = random.Random(12)
    by_command: dict[str, list] = {}
    for slot in slots():
        by_command.setdefault(slot.command or "(global: --db, --user)", []).append(slot)
    rows = []
    for index, (command, its_slots) in enumerate(by_command.items()):
        if index % SHARD[1] != SHARD[0]:
            continue
        started = time.perf_counter()
        failures: Counter[str] = Counter()
        values = random_values(rng, fixtures, PER_COMMAND)
        for n, value in enumerate(values):
            slot = its_slots[n % len(its_slots)]
            words = command_line(slot, value, fixtures)
            code, err = call(main, words)
            why = judge(words, code, err)
            if why:
                failures[f"{slot.option or slot.dest}: {why}"] += 1
        lost = sum(1 for p in (fixtures.register, fixtures.with_accounts) if not integrity_ok(p))
        note = "; ".join(f"{k} ×{v}" for k, v in failures.most_common(3)) or \
            f"{len(its_slots)} arguments, {time.perf_counter() - started:.0f} s"
        rows.append(Row(f"hostile values: {command}", PER_COMMAND, sum(failures.values()), lost, note))
    return rows
