"""The list sections' columns over the core's lists: each sortable column names one of
its list's sorts, and each row shows as one text per column."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from registry.queries.audit_log import AuditRow
from registry.queries.lists import ServiceRecordRow, VolunteerRow
from ui.models.audit_list import AuditList
from ui.models.lists import (
    OrganizationList,
    ServiceRecordList,
    SocialWorkerList,
    TrainingList,
    VolunteerList,
)
from ui.models.listspec import ListSpec
from ui.runtime.i18n import translate
from ui.sections.certificates import CertificateList

SPECS: list[ListSpec[Any]] = [VolunteerList(), SocialWorkerList(), OrganizationList(), TrainingList(),
                              ServiceRecordList(), AuditList(), CertificateList()]


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: type(spec).__name__)
def test_each_sortable_column_names_one_of_its_lists_sorts(spec: ListSpec[Any]) -> None:
    sorts = [column.sort for column in spec.columns if column.sort is not None]
    assert sorts and set(sorts) <= set(spec.query.sorts)


def test_a_volunteer_row_as_its_cells() -> None:
    row = VolunteerRow(7, "张三", "女", "110105**********2X", "138****8000", "永安里社区", "V0001",
                       dt.date(2024, 5, 1), Decimal("12.50"), 2, "在册")
    cells = VolunteerList().cells(row)
    assert cells == ("张三", "女", "110105**********2X", "138****8000", "永安里社区", "V0001",
                     "2024-05-01", "12.5", "★★", "在册")
    assert len(cells) == len(VolunteerList.columns)


def test_a_service_record_and_a_log_entry_as_their_cells() -> None:
    record = ServiceRecordRow(31, dt.date(2025, 3, 1), "张三", "", "陪老人聊天", "为老服务",
                              Decimal("2.00"), "approved", "李四", "王五", None)
    cells = ServiceRecordList().cells(record)
    assert cells[0] == "31" and cells[3] == "陪老人聊天" and cells[5] == "2" and cells[9] == ""
    pending = ServiceRecordList().cells(replace(record, status="pending", activity="社区活动"))
    assert (cells[6], pending[6]) == (translate("Lists", "Approved"), translate("Lists", "Pending"))
    assert pending[3] == "社区活动"
    entry = AuditRow(5, dt.datetime(2025, 3, 1, 9, 30), "李四", "create", "person", None, "x" * 400)
    cells = AuditList().cells(entry)
    assert cells[0] == "2025-03-01 09:30" and len(cells[1]) == 300 and cells[5] == ""
    assert len(cells) == len(AuditList.columns)
    export = AuditList().cells(replace(entry, action="export_unmasked", table="volunteers"))
    assert (export[3], export[4]) == (translate("Audit", "export with full numbers"), translate("Audit", "roster"))
    assert export[4] != "volunteers"


def test_every_action_and_table_the_log_can_hold_has_chinese_words() -> None:
    """The operation log never shows a program code: every Action the kernel can log and
    every Table an entry can name has a label, finished in the Simplified Chinese sources."""
    from helpers.translations import TRANSLATIONS, messages

    from registry.ops.changes import Table
    from registry.rules.permissions import Action
    from ui.models.audit_list import ACTIONS, TABLES

    assert set(Action) <= set(ACTIONS) and {*Table, "registry"} <= set(TABLES)
    chinese = {source: t.text for context, source, t in messages(TRANSLATIONS / "street_registry_zh_CN.ts")
               if context == "Audit" and t is not None and t.get("type") is None and t.text}
    missing = [code for code, words in {**ACTIONS, **TABLES}.items() if words not in chinese]
    assert missing == []
