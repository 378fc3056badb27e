"""Looking after the register: backup, restore, migrate-to, retention, district, presets, user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from registry.cli import EXIT_FAILED, Add, CommandError, database_target, print_progress, read_new_password
from registry.cli.failures import bounded
from registry.rules.permissions import Action
from registry.texts import msg

PASSPHRASE_ENV = "REGISTRY_BACKUP_PASSPHRASE"  # an encrypted backup's passphrase, for scripts


def read_passphrase(*, new: bool) -> str:
    """An encrypted backup's passphrase: REGISTRY_BACKUP_PASSPHRASE, else asked at the
    terminal (twice for a new one: a typing mistake would lock the backup for good)."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise CommandError(msg("需要加密备份的口令：请在终端中运行，或设置环境变量 {env}。", env=PASSPHRASE_ENV))
    passphrase = getpass.getpass(msg("加密备份的口令：") if not new else msg("为加密备份设定口令："))
    if new and getpass.getpass(msg("再输入一次口令：")) != passphrase:
        raise CommandError(msg("两次输入的口令不一致，没有导出。请重新运行。"))
    return passphrase


def cmd_backup(args: argparse.Namespace) -> int:
    from registry.ops.copies import backup_register, copy_register_to_file, export_encrypted
    from registry.storage.sealing import passphrase_problem

    if args.encrypt:
        if args.file:
            raise CommandError(msg("--encrypt 已指定要导出的文件，不能再指定另一个文件。"))
        passphrase = read_passphrase(new=True)
        if problem := passphrase_problem(passphrase):
            raise CommandError(problem)
        path = export_encrypted(args.actor, Path(args.encrypt), passphrase)
        print(msg("已导出加密备份：{path}。请把口令另行妥善保管：没有口令，任何人（包括本程序）都无法恢复它。",
                  path=path))
        return 0
    path = copy_register_to_file(args.actor, Path(args.file)) if args.file else backup_register(args.actor)
    print(msg("已备份到：{path}", path=path))
    return 0


def backup_needs(args: argparse.Namespace) -> Action:
    """Into the backups folder, or encrypted to carry away: a clerk's; to a plain file of
    one's choosing: a copy of the register, an administrator's (rules/permissions.py says why)."""
    return Action.COPY_REGISTER if args.file and not args.encrypt else Action.BACKUP


def cmd_restore(args: argparse.Namespace) -> int:
    from registry.ops.backups import restore
    from registry.storage.backup_files import Kind, kind_of

    passphrase = read_passphrase(new=False) if kind_of(Path(args.file)) is Kind.SEALED else None
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(msg("恢复会替换当前登记库中的全部数据：确认无误请加 --yes。"))
        if input(msg("用“{file}”替换当前登记库的全部数据？输入 yes 确认：", file=args.file)).strip().lower() != "yes":
            print(msg("已取消。"))
            return EXIT_FAILED
    restored = restore(args.actor, Path(args.file), passphrase)
    print(msg("已恢复。恢复前的数据已备份到：{saved}", saved=restored.saved))
    return 0


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from registry.ops.copies import copy_register_to_server

    checks = copy_register_to_server(args.actor, args.url,
                                     progress=lambda table, done: print_progress(msg("复制 {table}", table=table), done,
                                                                                 done))
    print(msg("表\t源行数\t目标行数\t校验和"))
    for check in checks:
        verdict = msg("一致") if check.ok else msg("不一致")
        print(f"{check.table}\t{check.source_rows}\t{check.target_rows}\t{check.source_checksum[:16]} {verdict}")
    bad = [c.table for c in checks if not c.ok]
    if bad:
        print(msg("错误：{length} 张表迁移后不一致：{bad}。迁移已撤回，目标数据库没有写入任何数据。", length=len(bad),
                  bad='、'.join(bad)),
              file=sys.stderr)
        return EXIT_FAILED
    print(msg("迁移完成：{length} 张表的行数和校验和全部一致。", length=len(checks)))
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from registry.ops.retention import KINDS, apply_retention
    from registry.ops.settings import save_settings

    periods = {kind: years for kind, years in (("volunteer", args.volunteer_years),
                                               ("social_worker", args.social_worker_years))
               if years is not None}
    if periods:
        save_settings(args.actor, periods)
    report = apply_retention(args.actor)
    for kind, count in report.erased.items():
        print(msg("{value}：删除 {count} 人的个人信息", value=KINDS[kind][1], count=count))
    if report.kept_for_other_roles:
        print(msg("另有 {kept_for_other_roles} 人仍有其他在册身份，未删除。",
                  kept_for_other_roles=report.kept_for_other_roles))
    return 0


def preset_lines(name: str, label: str, values: str, source: str, effective: date | None,
                 mark_: str = " ") -> list[str]:
    """A preset as the command line lists it: name and label, what it computes, its source
    and the date it takes effect."""
    return [f"  {mark_} {name}  {label}", *([f"      {values}"] if values != label else []),
            "      " + msg("依据：{source}；施行日期：{effective}", source=source or msg("不详"),
                           effective=effective.isoformat() if effective else msg("不详"))]


