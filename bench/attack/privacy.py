"""Issue 12, items 1, 2 and 4: a curious viewer (and a clerk) of a 2,000-volunteer demo
register tries to rebuild the ID and phone numbers from what they are shown, and to probe
hidden digits through the search.

- rebuild: every roster exported as the viewer, the detail panes of every volunteer and
  social worker, the lists, the certificate register, search results, a clerk's import
  error workbook and the certificates a clerk prints. Each ID or phone number shown is an
  attempt; a failure is one narrowed below 1,000 (ID) or 10,000 (phone) candidates by
  registry.rules.disclosure's count (region and sex known, any birth date or year shown
  used). The note gives the fewest candidates left, and what the old mask beside the
  birth date left.
- search oracle: for 50 people the viewer tries each hidden digit before the visible tail
  (0…9 + tail, then longer tails) of the ID number and the mobile. A failure is a probe
  answered (not refused) or a probe with no audit entry.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from attack import Row  # noqa: E402

VOLUNTEERS = 2000
TODAY = dt.date(2025, 6, 1)
PROBED = 50


def _setup(workdir: Path) -> None:
    from registry.demo import fill_demo
    from registry.ops.accounts import add_account
    from registry.storage.lifecycle import open_database

    open_database(workdir / "registry.sqlite3")
    fill_demo(volunteers=VOLUNTEERS, seed=12, today=TODAY)
    add_account("installer", "boss", "admin", "correct horse")
    add_account("boss", "kan", "viewer", "viewer-password")
    add_account("boss", "li", "clerk", "clerk-password")


def _rebuild(workdir: Path) -> list[Row]:
    from helpers.importer import write_sheet
    from helpers.privacy import Findings, attack, people_by_mask, workbook_rows

    from registry.certificates.pdf import certificate_lines, certificate_masker
    from registry.importer import preview_import, write_error_workbook
    from registry.ops.certificates import issue_certificate
    from registry.ops.search import find_matches
    from registry.queries.audit_log import AUDIT_LOG
    from registry.queries.certificate_register import CERTIFICATES, certificate
    from registry.queries.lists import SOCIAL_WORKERS, VOLUNTEERS
    from registry.queries.masking import masker_for
    from registry.queries.paging import PageRequest
    from registry.queries.people import social_worker_detail, volunteer_detail
    from registry.rosters import ROSTERS, RosterFilters, export_roster
    from registry.rules.problems import RegistryError
    from registry.storage.models import Attendance, Certificate, Person, SocialWorker, Volunteer

    certificates = []
    for (vid,) in Volunteer.select(Volunteer.id).where(Volunteer.total_hours > 0).limit(60).tuples():
        try:
            certificates.append(issue_certificate("li", vid, {
                "period_from": "2020-01-01", "period_to": "2025-05-31",
                "issuing_organization": "建外街道办事处"}, today=TODAY).id)
        except RegistryError:
            continue
    people = people_by_mask()
    rows: list[Row] = []

    def count(kind: str, found: Findings) -> None:
        attempts = found.ids_attacked + found.phones_attacked
        rows.append(Row(f"privacy: rebuild from {kind}", attempts, found.failures, 0,
                        f"{found.rows} rows; fewest left: ID {found.fewest_id}, phone {found.fewest_phone}"))

    roster_found = Findings()
    training = Attendance.select(Attendance.training).first().training
    for key in ROSTERS:
        filters = RosterFilters(training_id=training.id) if key == "training-signin" else None
        target = workdir / f"{key}.xlsx"
        export_roster(key, target, actor="kan", filters=filters, today=TODAY)
        attack(key, workbook_rows(target, 3), people, TODAY, roster_found)
    count(f"{len(ROSTERS)} rosters (viewer)", roster_found)

    screens = Findings()
    attack("volunteer", (volunteer_detail(v, "kan", reveal=True)
                         for (v,) in Volunteer.select(Volunteer.id).tuples()), people, TODAY, screens)
    attack("worker", (social_worker_detail(w, "kan", reveal=True)
                      for (w,) in SocialWorker.select(SocialWorker.id).tuples()), people, TODAY, screens)
    for query in (VOLUNTEERS, SOCIAL_WORKERS, CERTIFICATES, AUDIT_LOG):
        attack(type(query).__name__, query.page(query.filters(), PageRequest(size=500)).rows,
               people, TODAY, screens)
    attack("certificate details", (certificate(c) for c in certificates), people, TODAY, screens)
    surnames = sorted({p.name[0] for p in Person.select(Person.name).limit(200)})
    attack("search box", (m for s in surnames for m in find_matches("kan", s)), people, TODAY, screens)
    count("detail panes, lists, search results (viewer)", screens)

    workbook = Findings()
    persons = list(Person.select().where(Person.birth_date.is_null(False)).limit(300))
    source = write_sheet(workdir / "in.xlsx", ["姓名", "身份证号", "联系电话", "出生日期", "所在社区"],
                         [[p.name, p.id_number, p.phone or "", p.birth_date, "不存在的社区"] for p in persons])
    target = workdir / "errors.xlsx"
    write_error_workbook(preview_import("volunteers", source), target, masker_for("li", reveal=True))
    attack("error workbook", workbook_rows(target, 1), people, TODAY, workbook)
    attack("certificates", (certificate_lines(Certificate.get_by_id(c), certificate_masker("li", c))
                            for c in certificates), people, TODAY, workbook)
    count("error workbook, certificates (clerk)", workbook)

    old = {p.id_number[:6] + "*" * 8 + p.id_number[-4:]: [p] for g in people.values() for p in g}
    before = attack("old mask", ({"证件号码": s, "出生日期": p.born} for s, [p] in old.items()), old, TODAY)
    rows[0] = Row(rows[0].kind, rows[0].attempts, rows[0].failures, 0,
                  rows[0].note + f"; the old mask beside 出生日期: {len(before.id_failures)} of "
                  f"{before.ids_attacked} rebuilt (fewest {before.fewest_id})")
    return rows


def _oracle() -> list[Row]:
    from peewee import fn

    from registry.ops.accounts import add_account
    from registry.ops.search import find_people
    from registry.rules.disclosure import MAX_NUMBER_SEARCHES
    from registry.rules.problems import NotAllowedError
    from registry.storage.models import AuditEntry, Person

    people = list(Person.select().where(fn.LENGTH(Person.phone) == 11).limit(PROBED))
    # one viewer per person, so that the rule, not the hourly limit, is what answers
    viewers = [f"viewer{i}" for i in range(len(people))]
    for name in viewers:
        add_account("boss", name, "viewer", "viewer-password")
    rows = []
    for kind, value, shown in (("ID number", "id_number", 2), ("mobile", "phone", 4)):
        attempts = answered = recovered = 0
        logged_before = AuditEntry.select().where(AuditEntry.action == "search").count()
        for viewer, person in zip(viewers, people, strict=True):
            number = getattr(person, value)
            probes = [d + number[-shown:] for d in "0123456789"]
            probes += [number[-k:] for k in range(shown + 2, len(number))]
            for probe in probes:
                attempts += 1
                try:
                    ids = find_people(viewer, probe).ids
                except NotAllowedError:
                    continue
                answered += 1  # only a probe shaped as some whole phone number is answered
                recovered += person.id in ids
        logged = AuditEntry.select().where(AuditEntry.action == "search").count() - logged_before
        rows.append(Row(f"privacy: search oracle, {kind} (viewer)", attempts, recovered + (attempts - logged),
                        0, f"{PROBED} people; {answered} answered as whole phone numbers, "
                        f"{recovered} hidden digits confirmed; {logged} logged"))
    # guessing whole ID numbers, the one search left, is slowed by the hourly limit
    from stdnum.cn.ric import calc_check_digit

    region = people[0].id_number[:6]
    bodies = [f"{region}{1950 + i % 50}0101{i:03d}" for i in range(2 * MAX_NUMBER_SEARCHES)]
    answered = 0
    for body in bodies:
        try:
            find_people("kan", body + calc_check_digit(body + "0"))
            answered += 1
        except NotAllowedError:
            pass
    rows.append(Row("privacy: whole-number guesses, one viewer, one hour", len(bodies),
                    max(0, answered - MAX_NUMBER_SEARCHES), 0,
                    f"{answered} answered, {len(bodies) - answered} refused (limit {MAX_NUMBER_SEARCHES} an hour)"))
    return rows


def run(workdir: Path) -> list[Row]:
    from registry.storage.lifecycle import close_database

    _setup(workdir)
    try:
        return _rebuild(workdir) + _oracle()
    finally:
        close_database()
