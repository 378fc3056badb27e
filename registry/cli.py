"""Command line: `python -m registry --db PATH COMMAND`. Imports no Qt.

Bad input ends with one plain sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from peewee import DatabaseError

from registry.db import URL_ENV, DatabaseTargetError, close_database, default_database_path, open_database
from registry.migrations import SchemaError
from registry.ops.base import RegistryError

EXIT_FAILED = 1  # the command ran and the answer is "no" (an invalid number, ...)
EXIT_ERROR = 2  # the command could not run


class CommandError(Exception):
    """A failure to report as one sentence."""


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _database_target(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get(URL_ENV) or default_database_path())


def cmd_check_id(args: argparse.Namespace) -> int:
    from registry.rules.idnumber import check_id_number

    facts, problems = check_id_number(args.number)
    for problem in problems:
        label = "错误" if problem.is_error else "提醒"
        print(f"{label}：{problem.message}", file=sys.stderr if problem.is_error else sys.stdout)
    if facts is None:
        print(f"无效：{args.number}")
        return EXIT_FAILED
    print(f"有效：{facts.number}")
    print(f"出生日期：{facts.birth_date.isoformat()}")
    print(f"性别：{facts.sex}")
    print(f"地区代码：{facts.region_code}（{facts.region_name or '未知地区'}）")
    return 0


def cmd_check_uscc(args: argparse.Namespace) -> int:
    from registry.rules.uscc import check_uscc

    facts, problems = check_uscc(args.code)
    for problem in problems:
        print(("错误：" if problem.is_error else "提醒：") + problem.message)
    if facts is None:
        print(f"无效：{args.code}")
        return EXIT_FAILED
    print(f"有效：{facts.code}")
    print(f"登记管理部门：{facts.department}")
    if facts.org_type:
        print(f"机构类别：{facts.org_type}")
    return 0


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        print(f"\r{stage}：{done}/{total}", end="\n" if done == total else "", file=sys.stderr)


def cmd_demo(args: argparse.Namespace) -> int:
    from registry.demo import fill_demo

    if args.volunteers < 1:
        raise CommandError("--volunteers 必须是正整数。")
    if args.records is not None and args.records < 0:
        raise CommandError("--records 不能是负数。")
    open_database(_database_target(args))
    started = time.perf_counter()
    counts = fill_demo(volunteers=args.volunteers, service_records=args.records, seed=args.seed,
                       progress=_progress)
    elapsed = time.perf_counter() - started
    for table, count in counts.items():
        print(f"{table}\t{count}")
    print(f"演示数据已生成，用时 {elapsed:.1f} 秒。")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from registry.stats import table_counts

    open_database(_database_target(args))
    for table, count in table_counts().items():
        print(f"{table}\t{count}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from registry.rules.idnumber import mask_id_number
    from registry.search import people_by_ids, search_people

    open_database(_database_target(args))
    page = search_people(args.text, limit=args.limit)
    for person in people_by_ids(page.ids):
        print(f"{person.id}\t{person.name}\t{mask_id_number(person.id_number)}")
    if page.has_more:
        print(f"……还有更多，请输入更完整的内容。（显示前 {args.limit} 条）")
    return 0 if page.ids else EXIT_FAILED


def _find_volunteer(text: str) -> int:
    """A volunteer by ID number or volunteer number."""
    from registry.models import Person, Volunteer
    from registry.rules.text import normalize_id_like

    key = normalize_id_like(text)
    volunteer = (Volunteer.select().join(Person)
                 .where((Person.id_number == key) | (Volunteer.volunteer_number == key)
                        | (Volunteer.national_number == key)).first())
    if volunteer is None:
        raise CommandError(f"登记库中没有身份证号或志愿者编号为“{text}”的志愿者。")
    return int(volunteer.id)


def cmd_certificate(args: argparse.Namespace) -> int:
    from registry.certificate_pdf import write_certificate_pdf
    from registry.models import Certificate, Organization
    from registry.ops.certificates import issue_certificate

    open_database(_database_target(args))
    target = Path(args.output)
    if not target.parent.is_dir():
        raise CommandError(f"文件夹“{target.parent}”不存在。")
    volunteer_id = _find_volunteer(args.person)
    issuer = None
    if args.issuer:
        org = Organization.get_or_none(Organization.name == args.issuer)
        if org is None:
            raise CommandError(f"登记库中没有名为“{args.issuer}”的组织。")
        issuer = org.id
    changes = issue_certificate(args.actor, volunteer_id, {
        "period_from": args.date_from, "period_to": args.date_to, "issuer": issuer,
        "issuing_organization": args.issuer or args.office, "person_in_charge": args.person_in_charge,
        "handler": args.handler or args.actor, "contact": args.contact})
    cert = Certificate.get_by_id(changes.id)
    write_certificate_pdf(cert, target)
    for problem in changes.warnings:
        print(f"提醒：{problem.message}", file=sys.stderr)
    print(f"证明编号：{cert.number}")
    print(f"服务时长：{cert.hours} 小时")
    print(f"已写入：{target}")
    print(cert.verification_code)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from registry.ops.certificates import find_certificate
    from registry.rules.idnumber import mask_id_number

    open_database(_database_target(args))
    cert = find_certificate(args.code)
    if cert is None:
        print(f"查无此证明：验证码“{args.code}”不是本登记库出具的。", file=sys.stderr)
        return EXIT_FAILED
    person = cert.volunteer.person
    print(f"真实有效：证明编号 {cert.number}")
    print(f"志愿者：{person.name}（{mask_id_number(person.id_number)}）")
    print(f"服务时间：{cert.period_from.isoformat()} 至 {cert.period_to.isoformat()}")
    print(f"服务时长：{cert.hours} 小时")
    print(f"出具单位：{cert.issuing_organization}，出具日期 {cert.issued_on.isoformat()}")
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    from registry.deadlines import upcoming

    if args.within < 0:
        raise CommandError("--within 不能是负数。")
    open_database(_database_target(args))
    items = upcoming(within_days=args.within)
    for item in items:
        print(f"{item.due.isoformat()}\t还有 {item.days_left} 天\t{item.label}\t{item.subject}\t{item.detail}")
    print(f"共 {len(items)} 项在 {args.within} 天内到期。")
    return 0


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="python -m registry",
        description="街道社会工作登记台 命令行工具",
    )
    parser.add_argument("--db", help=f"数据库文件路径或 postgresql:// 地址（默认读取 {URL_ENV}，"
                                     "再默认为用户数据目录中的登记库）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    handlers: dict[str, Handler] = {}

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        handlers[name] = handler
        return commands.add_parser(name, help=help_text, description=help_text)

    p = add("check-id", cmd_check_id, "检查一个身份证号，显示出生日期、性别和地区")
    p.add_argument("number")
    p = add("check-uscc", cmd_check_uscc, "检查一个统一社会信用代码")
    p.add_argument("code")
    p = add("demo", cmd_demo, "在空登记库中生成一个区的演示数据")
    p.add_argument("--volunteers", type=int, default=2000, help="志愿者人数（默认 2000）")
    p.add_argument("--records", type=int, default=None, help="服务时长记录条数（默认为志愿者人数的 10 倍）")
    p.add_argument("--seed", type=int, default=1, help="随机种子，相同种子生成相同数据")
    add("stats", cmd_stats, "显示每张表的记录数")
    p = add("certificate", cmd_certificate, "为志愿者出具志愿服务证明（PDF），最后一行输出验证码")
    p.add_argument("person", help="身份证号或志愿者编号")
    p.add_argument("--from", dest="date_from", required=True, help="起始日期，如 2025-01-01")
    p.add_argument("--to", dest="date_to", required=True, help="截止日期")
    p.add_argument("-o", "--output", required=True, help="PDF 文件")
    p.add_argument("--issuer", help="出具证明的组织（登记库中的名称）；不填则由街道出具")
    p.add_argument("--office", default="街道办事处", help="不填 --issuer 时印在证明上的出具单位名称")
    p.add_argument("--person-in-charge", default="", help="负责人")
    p.add_argument("--handler", default="", help="经办人（默认为操作人）")
    p.add_argument("--contact", default="", help="联系电话")
    p.add_argument("--actor", default=_os_user(), help="操作人（默认为系统用户名）")
    p = add("verify", cmd_verify, "核验志愿服务证明的验证码")
    p.add_argument("code")
    p = add("deadlines", cmd_deadlines, "列出即将到期的年检、评估、社工登记和继续教育")
    p.add_argument("--within", type=int, default=90, help="多少天内（默认 90）")
    p = add("search", cmd_search, "按姓名、拼音首字母、身份证号（或后几位）、电话查找人员")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        return handlers[args.command](args)
    except (CommandError, RegistryError, SchemaError, DatabaseTargetError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"错误：无法读写文件（{exc.strerror or exc}）。", file=sys.stderr)
        return EXIT_ERROR
    except DatabaseError as exc:
        print(f"错误：无法使用数据库（{exc}）。请检查 --db 指向的文件或地址。", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:
        close_database()


if __name__ == "__main__":
    sys.exit(main())
