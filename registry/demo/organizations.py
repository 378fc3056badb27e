"""Organizations of every kind in each community, with the annual inspections,
evaluation grades and service projects of the registered ones."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from registry.demo.common import STAGE_ORGANIZATIONS, Row, weighted_table
from registry.demo.data import (
    ASSOCIATION_WORDS,
    AUTHORITY,
    BUYERS,
    COMMUNITY_ORG,
    COMMUNITY_ORG_WORDS,
    DISTRICT,
    FOUNDATION_WORDS,
    REGISTERED_TYPES,
    SERVICE_ORG_WORDS,
    SUPERVISORS,
)
from registry.demo.state import Demo, Org
from registry.rules import vocab
from registry.rules.deadlines import CHARITY_LAW_IN_FORCE, add_years, evaluation_expiry
from registry.rules.uscc import make_org_code, make_uscc
from registry.storage import models

COMMUNITY_ORG_SHARE = 0.45  # of organizations: community organizations, filed not registered
# Of registered organizations in good standing, those recognized as charities (认定为慈善组织):
# most 慈善 foundations and associations, some other foundations, a few of the rest.
CHARITY_SHARE = {"基金会": 0.3, "社会团体": 0.04, "社会服务机构": 0.04}
CHARITY_NAMED = 0.8  # of those named 慈善…


def fill_organizations(demo: Demo) -> None:
    rng = demo.rng
    rnd = rng.random
    geo = demo.geo
    today = demo.today
    n_people = len(demo.names)
    types = weighted_table([(t, w) for t, _, w in REGISTERED_TYPES])
    type_digit = {t: d for t, d, _ in REGISTERED_TYPES}
    serial = rng.randrange(100_000, 800_000)
    used_names: set[str] = set()
    org_rows: list[Row] = []
    inspections: list[Row] = []
    grades: list[Row] = []
    projects: list[Row] = []
    demo.comm_orgs = [[] for _ in geo.comm_names]
    demo.street_clerks = [(demo.random_name(), demo.random_name()) for _ in geo.street_names]

    for c, comm in enumerate(geo.comm_names):
        street = geo.street_names[geo.comm_street[c]]
        short = comm.removesuffix("社区")
        for _ in range(rng.choice((2, 3, 3, 3, 4))):
            oid = len(org_rows) + 1
            filed = rnd() < COMMUNITY_ORG_SHARE
            org_type = COMMUNITY_ORG if filed else demo.pick(types)
            name = org_name(demo, org_type, street, short, used_names)
            founded = demo.day(date(2000, 1, 1), today - timedelta(days=400))
            rep = int(rnd() * n_people) + 1 if n_people else None
            contact = int(rnd() * n_people) + 1 if n_people else None
            rep_name = demo.names[rep - 1] if rep else ""
            contact_name = demo.names[contact - 1] if contact else demo.random_name()
            status, changed, reason = "正常", None, ""
            r = rnd()
            if r < 0.05:
                status, reason = "注销", "自行解散，已完成清算"
            elif r < 0.06:
                status, reason = "撤销", "连续两年未参加年度检查"
            if status != "正常":
                changed = demo.day(max(founded + timedelta(days=365), today - timedelta(
                    days=5 * 365)), today - timedelta(days=30))
            fields = vocab.LIST_SEPARATOR.join(rng.sample(vocab.SERVICE_CATEGORIES,
                                                          rng.randint(1, 3)))
            created = f"{founded.isoformat()} 10:00:00"
            address = f"北京市朝阳区{short}{rng.randint(1, 40)}号"
            if filed:
                org_rows.append((
                    oid, name, None, org_type, f"北京市朝阳区人民政府{street}办事处",
                    f"{comm}居民委员会", None, "", contact, founded, address,
                    "开展社区服务和居民文体活动",
                    fields, None, geo.comm_street[c] + 1, c + 1, status, changed, reason,
                    founded, rep_name or contact_name, f"{comm}活动室", rng.randint(10, 80), "",
                    None, created, created))
            else:
                serial += rng.randint(1, 50)
                body = "5" + type_digit[org_type] + DISTRICT[0] + make_org_code(f"MJ{serial:06d}")
                capital = {"社会团体": rng.randint(3, 10) * 10_000,
                           "社会服务机构": rng.randint(3, 50) * 10_000,
                           "基金会": rng.randint(200, 800) * 10_000}[org_type]
                org_rows.append((
                    oid, name, make_uscc(body), org_type, AUTHORITY, demo.pick(SUPERVISORS),
                    rep, rep_name, contact, founded.isoformat(), address,
                    f"开展{fields}等公益服务", fields, f"{capital}.00",
                    geo.comm_street[c] + 1, c + 1, status, changed, reason, None, "", "",
                    None, "", charity_recognition(demo, oid, name, org_type, founded, status),
                    created, created))
                registered_extras(demo, oid, org_type, founded, changed, street, short,
                                  inspections, grades, projects)
            org = Org(oid, name, org_type, c, status == "正常", contact_name)
            demo.orgs.append(org)
            if org.active:
                demo.comm_orgs[c].append(org)

    stage = STAGE_ORGANIZATIONS
    columns = ("id", "name", "uscc", "org_type", "registration_authority", "supervising_unit",
               "legal_representative_id", "legal_representative_name", "contact_id",
               "founded_on", "address", "business_scope", "service_fields",
               "registered_capital", "street_id", "community_id", "status",
               "status_changed_on", "status_reason", "filed_on", "responsible_person", "venue",
               "member_count", "notes", "charity_recognized_on", "created_at", "updated_at")
    demo.load.insert(models.Organization, columns, with_iso_dates(org_rows), stage=stage,
                     total=len(org_rows))
    demo.load.insert(models.AnnualInspection,
                     ("id", "organization_id", "year", "result", "reported_on"),
                     inspections, stage=stage, total=len(inspections))
    demo.load.insert(models.EvaluationGrade,
                     ("id", "organization_id", "grade", "awarded_on", "expires_on"),
                     grades, stage=stage, total=len(grades))
    demo.load.insert(models.ServiceProject,
                     ("id", "organization_id", "name", "buyer", "amount", "starts_on",
                      "ends_on", "status"), projects, stage=stage, total=len(projects))


def charity_recognition(demo: Demo, oid: int, name: str, org_type: str, founded: date,
                        status: str) -> date | None:
    """The day a registered organization was recognized as a charity, or None. Drawn from a
    stream of its own (the organization's id and founding), so the one stream every stage
    draws from gives the same register as before charities were marked."""
    if status != "正常":
        return None
    rng = random.Random(oid * 1_000_003 + founded.toordinal())
    share = CHARITY_NAMED if "慈善" in name else CHARITY_SHARE.get(org_type, 0.0)
    if rng.random() >= share:
        return None
    start = max(founded + timedelta(days=180), CHARITY_LAW_IN_FORCE)
    end = demo.today - timedelta(days=30)
    if start > end:
        return None
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def with_iso_dates(rows: list[Row]) -> Iterator[Row]:
    """The rows with their dates written as ISO text."""
    for row in rows:
        yield tuple(v.isoformat() if isinstance(v, date) else v for v in row)


def org_name(demo: Demo, org_type: str, street: str, short: str, used: set[str]) -> str:
    stem = street.removesuffix("街道").removesuffix("地区")
    for attempt in range(20):
        if org_type == COMMUNITY_ORG:
            name = f"{short}社区{demo.pick(COMMUNITY_ORG_WORDS)}"
        elif org_type == "社会服务机构":
            name = f"北京市朝阳区{demo.pick((stem, short))}{demo.pick(SERVICE_ORG_WORDS)}"
        elif org_type == "社会团体":
            name = f"北京市朝阳区{demo.pick((stem, short))}{demo.pick(ASSOCIATION_WORDS)}"
        else:
            name = f"北京{short}{demo.pick(FOUNDATION_WORDS)}"
        if attempt > 10:
            name = f"{name[:-2]}第{attempt}{name[-2:]}"
        if name not in used:
            used.add(name)
            return name
    raise AssertionError("unreachable: numbered names are distinct")


def registered_extras(demo: Demo, oid: int, org_type: str, founded: date, changed: date | None,
                      street: str, short: str, inspections: list[Row], grades: list[Row],
                      projects: list[Row]) -> None:
    rng = demo.rng
    year = demo.today.year
    results = weighted_table((("合格", 85.0), ("基本合格", 10.0), ("不合格", 5.0)))
    for y in range(max(founded.year + 1, year - 3), year):
        if changed and y >= changed.year:
            break
        reported = date(y + 1, 3, 1) + timedelta(days=rng.randrange(80))
        if reported < demo.today:
            inspections.append((len(inspections) + 1, oid, y, demo.pick(results),
                                reported.isoformat()))
    if rng.random() < 0.35:
        awarded = demo.day(max(founded, demo.today - timedelta(days=7 * 365)),
                           demo.today - timedelta(days=30))
        grade = demo.pick((1, 2, 3, 3, 3, 4, 4, 5))
        grades.append((len(grades) + 1, oid, grade, awarded.isoformat(),
                       evaluation_expiry(awarded).isoformat()))
    if org_type != "基金会" and rng.random() < (0.5 if org_type == "社会服务机构" else 0.15):
        for _ in range(rng.randint(1, 3)):
            starts = demo.day(demo.today - timedelta(days=4 * 365), demo.today)
            ends = add_years(starts, 1) - timedelta(days=1)
            status = "实施中" if ends >= demo.today else "已结项"
            if rng.random() < 0.03:
                status = "终止"
            category = demo.pick(vocab.SERVICE_CATEGORIES)
            buyer = demo.pick((*BUYERS, f"北京市朝阳区人民政府{street}办事处"))
            projects.append((len(projects) + 1, oid, f"{starts.year}年{short}{category}项目",
                             buyer, f"{rng.randint(5, 80) * 10_000}.00", starts.isoformat(),
                             ends.isoformat(), status))
