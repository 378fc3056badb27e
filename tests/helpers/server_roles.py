"""Two server accounts on the PostgreSQL test server, as an IT person sets them up: an owner
of the register's database and an everyday account for the clerks' program.

The test server's account (REGISTRY_TEST_POSTGRES_URL, a superuser) makes them once, and
an empty schema owned by the owner for each test."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlparse, urlunparse

POSTGRES_ENV = "REGISTRY_TEST_POSTGRES_URL"
OWNER = "registry_test_owner"
CLERK = "registry_test_clerk"
DATABASE = "registry_roles_test"


class NoServer(Exception):
    """No test server, or one whose account cannot make roles: str() says which."""


@dataclass(frozen=True)
class ServerAccounts:
    admin: str  # the server's superuser, in the shared roles database
    owner: str  # the owner of the register's schema: what server-setup and migrations use
    clerk: str  # the everyday account the program connects as


def _as(url: str, user: str, database: str) -> str:
    parts = urlparse(url)
    host = parts.hostname or "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    return urlunparse(parts._replace(netloc=f"{user}@{host}{port}", path=f"/{database}"))


def server_accounts(url: str | None = None) -> ServerAccounts:
    """The two accounts and an empty schema in their database (made on first use)."""
    import psycopg

    url = url or os.environ.get(POSTGRES_ENV)
    if not url:
        raise NoServer(f"{POSTGRES_ENV} is not set, no server to test against (packaging/dev.py test starts one)")
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            if not conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
                raise NoServer("the test server's account is not a superuser: it cannot make the two roles")
            for role in (OWNER, CLERK):
                if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
                    conn.execute(f'CREATE ROLE "{role}" LOGIN')
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone() is None:
                conn.execute(f'CREATE DATABASE "{DATABASE}" OWNER "{OWNER}" TEMPLATE template0 ENCODING \'UTF8\'')
        admin = _as(url, urlparse(url).username or "postgres", DATABASE)
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute(f'CREATE SCHEMA public AUTHORIZATION "{OWNER}"')
            conn.execute(f'REVOKE ALL ON DATABASE "{DATABASE}" FROM "{CLERK}"')
    except psycopg.OperationalError as exc:
        raise NoServer(f"PostgreSQL server at {url} is not reachable: {exc}") from exc
    return ServerAccounts(admin, _as(url, OWNER, DATABASE), _as(url, CLERK, DATABASE))
