"""Step two of an import: write the checked rows in one transaction.

The register is compared again inside the transaction when anything was written to it since
the preview (someone may have added a person), so a row planned as new can become an update,
never a duplicate; when nothing was, the preview's comparison stands.
Killing the process part way leaves the database as it was: SQLite rolls back an
uncommitted transaction on the next open."""

from __future__ import annotations

from collections.abc import Callable

from registry.importer.bulk import WriteContext, no_gc
from registry.importer.handlers import handler_for
from registry.importer.model import CREATE, REJECT, UNCHANGED, UPDATE, ImportPreview, ImportResult, summary_line
from registry.importer.preview import plan, still_planned
from registry.ops.changes import Table
from registry.ops.kernel import allow
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError, ValidationError, error
from registry.storage import statistics
from registry.storage.db import database
from registry.texts import msg


class ImportRejected(ValidationError):
    """Some rows have errors and the clerk did not choose to skip them: nothing written."""

    def __init__(self, preview: ImportPreview) -> None:
        problems = [error("import", p.column, p.line()) for p in preview.errors]
        super().__init__(problems)
        self.preview = preview
        rejected = preview.count(REJECT)
        self.args = (msg("有 {rejected} 行有错误，没有导入任何数据。请改正后重新导入，"
                     "或选择只导入没有错误的行。", rejected=rejected),)


BIG_LOAD = 10_000  # rows created by one import past which the tables they went to are analyzed


def commit_import(preview: ImportPreview, *, actor: str, skip_invalid: bool = False,
                  before_write: Callable[[], object] | None = None) -> ImportResult:
    """Write the rows the preview accepted. Any row with an error and not skip_invalid:
    raise ImportRejected and write nothing. `before_write` (the backup before an import)
    runs once the import is known to be allowed, so a refused one backs nothing up."""
    if not actor:
        raise RegistryError(msg("没有记录是谁在操作，导入已取消。"))
    permit = allow(actor, Action.IMPORT)
    if preview.has_errors and not skip_invalid:
        raise ImportRejected(preview)
    if before_write is not None:
        before_write()
    handler = handler_for(preview.kind.name)
    with no_gc(), permit.write(failure=msg("导入失败，没有写入任何数据")) as w:
        if not still_planned(preview):  # the write lock is held: nothing can change from here
            plan(preview, handler)
            if preview.has_errors and not skip_invalid:
                raise ImportRejected(preview)
        preview.planned_on = None  # the writing below fills in the rows' targets
        ctx = WriteContext(w)
        handler.write([r for r in preview.rows if r.action in (CREATE, UPDATE)], ctx)
        counts = (len(preview.rows), preview.count(CREATE), preview.count(UPDATE),
                  preview.count(REJECT), preview.count(UNCHANGED))
        read, created, updated, rejected, unchanged = counts
        w.log(preview.kind.table, None, None, {
            "file": preview.path.name, "sheet": preview.table.sheet, "kind": preview.kind.name,
            "read": read, "created": created, "updated": updated, "rejected": rejected,
            "unchanged": unchanged},
            detail=f"导入{preview.kind.label}“{preview.path.name}”："
                   + summary_line(read, created, updated, rejected))
        w.changed(*map(Table, ctx.tables), Table.AUDIT_ENTRY)
    if created >= BIG_LOAD:  # the planner's proportions may have moved: refresh what it sees
        statistics.after_bulk_load(database.obj, tuple(sorted(ctx.tables)))
    return ImportResult(*counts, changes=w.changes, notes=tuple(preview.notes))
