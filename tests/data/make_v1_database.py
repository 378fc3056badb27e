"""Makes registry-v1.sqlite3: a register as version 1 of the schema left it.

The file is committed; this script documents how it was made and remakes it when run:
    .venv/bin/python tests/data/make_v1_database.py
Version 1 had no search columns (reversed ID and phone numbers, pinyin initials) and no
side index of name parts; migrations._v1_to_v2 adds them.
"""

import sqlite3
from pathlib import Path

TARGET = Path(__file__).with_name("registry-v1.sqlite3")

V1_SCHEMA = """
CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "id_number" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "sex" VARCHAR(255) NOT NULL, "birth_date" DATE, "region_code" VARCHAR(255) NOT NULL, "phone" VARCHAR(255), "address" TEXT NOT NULL, "ethnicity" VARCHAR(255) NOT NULL, "political_status" VARCHAR(255) NOT NULL, "education" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL, "active" INTEGER NOT NULL, "deactivated_reason" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL);
CREATE UNIQUE INDEX "person_id_number" ON "person" ("id_number");
CREATE INDEX "person_name" ON "person" ("name");
CREATE INDEX "person_phone" ON "person" ("phone");
CREATE TABLE "district" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "population" INTEGER NOT NULL);
CREATE UNIQUE INDEX "district_code" ON "district" ("code");
CREATE TABLE "street" ("id" INTEGER NOT NULL PRIMARY KEY, "district_id" INTEGER NOT NULL, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "population" INTEGER NOT NULL, FOREIGN KEY ("district_id") REFERENCES "district" ("id") ON DELETE RESTRICT);
CREATE INDEX "street_district_id" ON "street" ("district_id");
CREATE UNIQUE INDEX "street_code" ON "street" ("code");
CREATE TABLE "community" ("id" INTEGER NOT NULL PRIMARY KEY, "street_id" INTEGER NOT NULL, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "population" INTEGER NOT NULL, FOREIGN KEY ("street_id") REFERENCES "street" ("id") ON DELETE RESTRICT);
CREATE INDEX "community_street_id" ON "community" ("street_id");
CREATE UNIQUE INDEX "community_code" ON "community" ("code");
CREATE INDEX "community_name" ON "community" ("name");
CREATE TABLE "organization" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "uscc" VARCHAR(255), "org_type" VARCHAR(255) NOT NULL, "registration_authority" VARCHAR(255) NOT NULL, "supervising_unit" VARCHAR(255) NOT NULL, "legal_representative_id" INTEGER, "legal_representative_name" VARCHAR(255) NOT NULL, "contact_id" INTEGER, "founded_on" DATE, "address" TEXT NOT NULL, "business_scope" TEXT NOT NULL, "service_fields" TEXT NOT NULL, "registered_capital" DECIMAL(14, 2), "street_id" INTEGER, "community_id" INTEGER, "status" VARCHAR(255) NOT NULL, "status_changed_on" DATE, "status_reason" TEXT NOT NULL, "filed_on" DATE, "responsible_person" VARCHAR(255) NOT NULL, "venue" TEXT NOT NULL, "member_count" INTEGER, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("legal_representative_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("contact_id") REFERENCES "person" ("id") ON DELETE SET NULL, FOREIGN KEY ("street_id") REFERENCES "street" ("id") ON DELETE RESTRICT, FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT);
CREATE INDEX "organization_name" ON "organization" ("name");
CREATE UNIQUE INDEX "organization_uscc" ON "organization" ("uscc");
CREATE INDEX "organization_legal_representative_id" ON "organization" ("legal_representative_id");
CREATE INDEX "organization_contact_id" ON "organization" ("contact_id");
CREATE INDEX "organization_street_id" ON "organization" ("street_id");
CREATE INDEX "organization_community_id" ON "organization" ("community_id");
CREATE TABLE "activity" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "organization_id" INTEGER, "community_id" INTEGER, "place" VARCHAR(255) NOT NULL, "starts_at" DATETIME NOT NULL, "ends_at" DATETIME NOT NULL, "travel_minutes" INTEGER NOT NULL, "service_category" VARCHAR(255) NOT NULL, "served_group" VARCHAR(255) NOT NULL, "content" TEXT NOT NULL, "recorder" VARCHAR(255) NOT NULL, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE RESTRICT, FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT);
CREATE INDEX "activity_organization_id" ON "activity" ("organization_id");
CREATE INDEX "activity_community_id" ON "activity" ("community_id");
CREATE TABLE "annual_inspection" ("id" INTEGER NOT NULL PRIMARY KEY, "organization_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "result" VARCHAR(255) NOT NULL, "reported_on" DATE, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE);
CREATE INDEX "annual_inspection_organization_id" ON "annual_inspection" ("organization_id");
CREATE UNIQUE INDEX "annual_inspection_organization_id_year" ON "annual_inspection" ("organization_id", "year");
CREATE TABLE "training" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(255) NOT NULL, "organizer" VARCHAR(255) NOT NULL, "starts_on" DATE NOT NULL, "ends_on" DATE NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, "category" VARCHAR(255) NOT NULL, "counts_as_ce" INTEGER NOT NULL, "place" VARCHAR(255) NOT NULL);
CREATE TABLE "attendance" ("id" INTEGER NOT NULL PRIMARY KEY, "training_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "hours_credited" DECIMAL(12, 2) NOT NULL, "passed" INTEGER NOT NULL, FOREIGN KEY ("training_id") REFERENCES "training" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT);
CREATE INDEX "attendance_training_id" ON "attendance" ("training_id");
CREATE INDEX "attendance_person_id" ON "attendance" ("person_id");
CREATE UNIQUE INDEX "attendance_training_id_person_id" ON "attendance" ("training_id", "person_id");
CREATE TABLE "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "actor" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT NULL, "table_name" VARCHAR(255) NOT NULL, "record_id" INTEGER, "before" TEXT, "after" TEXT, "detail" TEXT NOT NULL);
CREATE INDEX "audit_entry_at" ON "audit_entry" ("at");
CREATE INDEX "audit_entry_table_name_record_id" ON "audit_entry" ("table_name", "record_id");
CREATE TABLE "volunteer" ("id" INTEGER NOT NULL PRIMARY KEY, "person_id" INTEGER NOT NULL, "volunteer_number" VARCHAR(255), "national_number" VARCHAR(255), "registered_on" DATE, "community_id" INTEGER, "skills" TEXT NOT NULL, "service_categories" TEXT NOT NULL, "consent_contact" INTEGER NOT NULL, "consent_publish" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "status_reason" TEXT NOT NULL, "total_hours" DECIMAL(12, 2) NOT NULL, "star_level" INTEGER NOT NULL, "star_preset" VARCHAR(255) NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT, FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT);
CREATE UNIQUE INDEX "volunteer_person_id" ON "volunteer" ("person_id");
CREATE UNIQUE INDEX "volunteer_volunteer_number" ON "volunteer" ("volunteer_number");
CREATE INDEX "volunteer_community_id" ON "volunteer" ("community_id");
CREATE TABLE "certificate" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "volunteer_id" INTEGER NOT NULL, "issuing_organization" VARCHAR(255) NOT NULL, "period_from" DATE NOT NULL, "period_to" DATE NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, "content" TEXT NOT NULL, "person_in_charge" VARCHAR(255) NOT NULL, "handler" VARCHAR(255) NOT NULL, "contact" VARCHAR(255) NOT NULL, "issued_on" DATE NOT NULL, "issued_by" VARCHAR(255) NOT NULL, "verification_code" VARCHAR(255) NOT NULL, FOREIGN KEY ("volunteer_id") REFERENCES "volunteer" ("id") ON DELETE RESTRICT);
CREATE UNIQUE INDEX "certificate_number" ON "certificate" ("number");
CREATE INDEX "certificate_volunteer_id" ON "certificate" ("volunteer_id");
CREATE UNIQUE INDEX "certificate_verification_code" ON "certificate" ("verification_code");
CREATE TABLE "community_year" ("community_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, PRIMARY KEY ("community_id", "year"), FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE CASCADE);
CREATE INDEX "community_year_community_id" ON "community_year" ("community_id");
CREATE TABLE "evaluation_grade" ("id" INTEGER NOT NULL PRIMARY KEY, "organization_id" INTEGER NOT NULL, "grade" INTEGER NOT NULL, "awarded_on" DATE NOT NULL, "expires_on" DATE NOT NULL, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE);
CREATE INDEX "evaluation_grade_organization_id" ON "evaluation_grade" ("organization_id");
CREATE INDEX "evaluation_grade_expires_on" ON "evaluation_grade" ("expires_on");
CREATE TABLE "registry_meta" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "organization_year" ("organization_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, PRIMARY KEY ("organization_id", "year"), FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE);
CREATE INDEX "organization_year_organization_id" ON "organization_year" ("organization_id");
CREATE TABLE "rule_preset" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "label" VARCHAR(255) NOT NULL, "params" TEXT NOT NULL);
CREATE UNIQUE INDEX "rule_preset_kind_name" ON "rule_preset" ("kind", "name");
CREATE TABLE "service_project" ("id" INTEGER NOT NULL PRIMARY KEY, "organization_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "buyer" VARCHAR(255) NOT NULL, "amount" DECIMAL(14, 2), "starts_on" DATE, "ends_on" DATE, "status" VARCHAR(255) NOT NULL, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE);
CREATE INDEX "service_project_organization_id" ON "service_project" ("organization_id");
CREATE TABLE "service_record" ("id" INTEGER NOT NULL PRIMARY KEY, "volunteer_id" INTEGER NOT NULL, "activity_id" INTEGER, "organization_id" INTEGER, "community_id" INTEGER, "service_date" DATE NOT NULL, "place" VARCHAR(255) NOT NULL, "served_group" VARCHAR(255) NOT NULL, "service_category" VARCHAR(255) NOT NULL, "content" TEXT NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, "recorder" VARCHAR(255) NOT NULL, "recorded_at" DATETIME NOT NULL, "status" VARCHAR(255) NOT NULL, "approver" VARCHAR(255) NOT NULL, "approved_at" DATETIME, "corrects_id" INTEGER, "correction_reason" TEXT NOT NULL, FOREIGN KEY ("volunteer_id") REFERENCES "volunteer" ("id") ON DELETE RESTRICT, FOREIGN KEY ("activity_id") REFERENCES "activity" ("id") ON DELETE RESTRICT, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE RESTRICT, FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT, FOREIGN KEY ("corrects_id") REFERENCES "service_record" ("id") ON DELETE RESTRICT);
CREATE INDEX "service_record_volunteer_id" ON "service_record" ("volunteer_id");
CREATE INDEX "service_record_activity_id" ON "service_record" ("activity_id");
CREATE INDEX "service_record_organization_id" ON "service_record" ("organization_id");
CREATE INDEX "service_record_community_id" ON "service_record" ("community_id");
CREATE UNIQUE INDEX "service_record_corrects_id" ON "service_record" ("corrects_id");
CREATE INDEX "service_record_volunteer_id_service_date" ON "service_record" ("volunteer_id", "service_date");
CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "social_worker" ("id" INTEGER NOT NULL PRIMARY KEY, "person_id" INTEGER NOT NULL, "level" VARCHAR(255) NOT NULL, "certificate_number" VARCHAR(255) NOT NULL, "obtained_year" INTEGER, "registration_number" VARCHAR(255), "registered_on" DATE, "registered_until" DATE, "employer_id" INTEGER, "employer_name" VARCHAR(255) NOT NULL, "post" VARCHAR(255) NOT NULL, "community_id" INTEGER, "status" VARCHAR(255) NOT NULL, "status_reason" TEXT NOT NULL, "ce_hours" DECIMAL(12, 2) NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT, FOREIGN KEY ("employer_id") REFERENCES "organization" ("id") ON DELETE SET NULL, FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT);
CREATE UNIQUE INDEX "social_worker_person_id" ON "social_worker" ("person_id");
CREATE UNIQUE INDEX "social_worker_certificate_number" ON "social_worker" ("certificate_number");
CREATE INDEX "social_worker_registered_until" ON "social_worker" ("registered_until");
CREATE INDEX "social_worker_employer_id" ON "social_worker" ("employer_id");
CREATE INDEX "social_worker_community_id" ON "social_worker" ("community_id");
CREATE TABLE "volunteer_organization" ("volunteer_id" INTEGER NOT NULL, "organization_id" INTEGER NOT NULL, PRIMARY KEY ("volunteer_id", "organization_id"), FOREIGN KEY ("volunteer_id") REFERENCES "volunteer" ("id") ON DELETE CASCADE, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE);
CREATE INDEX "volunteer_organization_volunteer_id" ON "volunteer_organization" ("volunteer_id");
CREATE INDEX "volunteer_organization_organization_id" ON "volunteer_organization" ("organization_id");
CREATE TABLE "volunteer_year" ("volunteer_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "hours" DECIMAL(12, 2) NOT NULL, PRIMARY KEY ("volunteer_id", "year"), FOREIGN KEY ("volunteer_id") REFERENCES "volunteer" ("id") ON DELETE CASCADE);
CREATE INDEX "volunteer_year_volunteer_id" ON "volunteer_year" ("volunteer_id");
CREATE TRIGGER service_record_approved_is_final
       BEFORE UPDATE ON service_record WHEN OLD.status = 'approved'
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END;
CREATE TRIGGER service_record_approved_not_deleted
       BEFORE DELETE ON service_record WHEN OLD.status = 'approved'
       BEGIN SELECT RAISE(ABORT, 'approved service records are append-only'); END;
CREATE TRIGGER audit_entry_no_update
       BEFORE UPDATE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entry_no_delete
       BEFORE DELETE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

ROWS = """
INSERT INTO registry_meta VALUES ('schema_version', '1');
INSERT INTO district VALUES (1, '110105', '朝阳区', 3452000);
INSERT INTO street VALUES (1, 1, '110105001', '建外街道', 62000);
INSERT INTO community VALUES (1, 1, '110105001001', '永安里社区', 8200);
INSERT INTO community VALUES (2, 1, '110105001002', '建华南社区', 6100);
INSERT INTO person VALUES (1, '11010519491231002X', '张三', '女', '1949-12-31', '110105',
  '13800138000', '永安里1号', '汉族', '群众', '高中', '', 1, '', '2024-01-02 09:00:00',
  '2024-01-02 09:00:00');
