"""What the logged-in account may do, asked of the core once (on the worker) so buttons can
be disabled; the core checks every operation again and refuses with a Chinese message."""

from __future__ import annotations

from typing import Any

from registry.rules.permissions import Action


def load_permissions(actor: str) -> dict[str, Any]:
    """On the worker: the actor's role (None without accounts) and each action's answer."""
    from registry.queries.access import accounts_exist, may, role_of

    if not accounts_exist():
        return {"role": None, "permissions": dict.fromkeys(Action, True)}
    try:
        role = role_of(actor)
    except Exception:  # not an account of this register: may do nothing
        role = None
    return {"role": role, "permissions": {a: may(actor, a) for a in Action}}


def role_label(role: str | None) -> str:
    from registry.rules.permissions import ROLE_LABELS

    return ROLE_LABELS.get(role or "", "")


def refusal_text(role: str | None, action: str) -> str:
    """What a screen says when an action its account may not take is reached anyway (a
    shortcut, a stale button): the same sentence the core refuses it with."""
    from registry.rules.permissions import refusal

    return refusal(role or "viewer", action)
