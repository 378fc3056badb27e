"""Checking every row of a file, on every core when the file is big.

A big file's rows are cut into chunks that worker processes check while the import waits;
the chunks come back in the file's order, each row with the very problems one process
finds, since each worker checks with the same handler, lookups and language. Checking a row
reads nothing from the register (comparing with it is the plan's job, in this process), so a
worker needs no database. Processes are started afresh ("spawn", as Windows must), never
forked: a fork would copy the program's threads' locks mid-use."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from registry.importer.bulk import no_gc
from registry.importer.handlers import handler_for
from registry.importer.model import Handler
from registry.rules.problems import Problem
from registry.texts import language, set_language

POOL_FROM = 20_000  # rows: below this, starting the processes costs more than they save
CHUNK_ROWS = 2_500  # rows sent to a worker at a time: small enough to keep every core busy
MAX_WORKERS = 8
OWN_SHARE = 1.0  # this process's part, in shares: measured best, though it also sends and receives

Fields = Sequence[tuple[int, str]]  # (column index, field) of the columns a row feeds
Checked = tuple[dict[str, Any], list[Problem]]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def worker_count(rows: int, workers: int | None) -> int:
    """How many processes check `rows` rows: `workers` when given (1: this process alone),
    otherwise every core for a big file."""
    if workers is not None:
        return max(1, min(workers, MAX_WORKERS))
    return min(cores(), MAX_WORKERS) if rows >= POOL_FROM else 1


def check_rows(kind: str, fields: Fields, rows: Sequence[list[Any]], lookups: Any, *,
               workers: int = 1, chunk_rows: int | None = None) -> list[Checked]:
    """(values, problems) of each row's cells, in order. When no process can start (a
    locked-down desktop), this one checks every row."""
    chunks, named = _chunks(fields, rows, chunk_rows or CHUNK_ROWS)
    if workers > 1 and len(chunks) > 1:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _pooled(kind, named, chunks, lookups, workers)
        except (BrokenProcessPool, OSError):
            pass
    handler = handler_for(kind)
    return [part for chunk in chunks for part in _check(handler, named, chunk, lookups)]


def check_in_processes(kind: str, fields: Fields, rows: Sequence[list[Any]], lookups: Any, *,
                       workers: int, chunk_rows: int) -> list[Checked]:
    """As check_rows, but failing when the processes cannot run (the self-test's proof that
    an installed program can start them)."""
    chunks, named = _chunks(fields, rows, chunk_rows)
    return _pooled(kind, named, chunks, lookups, workers)


def _chunks(fields: Fields, rows: Sequence[list[Any]], size: int,
            ) -> tuple[list[list[list[Any]]], Fields]:
    """The rows in chunks of the cells checked only (what travels to a worker), and the
    fields by their place in those cells."""
    used = [i for i, _field in fields]
    chunks = [[[cells[i] for i in used] for cells in rows[start:start + size]]
              for start in range(0, len(rows), size)]
    return chunks, list(enumerate(f for _i, f in fields))


def _pooled(kind: str, fields: Fields, chunks: list[list[list[Any]]], lookups: Any,
            workers: int) -> list[Checked]:
    """This process checks the last chunks itself while the others check the rest: it would
    otherwise sit waiting on a core it could use."""
    own = min(len(chunks) - 1, max(1, round(len(chunks) * OWN_SHARE / workers)))
    theirs, mine = chunks[:-own], chunks[-own:]
    import multiprocessing  # here: only a big import pays for loading it
    from concurrent.futures import ProcessPoolExecutor

    handler = handler_for(kind)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(workers - 1, len(theirs))), mp_context=context,
                             initializer=_start, initargs=(kind, fields, lookups, language()),
                             ) as pool:
        futures = [pool.submit(_check_chunk, chunk) for chunk in theirs]
        last = [part for chunk in mine for part in _check(handler, fields, chunk, lookups)]
        out: list[Checked] = []
        for future in futures:
            out.extend(future.result())
    return out + last


def _check(handler: Handler, fields: Fields, rows: Sequence[list[Any]], lookups: Any,
           ) -> list[Checked]:
    clean = handler.clean
    return [clean({f: cells[i] for i, f in fields}, lookups) for cells in rows]


_worker: tuple[Handler, Fields, Any] | None = None


def _start(kind: str, fields: Fields, lookups: Any, speaking: str) -> None:
    global _worker
    set_language(speaking)
    _worker = (handler_for(kind), fields, lookups)


def _check_chunk(rows: Sequence[list[Any]]) -> list[Checked]:
    assert _worker is not None, "worker not started"
    handler, fields, lookups = _worker
    with no_gc():
        return _check(handler, fields, rows, lookups)
