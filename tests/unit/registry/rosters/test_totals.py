"""Every roster's total row against the ledger, computed here in SQL of its own (never the
roster's query): the sums, the 共 N count, and people over several groups counted once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers.rosters import TODAY, data_rows, values

from registry.ops.certificates import issue_certificate
from registry.queries.presets import current_ce_preset
from registry.rosters import ROSTERS, RosterFilters, export_roster
from registry.storage.db import database

# an approved line that no approved correction replaces
EFFECTIVE = ("r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM service_record c "
             "WHERE c.corrects_id = r.id AND c.status = 'approved')")
YEAR_LINES = f"{EFFECTIVE} AND r.service_date BETWEEN '{TODAY.year}-01-01' AND '{TODAY.year}-12-31'"


def sql(query: str, *params: Any) -> Any:
    """The one value `query` selects (0 for an empty sum)."""
    value = database.execute_sql(query, params).fetchone()[0]
    return value or 0


def total_row(key: str, folder: Path, **filters: Any) -> tuple[int, tuple[Any, ...]]:
    target = folder / f"{key}-{filters.get('group_by', '')}.xlsx"
    result = export_roster(key, target, actor="tester", today=TODAY, filters=RosterFilters(**filters))
    rows = data_rows(target)
    sheet = values(target)
    total = sheet[3 + len(rows)]
    assert result.rows == len(rows)
    assert total[0] == "合计"
    return len(rows), total


def approx(value: Any) -> Any:
    return pytest.approx(float(value), abs=0.005)


def header(key: str, folder: Path, **filters: Any) -> Sequence[str]:
    return values(folder / f"{key}-{filters.get('group_by', '')}.xlsx")[2]


def test_volunteer_roster_totals(demo: Path, tmp_path: Path) -> None:
    rows, total = total_row("volunteers", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM volunteer") == 300
    assert total[1] == f"共 {rows} 人"
    columns = header("volunteers", tmp_path)
    hours = "SELECT SUM(r.hours) FROM service_record r WHERE "
    assert total[columns.index("累计时长")] == approx(sql(hours + EFFECTIVE))
    assert total[columns.index("本年时长")] == approx(sql(hours + YEAR_LINES))


def carry_hours_over(folder: Path) -> None:
    """Opening balances (期初结转) imported for a volunteer who served and for one who never did."""
    from helpers.importer import id_number, write_sheet

    from registry import ops
    from registry.importer import commit_import, preview_import

    new = id_number("110105", "19900101", "033")
    community = sql("SELECT MIN(id) FROM community")
    ops.register_volunteer("tester", {"id_number": new, "name": "赵六", "community": community})
    served = database.execute_sql(
        f"SELECT p.id_number, p.name, v.total_hours FROM service_record r JOIN volunteer v ON v.id = r.volunteer_id "
        f"JOIN person p ON p.id = v.person_id WHERE {EFFECTIVE} ORDER BY v.id LIMIT 1").fetchone()
    path = write_sheet(folder / "旧台账.xlsx", ["姓名", "身份证号", "累计时长"], [
        [served[1], served[0], float(served[2]) + 10], ["赵六", new, 16]])
    preview = preview_import("volunteers", path)
    assert preview.errors == [] and "2 名志愿者导入前的累计时长共 26 小时" in "".join(preview.notes)
    commit_import(preview, actor="tester")


@pytest.mark.parametrize("group_by", ["person", "community", "organization"])
def test_hours_summary_totals_count_each_person_once(demo: Path, tmp_path: Path, group_by: str) -> None:
    """服务人数 counts who served; hours carried over (期初结转) are no service, summed apart."""
    carry_hours_over(tmp_path)
    rows, total = total_row("hours", tmp_path, group_by=group_by)
    service, opening = f"{EFFECTIVE} AND r.kind = 'service'", f"{EFFECTIVE} AND r.kind = 'opening'"
    people = sql(f"SELECT COUNT(DISTINCT r.volunteer_id) FROM service_record r WHERE {service}")
    lines = sql(f"SELECT COUNT(*) FROM service_record r WHERE {service}")
    hours = sql(f"SELECT SUM(r.hours) FROM service_record r WHERE {service}")
    carried = sql(f"SELECT SUM(r.hours) FROM service_record r WHERE {opening}")
    columns = header("hours", tmp_path, group_by=group_by)
    assert total[columns.index("服务次数")] == lines
    assert total[columns.index("服务时长")] == approx(hours)
    assert total[columns.index("期初结转")] == approx(carried) == 26
    if group_by == "person":  # listed: whoever has hours, those carried over included
        listed = sql(f"SELECT COUNT(DISTINCT r.volunteer_id) FROM service_record r WHERE {EFFECTIVE}")
        assert rows == listed == people + 1 and total[1] == f"共 {listed} 人"
        return
    group = f"{group_by}_id"
    groups = sql(f"SELECT COUNT(DISTINCT COALESCE(r.{group}, 0)) FROM service_record r WHERE {EFFECTIVE}")
    per_group = sql(f"SELECT SUM(n) FROM (SELECT COUNT(DISTINCT r.volunteer_id) AS n FROM service_record r "
                    f"WHERE {service} GROUP BY r.{group})")
    assert per_group > people  # the demonstration's volunteers serve in several places
    assert rows == groups and total[1] == f"共 {groups} 个{'社区' if group_by == 'community' else '组织'}"
    assert total[columns.index("服务人数")] == people
    assert sum(row[columns.index("服务人数")] for row in data_rows(tmp_path / f"hours-{group_by}.xlsx")) == per_group


def test_social_worker_and_continuing_education_totals(demo: Path, tmp_path: Path) -> None:
    rows, total = total_row("social-workers", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM social_worker") and total[1] == f"共 {rows} 人"
    columns = header("social-workers", tmp_path)
    assert total[columns.index("本周期继续教育学时")] == approx(sql("SELECT SUM(ce_hours) FROM social_worker"))

    rows, total = total_row("ce-hours", tmp_path)
    columns = header("ce-hours", tmp_path)
    required = dict(current_ce_preset().required)
    short = Decimal(0)
    for level, done in database.execute_sql("SELECT level, ce_hours FROM social_worker").fetchall():
        if level in required:
            short += max(Decimal(0), required[level] - Decimal(str(done)))
    assert total[columns.index("本周期学时")] == approx(sql("SELECT SUM(ce_hours) FROM social_worker"))
    assert total[columns.index("尚缺学时")] == approx(short)


def test_training_and_community_organization_totals(demo: Path, tmp_path: Path) -> None:
    rows, total = total_row("training-stats", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM training") and total[1] == f"共 {rows} 期"
    columns = header("training-stats", tmp_path)
    assert total[columns.index("参训人数")] == sql("SELECT COUNT(*) FROM attendance")
    assert total[columns.index("合格人数")] == sql("SELECT SUM(passed) FROM attendance")
    assert total[columns.index("认定学时合计")] == approx(sql("SELECT SUM(hours_credited) FROM attendance"))

    training = sql("SELECT training_id FROM attendance GROUP BY training_id ORDER BY COUNT(*) DESC LIMIT 1")
    rows, total = total_row("training-signin", tmp_path, training_id=training)
    assert rows == sql("SELECT COUNT(*) FROM attendance WHERE training_id = ?", training)
    assert total[1] == f"共 {rows} 人"

    rows, total = total_row("organizations", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM organization") and total[1] == f"共 {rows} 个"

    rows, total = total_row("community-orgs", tmp_path)
    community = "org_type = '社区社会组织'"
    assert rows == sql(f"SELECT COUNT(*) FROM organization WHERE {community}") and total[1] == f"共 {rows} 个"
    columns = header("community-orgs", tmp_path)
    assert total[columns.index("成员人数")] == sql(f"SELECT SUM(member_count) FROM organization WHERE {community}")


def test_indicator_totals(demo: Path, tmp_path: Path) -> None:
    rows, total = total_row("indicators", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM community") and total[1] == f"共 {rows} 个社区"
    columns = header("indicators", tmp_path)
    volunteers = sql("SELECT COUNT(*) FROM volunteer WHERE status = '在册' AND community_id IS NOT NULL")
    workers = sql("SELECT COUNT(*) FROM social_worker WHERE status = '在册' AND community_id IS NOT NULL")
    population = sql("SELECT SUM(COALESCE((SELECT p.population FROM community_population p "
                     "WHERE p.community_id = m.id AND p.year <= ? ORDER BY p.year DESC LIMIT 1), "
                     "m.population, 0)) FROM community m", TODAY.year)
    assert total[columns.index("在册志愿者")] == volunteers
    assert total[columns.index("在册持证社工")] == workers
    assert total[columns.index("常住人口")] == population > 0
    assert total[columns.index("志愿者占常住人口比例")] == approx(volunteers / population)
    assert total[columns.index("每千名居民持证社工数")] == approx(workers * 1000 / population)
    assert total[columns.index("社区社会组织")] == sql(
        "SELECT COUNT(*) FROM organization WHERE org_type = '社区社会组织' AND status = '正常' "
        "AND community_id IS NOT NULL")
    assert total[columns.index("年度志愿服务时长")] == approx(sql(
        f"SELECT SUM(r.hours) FROM service_record r WHERE {YEAR_LINES} AND r.community_id IS NOT NULL"))


def test_register_totals(demo: Path, tmp_path: Path) -> None:
    served = database.execute_sql(f"SELECT r.volunteer_id FROM service_record r WHERE {EFFECTIVE} "
                                  "GROUP BY r.volunteer_id LIMIT 3").fetchall()
    for (volunteer,) in served:
        issue_certificate("tester", volunteer, {"period_from": date(2020, 1, 1), "period_to": TODAY},
                          today=TODAY)
    rows, total = total_row("certificates", tmp_path)
    assert rows == sql("SELECT COUNT(*) FROM certificate") == 3 and total[1] == "共 3 份"
    columns = header("certificates", tmp_path)
    assert total[columns.index("服务时长")] == approx(sql(
        f"SELECT SUM(r.hours) FROM service_record r WHERE {EFFECTIVE} AND r.volunteer_id IN (?, ?, ?)",
        *(v for (v,) in served)))
    assert total[columns.index("含结转时长")] == approx(sql(
        f"SELECT SUM(r.hours) FROM service_record r WHERE {EFFECTIVE} AND r.kind = 'opening' "
        "AND r.volunteer_id IN (?, ?, ?)", *(v for (v,) in served)))

    entries = sql("SELECT COUNT(*) FROM audit_entry")  # the export's own entry is written after
    rows, total = total_row("audit", tmp_path)
    assert rows == entries and total[1] == f"共 {entries} 条"


def test_every_roster_with_a_total_row_is_tested_here() -> None:
    tested = {"volunteers", "hours", "social-workers", "ce-hours", "training-stats", "training-signin",
              "organizations", "community-orgs", "indicators", "certificates", "audit"}
    assert set(ROSTERS) - tested == {"deadlines"}  # a count of what queries/deadlines.py finds (test_registers)
