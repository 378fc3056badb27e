"""The closed set of actions and the role each needs."""

import pytest

from registry.rules.permissions import ROLE_NEEDED, ROLES, Action, role_needed


def test_every_action_has_a_role() -> None:
    assert set(ROLE_NEEDED) == set(Action)
    assert all(role in ROLES for role in ROLE_NEEDED.values())


def test_an_unknown_action_is_a_programming_error_not_a_clerks_right() -> None:
    with pytest.raises(ValueError):
        role_needed("approve_everything")


@pytest.mark.parametrize(("action", "role"), [
    ("export", "viewer"), ("create", "clerk"), ("approve", "clerk"), ("restore", "admin"),
    ("unmask", "admin"), ("export_unmasked", "admin"), ("retention", "admin"),
])
def test_roles_needed(action: str, role: str) -> None:
    assert role_needed(action) == role
