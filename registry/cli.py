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

PASSWORD_ENV = "REGISTRY_PASSWORD"
DEMO_PASSWORD = "demo-password"
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
    if args.with_accounts:
        from registry.ops.accounts import add_account

        password = os.environ.get(PASSWORD_ENV) or DEMO_PASSWORD
        for name in ("admin", "clerk", "viewer"):  # the first, the administrator, makes the others
            add_account("admin", name, name, password)
        print(f"演示账号：admin（管理员）、clerk（办事员）、viewer（查看员），密码均为 {password}")
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
    parser.add_argument("--user", help=f"用户名（登记库有账号时必填；密码从提示或 {PASSWORD_ENV} 读取）")
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
    p.add_argument("--with-accounts", action="store_true",
                   help=f"同时建立演示账号 admin、clerk、viewer（密码取 {PASSWORD_ENV}，默认 {DEMO_PASSWORD}）")
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
    p = add("verify", cmd_verify, "核验志愿服务证明的验证码")
    p.add_argument("code")
    p = add("deadlines", cmd_deadlines, "列出即将到期的年检、评估、社工登记和继续教育")
    p.add_argument("--within", type=int, default=90, help="多少天内（默认 90）")
    p = add("backup", cmd_backup, "备份登记库（不指定文件则存入备份文件夹并按期轮换）")
    p.add_argument("file", nargs="?")
    p = add("restore", cmd_restore, "从备份恢复登记库（管理员；恢复前自动备份当前数据）")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p = add("migrate-to", cmd_migrate_to, "把本机登记库复制到空的 PostgreSQL 数据库，并逐表核对行数和校验和")
    p.add_argument("url", help="postgresql://用户@主机/数据库")
    p = add("retention", cmd_retention, "按保存期限删除已注销人员的个人信息（服务时长保留），并报告删除了什么")
    p.add_argument("--volunteer-years", type=int, help="志愿者注销后保存的年数（0 为永久保存）")
    p.add_argument("--social-worker-years", type=int, help="持证社工注销后保存的年数（0 为永久保存）")
    p = add("district", cmd_district, "检查（check）或套用（apply）区的配置文件")
    p.add_argument("action", choices=("check", "apply"))
    p.add_argument("file")
    p = add("user", cmd_user, "管理账号：add 添加、disable 停用、reset 重设密码（管理员）")
    p.add_argument("action", choices=("add", "disable", "reset"))
    p.add_argument("name")
    p.add_argument("--role", choices=("admin", "clerk", "viewer"))
    from registry.importer.commands import add_commands as add_import_commands
    from registry.rosters.commands import add_commands as add_export_commands

    add_export_commands(add)
    add_import_commands(add)
    p = add("search", cmd_search, "按姓名、拼音首字母、身份证号（或后几位）、电话查找人员")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    return parser, handlers


WITHOUT_REGISTER = {"check-id", "check-uscc", "template", "district"}  # these open no register first


def _password(prompt: str = "密码：") -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CommandError(f"需要密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}。")
    return getpass.getpass(prompt)


def _login(args: argparse.Namespace) -> None:
    """Open the register; where it has accounts, log in and act as that account."""
    from registry.accounts import LoginFailed, accounts_exist, authenticate

    open_database(_database_target(args))
    if not accounts_exist():
        if not getattr(args, "actor", None):
            args.actor = _os_user()
        return
    if not args.user:
        raise CommandError("这个登记库需要登录：请用 --user 指定用户名。")
    try:
        account = authenticate(args.user, _password())
    except LoginFailed as exc:
        raise CommandError(str(exc)) from exc
    args.actor = account.name


def cmd_backup(args: argparse.Namespace) -> int:
    from registry.backup import backup_to, make_backup

    path = backup_to(Path(args.file)) if args.file else make_backup("manual")
    print(f"已备份到：{path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from registry.backup import restore

    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("恢复会替换当前登记库中的全部数据：确认无误请加 --yes。")
        if input(f"用“{args.file}”替换当前登记库的全部数据？输入 yes 确认：").strip().lower() != "yes":
            print("已取消。")
            return EXIT_FAILED
    saved = restore(args.actor, Path(args.file))
    print(f"已恢复。恢复前的数据已备份到：{saved}")
    return 0


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from registry.transfer import migrate_to

    checks = migrate_to(args.url, progress=lambda table, done: _progress(f"复制 {table}", done, done))
    print("表\t源行数\t目标行数\t校验和")
    for check in checks:
        verdict = "一致" if check.ok else "不一致"
        print(f"{check.table}\t{check.source_rows}\t{check.target_rows}\t{check.source_checksum[:16]} {verdict}")
    bad = [c.table for c in checks if not c.ok]
    if bad:
        print(f"错误：{len(bad)} 张表迁移后不一致：{'、'.join(bad)}。请不要使用目标数据库。", file=sys.stderr)
        return EXIT_FAILED
    print(f"迁移完成：{len(checks)} 张表的行数和校验和全部一致。")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from registry.ops.retention import KINDS, apply_retention, set_retention

    for kind, years in (("volunteer", args.volunteer_years), ("social_worker", args.social_worker_years)):
        if years is not None:
            set_retention(args.actor, kind, years)
    report = apply_retention(args.actor)
    for kind, count in report.erased.items():
        print(f"{KINDS[kind][1]}：删除 {count} 人的个人信息")
    if report.kept_for_other_roles:
        print(f"另有 {report.kept_for_other_roles} 人仍有其他在册身份，未删除。")
    return 0


def cmd_district(args: argparse.Namespace) -> int:
    from registry.district import apply_district, check_district

    config, problems = check_district(Path(args.file))
    if config is None:
        for problem in problems:
            print(f"错误：{problem}", file=sys.stderr)
        print(f"配置文件有 {len(problems)} 处问题，请修改后再试。", file=sys.stderr)
        return EXIT_FAILED
    communities = sum(len(s.communities) for s in config.streets)
    print(f"配置正确：{config.full_name}（{config.code}），{len(config.streets)} 个街道，{communities} 个社区。")
    if args.action == "apply":
        _login(args)
        changes = apply_district(args.actor, config)
        print(f"已套用到登记库：新增 {len(changes.ids)} 个社区。")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from registry.ops.accounts import add_account, disable_account, reset_password

    if args.action == "add":
        if not args.role:
            raise CommandError("请用 --role 指定角色：admin、clerk 或 viewer。")
        add_account(args.actor, args.name, args.role, _password(f"“{args.name}”的新密码："))
        print(f"已添加账号 {args.name}（{args.role}）。")
    elif args.action == "disable":
        disable_account(args.actor, args.name)
        print(f"已停用账号 {args.name}。")
    else:
        reset_password(args.actor, args.name, _password(f"“{args.name}”的新密码："))
        print(f"已重设账号 {args.name} 的密码。")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command not in WITHOUT_REGISTER:
            _login(args)
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
