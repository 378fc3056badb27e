"""A shared PostgreSQL server: server-setup, run by IT as the owner of the register's schema."""

from __future__ import annotations

import argparse

from registry.cli import Add
from registry.rules.permissions import Action
from registry.texts import msg


def cmd_server_setup(args: argparse.Namespace) -> int:
    from registry.ops.server import setup_server

    # Opening the register as its owner (cli.login) already created or upgraded the schema.
    setup = setup_server(args.actor, args.app_role)
    print(msg("登记库结构已是最新；日常账号“{app_role}”的权限已设好并核对：", app_role=setup.app_role))
    for table, rights in sorted(setup.rights.items()):
        print(f"  {table}\t{', '.join(sorted(rights)) or msg('无')}")
    print(msg("它不能清空（TRUNCATE）、修改或删除操作记录，也不能改表结构、停用触发器。"))
    print(msg("办事员的程序请连接：{app_url}（密码在程序里输入或写在该电脑的 pgpass 文件中）", app_url=setup.app_url))
    print(msg("以后安装新版本后，请用所有者账号再运行一次本命令。"))
    return 0


def add_commands(add: Add) -> None:
    p = add("server-setup", cmd_server_setup,
            msg("PostgreSQL：以所有者账号建立或升级登记库结构，并给日常账号（办事员的程序用）只够日常工作的权限"
            "（可重复运行）"), Action.SERVER_SETUP)
    p.add_argument("--app-role", required=True, metavar=msg("账号"),
                   help=msg("办事员的程序连接服务器所用的日常账号（须已用 CREATE ROLE 建好）"))
