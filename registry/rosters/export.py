"""export_roster: one roster into one .xlsx file, all or nothing.

The workbook is written to a temporary file beside the target and moved into place only
when complete, so the target never holds half a roster and an existing file survives a
cancel or a failure. Every export is written to the audit log; an unmasked one (full ID
and phone numbers) under its own action, so it can be found. Asking for full numbers
from a roster that holds none (培训统计, 服务时长汇总 by community) changes nothing: the
export is an ordinary one, needing no more right and logged as such."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, allow
from registry.rosters.definitions import ROSTERS
from registry.rosters.scope import check_filters, describe, scope_name
from registry.rosters.spec import RosterData, RosterFilters, RosterSpec
from registry.rosters.writer import (
    DEFAULT_MAX_ROWS,
    Progress,
    RosterWriter,
    WriteCancelled,
    discard_workbook,
    open_workbook,
)
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError

ZIP64_ROWS = 1_000_000  # beyond this a sheet's XML may pass the 2 GB plain-zip limit


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    sheets: int
    truncated_cells: int
    changes: Changes = field(default_factory=Changes)  # the export's audit entry
    unmasked: bool = False  # the file holds full ID and phone numbers


class ExportCancelled(RegistryError):
    def __init__(self) -> None:
        super().__init__("导出已取消，没有生成文件。")


def _stopper(cancelled: Callable[[], bool] | threading.Event | None) -> Callable[[], bool] | None:
    if isinstance(cancelled, threading.Event):
        return cancelled.is_set
    return cancelled


def _facts(spec: RosterSpec, filters: RosterFilters, data: RosterData, today: date,
           unmasked: bool) -> str:
    lines = [f"制表日期：{today.year}年{today.month}月{today.day}日　　{describe(spec, filters)}"]
    extra = list(data.facts)
    if any(c.kind in ("id", "phone") for c in data.columns):
        birth = any(c.kind == "birth" for c in data.columns)
        extra.append("含完整证件号码和联系电话，请妥善保管，不得外传" if unmasked
                     else "证件号码、联系电话已隐去部分数字" + ("，出生日期只显示年份" if birth else ""))
    if extra:
        lines.append("；".join(extra))
    return "\n".join(lines)


def _target(target: Path) -> Path:
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise RegistryError(f"导出文件“{target.name}”的扩展名应为 .xlsx。")
    if target.is_dir():
        raise RegistryError(f"“{target}”是一个文件夹，请指定要保存的文件名。")
    if not target.parent.is_dir():
        raise RegistryError(f"文件夹“{target.parent}”不存在，请检查保存位置。")
    return target


def export_roster(roster: str, target: Path, *, actor: str,
                  filters: RosterFilters | None = None, unmasked: bool = False,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | threading.Event | None = None,
                  today: date | None = None,
                  max_rows_per_sheet: int = DEFAULT_MAX_ROWS) -> ExportResult:
    """Write roster `roster` (a key of ROSTERS) to `target`. Raises RegistryError with a
    plain sentence for bad input, ExportCancelled when `cancelled` says stop."""
    spec = ROSTERS.get(roster)
    if spec is None:
        raise RegistryError(f"没有“{roster}”这种花名册，可选：{'、'.join(ROSTERS)}。")
    if not actor:
        raise RegistryError("没有记录是谁在导出，导出已取消。")
    filters = filters or RosterFilters()
    unmasked = unmasked and spec.personal(filters)
    permit = allow(actor, Action.EXPORT_UNMASKED if unmasked else Action.EXPORT)  # before the file
    target = _target(target)
    today = today or date.today()
    check_filters(spec, filters)
    title = scope_name(filters) + spec.title
    stop = _stopper(cancelled)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".part", dir=target.parent)
    os.close(fd)
    part = Path(name)
    workdir = tempfile.mkdtemp(prefix="registry-export-")
    workbook: Any = None
    data: RosterData | None = None
    try:
        data = spec.build(filters, today)
        workbook = open_workbook(part, workdir, title)
        if data.count is None or data.count > ZIP64_ROWS:
            workbook.use_zip64()
        writer = RosterWriter(workbook, title=title, facts=_facts(spec, filters, data, today, unmasked),
                              columns=data.columns, unit=data.unit, unmasked=unmasked,
                              max_rows=max_rows_per_sheet, row_height=data.row_height, made_on=today)
        writer.write(data.rows, total=data.count, progress=progress, cancelled=stop)
        writer.finish(data.totals)
        if stop is not None and stop():
            raise WriteCancelled
        workbook.close()
        workbook = None
        with permit.write() as w:
            _log(w, spec, filters, title, writer, target, unmasked)
            os.replace(part, target)  # inside: a failed move leaves no audit entry behind
    except WriteCancelled:
        raise ExportCancelled() from None
    except PermissionError as exc:
        raise RegistryError(f"无法保存“{target.name}”：文件可能正在 Excel 中打开，请关闭后重试。"
                            ) from exc
    finally:
        if data is not None:
            _close(data.rows)
        if workbook is not None:
            discard_workbook(workbook)
        part.unlink(missing_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)
    if progress is not None:
        progress(writer.rows, writer.rows)
    return ExportResult(target, writer.rows, writer.sheets, writer.truncated, w.changes, unmasked)


def _close(rows: object) -> None:
    """A database cursor left half read keeps SQLite's read snapshot open."""
    close = getattr(rows, "close", None)
    if callable(close):
        close()


def _log(w: Write, spec: RosterSpec, filters: RosterFilters, title: str,
         writer: RosterWriter, target: Path, unmasked: bool) -> None:
    chosen = {k: v.isoformat() if isinstance(v, date) else v
              for k, v in asdict(filters).items() if v is not None}
    detail = (f"导出“{title}”{'（未脱敏，含完整证件号码和联系电话）' if unmasked else ''}，"
              f"{writer.rows} 行，{describe(spec, filters)}，文件 {target.name}")
    w.log(spec.key, None, after={"roster": spec.title, "rows": writer.rows, "sheets": writer.sheets,
                                 "unmasked": unmasked, "file": target.name, "filters": chosen},
          detail=detail)
    w.changed(Table.AUDIT_ENTRY)