INSERT INTO person VALUES (2, '440305197805120017', '欧阳晓明', '男', '1978-05-12', '440305',
  '075588886666', '', '汉族', '中共党员', '本科', '', 1, '', '2024-01-03 10:00:00',
  '2024-01-03 10:00:00');
INSERT INTO person VALUES (3, '110105199001010036', '李四', '男', '1990-01-01', '110105',
  NULL, '', '', '', '', '', 1, '', '2024-02-01 08:00:00', '2024-02-01 08:00:00');
INSERT INTO organization VALUES (1, '朝阳区阳光志愿服务协会', '51110105MJ0000000X', '社会团体',
  '朝阳区民政局', '', 2, '欧阳晓明', NULL, '2015-06-01', '建外大街1号', '志愿服务', '养老服务',
  30000, 1, NULL, '正常', NULL, '', NULL, '', '', NULL, '', '2024-01-05 09:00:00',
  '2024-01-05 09:00:00');
INSERT INTO annual_inspection VALUES (1, 1, 2023, '合格', '2024-03-20');
INSERT INTO volunteer VALUES (1, 1, 'V0001', NULL, '2020-03-05', 1, '心理疏导', '为老服务', 1, 0,
  '在册', '', 105.5, 1, 'national');
INSERT INTO volunteer VALUES (2, 3, 'V0002', NULL, '2021-07-01', 2, '', '青少年服务', 0, 0, '在册',
  '', 0, 0, 'national');
