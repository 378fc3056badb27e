"""Command-line subcommands: `import KIND FILE` and `template KIND -o FILE.xlsx`."""

from __future__ import annotations

import argparse
from pathlib import Path

from registry.cli import Add
from registry.importer.kinds import KINDS
from registry.rules.permissions import Action
from registry.texts import msg

MAX_PROBLEM_LINES = 200
EXIT_REJECTED = 1

def _uses_register(args: argparse.Namespace) -> bool:
    """Whether a template is made with the register (its communities in the drop-downs)."""
    from registry.cli import database_target

    target = database_target(args)
    return bool(getattr(args, "db", None)) or "://" in target or Path(target).is_file()


def _open_database(args: argparse.Namespace, *, required: bool) -> bool:
    """Open the register named by --db (or the default one). For templates a database is
    optional: opened only when --db was given or the default register exists."""
    from registry.cli import database_target
    from registry.storage.lifecycle import open_database

    if not required and not _uses_register(args):
        return False
    open_database(database_target(args))
    return True


def _print_problems(lines: list[str]) -> None:
    for line in lines[:MAX_PROBLEM_LINES]:
        print(line)
    if len(lines) > MAX_PROBLEM_LINES:
        print(msg("……另有 {value} 条问题未显示（可用 --errors 导出错误行）。", value=len(lines) - MAX_PROBLEM_LINES))


def cmd_import(args: argparse.Namespace) -> int:
    from registry.importer.commit import commit_import
    from registry.importer.errors_workbook import write_error_workbook
    from registry.importer.model import CREATE, REJECT, UPDATE, summary_line
    from registry.importer.preview import preview_import
    from registry.queries.masking import masker_for

    _open_database(args, required=True)
    preview = preview_import(args.kind, args.file, sheet=args.sheet)
    _print_problems([p.line() for p in preview.problems])
    rejected = preview.count(REJECT)
    if args.errors and rejected:
        write_error_workbook(preview, args.errors, masker_for(args.actor, reveal=True))
        print(msg("已把 {rejected} 行错误行写入“{errors}”，改正后可重新导入。", rejected=rejected, errors=args.errors))
    read = len(preview.rows)
    if args.dry_run or (rejected and not args.skip_invalid):
        print(summary_line(read, 0, 0, rejected))
        if args.dry_run:
            print(msg("（预览：可新增 {preview} 行，可更新 {preview2} 行；"
                  "未写入任何数据。）", preview=preview.count(CREATE), preview2=preview.count(UPDATE)))
            for note in preview.notes:
                print(note)
        else:
            print(msg("有错误的行，没有导入任何数据。改正后重新导入，或加 --skip-invalid 只导入没有错误的行。"))
        return EXIT_REJECTED if rejected else 0
    from registry.storage.backup import make_backup
    from registry.storage.db import is_sqlite

    def backup() -> None:
        if is_sqlite():
            print(msg("导入前已备份：{value}", value=make_backup('before-import')))

    result = commit_import(preview, actor=args.actor, skip_invalid=args.skip_invalid, before_write=backup)
    print(result.summary())
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from registry.importer.templates import write_template

    _open_database(args, required=False)
    write_template(args.kind, args.output)
    print(msg("已生成{label}导入模板：{output}", label=KINDS[args.kind].label, output=args.output))
    return 0


def add_commands(add: Add) -> None:
    kinds = list(KINDS)
    p = add("import", cmd_import, msg("从 Excel 导入志愿者、持证社工、社会组织、服务时长或培训签到"), Action.IMPORT)
    p.add_argument("kind", choices=kinds, metavar="KIND", help="、".join(kinds))
    p.add_argument("file", type=Path, metavar="FILE", help=msg("要导入的 .xlsx、.xls 或 .csv 文件"))
    p.add_argument("--dry-run", action="store_true", help=msg("只检查并显示结果，不写入"))
    p.add_argument("--skip-invalid", action="store_true", help=msg("跳过有错误的行，只导入其余的行"))
    p.add_argument("--errors", type=Path, metavar="ERRORS.xlsx", help=msg("把被拒绝的行连同错误原因写入这个文件"))
    p.add_argument("--sheet", help=msg("工作表名称（默认：第一个表头相符的工作表）"))
    p.add_argument("--actor", help=msg("记入操作日志的操作人（默认为当前系统用户；登记库有账号时为登录的账号）"))
    # with a register, its communities fill the drop-downs: reading it needs a login
    p = add("template", cmd_template, msg("生成空白导入模板（含表头、填写说明和下拉选项）"),
            lambda args: Action.VIEW if _uses_register(args) else None)
    p.add_argument("kind", choices=kinds, metavar="KIND", help="、".join(kinds))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
