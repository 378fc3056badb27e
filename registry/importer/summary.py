"""Reminders summarized: one kind of reminder on many rows is one line ("37 行的证件号地区码
晚于出生年份（提醒，不影响导入）"), not hundreds of identical lines; the rows are listed in
the error workbook's 提醒 sheet. Errors stay one line each: each row must be fixed."""

from __future__ import annotations

from registry.importer.model import ImportPreview, ImportProblem
from registry.rules.problems import Severity
from registry.texts import mark, msg

SUMMARY_FROM = 4  # a kind on this many rows or more is summarized
ROWS_NAMED = 10  # of them, the first few named in the line

# What one kind of reminder says about a row, as "N 行的…".
WHAT = {
    "id.region_newer": mark("证件号地区码晚于出生年份"),
    "id.region_retired": mark("证件号地区码已在出生前撤销"),
    "id.region_unknown": mark("证件号地区码不在行政区划表中"),
    "id.old_15": mark("15 位老身份证号已换算为 18 位"),
    "sex.mismatch": mark("性别与身份证号不一致（以身份证号为准）"),
    "sex.unknown": mark("性别无法识别（以身份证号为准）"),
    "birth.mismatch": mark("出生日期与身份证号不一致（以身份证号为准）"),
    "birth.unknown": mark("出生日期无法识别（以身份证号为准）"),
    "already": mark("时长记录登记库中已有（不重复导入）"),
    "name": mark("姓名与登记库中的不一致"),
    "long_day": mark("同一天合计时长超过 12 小时"),
    "same_line": mark("与文件中另一行的日期、时长和内容相同"),
}


def _line(group: list[ImportProblem]) -> ImportProblem:
    first = group[0]
    rows = tuple(p.row for p in group)
    what = WHAT.get(first.code) or (msg("“{column}”列提醒：{message}", column=first.column, message=first.message)
                                    if first.column else first.message)
    named = "、".join(str(r) for r in rows[:ROWS_NAMED])
    if len(rows) > ROWS_NAMED:
        named = msg("{listed}等", listed=named)
    message = msg("{count} 行的{what}（提醒，不影响导入）：第 {rows} 行；"
                  "每一行都列在错误清单的“提醒”工作表中。", count=len(rows), what=what, rows=named)
    return ImportProblem(first.sheet, first.row, first.column, "", message, Severity.WARNING,
                         first.code, rows)


def summarize(problems: list[ImportProblem]) -> list[ImportProblem]:
    """Errors and the file's own problems as they are; reminders of a kind on SUMMARY_FROM
    rows or more replaced, where the first of them stood, by one line."""
    groups: dict[tuple[str, str], list[ImportProblem]] = {}
    for problem in problems:
        if not problem.is_error and problem.code:
            groups.setdefault((problem.code, problem.column), []).append(problem)
    out: list[ImportProblem] = []
    for problem in problems:
        group = groups.get((problem.code, problem.column)) if not problem.is_error and problem.code else None
        if group is None or len(group) < SUMMARY_FROM:
            out.append(problem)
        elif group[0] is problem:
            out.append(_line(group))
    return out


def listed_problems(preview: ImportPreview) -> list[ImportProblem]:
    """The preview's problems as the clerk reads them: every error on its own line, reminders
    of one kind on many rows as one line naming how many (each is in the error workbook)."""
    return summarize(preview.problems)