INSERT INTO volunteer_year VALUES (1, 2024, 105.5);
INSERT INTO community_year VALUES (1, 2024, 105.5);
INSERT INTO social_worker VALUES (1, 2, '社会工作师', 'S2019110000123', 2019, 'R-0001',
  '2022-07-01', '2025-06-30', 1, '朝阳区阳光志愿服务协会', '项目主管', 1, '在册', '', 40);
INSERT INTO training VALUES (1, '社会工作伦理', '朝阳区民政局', '2024-04-10', '2024-04-10', 6,
  '专业培训', 1, '区社工中心');
INSERT INTO attendance VALUES (1, 1, 2, 6, 1);
INSERT INTO service_record VALUES (1, 1, NULL, 1, 1, '2024-05-01', '永安里', '老年人', '为老服务',
  '陪伴聊天', 100, 'clerk', '2024-05-01 18:00:00', 'approved', 'chief', '2024-05-02 09:00:00',
  NULL, '');
INSERT INTO service_record VALUES (2, 1, NULL, 1, 1, '2024-05-08', '永安里', '老年人', '为老服务',
  '助餐', 5.5, 'clerk', '2024-05-08 18:00:00', 'approved', 'chief', '2024-05-09 09:00:00',
  NULL, '');
INSERT INTO audit_entry VALUES (1, '2024-01-02 09:00:00', 'clerk', 'create', 'person', 1, NULL,
  '{"name": "张三"}', '');
INSERT INTO setting VALUES ('star_preset', 'national');
"""


def main() -> None:
    TARGET.unlink(missing_ok=True)
    with sqlite3.connect(TARGET) as conn:
        conn.executescript(V1_SCHEMA)
        conn.executescript(ROWS)
    conn.close()
    print(TARGET)


if __name__ == "__main__":
    main()
