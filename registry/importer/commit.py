"""Step two of an import: write the checked rows in one transaction.

The register is compared again inside the transaction (someone may have added a person
since the preview), so a row planned as new can become an update, never a duplicate.
Killing the process part way leaves the database as it was: SQLite rolls back an
uncommitted transaction on the next open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import IntegrityError

from registry.importer.bulk import WriteContext, no_gc
from registry.importer.handlers import handler_for
from registry.importer.model import CREATE, REJECT, UNCHANGED, UPDATE, ImportPreview, ImportResult, summary_line
from registry.importer.preview import plan
from registry.queries.access import check_permission
from registry.rules.permissions import PermissionDenied
from registry.rules.problems import NotAllowedError, RegistryError, ValidationError, error
from registry.storage.db import database, is_sqlite


class ImportRejected(ValidationError):
    """Some rows have errors and the clerk did not choose to skip them: nothing written."""

    def __init__(self, preview: ImportPreview) -> None:
        problems = [error("import", p.column, p.line()) for p in preview.errors]
        super().__init__(problems)
        self.preview = preview
        rejected = preview.count(REJECT)
        self.args = (f"有 {rejected} 行有错误，没有导入任何数据。请改正后重新导入，"
                     "或选择只导入没有错误的行。",)


@contextmanager
def _write_transaction() -> Iterator[None]:
    try:
        with database.atomic("IMMEDIATE") if is_sqlite() else database.atomic():
            yield
    except IntegrityError as exc:
        raise RegistryError(f"导入失败，没有写入任何数据：数据与登记库中已有记录冲突（{exc}）。") from exc


def commit_import(preview: ImportPreview, *, actor: str, skip_invalid: bool = False,
                  ) -> ImportResult:
    """Write the rows the preview accepted. Any row with an error and not skip_invalid:
    raise ImportRejected and write nothing."""
    if not actor:
        raise RegistryError("没有记录是谁在操作，导入已取消。")
    try:
        check_permission(actor, "import")  # the bulk path writes its audit entries itself
    except PermissionDenied as exc:
        raise NotAllowedError(str(exc)) from exc
    if preview.has_errors and not skip_invalid:
        raise ImportRejected(preview)
    handler = handler_for(preview.kind.name)
    with no_gc(), _write_transaction():
        plan(preview, handler)
        if preview.has_errors and not skip_invalid:
            raise ImportRejected(preview)
        ctx = WriteContext(actor, dt.datetime.now().replace(microsecond=0))
        handler.write([r for r in preview.rows if r.action in (CREATE, UPDATE)], ctx)
        result = ImportResult(len(preview.rows), preview.count(CREATE), preview.count(UPDATE),
                              preview.count(REJECT), preview.count(UNCHANGED))
        ctx.log("import", preview.kind.table, None, None, {
            "file": preview.path.name, "sheet": preview.table.sheet, "kind": preview.kind.name,
            "read": result.read, "created": result.created, "updated": result.updated,
            "rejected": result.rejected, "unchanged": result.unchanged},
            detail=f"导入{preview.kind.label}“{preview.path.name}”："
                   + summary_line(result.read, result.created, result.updated, result.rejected))
        ctx.flush_audit()
    return result
