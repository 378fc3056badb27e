"""The training kind: a sign-in sheet. Each row is one person's attendance of a training
named by its title and date; a training not yet in the register is created from its first
row. Continuing-education attendance updates social workers' cycle hours."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from registry.importer.bulk import WriteContext, chunks, fetch_groups, update_rows
from registry.importer.lookups import Lookups
from registry.importer.model import CREATE, UNCHANGED, UPDATE, FieldChange, RowPlan, cell_text
from registry.importer.people import clean_document, holder_of, holders, persons_by_number
from registry.ops.base import snapshot
from registry.ops.social_workers import refresh_ce_hours
from registry.ops.training import LABELS
from registry.rules.fields import Cleaner, clean_bool, clean_date, clean_decimal, clean_text, is_blank
from registry.rules.problems import Problem, error, warning
from registry.rules.text import normalize_text
from registry.storage.models import Attendance, SocialWorker, Training
from registry.texts import msg

MAX_HOURS = Decimal(1000)


def _passed(raw: Any, field: str, label: str) -> tuple[bool | None, list[Problem]]:
    text = normalize_text(str(raw)) if isinstance(raw, str) else raw
    if text in ("合格", "通过", "已通过"):  # zh-data
        return True, []
    if text in ("不合格", "未通过", "不通过"):  # zh-data
        return False, []
    return clean_bool(raw, field, label)


class Trainings:
    def clean(self, raw: dict[str, Any], lookups: Lookups) -> tuple[dict[str, Any], list[Problem]]:
        c = Cleaner(raw)
        c.take("title", clean_text, LABELS["title"], required=True, max_length=200)
        c.take("starts_on", clean_date, msg("培训日期"), required=True)
        c.take("ends_on", clean_date, LABELS["ends_on"])
        c.take("organizer", clean_text, LABELS["organizer"], max_length=200)
        c.take("training_hours", clean_decimal, msg("培训学时"), maximum=MAX_HOURS)
        c.take("hours_credited", clean_decimal, msg("认定学时"), maximum=MAX_HOURS)
        c.take("passed", _passed, msg("是否合格"))
        c.take("counts_as_ce", clean_bool, LABELS["counts_as_ce"])
        c.take("category", clean_text, LABELS["category"], max_length=50)
        c.take("place", clean_text, LABELS["place"], max_length=200)
        c.take("name", clean_text, msg("姓名"), max_length=50)
        values, problems = c.values, c.problems
        document, id_problems = clean_document(raw)
        problems += id_problems
        values["id_type"], values["id_number"] = document or (None, None)
        values["id_type_given"] = not is_blank(raw.get("id_type"))
        values["ends_on"] = values["ends_on"] or values["starts_on"]
        if values["starts_on"] and values["ends_on"] < values["starts_on"]:
            problems.append(error("date_order", "ends_on", msg("“结束日期”不能早于“培训日期”。")))
        values["passed"] = True if values["passed"] is None else values["passed"]
        values["counts_as_ce"] = bool(values["counts_as_ce"])
        if values["hours_credited"] is None:
            values["hours_credited"] = values["training_hours"]
        if values["hours_credited"] is None:
            problems.append(error("required", "hours_credited", msg("“认定学时”和“培训学时”至少要填一个。")))
        return values, problems

    def keys(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        if values["id_number"] is None:
            return []
        return [("id_number", f"{values['title']}|{values['starts_on']}|{values['id_type']}|{values['id_number']}")]

    def match(self, rows: list[RowPlan], lookups: Lookups) -> None:
        persons = holders(r.values["id_number"] for r in rows)
        numbers = persons_by_number(persons)
        trainings = fetch_groups(Training, "title", (r.values["title"] for r in rows))
        by_key = {(t["title"], t["starts_on"]): t for group in trainings.values() for t in group}
        attended = fetch_groups(Attendance, "person", (p["id"] for p in persons.values()))
        for row in rows:
            values = row.values
            person = holder_of(persons, numbers, values["id_type"], values["id_number"],
                               type_given=values["id_type_given"])
            if person is None:
                row.match_problems.append(error("person", "id_number", msg("这个证件号码不在登记库中，"
                                                "请先登记该人员（志愿者或社工）再导入签到。")))
                continue
            if values["name"] and values["name"] != person["name"]:
                row.match_problems.append(warning("name", "name", msg("姓名与登记库中的“{person}”"
                                                  "不一致，请核对是否填错了人。", person=person['name'])))
            training = by_key.get((values["title"], values["starts_on"]))
            line = next((a for a in attended.get(person["id"], [])
                         if training and a["training"] == training["id"]), None)
            row.target = {"person": person["id"], "training": training["id"] if training else None,
                          "attendance": line}
            changes = [FieldChange(label, cell_text(line[k]), cell_text(values[k]))
                       for k, label in (("hours_credited", msg("认定学时")), ("passed", msg("是否合格")))
                       if line is not None and line[k] != values[k]]
            row.changes = tuple(changes)
            row.action = CREATE if line is None else UPDATE if changes else UNCHANGED

    def write(self, rows: list[RowPlan], ctx: WriteContext) -> None:
        trainings: dict[tuple[Any, Any], int] = {}
        for row in rows:
            key = (row.values["title"], row.values["starts_on"])
            if row.target["training"] is None and key not in trainings:
                v = row.values
                record = Training.create(title=v["title"], organizer=v["organizer"], starts_on=v["starts_on"],
                                         ends_on=v["ends_on"], category=v["category"], place=v["place"],
                                         hours=v["training_hours"] or v["hours_credited"],
                                         counts_as_ce=v["counts_as_ce"])
                trainings[key] = record.id
                ctx.log("create", "training", record.id, None, snapshot(record))
            row.target["training"] = row.target["training"] or trainings[key]
        new = [r for r in rows if r.target["attendance"] is None]
        ctx.create(Attendance, [{"training": row.target["training"], "person": row.target["person"],
                                 "hours_credited": row.values["hours_credited"],
                                 "passed": row.values["passed"]} for row in new], action="attendance")
        updates = []
        for row in rows:
            line = row.target["attendance"]
            if line is not None:
                values = {"hours_credited": row.values["hours_credited"], "passed": row.values["passed"]}
                updates.append((line["id"], values))
                ctx.log("attendance", "attendance", line["id"], {k: line[k] for k in values}, values)
        update_rows(Attendance, updates)
        person_ids = sorted({r.target["person"] for r in rows})
        for part in chunks(person_ids):
            for worker in SocialWorker.select().where(SocialWorker.person.in_(list(part))):
                refresh_ce_hours(worker)
        ctx.tables |= {"attendance", "training", "social_worker"}