def cmd_district(args: argparse.Namespace) -> int:
    from registry.ops.district import PRESET_KEYS, apply_district, check_district
    from registry.rules.presets import KIND_WORDS, SHIPPED, kind_of, values_text
    from registry.texts import shown

    config, problems = check_district(Path(args.file))
    if config is None:
        for problem in problems:
            print(msg("错误：{problem}", problem=problem), file=sys.stderr)
        print(msg("配置文件有 {length} 处问题，请修改后再试。", length=len(problems)), file=sys.stderr)
        return EXIT_FAILED
    communities = sum(len(s.communities) for s in config.streets)
    print(msg("配置正确：{full_name}（{code}），{length} 个街道，{communities} 个社区。", full_name=config.full_name,
              code=config.code, length=len(config.streets), communities=communities))
    book = SHIPPED.with_defined(config.defined)
    for setting, kind in PRESET_KEYS.values():
        if setting in config.presets:
            preset = book.of(kind)[config.presets[setting]]
            print(msg("选用的{kind}规则：", kind=KIND_WORDS[kind]))
            print("\n".join(preset_lines(preset.name, shown(preset.label), values_text(preset), shown(preset.source),
                                         preset.effective)))
    if config.defined:
        print(msg("本文件定义的规则（{length} 个）：", length=len(config.defined)))
        for preset in config.defined:
            print("\n".join(preset_lines(preset.name, f"{KIND_WORDS[kind_of(preset)]} · {preset.label}",
                                         values_text(preset), preset.source, preset.effective)))
    for warning in config.warnings:
        print(msg("提醒：{warning}", warning=warning))
    if args.action == "apply":  # registry.cli logged in and checked the role first
        changes = apply_district(args.actor, config, Path(args.file).name)
        print(msg("已套用到登记库：新增 {length} 个社区。", length=len(changes.ids)))
    return 0


def cmd_presets(args: argparse.Namespace) -> int:
    from registry.queries.presets import preset_choices
    from registry.rules.presets import KIND_WORDS, KINDS, SETTING_KEYS
    from registry.storage.lifecycle import open_database

    open_database(database_target(args))
    listing = preset_choices()
    for kind in KINDS:
        print(msg("{kind}规则（* 为登记库现用的）：", kind=KIND_WORDS[kind]))
        for choice in listing[SETTING_KEYS[kind]]:
            label = choice.label if choice.shipped else msg("{label}（本区定义）", label=choice.label)
            print("\n".join(preset_lines(choice.name, label, choice.values, choice.source, choice.effective,
                                         "*" if choice.chosen else " ")))
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from registry.ops.accounts import add_account, disable_account, reset_password

    if args.action == "add":
        if not args.role:
            raise CommandError(msg("请用 --role 指定角色：admin、clerk 或 viewer。"))
        add_account(args.actor, args.name, args.role, read_new_password(args.name))
        print(msg("已添加账号 {name}（{role}）。", name=args.name, role=args.role))
    elif args.action == "disable":
        disable_account(args.actor, args.name)
        print(msg("已停用账号 {name}。", name=args.name))
    else:
        reset_password(args.actor, args.name, read_new_password(args.name))
        print(msg("已重设账号 {name} 的密码。", name=args.name))
    return 0


USER_ACTIONS = {"add": Action.USER_ADD, "disable": Action.USER_DISABLE, "reset": Action.USER_RESET}


def add_commands(add: Add) -> None:
    p = add("backup", cmd_backup, msg("备份登记库：不指定文件则存入备份文件夹并按期轮换（办事员）；"
                                  "指定文件即复制整个登记库（管理员，记入操作日志）"), backup_needs)
    p.add_argument("file", nargs="?")
    p.add_argument("--encrypt", metavar="FILE", help=msg("导出加密备份到这个文件（口令从提示或 {env} 读取；"
                                                       "可以带出本机，恢复时需要口令）", env=PASSPHRASE_ENV))
    p = add("restore", cmd_restore, msg("从备份恢复登记库（管理员；压缩、未压缩或加密的备份均可；"
                                        "恢复前自动备份当前数据）"), Action.RESTORE)
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help=msg("不再询问，直接恢复"))
    p = add("migrate-to", cmd_migrate_to, msg("把本机登记库复制到空的 PostgreSQL 数据库，并逐表核对行数和校验和"
                                          "（管理员，记入操作日志）"), Action.COPY_REGISTER)
    p.add_argument("url", help=msg("postgresql://用户@主机/数据库"))
    p = add("retention", cmd_retention, msg("按保存期限删除已注销人员的个人信息（服务时长保留），并报告删除了什么"),
            Action.RETENTION)
    p.add_argument("--volunteer-years", type=bounded(0, 200), help=msg("志愿者注销后保存的年数（0 为永久保存）"))
    p.add_argument("--social-worker-years", type=bounded(0, 200), help=msg("持证社工注销后保存的年数（0 为永久保存）"))
    p = add("district", cmd_district, msg("检查（check）或套用（apply，管理员）区的配置文件"),
            lambda args: Action.APPLY_DISTRICT if args.action == "apply" else None)
    p.add_argument("action", choices=("check", "apply"))
    p.add_argument("file")
    add("presets", cmd_presets, msg("列出登记库可用的星级、继续教育和时长取整规则：说明、依据的文件和施行日期，"
                                    "并标出现用的"), Action.VIEW)
    p = add("user", cmd_user, msg("管理账号：add 添加、disable 停用、reset 重设密码（管理员；新密码从提示或 "
                              "REGISTRY_NEW_PASSWORD 读取）"), lambda args: USER_ACTIONS[args.action])
    p.add_argument("action", choices=("add", "disable", "reset"))
    p.add_argument("name")
    p.add_argument("--role", choices=("admin", "clerk", "viewer"))
