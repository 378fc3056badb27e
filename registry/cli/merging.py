"""merge-people: two person records that are one human become one (administrators)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from registry.cli import EXIT_FAILED, Add, CommandError
from registry.rules.permissions import Action
from registry.texts import LIST_SEPARATOR, msg, shown


def _person(number: str, doc_type: str | None) -> Any:
    """The person record holding this document number (of this type, when given): the
    record itself, a merged one included, so that merging it again is refused in words."""
    from registry.rules.documents import doc_type_of
    from registry.rules.text import normalize_id_like
    from registry.storage.models import Person

    key = normalize_id_like(number)
    query = Person.select().where(Person.id_number == key)
    if doc_type:
        known = doc_type_of(doc_type)
        if known is None:
            raise CommandError(msg("证件类型“{value}”不认识。", value=doc_type))
        query = query.where(Person.id_type == known)
    found = list(query.order_by(Person.id))
    if not found:
        raise CommandError(msg("登记库中没有证件号码为“{text}”的人员。", text=number))
    if len(found) > 1:
        types = LIST_SEPARATOR.join(shown(p.id_type) for p in found)
        raise CommandError(msg("证件号码“{text}”登记在几种证件下（{types}），请用 --keep-type 或 --drop-type 指明。",
                               text=number, types=types))
    return found[0]


def cmd_merge_people(args: argparse.Namespace) -> int:
    from registry.ops.merging import merge_people
    from registry.rules.idnumber import mask_id_number

    keep, drop = _person(args.keep, args.keep_type), _person(args.drop, args.drop_type)
    said = msg("把 {drop}（{drop_type} {drop_number}）合并到 {keep}（{keep_type} {keep_number}）",
               drop=drop.name, drop_type=shown(drop.id_type), drop_number=mask_id_number(drop.id_number),
               keep=keep.name, keep_type=shown(keep.id_type), keep_number=mask_id_number(keep.id_number))
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(msg("{said}：合并后不能撤销，确认无误请加 --yes。", said=said))
        if input(msg("{said}？合并后不能撤销，输入 yes 确认：", said=said)).strip().lower() != "yes":
            print(msg("已取消。"))
            return EXIT_FAILED
    merge_people(args.actor, keep.id, drop.id, args.reason)
    print(msg("已{said}。原证件号码和以前出具的证明今后都对应到 {keep}。", said=said, keep=keep.name))
    return 0


def add_commands(add: Add) -> None:
    p = add("merge-people", cmd_merge_people, msg("把同一个人的两条人员记录合并为一条（管理员，记入操作日志）："
                                                "身份、服务时长、培训和证明都转到保留的记录"), Action.MERGE_PEOPLE)
    p.add_argument("keep", metavar="KEEP", help=msg("保留的人员的证件号码"))
    p.add_argument("drop", metavar="DROP", help=msg("并入它的人员的证件号码（保留为指向 KEEP 的记录）"))
    p.add_argument("--reason", required=True, help=msg("合并原因"))
    p.add_argument("--keep-type", help=msg("KEEP 的证件类型（号码登记在几种证件下时）"))
    p.add_argument("--drop-type", help=msg("DROP 的证件类型（号码登记在几种证件下时）"))
    p.add_argument("--yes", action="store_true", help=msg("不再询问，直接合并"))
