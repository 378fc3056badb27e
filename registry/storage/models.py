"""The register's tables. Every model binds to the deferred `database` in db.py.

Codes, ID numbers and phone numbers are text, never numbers. Official enumerations
(organization types, inspection results, statuses) are stored as their Chinese terms,
because that is what clerks type and what the rosters print; internal workflow states
of the ledger are short English codes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import (
    SQL,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)
from peewee import Model as _PeeweeModel

from registry.rules.documents import RESIDENT_CARD
from registry.rules.problems import NotFoundError
from registry.storage.db import database, is_sqlite
from registry.texts import msg


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def Version() -> IntegerField:
    """A record's edit number, +1 with every edit (ops/edits.py refuses a stale one). Its
    default is the database's too: bulk loads that name their columns leave it out."""
    return IntegerField(default=1, constraints=[SQL("DEFAULT 1")])


def Hours(**kwargs: Any) -> DecimalField:
    """Hours are exact decimals with two places, never floats."""
    return DecimalField(max_digits=12, decimal_places=2, auto_round=True, **kwargs)


# peewee's stubs cannot see what its metaclass adds (id, *_id columns, backrefs), so the
# models derive from an untyped base rather than annotate around it everywhere.
_Model: Any = _PeeweeModel


class BaseModel(_Model):  # type: ignore[misc]
    class Meta:
        database = database
        legacy_table_names = False


class KeyValue(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    @classmethod
    def put(cls, key: str, value: str) -> None:
        """Set a value, whether or not the key exists (SQLite and PostgreSQL alike)."""
        cls.insert(key=key, value=value).on_conflict(conflict_target=[cls.key],
                                                     update={cls.value: value}).execute()


class Meta(KeyValue):
    """Facts about the database itself, such as its schema version."""

    class Meta:
        table_name = "registry_meta"


# --- geography -------------------------------------------------------------------------


class District(BaseModel):
    code = CharField(unique=True)  # administrative-division code, e.g. 110105
    name = CharField()
    population = IntegerField(default=0)


class Street(BaseModel):
    district = ForeignKeyField(District, backref="streets", on_delete="RESTRICT")
    code = CharField(unique=True)
    name = CharField()
    population = IntegerField(default=0)


class Community(BaseModel):
    street = ForeignKeyField(Street, backref="communities", on_delete="RESTRICT")
    code = CharField(unique=True)
    name = CharField(index=True)
    population = IntegerField(default=0)  # the district file's figure: any year without its own


class CommunityPopulation(BaseModel):
    """A community's resident population in one year, as an administrator entered it; the
    indicators of a year use it (else the latest earlier year's, else Community.population)."""

    community = ForeignKeyField(Community, backref="populations", on_delete="CASCADE", index=False)
    year = IntegerField()
    population = IntegerField()

    class Meta:
        primary_key = CompositeKey("community", "year")
        without_rowid = True


# --- people ----------------------------------------------------------------------------


class Person(BaseModel):
    """One resident, keyed by identity document (type, number); volunteer, social worker
    and contact are roles."""

    # A type of registry/rules/documents.py, in Chinese; the SQL default serves rows loaded
    # without it (bulk loads, a version-5 register's rows), as the upgrade's column does.
    id_type = CharField(default=RESIDENT_CARD, constraints=[SQL(f"DEFAULT '{RESIDENT_CARD}'")])
    id_number = CharField()  # normalized as its type says; unique with id_type (person_document)
    id_number_rev = CharField(index=True)  # reversed, so "last digits" is an index range
    name = CharField(index=True)
    initials = CharField(default="")  # pinyin initials, lower case: 张三 -> zs
    sex = CharField(default="")  # 男 / 女, derived from the ID number
    birth_date = DateField(null=True)
    region_code = CharField(default="")
    phone = CharField(null=True, index=True)
    phone_rev = CharField(null=True, index=True)
    address = TextField(default="")
    ethnicity = CharField(default="")
    political_status = CharField(default="")
    education = CharField(default="")
    nationality = CharField(default="", constraints=[SQL("DEFAULT ''")])  # passports; 2017 foreign cards
    notes = TextField(default="")
    active = BooleanField(default=True)
    deactivated_reason = TextField(default="")
    # Set on a tombstone: this record was merged into that person (ops/merging.py). The
    # tombstone keeps its document, so the old number and certificates find the kept person.
    # Deferred: a copy of the register (migrate-to) may write a tombstone before its target.
    merged_into = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="merged",
                                  column_name="merged_into_id", deferrable="INITIALLY DEFERRED")
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    version = Version()


