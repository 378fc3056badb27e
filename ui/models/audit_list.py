"""The audit log's list: its columns over the core's audit log, and the words for every
action and table an entry can name. Apart from the other lists (lists.py): only the audit
log's section needs it, and it brings the audit log's sentences with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from registry.ops.changes import Table
from registry.queries.audit_log import AUDIT_LOG, AuditRow
from registry.rules.permissions import Action
from ui.models.lists import date_text
from ui.models.listspec import Column, ListSpec
from ui.runtime.i18n import tr_noop


class AuditList(ListSpec[AuditRow]):
    query = AUDIT_LOG
    default_descending = True
    # What was done comes second: the sentence is what a clerk reads, seen at 1024 wide too.
    columns = (
        Column(tr_noop("Columns", "Time"), 140, "id"),
        Column(tr_noop("Columns", "Details"), 420),
        Column(tr_noop("Columns", "User"), 90),
        Column(tr_noop("Columns", "Action"), 90),
        Column(tr_noop("Columns", "Table"), 120),
        Column(tr_noop("Columns", "Record"), 70, None, True),
    )

    def cells(self, r: AuditRow) -> tuple[str, ...]:
        return (date_text(r.at), r.detail[:300], r.actor, action_label(r.action), table_label(r.table),
                str(r.record_id or ""))


# Every action and table the audit log can hold has its words: a clerk never reads a program
# code there (tests/unit/ui/models: every Action and Table is covered and translated).
ACTIONS: dict[str, str] = {
    Action.LOGIN: tr_noop("Audit", "log in"),
    Action.LOGIN_FAILED: tr_noop("Audit", "failed login"),
    Action.LOCK: tr_noop("Audit", "account locked"),
    Action.PASSWORD_CHANGE: tr_noop("Audit", "change password"),
    Action.VIEW: tr_noop("Audit", "view"),
    Action.SEARCH: tr_noop("Audit", "search by number"),
    Action.CREATE: tr_noop("Audit", "create"),
    Action.UPDATE: tr_noop("Audit", "update"),
    Action.DEACTIVATE: tr_noop("Audit", "deactivate"),
    Action.APPROVE: tr_noop("Audit", "approve"),
    Action.CORRECT: tr_noop("Audit", "correct"),
    Action.DELETE: tr_noop("Audit", "delete"),
    Action.IMPORT: tr_noop("Audit", "import"),
    Action.EXPORT: tr_noop("Audit", "export"),
    Action.EXPORT_UNMASKED: tr_noop("Audit", "export with full numbers"),
    Action.UNMASK: tr_noop("Audit", "show full numbers"),
    Action.ATTENDANCE: tr_noop("Audit", "attendance"),
    Action.INSPECTION: tr_noop("Audit", "inspection"),
    Action.ISSUE: tr_noop("Audit", "issue certificate"),
    Action.REPRINT: tr_noop("Audit", "reprint certificate"),
    Action.EXTEND_REGISTRATION: tr_noop("Audit", "extend registration"),
    Action.EXTEND_GRADE: tr_noop("Audit", "extend evaluation grades"),
    Action.MERGE_PEOPLE: tr_noop("Audit", "merge person records"),
    Action.SET_PRESET: tr_noop("Audit", "set preset"),
    Action.APPLY_DISTRICT: tr_noop("Audit", "apply district file"),
    Action.AREAS: tr_noop("Audit", "area settings"),
    Action.RETENTION: tr_noop("Audit", "erase after retention period"),
    Action.BACKUP: tr_noop("Audit", "back up"),
    Action.COPY_REGISTER: tr_noop("Audit", "copy the register"),
    Action.RESTORE: tr_noop("Audit", "restore"),
    Action.SERVER_SETUP: tr_noop("Audit", "set up server rights"),
    Action.USER_ADD: tr_noop("Audit", "add account"),
    Action.USER_DISABLE: tr_noop("Audit", "disable account"),
    Action.USER_RESET: tr_noop("Audit", "reset password"),
    Action.USER_RENAME: tr_noop("Audit", "change account's name"),
    Action.DEMO: tr_noop("Audit", "demo data"),
}
TABLES: dict[str, str] = {
    Table.PERSON: tr_noop("Audit", "person"),
    Table.VOLUNTEER: tr_noop("Audit", "volunteer"),
    Table.SOCIAL_WORKER: tr_noop("Audit", "social worker"),
    Table.ORGANIZATION: tr_noop("Audit", "organization"),
    Table.TRAINING: tr_noop("Audit", "training"),
    Table.ATTENDANCE: tr_noop("Audit", "attendance"),
    Table.ACTIVITY: tr_noop("Audit", "activity"),
    Table.SERVICE_RECORD: tr_noop("Audit", "service hours"),
    Table.ANNUAL_INSPECTION: tr_noop("Audit", "annual inspection"),
    Table.EVALUATION_GRADE: tr_noop("Audit", "evaluation grade"),
    Table.SERVICE_PROJECT: tr_noop("Audit", "service project"),
    Table.COMMUNITY: tr_noop("Audit", "community"),
    Table.COMMUNITY_POPULATION: tr_noop("Audit", "community's population of a year"),
    Table.STREET: tr_noop("Audit", "street"),
    Table.DISTRICT: tr_noop("Audit", "district"),
    Table.SETTING: tr_noop("Audit", "setting"),
    Table.RULE_PRESET: tr_noop("Audit", "rule preset"),
    Table.ACCOUNT: tr_noop("Audit", "account"),
    Table.CERTIFICATE: tr_noop("Audit", "certificate"),
    Table.VOLUNTEER_ORGANIZATION: tr_noop("Audit", "volunteer's organization"),
    Table.REGISTRY_META: tr_noop("Audit", "register"),
    Table.SEARCH_KEY: tr_noop("Audit", "search index"),
    Table.VOLUNTEER_YEAR: tr_noop("Audit", "yearly hours"),
    Table.COMMUNITY_YEAR: tr_noop("Audit", "community's yearly hours"),
    Table.ORGANIZATION_YEAR: tr_noop("Audit", "organization's yearly hours"),
    Table.MONTH_CATEGORY_HOURS: tr_noop("Audit", "monthly hours by category"),
    Table.AUDIT_ENTRY: tr_noop("Audit", "audit log"),
    "registry": tr_noop("Audit", "register"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTIONS[action]) if action in ACTIONS else action


# An export's entry names its roster (volunteers, audit …), not a table.
ROSTER = tr_noop("Audit", "roster")


def table_label(table: str) -> str:
    return QCoreApplication.translate("Audit", TABLES.get(table, ROSTER))
