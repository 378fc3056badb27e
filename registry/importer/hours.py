"""The hours kind: lines of the ledger, under the same approval rule as hours typed in.

With accounts (four eyes, queries.approval.four_eyes) the lines are stored as recorded by the
importing clerk and wait for someone else to approve them; only then do they count. A
register without accounts lets its one user approve their own lines, so there the import
approves them and they enter the volunteers' totals, star levels and yearly sums exactly as
approving them would (the same LedgerSums, applied by the same ops.summaries)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from registry.importer.bulk import WriteContext, chunks, fetch_in
from registry.importer.lookups import Lookups
from registry.importer.model import CREATE, UNCHANGED, RowPlan
from registry.importer.people import clean_document, clean_number, holder_of, holders, persons_by_number
from registry.ops.hours import LABELS, MAX_HOURS_PER_DAY, clean_record
from registry.ops.summaries import apply_ledger_sums
from registry.queries.approval import four_eyes
from registry.rules.fields import clean_text, is_blank
from registry.rules.ledger import SERVICE, LedgerSums
from registry.rules.problems import Problem, error, warning
from registry.storage.models import Person, ServiceRecord, Volunteer
from registry.texts import mark, msg

RECORD_KEYS = ("service_date", "hours", "place", "served_group", "service_category", "content")
LONG_DAY = Decimal(12)
PENDING_DETAIL = mark("导入，待审核")


def approval_note(lines: int) -> str:
    """What the clerk is told about the lines an import writes (preview and result)."""
    if not lines:
        return ""
    if four_eyes():
        return (msg("导入的 {lines} 条时长记录将由您登记、等待其他办事员或管理员审核；"
                "审核通过后才计入累计时长和星级。", lines=lines))
    return msg("导入的 {lines} 条时长记录直接记为已审核，计入累计时长和星级。", lines=lines)


def _hours(raw: Any) -> Any:
    return repr(round(raw, 6)) if isinstance(raw, float) else raw  # 1.1+2.2 noise from Excel


class Hours:
    def clean(self, raw: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[Problem]]:
        problems: list[Problem] = []
        document = None
        if not is_blank(raw.get("id_number")):
            document, id_problems = clean_document(raw)
            problems += id_problems
        number = document[1] if document else None
        volunteer_number, number_problems = clean_number(raw, "volunteer_number", msg("志愿者编号"))
        problems += number_problems
        if number is None and volunteer_number is None and not problems:
            problems.append(error("required", "id_number", msg("证件号码和志愿者编号至少要填一个。")))
        name, _ = clean_text(raw.get("name"), "name", msg("姓名"))
        data = {k: raw.get(k) for k in RECORD_KEYS}
        data["hours"] = _hours(data["hours"])
        record, record_problems = clean_record(data)
        problems += record_problems
        record["organization"] = None
        if not is_blank(raw.get("organization")):
            record["organization"], text = lookups.organization(raw["organization"])
            if record["organization"] is None:
                problems.append(error("organization", "organization", msg("组织单位“{text}”不在登记库中"
                                      "（或有同名组织），请先登记该组织或检查名称。", text=text)))
        record["community"], community_problems = lookups.community(
            raw.get("community"), "community", LABELS["community"])
        return {"id_number": number, "id_type": document[0] if document else None,
                "id_type_given": not is_blank(raw.get("id_type")),
                "volunteer_number": volunteer_number, "name": name,
                "record": record}, problems + community_problems

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        return []

    def match(self, rows: list[RowPlan], lookups: Lookups) -> None:
        _resolve_volunteers(rows)
        _check_days(rows)

    def write(self, rows: list[RowPlan], ctx: WriteContext) -> None:
        pending = four_eyes()
        approval = ({"status": "pending", "approver": "", "approved_at": None} if pending else
                    {"status": "approved", "approver": ctx.actor, "approved_at": ctx.now})
        records = [{"volunteer": row.target["volunteer"], "activity": None, **row.values["record"],
                    "community": row.target["community"], "recorder": ctx.actor,
                    "recorded_at": ctx.now, **approval, "corrects": None, "correction_reason": ""}
                   for row in rows]
        ctx.create(ServiceRecord, records, detail=PENDING_DETAIL if pending else "导入并审核")
        ctx.tables.add("service_record")
        if pending:  # they count once approved, by approve_records, as typed lines do
            return
        sums = LedgerSums()
        for r in records:
            sums.add_line(r["volunteer"], r["service_date"], r["hours"], r["community"],
                          r["organization"], r["service_category"])
        apply_ledger_sums(sums)
        ctx.tables |= {"service_record", "volunteer"}


def _resolve_volunteers(rows: list[RowPlan]) -> None:
    persons = holders(r.values["id_number"] for r in rows)
    numbers = persons_by_number(persons)
    by_person = fetch_in(Volunteer, "person", (p["id"] for p in persons.values()))
    by_number = fetch_in(Volunteer, "volunteer_number", (r.values["volunteer_number"] for r in rows))
    names = {p["id"]: p["name"] for p in persons.values()}
    missing = {v["person"] for v in by_number.values()} - set(names)
    names.update({p["id"]: p["name"] for p in fetch_in(Person, "id", missing).values()})
    for row in rows:
        values = row.values
        person = holder_of(persons, numbers, values["id_type"], values["id_number"],
                           type_given=values["id_type_given"])
        found = by_person.get(person["id"]) if person else None
        numbered = by_number.get(values["volunteer_number"]) if values["volunteer_number"] else None
        problem = None
        if values["id_number"] and found is None:
            problem = error("volunteer", "id_number", msg("这个证件号码不是登记库中的志愿者，请先登记该志愿者。"))
        elif values["volunteer_number"] and numbered is None:
            problem = error("volunteer", "volunteer_number", msg("这个志愿者编号不在登记库中。"))
        elif found and numbered and found["id"] != numbered["id"]:
            problem = error("volunteer", "volunteer_number", msg("志愿者编号与证件号码不是同一个人。"))
        volunteer = found or numbered
        if problem is None and volunteer is not None and volunteer["status"] != "在册":  # zh-data
            problem = error("volunteer", "id_number", msg("这名志愿者已注销，不能再登记时长。"))
        if problem is not None or volunteer is None:
            row.match_problems.append(problem or error("volunteer", "id_number", msg("找不到这名志愿者。")))
            continue
        registered = names.get(volunteer["person"], "")
        if values["name"] and registered and values["name"] != registered:
            row.match_problems.append(warning("name", "name", msg("姓名与登记库中的“{registered}”不一致，"
                                                             "请核对是否填错了人。", registered=registered)))
        row.target = {"volunteer": volunteer["id"],
                      "community": values["record"]["community"] or volunteer["community"]}


def _check_days(rows: list[RowPlan]) -> None:
    """Same volunteer, same day: over 24 hours is an error, over 12 a warning; a line already
    in the ledger is not imported again."""
    found = [r for r in rows if r.target]
    booked: dict[tuple[int, Any], Decimal] = defaultdict(Decimal)
    ledger: set[tuple[int, Any, Decimal, str]] = set()
    dates = [r.values["record"]["service_date"] for r in found]
    for part in chunks(sorted({r.target["volunteer"] for r in found})):
        query = (ServiceRecord.select(ServiceRecord.volunteer, ServiceRecord.service_date,
                                      ServiceRecord.hours, ServiceRecord.content)
                 .where(ServiceRecord.volunteer.in_(list(part))
                        & ServiceRecord.service_date.between(min(dates), max(dates))
                        & ServiceRecord.corrects.is_null() & (ServiceRecord.kind == SERVICE)).tuples())
        for volunteer, day, hours, content in query:
            booked[(volunteer, day)] += Decimal(str(hours))
            ledger.add((volunteer, day, Decimal(str(hours)), content))
    lines: dict[tuple[int, Any], list[RowPlan]] = defaultdict(list)
    same: dict[tuple[int, Any, Decimal, str], list[RowPlan]] = defaultdict(list)
    for row in found:
        record = row.values["record"]
        key = (row.target["volunteer"], record["service_date"], record["hours"], record["content"])
        if key in ledger:
            row.action = UNCHANGED
            row.match_problems.append(warning("already", "hours", msg("登记库中已有同一天、同样时长和内容的记录，"
                                                                  "不再重复导入。")))
            continue
        row.action = CREATE
        lines[key[:2]].append(row)
        same[key].append(row)
    for (volunteer, day), day_rows in lines.items():
        total = booked[(volunteer, day)] + sum((r.values["record"]["hours"] for r in day_rows), Decimal(0))
        for row in day_rows:
            if total > MAX_HOURS_PER_DAY:
                row.match_problems.append(error("day_over_24", "hours",
                                                msg("{day} 这一天登记的时长合计 {total} 小时，超过 24 小时。", day=day,
                                                    total=total)))
            elif total > LONG_DAY and (len(day_rows) > 1 or booked[(volunteer, day)]):
                row.match_problems.append(warning("long_day", "hours", msg("{day} 这一天合计 {total} 小时，"
                                                                       "请确认没有重复登记。", day=day, total=total)))
    for group in same.values():
        for row in group if len(group) > 1 else ():
            others = "、".join(str(r.number) for r in group if r is not row)
            row.match_problems.append(warning("same_line", "hours", msg("与第 {others} 行的日期、时长和内容"
                                                                    "都相同，请确认不是重复登记。", others=others)))
