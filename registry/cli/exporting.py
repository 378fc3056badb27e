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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip().replace("/", "-").replace(".", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，请写成 2024-05-01") from None


def _area_id(model: Any, text: str | None, what: str) -> int | None:
    """The id of the street or community with this code, else with this name."""
    if text is None:
        return None
    text = text.strip()
    rows = list(model.select(model.id).where(model.code == text).limit(2).tuples())
    if not rows:
        rows = list(model.select(model.id).where(model.name == text).limit(2).tuples())
    if not rows:
        raise RegistryError(f"登记库中没有名称或代码为“{text}”的{what}。")
    if len(rows) > 1:
        raise RegistryError(f"名为“{text}”的{what}不止一个，请改用{what}代码。")
    return int(rows[0][0])


def _organization_id(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    o = Organization
    rows = list(o.select(o.id).where((o.name == text) | (o.uscc == text.upper())).limit(2).tuples())
    if not rows:
        raise RegistryError(f"登记库中没有名称或统一社会信用代码为“{text}”的组织。")
    if len(rows) > 1:
        raise RegistryError(f"名为“{text}”的组织不止一个，请改用统一社会信用代码。")
    return int(rows[0][0])


def _training_id(value: int | None) -> int | None:
    if value is not None and Training.get_or_none(Training.id == value) is None:
        raise RegistryError(f"登记库中没有编号为 {value} 的培训。")
    return value


def filters_from_args(args: argparse.Namespace) -> RosterFilters:
    return RosterFilters(
        street_id=_area_id(Street, args.street, "街道"),
        community_id=_area_id(Community, args.community, "社区"),
        organization_id=_organization_id(args.organization),
        status=args.status, date_from=args.date_from, date_to=args.date_to, year=args.year,
        training_id=_training_id(args.training), group_by=args.group_by,
    )


def _progress(done: int, total: int | None) -> None:
    if sys.stderr.isatty():
        print(f"\r已写入 {done}/{total if total is not None else '?'} 行", end="", file=sys.stderr)


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
    sheets = f"（{result.sheets} 张工作表）" if result.sheets > 1 else ""
    print(f"已导出 {result.rows} 行到 {result.path}{sheets}")
    if result.truncated_cells:
        print(f"提醒：有 {result.truncated_cells} 处内容超过 Excel 单元格上限，已截断，详见表格底部的说明。")
    if result.unmasked:
        print("提醒：文件含完整证件号码和联系电话，本次导出已记入操作日志。")
    elif args.unmasked:
        print("提醒：这份花名册不含证件号码和联系电话，按普通导出处理。")
    return 0


def _personal(args: argparse.Namespace) -> bool:
    """Whether the roster asked for holds personal numbers, so --unmasked needs its right."""
    spec = ROSTERS.get(args.roster)
    return spec is None or spec.personal(RosterFilters(group_by=args.group_by))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment: the audit still needs someone
        return "命令行"


def add_commands(add: Add) -> None:
    from pathlib import Path

    titles = "；".join(f"{key}={spec.title}" for key, spec in ROSTERS.items())
    p = add("export", cmd_export, "导出花名册（Excel）",
            lambda args: Action.EXPORT_UNMASKED if args.unmasked and _personal(args) else Action.EXPORT)
    # no argparse `choices`: an unknown roster gets export_roster's Chinese sentence
    p.add_argument("roster", metavar="ROSTER", help=titles)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx",
                   help="保存为 .xlsx 文件")
    p.add_argument("--street", metavar="NAME|CODE", help="街道名称或代码")
    p.add_argument("--community", metavar="NAME|CODE", help="社区名称或代码")
    p.add_argument("--organization", metavar="NAME", help="组织名称或统一社会信用代码")
    p.add_argument("--status", metavar="S", help="状态，如 在册、注销、正常")
    p.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="起始日期，如 2024-01-01")
    p.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="截止日期，如 2024-12-31")
    p.add_argument("--year", type=bounded(1900, 2200), metavar="Y", help="年度，如 2024")
    p.add_argument("--training", type=bounded(1, 2**63 - 1), metavar="ID", help="培训编号（培训签到表必填）")
    p.add_argument("--group-by", choices=list(GROUP_BY), help="服务时长汇总方式：person、community 或 organization")
    p.add_argument("--unmasked", action="store_true", help="导出完整证件号码和联系电话（记入操作日志）")
    p.add_argument("--actor", help="操作人（默认为当前系统用户名；登记库有账号时为登录的账号）")