# Never two person rows for one document. Number first: lookups by number alone (search,
# the importer's merge, old certificates) use the same index.
Person.add_index(Person.id_number, Person.id_type, unique=True, name="person_document")


class SearchKey(BaseModel):
    """Side index for finding people by any one- or two-character part of a name and by
    pinyin-initial prefixes. Kept in step with Person by the operations.

    key = "n" + a 1- or 2-character substring of the name, or "p" + a prefix of the
    initials. Keyed (key, person) so each key's people come back in id order, which lets
    search page by key instead of OFFSET."""

    key = CharField()
    person = ForeignKeyField(Person, on_delete="CASCADE", column_name="person_id")

    class Meta:
        primary_key = CompositeKey("key", "person")
        without_rowid = True


# --- organizations ---------------------------------------------------------------------


class Organization(BaseModel):
    name = CharField(index=True)
    uscc = CharField(null=True, unique=True)  # 统一社会信用代码
    org_type = CharField()  # 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 (a charity is one of these)
    registration_authority = CharField(default="")  # 登记管理机关
    supervising_unit = CharField(default="")  # 业务主管单位
    legal_representative = ForeignKeyField(Person, null=True, on_delete="SET NULL",
                                           backref="represents")
    legal_representative_name = CharField(default="")
    contact = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="contact_for")
    founded_on = DateField(null=True)
    address = TextField(default="")
    business_scope = TextField(default="")
    service_fields = TextField(default="")  # service categories joined by 、
    registered_capital = DecimalField(max_digits=14, decimal_places=2, null=True)
    street = ForeignKeyField(Street, null=True, on_delete="RESTRICT")
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT")
    status = CharField(default="正常")  # zh-data; 正常 / 注销 / 撤销
    status_changed_on = DateField(null=True)
    status_reason = TextField(default="")
    # community social organizations are filed (备案) at street level with these:
    filed_on = DateField(null=True)
    responsible_person = CharField(default="")
    venue = TextField(default="")
    member_count = IntegerField(null=True)
    notes = TextField(default="")
    # 认定为慈善组织的日期; None: not a charity. A charity files the charity's yearly reports
    # instead of its type's from the year after (rules/deadlines.py, files_as_charity).
    charity_recognized_on = DateField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    version = Version()


class AnnualInspection(BaseModel):
    organization = ForeignKeyField(Organization, backref="inspections", on_delete="CASCADE",
                                   index=False)  # leads the (organization, year) index
    year = IntegerField()
    result = CharField()  # 合格 / 基本合格 / 不合格
    reported_on = DateField(null=True)

    class Meta:
        indexes = ((("organization", "year"), True),)


class EvaluationGrade(BaseModel):
    organization = ForeignKeyField(Organization, backref="grades", on_delete="CASCADE")
    grade = IntegerField()  # 1..5 for 1A..5A
    awarded_on = DateField()
    expires_on = DateField(index=True)


class ServiceProject(BaseModel):
    """政府购买服务项目."""

    organization = ForeignKeyField(Organization, backref="projects", on_delete="CASCADE")
    name = CharField()
    buyer = CharField(default="")
    amount = DecimalField(max_digits=14, decimal_places=2, null=True)
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)
    status = CharField(default="实施中")  # zh-data; 实施中 / 已结项 / 终止


# --- volunteers and social workers -----------------------------------------------------


class Volunteer(BaseModel):
    person = ForeignKeyField(Person, unique=True, backref="volunteer", on_delete="RESTRICT")
    volunteer_number = CharField(null=True, unique=True)
    national_number = CharField(null=True)  # number in the national volunteer system
    registered_on = DateField(null=True)
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT", index=False)  # leads (community, status)
    skills = TextField(default="")
    service_categories = TextField(default="")  # joined by 、
    consent_contact = BooleanField(default=False)  # may be contacted for activities
    consent_publish = BooleanField(default=False)  # name may be posted publicly
    status = CharField(default="在册")  # zh-data; 在册 / 注销
    status_reason = TextField(default="")
    status_changed_on = DateField(null=True)
    # summaries, kept in step with the ledger inside the same transaction
    total_hours = Hours(default=0)
    star_level = IntegerField(default=0)
    star_preset = CharField(default="")  # the preset that computed star_level
    version = Version()  # edits only; the summaries above don't move it

    class Meta:
        # per-community counts of those in the register, answered from the index alone
        indexes = ((("community", "status"), False),)


