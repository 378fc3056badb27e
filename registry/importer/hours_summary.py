"""Imported approved hours enter the summaries as approve_records does: the volunteer's
total and star level (with the preset that gave it), the per-year sums per volunteer,
community and organization, and the month/category sums of the statistics."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from registry.importer.bulk import chunks
from registry.queries.presets import current_star_preset
from registry.rules.presets import star_level
from registry.storage.db import database
from registry.storage.models import Volunteer

_YEAR_TABLES = (("volunteer_year", "volunteer_id", "volunteer"),
                ("community_year", "community_id", "community"),
                ("organization_year", "organization_id", "organization"))


def apply_summaries(records: list[dict[str, Any]]) -> None:
    param = database.param
    totals: dict[int, Decimal] = defaultdict(Decimal)
    years: dict[str, dict[tuple[int, int], Decimal]] = {t: defaultdict(Decimal) for t, _, _ in _YEAR_TABLES}
    for record in records:
        totals[record["volunteer"]] += record["hours"]
        for table, _column, key in _YEAR_TABLES:
            if record[key] is not None:
                years[table][(record[key], record["service_date"].year)] += record["hours"]
    cursor = database.cursor()
    cursor.executemany(f"UPDATE volunteer SET total_hours = total_hours + {param} WHERE id = {param}",
                       [(hours, vid) for vid, hours in totals.items()])
    months: dict[tuple[int, int, str], Decimal] = defaultdict(Decimal)
    for record in records:
        day = record["service_date"]
        months[(day.year, day.month, record.get("service_category") or "")] += record["hours"]
    cursor.executemany(
        f"INSERT INTO month_category_hours (year, month, category, hours) "
        f"VALUES ({param}, {param}, {param}, {param}) ON CONFLICT (year, month, category) "
        "DO UPDATE SET hours = month_category_hours.hours + excluded.hours",
        [(*key, hours) for key, hours in months.items()])
    for table, column, _key in _YEAR_TABLES:
        cursor.executemany(
            f"INSERT INTO {table} ({column}, year, hours) VALUES ({param}, {param}, {param}) "
            f"ON CONFLICT ({column}, year) DO UPDATE SET hours = {table}.hours + excluded.hours",
            [(ref, year, hours) for (ref, year), hours in years[table].items()])
    _restar(sorted(totals))


def _restar(volunteer_ids: list[int]) -> None:
    preset = current_star_preset()
    changes = []
    for part in chunks(volunteer_ids):
        query = (Volunteer.select(Volunteer.id, Volunteer.total_hours, Volunteer.star_level,
                                  Volunteer.star_preset).where(Volunteer.id.in_(list(part))).tuples())
        for vid, total, level, preset_name in query:
            new = star_level(preset, Decimal(str(total)))
            if (new, preset.name) != (level, preset_name):
                changes.append((new, preset.name, vid))
    param = database.param
    database.cursor().executemany(
        f"UPDATE volunteer SET star_level = {param}, star_preset = {param} WHERE id = {param}", changes)
