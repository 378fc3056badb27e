import datetime as dt

import pytest

from registry import ops
from registry.ops.copies import copy_register_to_server as migrate
from registry.queries.search import search_people
from registry.storage.lifecycle import close_database, open_database
from registry.storage.models import Person, ServiceRecord, Volunteer
from registry.storage.transfer import migrate_to


def test_a_sqlite_register_moves_to_postgresql_with_every_table_verified(demo, empty_postgres):
    ops.register_person("clerk", {"id_number": "11010519491231002X", "name": "张三"})
    checks = migrate_to(empty_postgres)
    assert checks and all(c.ok for c in checks), [c for c in checks if not c.ok]
    counts = {c.table: c.target_rows for c in checks}
    assert counts["person"] == Person.select().count() > 60
    assert counts["service_record"] == ServiceRecord.select().count() > 0
    close_database()

    open_database(empty_postgres)  # the program now runs on the server
    assert search_people("zs").ids
    community = Volunteer.select(Volunteer.community).where(Volunteer.community.is_null(False)).scalar()
    new = ops.register_volunteer("clerk", {"id_number": "110105199001010037", "name": "李四",
                                           "community": community}).id
    assert new > max(v.id for v in Volunteer.select().where(Volunteer.id != new))  # sequences moved on
    rid = ops.record_hours("clerk", new, {"service_date": dt.date.today(), "hours": 2}).id
    ops.approve_records("chief", [rid])
    assert Volunteer.get_by_id(new).total_hours == 2


def test_a_non_empty_target_is_refused(sqlite_db, empty_postgres):
    migrate_to(empty_postgres)
    with pytest.raises(ops.RegistryError, match="不是空的"):
        migrate_to(empty_postgres)


def test_a_migration_that_fails_midway_leaves_the_server_empty_and_can_be_run_again(demo, empty_postgres):
    import psycopg

    def fail_at_the_ledger(table: str, done: int) -> None:
        if table == "service_record":
            raise KeyboardInterrupt  # as a clerk's Ctrl+C, or a lost connection, midway

    with pytest.raises(KeyboardInterrupt):
        migrate("boss", empty_postgres, progress=fail_at_the_ledger)
    with psycopg.connect(empty_postgres) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)
    checks = migrate("boss", empty_postgres)
    assert all(c.ok for c in checks)
    with psycopg.connect(empty_postgres) as conn:
        assert conn.execute("SELECT actor FROM audit_entry WHERE detail LIKE '%迁移到共享服务器%'").fetchall() == [
            ("boss",)]
