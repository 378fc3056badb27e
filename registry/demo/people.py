"""People: names drawn from pools with real surname frequencies, valid and unique
identity-card numbers, phones and addresses; and the search keys that find them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import repeat

from registry.demo.common import STAGE_PEOPLE, STAGE_SEARCH_KEYS, Row, weighted_table
from registry.demo.data import (
    BIRTH_SPANS,
    EDUCATION,
    ETHNICITIES,
    FEMALE_CHARS,
    MALE_CHARS,
    MOBILE_PREFIXES,
    POLITICAL,
    REGIONS,
    SURNAMES,
    WORKER_BIRTH_SPANS,
)
from registry.demo.state import Demo
from registry.rules.search_keys import pinyin_initials, reversed_text, search_keys
from registry.storage import models

# The identity-card check digit (GB 11643): weights of the first 17 digits, and the
# check character for each weighted sum modulo 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def name_pool(demo: Demo, chars: str, size: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """Distinct names drawn with real surname frequencies. People pick from a pool,
    as namesakes are common; it also keeps pinyin work to one call per name."""
    rng = demo.rng
    surnames = weighted_table(SURNAMES, 5000)
    seen: dict[str, None] = {}
    for _ in range(size * 2):
        given = demo.pick(chars) if rng.random() < 0.25 else demo.pick(chars) + demo.pick(chars)
        seen[demo.pick(surnames) + given] = None
        if len(seen) >= size:
            break
    pool = []
    for name in seen:
        initials = pinyin_initials(name)
        pool.append((name, initials, tuple(search_keys(name, initials))))
    return pool


def fill_people(demo: Demo, n_extra: int) -> dict[str, list[int]]:
    """Write every person (volunteers first, then social workers who are not volunteers);
    returns the search-key buckets: key -> person ids, ascending."""
    rng = demo.rng
    rnd = rng.random
    total = demo.n_volunteers + n_extra
    pool_size = min(75_000, max(500, total // 8))
    pools = (name_pool(demo, MALE_CHARS, pool_size), name_pool(demo, FEMALE_CHARS, pool_size))
    entry_people: list[list[int]] = [[] for _ in range(len(pools[0]) + len(pools[1]))]
    offset = (0, len(pools[0]))

    regions = weighted_table(REGIONS)
    region_sums = {r: sum(int(d) * w for d, w in zip(r, ID_WEIGHTS[:6], strict=True))
                   for r, _ in REGIONS}
    seq_sums = [sum(int(d) * w for d, w in zip(f"{s:03d}", ID_WEIGHTS[14:], strict=True))
                for s in range(1000)]
    seq_text = [f"{s:03d}" for s in range(1000)]
    dates: dict[int, tuple[str, str, int]] = {}
    ethnicities = weighted_table(ETHNICITIES)
    political = weighted_table(POLITICAL)
    education = weighted_table(EDUCATION)
    comm_table = weighted_table([(c, float(p)) for c, p in enumerate(demo.geo.comm_pop)], 20_000)
    comm_addr = [f"北京市朝阳区{n.removesuffix('社区')}小区" for n in demo.geo.comm_names]
    used_ids: set[str] = set()
    used_phones: set[str] = set()
    today = demo.today.toordinal()
    reg_start = date(2012, 1, 1).toordinal()
    spans = [(date(a, 1, 1).toordinal(), date(b, 12, 31).toordinal(), w)
             for a, b, w in BIRTH_SPANS]
    worker_spans = [(date(a, 1, 1).toordinal(), date(b, 12, 31).toordinal(), w)
                    for a, b, w in WORKER_BIRTH_SPANS]
    day_text: dict[int, str] = {}

    def birth(which: list[tuple[int, int, float]]) -> int:
        r = rnd()
        for first, last, w in which:
            if r < w:
                return first + int(rnd() * (last - first + 1))
            r -= w
        first, last, _ = which[-1]
        return first + int(rnd() * (last - first + 1))

    def rows() -> Iterator[Row]:
        for i in range(total):
            pid = i + 1
            volunteer = i < demo.n_volunteers
            female = rnd() < (0.57 if volunteer else 0.75)
            pool = pools[female]
            e = int(rnd() * len(pool))
            name, initials, _ = pool[e]
            entry_people[offset[female] + e].append(pid)
            born = birth(spans if volunteer else worker_spans)
            if born not in dates:
                d = date.fromordinal(born)
                ymd = d.strftime("%Y%m%d")
                dates[born] = (ymd, d.isoformat(),
                               sum(int(c) * w for c, w in zip(ymd, ID_WEIGHTS[6:14],
                                                              strict=True)))
            ymd, born_text, date_sum = dates[born]
            region = regions[int(rnd() * len(regions))]
            while True:
                seq = int(rnd() * 500) * 2 + (0 if female else 1)
                body = region + ymd + seq_text[seq]
                if body not in used_ids:
                    break
            used_ids.add(body)
            id_number = body + ID_CHECK[(region_sums[region] + date_sum + seq_sums[seq]) % 11]
            phone: str | None = None
            if rnd() < 0.97:
                while True:
                    phone = f"{MOBILE_PREFIXES[int(rnd() * 32)]}{int(rnd() * 1e8):08d}"
                    if phone not in used_phones:
                        break
                used_phones.add(phone)
            comm = comm_table[int(rnd() * len(comm_table))]
            # registered at least 16 years after birth, and not in the future
            reg = max(reg_start + int(rnd() * (today - reg_start)), born + 5845)
            if reg >= today:
                reg = today - 1 - int(rnd() * 30)
            if reg not in day_text:
                day_text[reg] = date.fromordinal(reg).isoformat() + " 09:30:00"
            created = day_text[reg]
            if volunteer:
                demo.vol_comm.append(comm)
                demo.vol_reg.append(reg)
            demo.names.append(name)
            demo.person_comm.append(comm)
            address = (f"{comm_addr[comm]}{int(rnd() * 30) + 1}号楼{int(rnd() * 6) + 1}单元"
                       f"{int(rnd() * 18) + 1}{int(rnd() * 4) + 1:02d}")
            yield (pid, id_number, reversed_text(id_number), name, initials, "女" if female else "男",
                   born_text, region, phone, reversed_text(phone), address,
                   ethnicities[int(rnd() * len(ethnicities))],
                   political[int(rnd() * len(political))],
                   education[int(rnd() * len(education))], "", True, "", created, created)

    columns = ("id", "id_number", "id_number_rev", "name", "initials", "sex", "birth_date",
               "region_code", "phone", "phone_rev", "address", "ethnicity",
               "political_status", "education", "notes", "active", "deactivated_reason",
               "created_at", "updated_at")
    demo.load.insert(models.Person, columns, rows(), stage=STAGE_PEOPLE, total=total)
    buckets: dict[str, list[int]] = {}
    entries = pools[0] + pools[1]
    for (_, _, keys), pids in zip(entries, entry_people, strict=True):
        if pids:
            for key in keys:
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = list(pids)
                else:
                    bucket.extend(pids)
    return buckets


def fill_search_index(demo: Demo, buckets: dict[str, list[int]]) -> None:
    # Key order, then person order: the primary key's order, so every insert appends.
    total = sum(len(b) for b in buckets.values())

    def rows() -> Iterator[Row]:
        for key in sorted(buckets):
            pids = buckets[key]
            pids.sort()
            yield from zip(repeat(key, len(pids)), pids, strict=True)

    demo.load.insert(models.SearchKey, ("key", "person_id"), rows(), stage=STAGE_SEARCH_KEYS,
                     total=total)
