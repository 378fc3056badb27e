"""A shared PostgreSQL register's everyday account: its rights given by the owner, audited."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import DatabaseError

from registry.ops.changes import Changes, Table
from registry.ops.kernel import write
from registry.rules.permissions import Action
from registry.rules.problems import RegistryError
from registry.storage import server_roles
from registry.storage.db import database
from registry.texts import msg


@dataclass(frozen=True)
class ServerSetup:
    app_role: str
    rights: dict[str, frozenset[str]]  # table: what the everyday account may do there, as checked
    app_url: str  # what the clerks' program connects to (no password in it)
    changes: Changes


def setup_server(actor: str, app_role: str) -> ServerSetup:
    """Give `app_role` exactly the everyday rights on the open register (connected as the
    schema's owner); idempotent, in one transaction with its audit entry."""
    db = database.obj
    try:
        with write(actor, Action.SERVER_SETUP) as w:
            server_roles.grant_app_role(db, app_role)
            rights = server_roles.rights_of(db, app_role)
            w.log(Table.REGISTRY_META, None, None,
                  {"app_role": app_role, **{t: sorted(r) for t, r in sorted(rights.items())}},
                  msg("服务器日常账号 {app_role} 的权限", app_role=app_role))
            w.changed(Table.REGISTRY_META)
    except server_roles.ServerRoleError as exc:
        raise RegistryError(str(exc)) from exc
    except DatabaseError as exc:
        raise RegistryError(msg("服务器拒绝了权限设置（{exc}）。请确认 --db 用的是登记库所有者的账号。",
                                exc=exc)) from exc
    return ServerSetup(app_role, rights, server_roles.app_url(db, app_role), w.changes)
