"""Command line: `python -m registry --db PATH COMMAND`. Imports no Qt.

This module parses, logs in, checks the account's role and reports failures; the commands
live beside it, one module per subject. Each command is registered with the Action it needs
(rules/permissions.py, the table the operations use), checked right after the login and before
the command does anything; a command that opens no register needs none. Bad input ends with
one plain sentence on stderr and a non-zero exit, never a traceback (failures.py).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from registry.cli.console import code_points_note, tolerant
from registry.cli.failures import (
    DASH_HINT,
    EXIT_ERROR,
    CommandError,
    Parser,
    not_text,
    route_logging,
    sentence_for,
    unforeseen_sentence,
)
from registry.rules.permissions import Action
from registry.storage.lifecycle import close_database, open_database
from registry.storage.paths import URL_ENV
from registry.storage.paths import database_target as target_of
from registry.texts import language_from_environment, msg, set_language

PASSWORD_ENV = "REGISTRY_PASSWORD"  # the login's password, and nothing else
NEW_PASSWORD_ENV = "REGISTRY_NEW_PASSWORD"  # a new account's or a reset password, for scripts
DEMO_PASSWORD = "demo-password"
EXIT_FAILED = 1  # the command ran and the answer is "no" (an invalid number, ...)
EXIT_CANCELLED = 130

Handler = Callable[[argparse.Namespace], int]
Needs = Action | Callable[[argparse.Namespace], Action | None] | None  # None: opens no register
Add = Callable[[str, Handler, str, Needs], argparse.ArgumentParser]

__all__ = ["DASH_HINT", "EXIT_ERROR", "CommandError"]


@dataclass(frozen=True)
class Command:
    handler: Handler
    needs: Needs

    def action(self, args: argparse.Namespace) -> Action | None:
        """What this command line needs of the account (None: it opens no register)."""
        if self.needs is None or isinstance(self.needs, Action):
            return self.needs
        return self.needs(args)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def database_target(args: argparse.Namespace) -> str:
    return target_of(args.db)


def read_password(prompt: str = msg("密码：")) -> str:
    """The login's password: REGISTRY_PASSWORD, else asked at the terminal."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CommandError(msg("需要密码：请在终端中运行，或设置环境变量 {password_env}。", password_env=PASSWORD_ENV))
    return getpass.getpass(prompt)


def read_new_password(name: str) -> str:
    """A new password for account `name`: REGISTRY_NEW_PASSWORD, else asked twice at the
    terminal. Never the login's own password (REGISTRY_PASSWORD), which a script sets for
    the administrator: every account made from it would share the administrator's."""
    password = os.environ.get(NEW_PASSWORD_ENV)
    if not password:
        if not sys.stdin.isatty():
            raise CommandError(msg("需要“{name}”的新密码：请在终端中运行（输入两次），或设置环境变量 "
                               "{new_password_env}（{password_env} 只用于登录，不会用作新密码）。", name=name,
                               new_password_env=NEW_PASSWORD_ENV, password_env=PASSWORD_ENV))
        password = getpass.getpass(msg("“{name}”的新密码：", name=name))
        if getpass.getpass(msg("再输入一次新密码：")) != password:
            raise CommandError(msg("两次输入的新密码不一致，账号没有改动。请重新运行。"))
    if password == os.environ.get(PASSWORD_ENV):
        raise CommandError(msg("新密码不能与登录密码（{password_env}）相同，请为“{name}”另设一个密码。",
                               password_env=PASSWORD_ENV, name=name))
    return password


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
        raise CommandError(msg("这个登记库需要登录：请用 --user 指定用户名。"))
    try:
        account = authenticate(args.user, read_password())
    except LoginFailed as exc:
        raise CommandError(str(exc)) from exc
    args.actor = account.name


def print_progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        print(f"\r{stage}：{done}/{total}", end="\n" if done == total else "", file=sys.stderr)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The parser and every command it knows, with what each needs of the account."""
    from registry.cli import admin, certificates, exporting, importing, merging, register, server

    parser = Parser(prog="python -m registry", description=msg("街道社会工作登记台 命令行工具"), epilog=DASH_HINT)
    parser.add_argument("--db", help=msg("数据库文件路径或 postgresql:// 地址（默认读取 {url_env}，"
                                     "再默认为用户数据目录中的登记库）", url_env=URL_ENV))
    parser.add_argument("--user", help=msg("用户名（登记库有账号时必填；密码从提示或 {password_env} 读取）",
                                           password_env=PASSWORD_ENV))
    parser.add_argument("--version", action="store_true", help=msg(
        "显示程序的版本、登记库的结构版本和使用的数据库组件（--db 指定的登记库或默认的），然后退出"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    known: dict[str, Command] = {}

    def add(name: str, handler: Handler, help_text: str, needs: Needs) -> argparse.ArgumentParser:
        known[name] = Command(handler, needs)
        return commands.add_parser(name, help=help_text, description=help_text, epilog=DASH_HINT)

    for group in (register, certificates, exporting, importing, admin, merging, server):
        group.add_commands(add)
    return parser, known


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; its exit code: 0 done, 1 the answer is no, 2 could not run,
    130 cancelled. Whatever happens, the terminal gets sentences, never a traceback."""
    words = list(sys.argv[1:] if argv is None else argv)
    set_language(language_from_environment())  # REGISTRY_LANG=en, or an English system: English
    tolerant(sys.stdout)
    tolerant(sys.stderr)
    route_logging()
    try:
        code = _run(words)
    except KeyboardInterrupt:
        _say(msg("已取消。"))
        code = EXIT_CANCELLED
    try:
        close_database()
    except Exception as exc:
        _say(msg("错误：{value}", value=sentence_for(exc) or unforeseen_sentence(exc, words)))
        code = code or EXIT_ERROR
    note = code_points_note()
    if note:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        _say(note)
    return code


def _run(words: list[str]) -> int:
    from registry.ops.kernel import allow

    try:
        refused = not_text(words)  # before argparse, which would quote it back and fail to
        if refused:
            raise CommandError(refused)
        parser, commands = build_parser()
        if asks_versions(words):
            return print_versions(words)
        try:
            args = parser.parse_args(words)
        except SystemExit as exc:  # --help, printed: argparse's only exit now
            return exc.code if isinstance(exc.code, int) else 0
        command = commands[args.command]
        action = command.action(args)
        if action is not None:
            login(args)
            allow(args.actor, action)  # refused here, before the command reads or writes anything
        return command.handler(args)
    except Exception as exc:
        _say(msg("错误：{value}", value=sentence_for(exc) or unforeseen_sentence(exc, words)))
        return EXIT_ERROR


def asks_versions(words: list[str]) -> bool:
    """`--version` among the options before the command."""
    pre = Parser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--user")
    pre.add_argument("--version", action="store_true")
    return bool(pre.parse_known_args(words)[0].version)


def print_versions(words: list[str]) -> int:
    """The program's version, the register's schema version and the database library, for
    support staff; the register (--db, else the default) is only read."""
    from registry.storage.versions import of_target

    pre = Parser(add_help=False)
    pre.add_argument("--db")
    for line in of_target(target_of(pre.parse_known_args(words)[0].db)).lines():
        print(line)
    return 0


def _say(sentence: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # no terminal left to tell
        print(sentence, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
