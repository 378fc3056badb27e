"""Operations: the only way anything in the register changes.

Each validates its input and writes through the kernel (kernel.py): the actor's permission
checked first, one transaction, its audit entries, and a Changes value naming what changed
(changes.py). The actor (who is doing it) is passed in.

What changed and the errors are here at once; an operation is imported from its module when
first asked for (`from registry.ops import register_person`), so a program that only reads
Changes (the desktop program as it starts) does not load every operation and the kernel.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from registry.ops.changes import Changes, HasChanges, Table, changes_of
from registry.rules.problems import NotAllowedError, NotFoundError, RegistryError, ValidationError

if TYPE_CHECKING:  # what __getattr__ below imports on first use, for the type checker
    from registry.ops.geography import add_area, set_office_street, set_population, update_area
    from registry.ops.hours import (
        approve_records,
        correct_record,
        create_activity,
        delete_pending_record,
        record_activity_hours,
        record_hours,
    )
    from registry.ops.merging import merge_people
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

LAZY: dict[str, tuple[str, ...]] = {  # module: the names it gives this package
    "geography": ("add_area", "set_office_street", "set_population", "update_area"),
    "hours": ("approve_records", "correct_record", "create_activity", "delete_pending_record",
              "record_activity_hours", "record_hours"),
    "organizations": ("add_service_project", "deregister_organization", "record_annual_inspection",
                      "register_organization", "set_evaluation_grade", "update_organization"),
    "merging": ("merge_people",),
    "people": ("DuplicatePersonError", "deactivate_person", "register_person", "update_person"),
    "presets": ("set_preset",),
    "settings": ("save_settings",),
    "social_workers": ("deactivate_social_worker", "register_social_worker", "update_social_worker"),
    "training": ("create_training", "record_attendance"),
    "volunteers": ("deactivate_volunteer", "register_volunteer", "update_volunteer"),
}
_HOME = {name: module for module, names in LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "Changes", "DuplicatePersonError", "HasChanges", "NotAllowedError", "NotFoundError", "RegistryError",
    "Table", "ValidationError",
    "add_area", "add_service_project", "approve_records", "changes_of", "correct_record", "create_activity",
    "create_training", "deactivate_person", "deactivate_social_worker", "deactivate_volunteer",
    "delete_pending_record", "deregister_organization", "merge_people", "record_activity_hours",
    "record_annual_inspection", "record_attendance", "record_hours", "register_organization",
    "register_person", "register_social_worker", "register_volunteer", "save_settings",
    "set_evaluation_grade", "set_office_street", "set_population", "set_preset", "update_area",
    "update_organization", "update_person",
    "update_social_worker", "update_volunteer",
]
