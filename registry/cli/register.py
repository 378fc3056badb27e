"""Commands about people and the register itself: check-id, check-uscc, demo, stats, search."""

from __future__ import annotations

import argparse
import os
import sys
import time

from registry.cli import (
    DEMO_PASSWORD,
    EXIT_FAILED,
    NEW_PASSWORD_ENV,
    Add,
    CommandError,
    database_target,
    print_progress,
)
from registry.cli.failures import bounded
from registry.rules.permissions import Action
from registry.storage.lifecycle import open_database
from registry.texts import msg

MAX_VOLUNTEERS = 2_000_000
MAX_RECORDS = 100_000_000
MAX_SEARCH = 1_000


def cmd_check_id(args: argparse.Namespace) -> int:
    from registry.rules.documents import RESIDENT_CARD, check_document, doc_type_of, recognize
    from registry.texts import LIST_SEPARATOR, shown

    if args.type is not None:
        doc_type = doc_type_of(args.type)
        if doc_type is None:
            raise CommandError(msg("不认识的证件类型：{value}", value=args.type))
    else:
        recognition = recognize(args.number)
        if recognition.doc_type is None and recognition.candidates:
            # Never guess between two types: the type is half of the person's key.
            print(msg("看不出“{number}”是哪种证件（可能是：{candidates}），请用 --type 指明证件类型",
                      number=args.number,
                      candidates=LIST_SEPARATOR.join(shown(c) for c in recognition.candidates)),
                  file=sys.stderr)
            return EXIT_FAILED
        # No form fits at all: the resident card's checks say best what is wrong with it.
        doc_type = recognition.doc_type or RESIDENT_CARD
    facts, problems = check_document(doc_type, args.number, nationality=args.nationality or "")
    for problem in problems:
        label = msg("错误") if problem.is_error else msg("提醒")
        print(f"{label}：{problem.message}", file=sys.stderr if problem.is_error else sys.stdout)
    if facts is None:
        print(msg("无效：{number}", number=args.number))
        return EXIT_FAILED
    print(msg("有效：{number}", number=facts.number))
    print(msg("证件类型：{doc_type}", doc_type=facts.doc_type))
    if facts.birth_date is not None:
        print(msg("出生日期：{birth_date}", birth_date=facts.birth_date.isoformat()))
    if facts.sex:
        print(msg("性别：{sex}", sex=facts.sex))
    if facts.doc_type == RESIDENT_CARD:
        print(msg("地区代码：{region_code}（{value}）", region_code=facts.region_code,
                  value=facts.region_name or msg('未知地区')))
    elif facts.region_name:
        print(msg("地区：{region}", region=facts.region_name))
    if facts.nationality:
        print(msg("国籍：{nationality}", nationality=facts.nationality))
    return 0


def cmd_check_uscc(args: argparse.Namespace) -> int:
    from registry.rules.uscc import check_uscc

    facts, problems = check_uscc(args.code)
    for problem in problems:
        print((msg("错误：") if problem.is_error else msg("提醒：")) + problem.message)
    if facts is None:
        print(msg("无效：{code}", code=args.code))
        return EXIT_FAILED
    print(msg("有效：{code}", code=facts.code))
    print(msg("登记管理部门：{department}", department=facts.department))
    if facts.org_type:
        print(msg("机构类别：{org_type}", org_type=facts.org_type))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from registry.demo import fill_demo

    if args.volunteers < 1:
        raise CommandError(msg("--volunteers 必须是正整数。"))
    if args.records is not None and args.records < 0:
        raise CommandError(msg("--records 不能是负数。"))
    open_database(database_target(args))
    started = time.perf_counter()
    counts = fill_demo(volunteers=args.volunteers, service_records=args.records, seed=args.seed,
                       progress=print_progress, actor=args.actor)
    elapsed = time.perf_counter() - started
    for table, count in counts.items():
        print(f"{table}\t{count}")
    print(msg("演示数据已生成，用时 {elapsed:.1f} 秒。", elapsed=elapsed))
    if args.with_accounts:
        from registry.ops.accounts import add_account

        password = os.environ.get(NEW_PASSWORD_ENV) or DEMO_PASSWORD  # never the login's password
        for name in ("admin", "clerk", "viewer"):  # the first, the administrator, makes the others
            add_account("admin", name, name, password)
        print(msg("演示账号：admin（管理员）、clerk（办事员）、viewer（查看员），密码均为 {password}",
                  password=password))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from registry.queries.stats import table_counts

    open_database(database_target(args))
    for table, count in table_counts().items():
        print(f"{table}\t{count.rows}" + ("\t" + msg("（估计）") if count.estimated else ""))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from registry.ops.search import find_people
    from registry.queries.masking import masker_for
    from registry.queries.search import people_by_ids

    open_database(database_target(args))
    page = find_people(args.actor, args.text, limit=args.limit)  # refused with the reason, logged
    masker = masker_for(args.actor)
    for person in people_by_ids(page.ids):
        print(f"{person.id}\t{person.name}\t{masker.id_number(person.id_number)}")
    if page.has_more:
        print(msg("……还有更多，请输入更完整的内容。（显示前 {limit} 条）", limit=args.limit))
    return 0 if page.ids else EXIT_FAILED


def add_commands(add: Add) -> None:
    p = add("check-id", cmd_check_id, msg("检查一个证件号码，显示证件类型、出生日期、性别和地区"), None)
    p.add_argument("number")
    p.add_argument("--type", default=None, help=msg("证件类型（默认由号码的样式认出）"))
    p.add_argument("--nationality", default=None, help=msg("国籍（护照）"))
    p = add("check-uscc", cmd_check_uscc, msg("检查一个统一社会信用代码"), None)
    p.add_argument("code")
    p = add("demo", cmd_demo, msg("在空登记库中生成一个区的演示数据"), Action.DEMO)
    p.add_argument("--volunteers", type=bounded(1, MAX_VOLUNTEERS), default=2000, help=msg("志愿者人数（默认 2000）"))
    p.add_argument("--records", type=bounded(0, MAX_RECORDS), default=None,
                   help=msg("服务时长记录条数（默认为志愿者人数的 10 倍）"))
    p.add_argument("--seed", type=bounded(0, 2**31 - 1), default=1, help=msg("随机种子，相同种子生成相同数据"))
    p.add_argument("--with-accounts", action="store_true",
                   help=msg("同时建立演示账号 admin、clerk、viewer（密码取 {new_password_env}，默认 {demo_password}）",
                            new_password_env=NEW_PASSWORD_ENV, demo_password=DEMO_PASSWORD))
    add("stats", cmd_stats, msg("显示每张表的记录数"), Action.VIEW)
    p = add("search", cmd_search, msg("按姓名、拼音首字母、身份证号（或后几位）、电话查找人员"), Action.VIEW)
    p.add_argument("text")
    p.add_argument("--limit", type=bounded(1, MAX_SEARCH), default=20, help=msg("最多显示几条（1 到 {max_search}）",
                                                                                max_search=MAX_SEARCH))
