"""Who may apply for a social-organization evaluation (评估) in a given year.

《社会组织评估管理办法》 (民政部令第39号, 2010) art. 11 and the current reading in
../shared/DESIGN.md: an organization that did not take part in last year's annual
inspection, failed it (不合格), or was 基本合格 two years running may not be evaluated.
Only organizations that have an annual inspection at all (by their type: a 社区社会组织
on record has none) are judged here."""

from __future__ import annotations

from collections.abc import Mapping

from registry.texts import msg

PASSED, BASIC, FAILED = "合格", "基本合格", "不合格"  # zh-data: the inspection results as stored


def evaluation_barrier(results: Mapping[int, str], year: int) -> str | None:
    """Why an organization may not be evaluated in `year`, from its inspection results by
    year; None when nothing stands in the way."""
    last = results.get(year - 1)
    if last is None:
        return msg("{year} 年度未参加年检", year=year - 1)
    if last == FAILED:
        return msg("{year} 年度年检不合格", year=year - 1)
    if last == BASIC and results.get(year - 2) == BASIC:
        return msg("{first}、{second} 年度连续两年年检基本合格", first=year - 2, second=year - 1)
    return None


def barrier_sentence(reason: str) -> str:
    """The barrier as the detail pane and the deadline list say it."""
    return msg("不能申请评估：{reason}", reason=reason)