class VolunteerOrganization(BaseModel):
    volunteer = ForeignKeyField(Volunteer, backref="memberships", on_delete="CASCADE", index=False)
    organization = ForeignKeyField(Organization, backref="volunteers", on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("volunteer", "organization")
        without_rowid = True


class VolunteerYear(BaseModel):
    volunteer = ForeignKeyField(Volunteer, on_delete="CASCADE", index=False)
    year = IntegerField()
    hours = Hours(default=0)

    class Meta:
        primary_key = CompositeKey("volunteer", "year")
        without_rowid = True


class CommunityYear(BaseModel):
    community = ForeignKeyField(Community, on_delete="CASCADE", index=False)
    year = IntegerField()
    hours = Hours(default=0)

    class Meta:
        primary_key = CompositeKey("community", "year")
        without_rowid = True


class OrganizationYear(BaseModel):
    organization = ForeignKeyField(Organization, on_delete="CASCADE", index=False)
    year = IntegerField()
    hours = Hours(default=0)

    class Meta:
        primary_key = CompositeKey("organization", "year")
        without_rowid = True


class MonthCategoryHours(BaseModel):
    """Approved hours by month and service category, for the statistics' charts."""

    year = IntegerField()
    month = IntegerField()
    category = CharField()  # "" when the line names none
    hours = Hours(default=0)

    class Meta:
        primary_key = CompositeKey("year", "month", "category")
        without_rowid = True


class SocialWorker(BaseModel):
    person = ForeignKeyField(Person, unique=True, backref="social_worker", on_delete="RESTRICT")
    level = CharField()  # 助理社会工作师 / 社会工作师 / 高级社会工作师
    certificate_number = CharField(unique=True)
    obtained_year = IntegerField(null=True)
    registration_number = CharField(null=True)
    registered_on = DateField(null=True)
    registered_until = DateField(null=True, index=True)
    employer = ForeignKeyField(Organization, null=True, on_delete="SET NULL", backref="staff")
    employer_name = CharField(default="")
    post = CharField(default="")
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT", index=False)  # leads (community, status)
    status = CharField(default="在册")  # zh-data; 在册 / 注销
    status_reason = TextField(default="")
    status_changed_on = DateField(null=True)
    # summary: continuing-education hours credited in the current registration cycle
    ce_hours = Hours(default=0)
    ce_preset = CharField(default="")  # the preset whose cycle ce_hours was counted over
    version = Version()

    class Meta:
        indexes = ((("community", "status"), False),)


# --- training --------------------------------------------------------------------------


class Training(BaseModel):
    title = CharField()
    organizer = CharField(default="")
    starts_on = DateField()
    ends_on = DateField()
    hours = Hours(default=0)
    category = CharField(default="")
    counts_as_ce = BooleanField(default=False)  # 计入继续教育
    place = CharField(default="")


class Attendance(BaseModel):
    training = ForeignKeyField(Training, backref="attendance", on_delete="CASCADE",
                               index=False)  # leads the (training, person) index
    person = ForeignKeyField(Person, backref="attendance", on_delete="RESTRICT")
    hours_credited = Hours(default=0)
    passed = BooleanField(default=True)

    class Meta:
        indexes = ((("training", "person"), True),)


# --- service hours ---------------------------------------------------------------------


class Activity(BaseModel):
    name = CharField()
    organization = ForeignKeyField(Organization, null=True, on_delete="RESTRICT")
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT")
    place = CharField(default="")
    starts_at = DateTimeField()
    ends_at = DateTimeField()
    travel_minutes = IntegerField(default=0)  # excluded from credited hours
    service_category = CharField(default="")
    served_group = CharField(default="")
    content = TextField(default="")
    recorder = CharField(default="")


class ServiceRecord(BaseModel):
    """One line of the hours ledger. Approved lines are never updated (a trigger refuses
    it); a correction is a new line whose `corrects` points at the line it replaces.

    On PostgreSQL this is a table. In a SQLite register it is a view over ServiceLine and
    ServiceDetail (storage/ledger_view.py), which keep the texts a line shares with many
    others once: every query and write goes through it unchanged."""

    # volunteer leads the (volunteer, service_date) index; activity, organization and
    # corrects are indexed where set only (service_record_partial_indexes below)
    volunteer = ForeignKeyField(Volunteer, backref="records", on_delete="RESTRICT", index=False)
    activity = ForeignKeyField(Activity, null=True, on_delete="RESTRICT", index=False)
    organization = ForeignKeyField(Organization, null=True, on_delete="RESTRICT", index=False)
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT")
    service_date = DateField()
    place = CharField(default="")
    served_group = CharField(default="")
    service_category = CharField(default="")
    content = TextField(default="")
    hours = Hours()
    recorder = CharField()
    recorded_at = DateTimeField(default=_now)
    status = CharField(default="pending")  # pending / approved
    approver = CharField(default="")
    approved_at = DateTimeField(null=True)
    corrects = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="corrections",
                               index=False)  # one correction of a line at most: see below
    correction_reason = TextField(default="")
    # service: hours served and recorded here; opening: hours carried over from the records
    # kept before the register (期初结转), counted in totals and stars, always shown apart
    kind = CharField(default="service", constraints=[SQL("DEFAULT 'service'")])  # as upgraded ones have

    class Meta:
        indexes = ((("volunteer", "service_date"), False),)

    def save(self, force_insert: bool = False, only: Any = None) -> int:
        if not is_sqlite() or (self.get_id() is not None and not force_insert):
            return int(super().save(force_insert=force_insert, only=only))
        # A view's trigger cannot report the rowid it made: the id is chosen here, inside
        # the write transaction (BEGIN IMMEDIATE) that holds the register.
        given: int | None = self.get_id()
        chosen = given if given is not None else next_line_id()
        self._pk = chosen
        super().save(force_insert=True, only=only)
        self._pk = chosen  # peewee took the cursor's last rowid, which is not this line's
        return 1


