"""Random and hostile cells into the importer: every row is imported cleanly or rejected
with a reason naming its row, never a crash, and the register stays whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers.importer import id_number, write_sheet
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from registry.importer import commit_import, preview_import
from registry.storage.db import database, is_sqlite
from registry.storage.models import Person

HEADER = ["姓名", "身份证号码", "手机", "所在社区", "注册日期", "政治面貌", "服务类别", "备注"]
HOSTILE = st.sampled_from([
    "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "-2+3", "\t", "\r\n", "😀" * 30, "很" * 5000,
    "1.10105E+17", "NaN", "inf", "-1", "9" * 300, "1990-02-30", "0000-00-00", "'; DROP TABLE person; --",
    "%", "_", "\\", "\u202e", "\x01", "永安里社区", "不存在的社区", "群众", "中共党员", "为老服务",
])
CELL = st.one_of(
    st.none(), HOSTILE, st.text(max_size=40), st.integers(min_value=-10**15, max_value=10**19),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2100, 1, 1)),
)
VALID_IDS = [id_number("110105", f"19{70 + i:02d}0101", f"{i:03d}") for i in range(20)]
ROW = st.tuples(st.one_of(st.text(min_size=1, max_size=6), HOSTILE), st.one_of(st.sampled_from(VALID_IDS), CELL),
                CELL, CELL, CELL, CELL, CELL, CELL)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, min_size=1, max_size=12))
@example(rows=[("=HYPERLINK(\"http://x\",\"y\")", VALID_IDS[0], "13800138000", "永安里社区", dt.date(2020, 1, 1),
                "群众", "为老服务", "+1+1"),
               ("张三", VALID_IDS[0], None, None, None, None, None, None),  # the same ID twice
               ("李四", 110105197001010000, None, None, None, None, None, None),  # Excel ate digits
               ("@SUM(A1)", VALID_IDS[1], "-2+3", None, "1990.5.12", None, None, "\t")])
def test_hostile_rows_are_imported_or_rejected_with_a_reason(area, tmp_path: Path, rows) -> None:
    path = write_sheet(tmp_path / "hostile.xlsx", HEADER, [list(r) for r in rows])
    preview = preview_import("volunteers", path)
    for problem in preview.problems:
        assert problem.message and 2 <= problem.row <= len(rows) + 1
    before = Person.select().count()
    result = commit_import(preview, actor="clerk", skip_invalid=True)
    assert result.read == len(preview.rows)
    assert result.created + result.updated + result.unchanged + result.rejected == result.read
    assert Person.select().count() == before + result.created
    if is_sqlite():
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    for plan in preview.rows:
        name = plan.values.get("name")
        if plan.action == "create" and name:
            assert Person.get(Person.name == name).name == name  # hostile text stored as typed
