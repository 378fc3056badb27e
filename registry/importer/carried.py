"""What a volunteer roster carries besides the person: the status (注销 stays 注销) and the
hours served before the register (累计时长, 本年时长), which become an opening balance.

The status comes from a 状态 column, or from the 备注 the register's own roster writes
("已注销；…", the rest being the person's notes); the social-worker roster carries it the same
way. Only a stated 注销 counts as given: a roster exported before someone was deregistered
must not reactivate them.

Opening balance (期初结转): the hours the file states beyond what the register already counts
for the volunteer become approved ledger lines of kind OPENING, audited as the import's own
lines. They count in the total and the star level, in no community's or month's sum
(rules/ledger.py), and are shown apart wherever hours are itemized. A volunteer who already
has an opening balance gets none again, so importing the same file twice carries nothing
twice; a file stating fewer hours than the register counts changes nothing.

Dates: the register's roster says which year its 本年时长 is of ("本年时长为 2025 年度…"); then
that part is dated 1 January of that year and the rest 31 December of the year before, so
yearly sums come back as they were. A file that does not say is all dated 31 December of
last year: hours served at some time before the register, none of them this year's."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from registry.importer.bulk import WriteContext, chunks
from registry.importer.model import UNCHANGED, UPDATE, FieldChange, RowPlan
from registry.ops.summaries import apply_ledger_sums
from registry.rules.fields import clean_decimal, is_blank
from registry.rules.ledger import KIND_LABELS, OPENING, LedgerSums
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_text
from registry.storage.models import ServiceRecord, Volunteer, VolunteerYear
from registry.texts import mark, msg

OPENING_LABEL = KIND_LABELS[OPENING]
CONTENT = mark("期初结转：导入前的累计服务时长")  # the lines' content: stored so, shown translated
MAX_CARRIED = Decimal(100_000)  # hours; 24 a day for eleven years
_ACTIVE, _GONE = "在册", "注销"  # zh-data
_STATUS_WORDS = {"在册": _ACTIVE, "正常": _ACTIVE, "有效": _ACTIVE, "注销": _GONE, "已注销": _GONE}  # zh-data
_REMARK = re.compile(r"已注销(?:[；;]\s*(.*))?", re.S)  # zh-data: what rosters/volunteers.py writes in 备注
_FILE_YEAR = re.compile(r"本年时长为\s*(\d{4})\s*年度")  # zh-data


def file_year(texts: Iterable[str]) -> int | None:
    """The year a roster's 本年时长 is of, when the lines above its header say so."""
    for text in texts:
        found = _FILE_YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


def status_from(raw: dict[str, Any]) -> tuple[dict[str, Any], str | None, list[Problem]]:
    """(the row with the status taken out of its 备注, the status the row states, problems)."""
    given = raw.get("status")
    if not is_blank(given):
        text = normalize_text(str(given)).replace(" ", "")
        status = _STATUS_WORDS.get(text)
        if status is None:
            return raw, None, [error("status", "status", msg("状态“{text}”不认识：应为“在册”或“注销”。", text=text))]
        return raw, status, []
    notes = raw.get("notes")
    if isinstance(notes, str):
        found = _REMARK.fullmatch(normalize_text(notes))
        if found:
            return {**raw, "notes": found.group(1) or ""}, _GONE, []
    return raw, None, []


def stamp_deregistered(rows: list[RowPlan], ctx: WriteContext) -> None:
    """A 注销 the file gives (a new record, or a change) is dated, as deactivating one is."""
    for row in rows:
        before = row.target["role_before"]
        if row.values["role"].get("status") == _GONE and (
                before is None or "status" in row.target["role_update"]):
            stamp = {"status_changed_on": ctx.now.date(), "status_reason": mark("导入时已注销")}
            (row.target["role_update"] if before else row.values["role"]).update(stamp)


def clean_carried(raw: dict[str, Any]) -> tuple[dict[str, Decimal | None], list[Problem]]:
    """The file's 累计时长 and 本年时长, hours with two decimals."""
    total, problems = clean_decimal(raw.get("carried_total"), "carried_total", msg("累计时长"),
                                    maximum=MAX_CARRIED)
    year, more = clean_decimal(raw.get("carried_year"), "carried_year", msg("本年时长"), maximum=MAX_CARRIED)
    problems += more
    if total is not None and year is not None and year > total:
        problems.append(warning("carried.year", "carried_year", msg("本年时长 {year} 小时大于累计时长 {total} 小时，"
                                                                    "按累计时长结转。", year=year, total=total)))
        year = total
    return {"total": total, "year": year}, problems


