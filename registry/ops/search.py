"""Searching people as a user does it: through the masking rule, and logged when by number.

A search by ID or phone number, by any role, leaves an audit entry (Action.SEARCH): who,
which kind of number, the number masked as it would be shown (rules/disclosure.py
query_for_log: a hash would not hide it, there are too few ID numbers), how many people
it found, or that it was refused. A role without the unmask right may search by the whole
number or by what its mask shows only; a refused search is logged too, then refused with
the plain reason. Such a role may also search by number only so often
(MAX_NUMBER_SEARCHES an hour): the whole-number search is the one guess left, and a
thousand guesses must take long and show in the log. Searches by name are neither logged
nor slowed.
"""

from __future__ import annotations

import datetime as dt

from registry.ops.changes import Table
from registry.ops.kernel import allow, write
from registry.queries.access import may
from registry.queries.masking import masker_for
from registry.queries.search import (
    MATCHES_SHOWN,
    PAGE_SIZE,
    PersonMatch,
    SearchPage,
    number_query,
    person_matches,
    search_people,
)
from registry.rules.disclosure import MAX_NUMBER_SEARCHES, NUMBER_SEARCH_WINDOW, query_for_log
from registry.rules.permissions import Action
from registry.rules.problems import NotAllowedError
from registry.storage.models import AuditEntry
from registry.texts import mark, msg

TOO_MANY = mark("按号码查找过于频繁（每小时最多 {most} 次），已暂停；"
                "请稍后再试，或改按姓名查找。如确需批量核对号码，请联系管理员。")


def _recent_number_searches(actor: str, now: dt.datetime) -> int:
    since = now - NUMBER_SEARCH_WINDOW
    return int(AuditEntry.select().where((AuditEntry.at >= since) & (AuditEntry.actor == actor)
                                         & (AuditEntry.action == Action.SEARCH)).count())


def _log(actor: str, kind: str, compact: str, outcome: str) -> None:
    with write(actor, Action.SEARCH) as w:
        w.log(Table.PERSON, None, detail=f"按{kind}查找：{query_for_log(compact)}，{outcome}")


def _checked(actor: str, text: str, *, log_refusals: bool = True) -> tuple[str, str, bool] | None:
    """(number, kind, may unmask) of a search by number that may run, after refusing (and
    logging, unless told not to) one that may not; None for a search by name."""
    if number_query(text, may_unmask=False) is None:
        return None  # by name: nothing to check or log, and no slower
    allow(actor, Action.SEARCH)
    unmask = may(actor, Action.UNMASK)
    number = number_query(text, may_unmask=unmask)
    assert number is not None
    compact, how = number
    if not unmask and _recent_number_searches(actor, dt.datetime.now()) >= MAX_NUMBER_SEARCHES:
        if log_refusals:
            _log(actor, how.kind, compact, msg("已拒绝（过于频繁）"))
        raise NotAllowedError(msg(TOO_MANY, most=MAX_NUMBER_SEARCHES))
    if how.refusal:
        if log_refusals:
            _log(actor, how.kind, compact, msg("已拒绝"))
        raise NotAllowedError(how.refusal)
    return compact, how.kind, unmask


def find_people(actor: str, text: str, *, after: int | None = None, limit: int = PAGE_SIZE,
                active_only: bool = False) -> SearchPage:
    """search_people for `actor`: the masking rule applied, a search by number logged."""
    number = _checked(actor, text)
    unmask = number[2] if number is not None else False
    page = search_people(text, after=after, limit=limit, active_only=active_only, may_unmask=unmask)
    if number is not None:
        _log(actor, number[1], number[0], msg("找到 {length}{value} 人",
                                              length=len(page.ids), value='+' if page.has_more else ''))
    return page


def find_matches(actor: str, text: str, *, limit: int = MATCHES_SHOWN) -> list[PersonMatch]:
    """What the search box lists for `actor` as they type, numbers masked. A number being
    typed is refused at every keystroke until it is whole: those refusals answer nothing
    and are not logged, or typing one number would use up an hour's searches; a search
    that runs is logged as always."""
    number = _checked(actor, text, log_refusals=False)
    unmask = number[2] if number is not None else False
    matches = person_matches(text, limit=limit, masker=masker_for(actor), may_unmask=unmask)
    if number is not None:
        _log(actor, number[1], number[0], msg("找到 {length} 人", length=len(matches)))
    return matches
