"""What a role without the unmask right may see of a personal number: the rule, written once.

THE RULE. From everything such a reader sees together (one row, one screen, one roster
line, a search they can repeat), no ID number can be narrowed to fewer than
MIN_ID_CANDIDATES valid numbers and no phone number to fewer than MIN_PHONE_CANDIDATES.

THE ATTACKER is modelled pessimistically. They know the region code (the district's: most
people of a street share it), so of an 18-character resident ID number only the birth date
(digits 7–14), the three-digit sequence (15–17, the last one's parity is the sex, which
lists show) and the check character (18) carry uncertainty; a visible check character
divides what is left by about 11. Of a phone they know the area code. They combine every
field shown with the number: the birth date or year, the sex, an age.

THE ARITHMETIC, and the policy it leads to (id_candidates() and phone_candidates() count
the valid numbers exactly, so the tests attack what we show instead of trusting it):

- With the full birth date shown, the sequence alone is left: 1000, halved by the sex,
  divided by 11 by a visible check character: about 45. No mask of the remaining
  characters reaches 1,000, so a masked reader sees the birth YEAR only, written
  "1993年" everywhere (birth_shown()). An age must not be shown beside it (age on a day
  plus year narrows the birth date to about a month).
- Year and sex shown, the mask `110105**********2X` (region and LAST TWO characters:
  the sex digit and the check character) leaves 365 days x 100 sequences / 11 ≈ 3,300
  candidates (1,660 at least, in the worst year). Showing the last four leaves
  365 / 11 ≈ 33: it fails. So an 18-character number shows its first six and last two
  (ID_TAIL_SHOWN). The region is shown because the attacker knows it anyway.
- A 15-digit first-generation number (6 region, YYMMDD, 3 sequence, no check) shows its
  region and last two: 365 x 10 = 3,650 with the year shown.
- Every other 18-character number of that form (港澳台居民居住证, the 2023 外国人永久居留
  身份证) has the same birth date and sequence digits: the same mask, the same count.
- Any other string (passport, travel permit numbers, the 2017 foreign card, a short or odd
  value) shows its last two characters only and hides at least OTHER_HIDDEN_MIN = 4
  (10,000 ≥ 1,000 even if all were digits); shorter than six, it is four stars.
- Mobile `138****8000`: the four hidden digits are free: exactly 10,000. A landline's
  local number's first digit is 2–9, so hiding four of an 8-digit number leaves only
  8,000: a landline hides five digits of its local number (LOCAL_HIDDEN: 8-digit numbers
  keep 3, 7-digit keep 2; 80,000 candidates); the extension is left out. Any other phone
  value hides at least PHONE_HIDDEN_MIN = 5 characters (a 5-character value keeping 2
  would leave 1,000): service numbers too, they cost nothing to hide.

SEARCH is part of what a reader sees: a search they can repeat answers "is this digit
right?". A role without the unmask right may search by number only with the whole number
or with at most the characters the mask shows them (number_search()). Every search by
number, by any role, is audited with the query masked as the number would be
(query_for_log()): a hash would not protect it, an ID number has only ~46 million values
per region and any hash of them is reversed in seconds. The whole number stays a guess
one can repeat, so such a role gets MAX_NUMBER_SEARCHES an hour: the 1,650 guesses a row
leaves on average then take more than 16 hours, each one in the log.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from registry.texts import mark, msg

MIN_ID_CANDIDATES: Final = 1_000
MIN_PHONE_CANDIDATES: Final = 10_000
# A role without the unmask right may search by number this often: a whole-number search
# is a guess, and the guesses a masked row leaves (1,000 or more) must take days.
MAX_NUMBER_SEARCHES: Final = 100
NUMBER_SEARCH_WINDOW: Final = dt.timedelta(hours=1)
HIDDEN: Final = "*"

ID_HEAD_SHOWN: Final = 6  # the region code
ID_TAIL_SHOWN: Final = 2  # the sex digit and the check character
OTHER_HIDDEN_MIN: Final = 4
MOBILE_TAIL_SHOWN: Final = 4
LOCAL_HIDDEN: Final = 5
PHONE_HIDDEN_MIN: Final = 5

FIRST_BIRTH_YEAR: Final = 1900  # check_id_number refuses earlier dates
_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK: Final = "10X98765432"  # check character by weighted sum mod 11


def birth_shown(born: dt.date, today: dt.date | None = None) -> str:
    """A birth date as a masked reader sees it: the year only; nothing in the year of birth
    itself, when the year would tell the date within the few days gone by."""
    if born.year >= (today or dt.date.today()).year:
        return ""
    return msg("{year}年", year=born.year)


# --- counting what a reader can rebuild ------------------------------------------------------


@dataclass(frozen=True)
class BirthSeen:
    """What a reader knows of the birth date besides the number itself."""

    date: dt.date | None = None  # the whole date
    year: int | None = None
    month: int | None = None
    age: tuple[int, dt.date] | None = None  # (age in years, on this day)

    def allows(self, day: dt.date) -> bool:
        if self.date is not None and day != self.date:
            return False
        if self.year is not None and day.year != self.year:
            return False
        if self.month is not None and day.month != self.month:
            return False
        if self.age is not None:
            years, on = self.age
            had = on.year - day.year - ((on.month, on.day) < (day.month, day.day))
            if had != years:
                return False
        return True


NOTHING: Final = BirthSeen()


def _fits(shown: str, position: int, char: str) -> bool:
    seen = shown[position]
    return seen in (HIDDEN, char)


def _years(birth: BirthSeen, today: dt.date, long_year: bool) -> range:
    """The birth years to try: those the birth facts allow, else every year possible."""
    if birth.date is not None:
        return range(birth.date.year, birth.date.year + 1)
    if birth.year is not None:
        return range(birth.year, birth.year + 1)
    if birth.age is not None:
        years, on = birth.age
        return range(on.year - years - 1, on.year - years + 1)
    return range(FIRST_BIRTH_YEAR, today.year + 1 if long_year else 2000)


def _days(shown: str, start: int, birth: BirthSeen, today: dt.date, long_year: bool) -> Iterator[dt.date]:
    """The birth dates consistent with the visible digits at `start` (YYYYMMDD, or YYMMDD
    of a 15-digit number, whose years are 19YY) and with the birth facts, oldest first."""
    for year in _years(birth, today, long_year):
        if year < FIRST_BIRTH_YEAR or year > today.year or (not long_year and year > 1999):
            continue
        ytext = f"{year:04d}" if long_year else f"{year % 100:02d}"
        if not all(_fits(shown, start + i, ch) for i, ch in enumerate(ytext)):
            continue
        mstart = start + len(ytext)
        for month in range(1, 13):
            mtext = f"{month:02d}"
            if not (_fits(shown, mstart, mtext[0]) and _fits(shown, mstart + 1, mtext[1])):
                continue
            for day_number in range(1, 32):
                dtext = f"{day_number:02d}"
                if not (_fits(shown, mstart + 2, dtext[0]) and _fits(shown, mstart + 3, dtext[1])):
                    continue
                try:
                    day = dt.date(year, month, day_number)
                except ValueError:
                    continue
                if day <= today and birth.allows(day):
                    yield day


def _sequences(shown: str, start: int, sex: str | None) -> tuple[str, ...]:
    """The three-digit sequences consistent with the visible digits and the sex."""
    return _sequences_like(shown[start:start + 3], sex)


@lru_cache(maxsize=256)
def _sequences_like(pattern: str, sex: str | None) -> tuple[str, ...]:
    out = []
    for n in range(1000):
        text = f"{n:03d}"
        if sex is not None and (n % 2 == 1) != (sex == "男"):  # zh-data
            continue
        if all(_fits(pattern, i, ch) for i, ch in enumerate(text)):
            out.append(text)
    return tuple(out)


def _weighted(text: str, offset: int) -> int:
    return sum(int(ch) * _WEIGHTS[offset + i] for i, ch in enumerate(text))


def _id18_candidates(shown: str, region: str, birth: BirthSeen, sex: str | None,
                     today: dt.date, cap: int) -> int:
    region_sum = _weighted(region, 0)
    residues = [0] * 11  # sequences by their weighted sum mod 11
    for seq in _sequences(shown, 14, sex):
        residues[_weighted(seq, 14) % 11] += 1
    total_seqs = sum(residues)
    check = shown[17]
    wanted = None if check == HIDDEN else _CHECK.find(check)
    if wanted == -1:
        return 0  # not a check character: no valid number looks like this
    count = 0
    if shown[6:14] == HIDDEN * 8 and birth.date is None and birth.month is None and birth.age is None:
        # the usual mask: whole years at a time, by how many of their days give each residue
        for year in _years(birth, today, long_year=True):
            days = _year_residues(year, today if year == today.year else None)
            if wanted is None:
                count += sum(days) * total_seqs
            else:
                count += sum(n * residues[(wanted - region_sum - k) % 11] for k, n in enumerate(days))
            if count >= cap:
                return cap
        return count
    for day in _days(shown, 6, birth, today, long_year=True):
        if wanted is None:
            count += total_seqs
        else:
            partial = (region_sum + _weighted(f"{day:%Y%m%d}", 6)) % 11
            count += residues[(wanted - partial) % 11]
        if count >= cap:
            return cap
    return count


@lru_cache(maxsize=512)
def _year_residues(year: int, until: dt.date | None) -> tuple[int, ...]:
    """How many days of `year` (up to `until`) give each weighted-sum residue of YYYYMMDD."""
    counts = [0] * 11
    day = dt.date(year, 1, 1)
    while day.year == year and (until is None or day <= until):
        counts[_weighted(f"{day:%Y%m%d}", 6) % 11] += 1
        day += dt.timedelta(days=1)
    return tuple(counts)


def _id15_candidates(shown: str, birth: BirthSeen, sex: str | None, today: dt.date, cap: int) -> int:
    per_day = len(_sequences(shown, 12, sex))
    count = 0
    for _day in _days(shown, 6, birth, today, long_year=False):
        count += per_day
        if count >= cap:
            return cap
    return count


def _free(shown: str, per_char: int, cap: int) -> int:
    hidden = shown.count(HIDDEN)
    return min(cap, int(per_char ** hidden))


_RESIDENT_SHOWN = re.compile(r"[0-9*]+[0-9X*]")


def id_candidates(shown: str, *, region: str, birth: BirthSeen = NOTHING, sex: str | None = None,
                  today: dt.date | None = None, cap: int = 1_000_000) -> int:
    """How many valid ID numbers agree with all a reader sees: `shown` as displayed
    (HIDDEN where a character is hidden), the birth facts and sex shown beside it, and
    the region code (known to the attacker whether shown or not). Stops at `cap`."""
    today = today or dt.date.today()
    if HIDDEN not in shown:
        return 1
    resident = len(region) == 6 and region.isdigit() and _RESIDENT_SHOWN.fullmatch(shown[6:])
    if len(shown) == 18 and resident:
        return _id18_candidates(region + shown[6:], region, birth, sex, today, cap)
    if len(shown) == 15 and resident and "X" not in shown:
        return _id15_candidates(region + shown[6:], birth, sex, today, cap)
    return _free(shown, 10, cap)  # pessimistic: every hidden character a digit


_MOBILE_SHOWN = re.compile(r"1[3-9*][0-9*]{9}")
_LANDLINE_SHOWN = re.compile(r"(0\d{2,3})-([0-9*]{7,8})")
_LOCAL_SHOWN = re.compile(r"[0-9*]{7,8}")


def phone_candidates(shown: str, *, cap: int = 10_000_000) -> int:
    """How many phone numbers agree with `shown` as displayed, the area code being known.
    A local number's first digit is 2–9; a mobile's second 3–9."""
    if HIDDEN not in shown:
        return 1
    if _MOBILE_SHOWN.fullmatch(shown):
        second = 7 if shown[1] == HIDDEN else 1
        return min(cap, second * int(10 ** shown[2:].count(HIDDEN)))
    landline = _LANDLINE_SHOWN.fullmatch(shown)
    local = landline.group(2) if landline else shown if _LOCAL_SHOWN.fullmatch(shown) else None
    if local is not None:
        first = 8 if local[0] == HIDDEN else 1
        return min(cap, first * int(10 ** local[1:].count(HIDDEN)))
    return _free(shown, 10, cap)


# --- searching by number ------------------------------------------------------------------------

_NUMBERISH = re.compile(r"\d[\dX]*|\d*X")


@dataclass(frozen=True)
class NumberSearch:
    """How a number typed into a search is read, for a reader with or without the unmask
    right: which columns it may be matched against, or why it is refused."""

    kind: str  # what the log calls it: 完整证件号码, 证件号码末位, 完整电话号码, 手机号末位, 号码末位
    whole_id: bool = False  # match the whole ID number
    whole_phone: bool = False  # match the whole phone number
    id_tail: bool = False  # match the ID number's last characters
    phone_tail: bool = False  # match the phone's last digits (mobiles only, when masked)
    mobiles_only: bool = False
    refusal: str = ""  # not searched: why, in plain Chinese


REFUSED_NUMBER = mark("没有查看完整号码权限的账号只能按完整的证件号码或电话号码查找，"
                      "或按屏幕上可见的证件号码末 {id_tail} 位、手机号末 {mobile_tail} 位查找；"
                      "请输入完整号码，或改按姓名查找。")


# A document number led by letters: 港澳通行证 H/M…, the 2017 foreign card's nationality,
# most passports. Searched whole only: no name is letters followed by digits.
_LETTERED = re.compile(r"[A-Z]{1,3}\d{4,17}[A-Z]?")


def looks_like_document(compact: str) -> bool:
    """A whole document number led by letters (normalized: upper case, no spaces)."""
    return bool(_LETTERED.fullmatch(compact))


def looks_like_number(compact: str) -> bool:
    """Digits (an ID number may end in X): a search by number, not by name."""
    return bool(_NUMBERISH.fullmatch(compact))


@lru_cache(maxsize=1024)
def number_search(compact: str, *, may_unmask: bool, min_tail: int) -> NumberSearch:
    """How to search `compact` (normalized: digits, upper-case X). With the unmask right:
    the whole number and any tail of `min_tail` characters or more, as before. Without it:
    the whole number, or a tail no longer than the mask shows (the last two of an ID
    number, the last four of a mobile); anything else is refused."""
    whole_id = (len(compact) == 18 and compact[:17].isdigit() and _check_char(compact[:17]) == compact[17]) \
        or looks_like_document(compact)
    whole_phone = compact.isdigit() and ((len(compact) == 11 and compact[0] == "1")
                                         or (len(compact) in (10, 11, 12) and compact[0] == "0"))
    if may_unmask:
        tail = len(compact) >= min_tail
        kind = msg("完整证件号码") if whole_id else msg("完整电话号码") if whole_phone else msg("号码末位")
        return NumberSearch(kind, whole_id=True, whole_phone=True, id_tail=tail, phone_tail=tail)
    if whole_id:
        return NumberSearch(msg("完整证件号码"), whole_id=True)
    if whole_phone:
        return NumberSearch(msg("完整电话号码"), whole_phone=True)
    if len(compact) <= ID_TAIL_SHOWN:
        return NumberSearch(msg("证件号码末位"), id_tail=True)
    if len(compact) == MOBILE_TAIL_SHOWN and compact.isdigit():
        return NumberSearch(msg("手机号末位"), phone_tail=True, mobiles_only=True)
    return NumberSearch(msg("号码片段"), refusal=msg(REFUSED_NUMBER, id_tail=ID_TAIL_SHOWN,
                                                        mobile_tail=MOBILE_TAIL_SHOWN))


def _check_char(body: str) -> str:
    return _CHECK[_weighted(body, 0) % 11]


def query_for_log(compact: str) -> str:
    """A searched number as the audit log keeps it: masked as the number would be shown
    (the log is read by people too); a tail keeps only what a mask would show of it."""
    if len(compact) == 18:
        return compact[:ID_HEAD_SHOWN] + HIDDEN * 10 + compact[-ID_TAIL_SHOWN:]
    keep = min(ID_TAIL_SHOWN, max(0, len(compact) - PHONE_HIDDEN_MIN))
    if len(compact) == 11 and compact[0] == "1":
        keep = MOBILE_TAIL_SHOWN
    return HIDDEN * (len(compact) - keep) + compact[len(compact) - keep:]


def mask_characters(text: str, *, keep: int, hidden_min: int) -> str:
    """`text` with its last `keep` characters shown (fewer if that would hide fewer than
    `hidden_min` letters or digits) and every other letter or digit hidden; separators
    such as "-" stay, they tell nothing. A value too short to hide `hidden_min` characters
    is shown as that many stars: its length would tell too much."""
    alnum = sum(ch.isalnum() for ch in text)
    if alnum < hidden_min:
        return HIDDEN * hidden_min
    keep = max(0, min(keep, alnum - hidden_min))
    out, shown = [], 0
    for ch in reversed(text):
        if ch.isalnum() and shown < keep:
            shown += 1
            out.append(ch)
        else:
            out.append(HIDDEN if ch.isalnum() else ch)
    return "".join(reversed(out))