def _with_opening(volunteer_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for part in chunks(volunteer_ids):
        found.update(v for (v,) in ServiceRecord.select(ServiceRecord.volunteer).where(
            ServiceRecord.volunteer.in_(list(part)) & (ServiceRecord.kind == OPENING)).distinct().tuples())
    return found


def _year_hours(volunteer_ids: list[int], year: int) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for part in chunks(volunteer_ids):
        out.update((v, Decimal(str(h))) for v, h in VolunteerYear.select(
            VolunteerYear.volunteer, VolunteerYear.hours).where(
            VolunteerYear.volunteer.in_(list(part)) & (VolunteerYear.year == year)).tuples())
    return out


def hours_text(hours: Decimal) -> str:
    return f"{hours.normalize():f}"


def plan_carried(rows: list[RowPlan], year: int | None, today: dt.date) -> None:
    """Which rows carry hours over, and as which dated lines (row.target["carried"])."""
    wanting = [r for r in rows if (r.values.get("carried") or {}).get("total")]
    known = [r.target["role_id"] for r in wanting if r.target.get("role_id") is not None]
    opened = _with_opening(known)
    this_year = _year_hours(known, year) if year is not None else {}
    last_day = dt.date(min(year or today.year, today.year) - 1, 12, 31)
    for row in wanting:
        total, in_year = row.values["carried"]["total"], row.values["carried"]["year"] or Decimal(0)
        volunteer, before = row.target.get("role_id"), row.target.get("role_before") or {}
        counted = Decimal(str(before.get("total_hours") or 0))
        more = total - counted
        if more <= 0:
            continue
        if volunteer in opened:
            row.match_problems.append(warning(
                "carried.already", "carried_total",
                msg("累计时长 {total} 小时比登记库中的 {counted} 小时多，但这名志愿者已有"
                    "期初结转，没有再结转（同一文件导入两次不会重复计算）；如需调整，请更正那条期初结转记录。",
                    total=hours_text(total), counted=hours_text(counted))))
            continue
        lines: list[tuple[dt.date, Decimal]] = []
        if year is not None and in_year > 0 and year <= today.year:
            part = min(more, max(Decimal(0), in_year - this_year.get(volunteer or 0, Decimal(0))))
            if part > 0:
                lines.append((dt.date(year, 1, 1), part))
                more -= part
        if more > 0:
            lines.insert(0, (last_day, more))
        row.target["carried"] = lines
        carried = sum((h for _, h in lines), Decimal(0))
        row.changes = (*row.changes, FieldChange(OPENING_LABEL, "", msg("{hours} 小时", hours=hours_text(carried))))
        if row.action == UNCHANGED:
            row.action = UPDATE


def carried_note(rows: list[RowPlan]) -> str:
    """What the preview (and the result) say about the hours carried over."""
    planned = [r for r in rows if r.target.get("carried") and not r.has_error]
    if not planned:
        return ""
    hours = sum((h for r in planned for _, h in r.target["carried"]), Decimal(0))
    return msg("{label}：{count} 名志愿者导入前的累计时长共 {hours} 小时，记为已审核的"
               "期初结转，计入累计时长和星级，在时长记录中与服务记录分开显示；同一文件再次导入不会重复结转。",
               label=OPENING_LABEL, count=len(planned), hours=hours_text(hours))


def write_carried(rows: list[RowPlan], ctx: WriteContext) -> None:
    """The opening-balance lines of the rows that carry hours, each audited, and their sums."""
    records = []
    for row in rows:
        community = row.values["role"].get("community")
        if community is None and row.target.get("role_before"):
            community = row.target["role_before"].get("community")
        for day, hours in row.target.get("carried", ()):
            records.append({
                "volunteer": row.target["role_id"], "activity": None, "organization": None,
                "community": community, "service_date": day, "place": "", "served_group": "",
                "service_category": "", "content": CONTENT, "hours": hours, "recorder": ctx.actor,
                "recorded_at": ctx.now, "status": "approved", "approver": ctx.actor,
                "approved_at": ctx.now, "corrects": None, "correction_reason": "", "kind": OPENING})
    if not records:
        return
    ctx.create(ServiceRecord, records, detail=f"{OPENING_LABEL}（导入）")
    sums = LedgerSums()
    for record in records:
        sums.add_carried(record["volunteer"], record["service_date"], record["hours"])
    apply_ledger_sums(sums)
    ctx.tables |= {ServiceRecord._meta.table_name, Volunteer._meta.table_name}