def next_line_id() -> int:
    return int(database.execute_sql("SELECT ifnull(max(id), 0) + 1 FROM service_line").fetchone()[0])


class ServiceDetail(BaseModel):
    """SQLite only: what a ledger line shares with many others (where, for whom, what, who
    recorded and approved it), stored once; lines point at it."""

    activity = ForeignKeyField(Activity, null=True, on_delete="RESTRICT", index=False)
    organization = ForeignKeyField(Organization, null=True, on_delete="RESTRICT", index=False)
    community = ForeignKeyField(Community, null=True, on_delete="RESTRICT", index=False)
    place = CharField()
    served_group = CharField()
    service_category = CharField()
    content = TextField()
    recorder = CharField()
    approver = CharField()


class ServiceLine(BaseModel):
    """SQLite only: the ledger line itself, compact: times as Unix seconds (of local time),
    status and kind as 0/1 (ledger_view.py turns them back into what ServiceRecord reads)."""

    volunteer = ForeignKeyField(Volunteer, on_delete="RESTRICT", index=False)
    detail = ForeignKeyField(ServiceDetail, on_delete="RESTRICT")
    service_date = DateField()
    hours = Hours()
    recorded_at = IntegerField()
    approved = IntegerField()
    approved_at = IntegerField(null=True)
    corrects = ForeignKeyField("self", null=True, on_delete="RESTRICT", index=False)
    correction_reason = TextField()
    opening = IntegerField()

    class Meta:
        indexes = ((("volunteer", "service_date"), False),)


# the lookup of a line's detail by all it holds; community leads, for its foreign key
ServiceDetail.add_index(ServiceDetail.community, ServiceDetail.activity, ServiceDetail.organization,
                        ServiceDetail.place, ServiceDetail.served_group, ServiceDetail.service_category,
                        ServiceDetail.content, ServiceDetail.recorder, ServiceDetail.approver,
                        name="service_detail_lookup")

# Partial indexes: a column that most lines leave empty (half the lines have no activity, a
# third no organization, nearly none corrects another) is indexed over the lines that set it,
# which is all that a lookup by it (x = ?, a deletion's foreign-key check) reads.
for _column, _unique in ((ServiceRecord.activity, False), (ServiceRecord.organization, False),
                         (ServiceRecord.corrects, True), (ServiceDetail.activity, False),
                         (ServiceDetail.organization, False), (ServiceLine.corrects, True)):
    _column.model.add_index(_column, unique=_unique, where=_column.is_null(False),
                            name=f"{_column.model._meta.table_name}_{_column.column_name}")


