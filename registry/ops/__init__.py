"""Operations: the only way anything in the register changes.

Each validates its input and writes through the kernel (kernel.py): the actor's permission
checked first, one transaction, its audit entries, and a Changes value naming what changed
(changes.py). The actor (who is doing it) is passed in.
"""

from registry.ops.changes import Changes, HasChanges, Table, changes_of
from registry.ops.geography import add_area, set_office_street, set_population, update_area
from registry.ops.hours import (
    approve_records,
    correct_record,
    create_activity,
    delete_pending_record,
    record_activity_hours,
    record_hours,
)
from registry.ops.organizations import (
    add_service_project,
    deregister_organization,
    record_annual_inspection,
    register_organization,
    set_evaluation_grade,
    update_organization,
)
from registry.ops.people import DuplicatePersonError, deactivate_person, register_person, update_person
from registry.ops.presets import set_preset
from registry.ops.settings import save_settings
from registry.ops.social_workers import deactivate_social_worker, register_social_worker, update_social_worker
from registry.ops.training import create_training, record_attendance
from registry.ops.volunteers import deactivate_volunteer, register_volunteer, update_volunteer
from registry.rules.problems import NotAllowedError, NotFoundError, RegistryError, ValidationError

__all__ = [
    "Changes", "DuplicatePersonError", "HasChanges", "NotAllowedError", "NotFoundError", "RegistryError",
    "Table", "ValidationError",
    "add_area", "add_service_project", "approve_records", "changes_of", "correct_record", "create_activity",
    "create_training", "deactivate_person", "deactivate_social_worker", "deactivate_volunteer",
    "delete_pending_record", "deregister_organization", "record_activity_hours",
    "record_annual_inspection", "record_attendance", "record_hours", "register_organization",
    "register_person", "register_social_worker", "register_volunteer", "save_settings",
    "set_evaluation_grade", "set_office_street", "set_population", "set_preset", "update_area",
    "update_organization", "update_person",
    "update_social_worker", "update_volunteer",
]
