"""Volunteer service certificates and deadlines: certificate, verify, deadlines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from registry.cli import EXIT_FAILED, Add, CommandError, database_target
from registry.cli.failures import bounded
from registry.rules.permissions import Action
from registry.storage.lifecycle import open_database
from registry.texts import msg


def _find_volunteer(text: str) -> int:
    """A volunteer by ID number or volunteer number."""
    from registry.rules.text import normalize_id_like
    from registry.storage.models import Person, Volunteer

    key = normalize_id_like(text)
    holder = Person.get_or_none(Person.id_number == key)
    if holder is not None and holder.merged_into_id is not None:  # a merged record's number: the kept person
        key = holder.merged_into.id_number
    volunteer = (Volunteer.select().join(Person)
                 .where((Person.id_number == key) | (Volunteer.volunteer_number == key)
                        | (Volunteer.national_number == key)).first())
    if volunteer is None:
        raise CommandError(msg("登记库中没有身份证号或志愿者编号为“{text}”的志愿者。", text=text))
    return int(volunteer.id)


def cmd_certificate(args: argparse.Namespace) -> int:
    from registry.certificates.pdf import certificate_masker, write_certificate_pdf
    from registry.ops.certificates import issue_certificate
    from registry.queries.certificates import handler_name
    from registry.storage.models import Certificate, Organization

    open_database(database_target(args))
    if args.full_number:
        from registry.queries.access import may
        from registry.rules.permissions import Action

        if not may(args.actor, Action.UNMASK):  # before issuing anything
            raise CommandError(msg("只有管理员账号才能在证明上印完整证件号码（--full-number），"
                               "去掉该选项即可出具（证件号码隐去中间位）。"))
    target = Path(args.output)
    if not args.output.strip() or target.is_dir():  # checked before the certificate is issued
        raise CommandError(msg("请用 -o 指定要保存的 PDF 文件名（不是文件夹）。"))
    if not target.parent.is_dir():
        raise CommandError(msg("文件夹“{parent}”不存在。", parent=target.parent))
    volunteer_id = _find_volunteer(args.person)
    issuer = None
    if args.issuer:
        org = Organization.get_or_none(Organization.name == args.issuer)
        if org is None:
            raise CommandError(msg("登记库中没有名为“{issuer}”的组织。", issuer=args.issuer))
        issuer = org.id
    changes = issue_certificate(args.actor, volunteer_id, {
        "period_from": args.date_from, "period_to": args.date_to, "issuer": issuer,
        "issuing_organization": args.issuer or args.office or "", "person_in_charge": args.person_in_charge,
        "handler": args.handler or handler_name(args.actor), "contact": args.contact})
    cert = Certificate.get_by_id(changes.id)
    write_certificate_pdf(cert, target, certificate_masker(args.actor, cert.id, full_number=args.full_number))
    for problem in changes.warnings:
        print(msg("提醒：{message}", message=problem.message), file=sys.stderr)
    print(msg("证明编号：{number}", number=cert.number))
    print(msg("服务时长：{hours} 小时", hours=cert.hours))
    print(msg("已写入：{target}", target=target))
    print(cert.verification_code)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from registry.ops.certificates import find_certificate
    from registry.rules.idnumber import mask_id_number

    open_database(database_target(args))
    cert = find_certificate(args.code)
    if cert is None:
        print(msg("查无此证明：验证码“{code}”不是本登记库出具的。", code=args.code), file=sys.stderr)
        return EXIT_FAILED
    person = cert.volunteer.person
    if person.merged_into_id is not None:  # issued under a record since merged: the person it is now
        person = person.merged_into
    print(msg("真实有效：证明编号 {number}", number=cert.number))
    print(msg("志愿者：{name}（{value}）", name=person.name, value=mask_id_number(person.id_number)))
    print(msg("服务时间：{period_from} 至 {period_to}", period_from=cert.period_from.isoformat(),
              period_to=cert.period_to.isoformat()))
    print(msg("服务时长：{hours} 小时", hours=cert.hours))
    print(msg("出具单位：{issuing_organization}，出具日期 {issued_on}", issuing_organization=cert.issuing_organization,
              issued_on=cert.issued_on.isoformat()))
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    from registry.cli.exporting import area_id
    from registry.queries.deadlines import DueFilter, upcoming
    from registry.storage.models import Community, Street

    if args.within < 0:
        raise CommandError(msg("--within 不能是负数。"))
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise CommandError(msg("--to 的日期不能早于 --from 的日期。"))
    open_database(database_target(args))
    due = DueFilter(kinds=frozenset(args.kind) if args.kind else None,
                    street_id=area_id(Street, args.street, msg("街道")),
                    community_id=area_id(Community, args.community, msg("社区")),
                    due_from=args.date_from, due_to=args.date_to)
    items = upcoming(within_days=args.within, due=due)
    for item in items:
        print(msg("{due}\t还有 {days_left} 天\t{label}\t{subject}\t{detail}", due=item.due.isoformat(),
                  days_left=item.days_left, label=item.label, subject=item.subject, detail=item.detail)
              + (f"\t{item.community}" if item.community else ""))
    if args.date_to or args.date_from:
        print(msg("共 {length} 项。", length=len(items)))
    else:
        print(msg("共 {length} 项在 {within} 天内到期。", length=len(items), within=args.within))
    return 0


def add_commands(add: Add) -> None:
    p = add("certificate", cmd_certificate, msg("为志愿者出具志愿服务证明（PDF），最后一行输出验证码"), Action.ISSUE)
    p.add_argument("person", help=msg("身份证号或志愿者编号"))
    p.add_argument("--from", dest="date_from", required=True, help=msg("起始日期，如 2025-01-01"))
    p.add_argument("--to", dest="date_to", required=True, help=msg("截止日期"))
    p.add_argument("-o", "--output", required=True, help=msg("PDF 文件"))
    p.add_argument("--issuer", help=msg("出具证明的组织（登记库中的名称）；不填则由街道出具"))
    p.add_argument("--office", default="", help=msg("不填 --issuer 时印在证明上的出具单位名称"
                   "（默认为登记库区划设置中的本街道办事处，如“北京市朝阳区建外街道办事处”）"))
    p.add_argument("--person-in-charge", default="", help=msg("负责人"))
    p.add_argument("--handler", default="", help=msg("经办人（默认为操作人账号的姓名；没有账号时不填）"))
    p.add_argument("--contact", default="", help=msg("联系电话"))
    p.add_argument("--full-number", action="store_true",
                   help=msg("在证明上印完整证件号码（仅管理员，记入操作日志）；默认隐去中间位"))
    p = add("verify", cmd_verify, msg("核验志愿服务证明的验证码"), Action.VIEW)
    p.add_argument("code")
    p = add("deadlines", cmd_deadlines, msg("列出即将到期的年检、评估、社工登记和继续教育"), Action.VIEW)
    p.add_argument("--within", type=bounded(0, 3650), default=90, help=msg("多少天内（默认 90）"))
    from registry.cli.exporting import day
    from registry.rules.deadlines import KIND_LABELS

    p.add_argument("--kind", action="append", choices=[k for k in KIND_LABELS if k != "reregistration_window"],
                   help=msg("只列这类事项，可写多次"))
    p.add_argument("--street", metavar="NAME|CODE", help=msg("街道名称或代码"))
    p.add_argument("--community", metavar="NAME|CODE", help=msg("社区名称或代码"))
    p.add_argument("--from", dest="date_from", type=day, metavar="DATE",
                   help=msg("到期日自（含已过期的），如 2026-01-01"))
    p.add_argument("--to", dest="date_to", type=day, metavar="DATE", help=msg("到期日至（代替 --within）"))
