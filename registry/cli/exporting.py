"""`python -m registry export ROSTER -o FILE.xlsx [filters]`: the command-line export."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from typing import Any

from registry.cli import Add
from registry.cli.failures import bounded
from registry.rosters.definitions import ROSTERS
from registry.rosters.spec import GROUP_BY, RosterFilters
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError
from registry.storage.models import Community, Organization, Street, Training
from registry.texts import msg


def day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip().replace("/", "-").replace(".", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(msg("“{text}”不是有效日期，请写成 2024-05-01", text=text)) from None


def area_id(model: Any, text: str | None, what: str) -> int | None:
    """The id of the street or community with this code, else with this name."""
    if text is None:
        return None
    text = text.strip()
    rows = list(model.select(model.id).where(model.code == text).limit(2).tuples())
    if not rows:
        rows = list(model.select(model.id).where(model.name == text).limit(2).tuples())
    if not rows:
        raise RegistryError(msg("登记库中没有名称或代码为“{text}”的{what}。", text=text, what=what))
    if len(rows) > 1:
        raise RegistryError(msg("名为“{text}”的{what}不止一个，请改用{what}代码。", text=text, what=what))
    return int(rows[0][0])


def _organization_id(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    o = Organization
    rows = list(o.select(o.id).where((o.name == text) | (o.uscc == text.upper())).limit(2).tuples())
    if not rows:
        raise RegistryError(msg("登记库中没有名称或统一社会信用代码为“{text}”的组织。", text=text))
    if len(rows) > 1:
        raise RegistryError(msg("名为“{text}”的组织不止一个，请改用统一社会信用代码。", text=text))
    return int(rows[0][0])


def _training_id(value: int | None) -> int | None:
    if value is not None and Training.get_or_none(Training.id == value) is None:
        raise RegistryError(msg("登记库中没有编号为 {value} 的培训。", value=value))
    return value


def filters_from_args(args: argparse.Namespace) -> RosterFilters:
    return RosterFilters(
        street_id=area_id(Street, args.street, msg("街道")),
        community_id=area_id(Community, args.community, msg("社区")),
        organization_id=_organization_id(args.organization),
        status=args.status, date_from=args.date_from, date_to=args.date_to, year=args.year,
        training_id=_training_id(args.training), group_by=args.group_by,
        kinds=tuple(args.kind) if args.kind else None,
    )


def _progress(done: int, total: int | None) -> None:
    if sys.stderr.isatty():
        print("\r" + msg("已写入 {done}/{total} 行", done=done, total=total if total is not None else "?"), end="",
              file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    from registry.cli import database_target
    from registry.rosters.export import export_roster
    from registry.storage.db import database
    from registry.storage.lifecycle import open_database

    if database.obj is None or database.is_closed():  # registry.cli opens it when logging in
        open_database(database_target(args))
    result = export_roster(args.roster, args.output, actor=args.actor or _default_actor(),
                           filters=filters_from_args(args), unmasked=args.unmasked,
                           progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    sheets = msg("（{sheets} 张工作表）", sheets=result.sheets) if result.sheets > 1 else ""
    print(msg("已导出 {rows} 行到 {path}{sheets}", rows=result.rows, path=result.path, sheets=sheets))
    if result.truncated_cells:
        print(msg("提醒：有 {truncated_cells} 处内容超过 Excel 单元格上限，已截断，详见表格底部的说明。",
                  truncated_cells=result.truncated_cells))
    if result.unmasked:
        print(msg("提醒：文件含完整证件号码和联系电话，本次导出已记入操作日志。"))
    elif args.unmasked:
        print(msg("提醒：这份花名册不含证件号码和联系电话，按普通导出处理。"))
    return 0


def _personal(args: argparse.Namespace) -> bool:
    """Whether the roster asked for holds personal numbers, so --unmasked needs its right."""
    spec = ROSTERS.get(args.roster)
    return spec is None or spec.personal(RosterFilters(group_by=args.group_by))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment: the audit still needs someone
        return msg("命令行")


def add_commands(add: Add) -> None:
    from pathlib import Path

    titles = "；".join(f"{key}={spec.title}" for key, spec in ROSTERS.items())
    p = add("export", cmd_export, msg("导出花名册（Excel）"),
            lambda args: Action.EXPORT_UNMASKED if args.unmasked and _personal(args) else Action.EXPORT)
    # no argparse `choices`: an unknown roster gets export_roster's Chinese sentence
    p.add_argument("roster", metavar="ROSTER", help=titles)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx",
                   help=msg("保存为 .xlsx 文件"))
    p.add_argument("--street", metavar="NAME|CODE", help=msg("街道名称或代码"))
    p.add_argument("--community", metavar="NAME|CODE", help=msg("社区名称或代码"))
    p.add_argument("--organization", metavar="NAME", help=msg("组织名称或统一社会信用代码"))
    p.add_argument("--status", metavar="S", help=msg("状态，如 在册、注销、正常"))
    p.add_argument("--from", dest="date_from", type=day, metavar="DATE", help=msg("起始日期，如 2024-01-01"))
    p.add_argument("--to", dest="date_to", type=day, metavar="DATE", help=msg("截止日期，如 2024-12-31"))
    p.add_argument("--year", type=bounded(1900, 2200), metavar="Y", help=msg("年度，如 2024"))
    p.add_argument("--training", type=bounded(1, 2**63 - 1), metavar="ID", help=msg("培训编号（培训签到表必填）"))
    p.add_argument("--group-by", choices=list(GROUP_BY),
                   help=msg("服务时长汇总方式：person、community 或 organization"))
    p.add_argument("--kind", action="append", metavar="KIND",
                   help=msg("到期事项清单的事项，可写多次，如 registration_expiry、evaluation_expiry"))
    p.add_argument("--unmasked", action="store_true", help=msg("导出完整证件号码和联系电话（记入操作日志）"))
    p.add_argument("--actor", help=msg("操作人（默认为当前系统用户名；登记库有账号时为登录的账号）"))
