"""Retention: personal data of people who left is erased after the years a district sets.

The service hours stay (the street's totals must not change) but no longer name anyone:
the person row keeps its id and loses name, ID number, phone, address and birth date.
Someone who still holds another active role is kept whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from registry.ops.base import require
from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.queries.presets import get_setting
from registry.rules.deadlines import add_years
from registry.rules.fields import Cleaner, clean_int
from registry.rules.permissions import Action
from registry.storage.models import Organization, Person, SearchKey, Setting, SocialWorker, Volunteer
from registry.texts import mark, msg

KINDS = {"volunteer": (Volunteer, mark("志愿者")), "social_worker": (SocialWorker, mark("持证社工"))}
ERASED_NAME = mark("（已按保存期限删除）")


@dataclass(frozen=True)
class RetentionReport:
    erased: dict[str, int]  # record kind -> people erased
    kept_for_other_roles: int
    changes: Changes = field(default_factory=Changes)


def setting_key(kind: str) -> str:
    return f"retention_years_{kind}"


def clean_years(years: object) -> int:
    c = Cleaner({"years": years})
    c.take("years", clean_int, msg("保存年限"), minimum=0, maximum=100)
    require(c.problems)
    return int(c.values["years"] or 0)


@retried
def set_retention(actor: str, kind: str, years: object) -> Changes:
    """Years after deactivation to keep a person's data; None or 0 keeps it for ever."""
    kept = clean_years(years)
    with write(actor, Action.RETENTION) as w:
        put_retention(w, kind, kept)
    return w.changes


def put_retention(w: Write, kind: str, years: int) -> None:
    """Inside a write: store a cleaned retention period."""
    before = get_setting(setting_key(kind))
    Setting.put(setting_key(kind), str(years))
    w.log(Table.SETTING, None, {setting_key(kind): before}, {setting_key(kind): years},
          action=Action.RETENTION)
    w.changed(Table.SETTING)


def _still_active(person_id: int) -> bool:
    """Whether the person still holds a role in force; a merged record (ops/merging.py)
    is the same human as the person it was merged into, and lives as long as that one."""
    kept = Person.select(Person.merged_into).where(Person.id == person_id).scalar()
    if kept is not None:
        return _still_active(kept)
    return bool(
        Volunteer.select().where((Volunteer.person == person_id) & (Volunteer.status == "在册")).exists()  # zh-data
        or SocialWorker.select().where((SocialWorker.person == person_id)
                                       & (SocialWorker.status == "在册")).exists()  # zh-data
        or Organization.select().where(((Organization.legal_representative == person_id)
                                        | (Organization.contact == person_id))
                                       & (Organization.status == "正常")).exists())  # zh-data


@retried
def apply_retention(actor: str, today: dt.date | None = None) -> RetentionReport:
    """Erase what the retention settings say is due; one audit entry per person erased
    (naming the record, never the erased data)."""
    today = today or dt.date.today()
    erased = {kind: 0 for kind in KINDS}
    kept = 0
    with write(actor, Action.RETENTION) as w:
        for kind, (model, _label) in KINDS.items():
            years = int(get_setting(setting_key(kind), "0") or 0)
            if years <= 0:
                continue
            cutoff = add_years(today, -years)
            due = model.select(model.person).where((model.status == "注销")  # zh-data
                                                   & (model.status_changed_on <= cutoff))
            for row in due:
                person = Person.get_by_id(row.person_id)
                if person.name == ERASED_NAME:
                    continue
                if _still_active(person.id):
                    kept += 1
                    continue
                Person.update(name=ERASED_NAME, id_number=f"ERASED-{person.id}", id_number_rev="",
                              initials="", phone=None, phone_rev=None, address="", birth_date=None,
                              region_code="", ethnicity="", notes="", active=False).where(
                    Person.id == person.id).execute()
                SearchKey.delete().where(SearchKey.person == person.id).execute()
                w.log(Table.PERSON, person.id,
                      detail=f"{KINDS[kind][1]}注销满 {years} 年，个人信息已删除，服务时长保留")
                w.changed(Table.PERSON, Table.SEARCH_KEY, Table.AUDIT_ENTRY, ids=[person.id])
                erased[kind] += 1
    return RetentionReport(erased, kept, w.changes)