# --- certificates, audit, settings -----------------------------------------------------


class Certificate(BaseModel):
    """志愿服务证明 register."""

    number = CharField(unique=True)  # <issuer code>-<year>-<sequence>
    volunteer = ForeignKeyField(Volunteer, on_delete="RESTRICT")
    issuer = ForeignKeyField(Organization, null=True, on_delete="RESTRICT")  # None: the street office
    issuing_organization = CharField()  # the name printed
    period_from = DateField()
    period_to = DateField()
    hours = Hours()
    carried_hours = Hours(default=0, constraints=[SQL("DEFAULT 0")])  # of `hours`, carried over (期初结转)
    content = TextField(default="")
    person_in_charge = CharField(default="")
    handler = CharField(default="")
    contact = CharField(default="")
    issued_on = DateField()
    issued_by = CharField()
    verification_code = CharField(unique=True)


class AuditEntry(BaseModel):
    at = DateTimeField(default=_now, index=True)
    actor = CharField()
    action = CharField()  # create / update / deactivate / approve / correct / import / ...
    table_name = CharField()
    record_id = IntegerField(null=True)
    before = TextField(null=True)  # JSON
    after = TextField(null=True)  # JSON
    detail = TextField(default="")

    class Meta:
        indexes = ((("table_name", "record_id"), False),)


class Account(BaseModel):
    """A user of the program. Passwords are stored as scrypt hashes, never in clear."""

    name = CharField(unique=True)
    display_name = CharField(default="")  # the person's name as printed (经办人 on a certificate)
    role = CharField()  # admin / clerk / viewer
    password_hash = CharField()
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    created_at = DateTimeField(default=_now)
    last_login = DateTimeField(null=True)


class RulePreset(BaseModel):
    """A named rule preset (stars, continuing education, rounding) and its parameters."""

    kind = CharField()  # star / ce / rounding
    name = CharField()
    label = CharField()
    params = TextField()  # JSON

    class Meta:
        indexes = ((("kind", "name"), True),)


class Setting(KeyValue):
    """The register's own settings, such as the rule presets in force."""


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Meta, District, Street, Community, CommunityPopulation, Person, SearchKey, Organization, AnnualInspection,
    EvaluationGrade, ServiceProject, Volunteer, VolunteerOrganization, VolunteerYear,
    CommunityYear, OrganizationYear, MonthCategoryHours, SocialWorker, Training, Attendance, Activity,
    ServiceRecord, Certificate, AuditEntry, Account, RulePreset, Setting,
)

# A SQLite register stores the ledger in these tables, ServiceRecord being a view over them.
SQLITE_LEDGER: tuple[type[BaseModel], ...] = (ServiceDetail, ServiceLine)


def stored_models(sqlite: bool) -> list[type[BaseModel]]:
    """The tables a register holds: ALL_MODELS, the ledger's on SQLite in place of the view."""
    if not sqlite:
        return list(ALL_MODELS)
    return [m for m in ALL_MODELS if m is not ServiceRecord] + list(SQLITE_LEDGER)


# Tables kept in their primary key's order on SQLite (no rowid, no second copy of the key in
# an index of its own); PostgreSQL has no such clause. migrations._create_tables sets the
# flag for the database at hand.
WITHOUT_ROWID: tuple[type[BaseModel], ...] = tuple(m for m in ALL_MODELS if m._meta.without_rowid)


def locked(query: Any) -> Any:
    """`query` taking row locks (SELECT … FOR UPDATE) on PostgreSQL, where transactions run
    side by side: a rule checked on what it read holds until the transaction ends. SQLite
    needs none: its write transactions (BEGIN IMMEDIATE, db.py) run one at a time.
    Locks are taken in one order everywhere (ops/kernel.py, "Locks"), so two writers
    never wait on each other in a circle."""
    return query if is_sqlite() else query.for_update()


def get_or_fail(model: type[BaseModel], record_id: int, what: str, *, lock: bool = False) -> Any:
    query = model.select().where(model._meta.primary_key == record_id)
    record = (locked(query) if lock else query).first()
    if record is None:
        raise NotFoundError(msg("找不到{what}（编号 {record_id}），可能已被删除。", what=what, record_id=record_id))
    return record
