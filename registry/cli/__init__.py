"""Command line: `python -m registry --db PATH COMMAND`. Imports no Qt.

This module parses, logs in and reports failures; the commands live beside it, one module
per subject. Bad input ends with one plain sentence on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

from peewee import DatabaseError

from registry.rules.problems import RegistryError
from registry.storage.faults import describe
from registry.storage.lifecycle import DatabaseOpenError, close_database, open_database
from registry.storage.migrations import SchemaError
from registry.storage.paths import URL_ENV, DatabaseTargetError
from registry.storage.paths import database_target as target_of

PASSWORD_ENV = "REGISTRY_PASSWORD"
DEMO_PASSWORD = "demo-password"
EXIT_FAILED = 1  # the command ran and the answer is "no" (an invalid number, ...)
EXIT_ERROR = 2  # the command could not run
WITHOUT_REGISTER = {"check-id", "check-uscc", "template", "district"}  # these open no register first

Handler = Callable[[argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]


class CommandError(Exception):
    """A failure to report as one sentence."""


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def database_target(args: argparse.Namespace) -> str:
    return target_of(args.db)


def read_password(prompt: str = "密码：") -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CommandError(f"需要密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}。")
    return getpass.getpass(prompt)


def login(args: argparse.Namespace) -> None:
    """Open the register; where it has accounts, log in and act as that account."""
    from registry.ops.accounts import authenticate
    from registry.queries.access import accounts_exist
    from registry.rules.permissions import LoginFailed

    open_database(database_target(args))
    if not accounts_exist():
        if not getattr(args, "actor", None):
            args.actor = os_user()
        return
    if not args.user:
        raise CommandError("这个登记库需要登录：请用 --user 指定用户名。")
    try:
        account = authenticate(args.user, read_password())
    except LoginFailed as exc:
        raise CommandError(str(exc)) from exc
    args.actor = account.name


def print_progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        print(f"\r{stage}：{done}/{total}", end="\n" if done == total else "", file=sys.stderr)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    from registry.cli import admin, certificates, exporting, importing, register, server

    parser = argparse.ArgumentParser(prog="python -m registry", description="街道社会工作登记台 命令行工具")
    parser.add_argument("--db", help=f"数据库文件路径或 postgresql:// 地址（默认读取 {URL_ENV}，"
                                     "再默认为用户数据目录中的登记库）")
    parser.add_argument("--user", help=f"用户名（登记库有账号时必填；密码从提示或 {PASSWORD_ENV} 读取）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    handlers: dict[str, Handler] = {}

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        handlers[name] = handler
        return commands.add_parser(name, help=help_text, description=help_text)

    for group in (register, certificates, exporting, importing, admin, server):
        group.add_commands(add)
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command not in WITHOUT_REGISTER:
            login(args)
        return handlers[args.command](args)
    except (CommandError, RegistryError, SchemaError, DatabaseTargetError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"错误：{describe(exc) or f'无法读写文件（{exc.strerror or exc}）。'}", file=sys.stderr)
        return EXIT_ERROR
    except DatabaseOpenError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except (DatabaseError, sqlite3.Error) as exc:  # a full disk, a lock, ...: storage/faults.py words it
        print(f"错误：{describe(exc) or f'无法使用数据库（{exc}）。请检查 --db 指向的文件或地址。'}",
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:
        close_database()


if __name__ == "__main__":
    sys.exit(main())
