"""Volunteers: register, update, deactivate; their organizations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from registry.ops.changes import Changes
from registry.ops.roles import check_community, deactivate_role, register_role, update_role
from registry.queries.editing import Seen
from registry.rules.fields import Cleaner, clean_bool, clean_date, clean_int, clean_text, is_blank
from registry.rules.problems import Problem, ValidationError, error, warning
from registry.rules.text import normalize_text
from registry.rules.vocab import LIST_SEPARATOR, SERVICE_CATEGORIES, split_list
from registry.storage.models import Organization, Volunteer, VolunteerOrganization
from registry.texts import mark, msg

LABELS = {
    "volunteer_number": mark("志愿者编号"),
    "national_number": mark("全国志愿服务信息系统编号"),
    "registered_on": mark("注册日期"),
    "community": mark("所在社区"),
    "skills": mark("技能特长"),
    "service_categories": mark("服务类别"),
    "consent_contact": mark("同意联系"),
    "consent_publish": mark("同意公示"),
    "status": mark("状态"),
}
ROLE = mark("志愿者")


def _categories(raw: Any, field: str) -> tuple[str, list[Problem]]:
    if isinstance(raw, list | tuple):
        parts = [normalize_text(str(p)) for p in raw if not is_blank(p)]
    else:
        parts = split_list(clean_text(raw, field, LABELS["service_categories"])[0])
    unknown = [p for p in parts if p not in SERVICE_CATEGORIES]
    problems = [warning("category", field, msg("服务类别“{unknown}”不在常用类别中，已照录。",
                                               unknown='、'.join(unknown)))
                ] if unknown else []
    return LIST_SEPARATOR.join(dict.fromkeys(str(p) for p in parts)), problems


def clean_volunteer(data: Mapping[str, Any], *, partial: bool = False,
                    ) -> tuple[dict[str, Any], list[Problem]]:
    c = Cleaner(data, partial=partial)
    c.take("volunteer_number", clean_text, LABELS["volunteer_number"], max_length=40)
    c.take("national_number", clean_text, LABELS["national_number"], max_length=40)
    c.take("registered_on", clean_date, LABELS["registered_on"])
    c.take("community", clean_int, LABELS["community"], minimum=1)
    c.take("skills", clean_text, LABELS["skills"], max_length=500)
    c.take("service_categories", _categories)
    c.take("consent_contact", clean_bool, LABELS["consent_contact"])
    c.take("consent_publish", clean_bool, LABELS["consent_publish"])
    values = c.values
    for key in ("volunteer_number", "national_number"):
        if key in values and not values[key]:
            values[key] = None  # empty numbers must not collide in the unique index
    for key in ("consent_contact", "consent_publish"):
        if key in values and values[key] is None:
            values[key] = False
    check_community(values, c.problems)
    number = values.get("volunteer_number")
    if number:
        holder = Volunteer.get_or_none(Volunteer.volunteer_number == number)
        if holder is not None and holder.id != data.get("_id"):
            c.problems.append(error("duplicate", "volunteer_number",
                                    msg("志愿者编号“{number}”已被其他志愿者使用。", number=number)))
    return values, c.problems


def register_volunteer(actor: str, data: Mapping[str, Any]) -> Changes:
    """Register a volunteer (a person, merged on ID number, plus the volunteer record)."""
    def join(volunteer: Volunteer) -> None:
        set_organizations(volunteer, data.get("organizations") or ())
    return register_role(actor, data, Volunteer, ROLE, clean_volunteer, join)


def update_volunteer(actor: str, volunteer_id: int, data: Mapping[str, Any], *,
                     seen: Seen | None = None) -> Changes:
    """Change the fields given; `seen`: the versions the clerk's form was filled from."""
    return update_role(actor, volunteer_id, {**data, "_id": volunteer_id}, Volunteer, ROLE,
                       clean_volunteer, seen=seen)


def deactivate_volunteer(actor: str, volunteer_id: int, reason: str) -> Changes:
    return deactivate_role(actor, volunteer_id, reason, Volunteer, ROLE)


def set_organizations(volunteer: Volunteer, organization_ids: Any) -> None:
    """Inside an operation: the organizations (teams) the volunteer serves with."""
    VolunteerOrganization.delete().where(VolunteerOrganization.volunteer == volunteer.id).execute()
    for org_id in dict.fromkeys(int(i) for i in organization_ids):
        if Organization.get_or_none(Organization.id == org_id) is None:
            raise ValidationError([error("organization", "organizations", msg("所选组织不在登记库中。"))])
        VolunteerOrganization.create(volunteer=volunteer.id, organization=org_id)
