"""Starting the program: `python -m ui` or the console script `street-registry`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import getpass
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from ui.application import create_app, take_screenshots, wait_until  # noqa: E402
from ui.runtime.i18n import LANGUAGES, translate  # noqa: E402
from ui.runtime.worker import Worker  # noqa: E402

EXIT_ERROR = 2
PASSWORD_ENV = "REGISTRY_PASSWORD"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="street-registry", description="街道社会工作登记台")
    parser.add_argument("--db", help="数据库文件路径或 postgresql:// 地址")
    parser.add_argument("--demo", action="store_true", help="在空登记库中生成演示数据")
    parser.add_argument("--demo-volunteers", type=int, default=3000, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=LANGUAGES, default="zh_CN", help="界面语言")
    parser.add_argument("--screenshot", metavar="DIR", help="把每个栏目截图保存到 DIR 后退出")
    parser.add_argument("--actor", default=None, help="操作人（默认为系统用户名）")
    parser.add_argument("--user", default=None,
                        help=f"登录账号（登记库设有账号时；密码从环境变量 {PASSWORD_ENV} 读取）")
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="在临时文件夹中自检（演示数据、截图、花名册）后退出，不碰真实登记库")
    return parser.parse_args(list(argv))


def database_target(arg: str | None) -> str:
    from registry.storage.paths import database_target as target

    return target(arg)


def is_new_file(target: str) -> bool:
    """A SQLite register that does not exist yet (a server's is set up by the district's IT)."""
    return "://" not in target and not Path(target).exists()


def default_actor() -> str:
    try:
        return getpass.getuser() or "clerk"
    except Exception:  # no user name on this system
        return "clerk"


def explain_open_failure(error: BaseException) -> str:
    from registry.storage.migrations import SchemaTooNewError

    if isinstance(error, SchemaTooNewError):
        head = translate("App", "This register was written by a newer version of the program. "
                         "Please install the newer version to open it.")
    else:
        head = translate("App", "The register could not be opened.")
    return f"{head}\n\n{error}"


def report_fatal(text: str) -> None:
    print(text, file=sys.stderr)
    if QApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, translate("App", "Street Office Registry"), text)


def fill_demo_with_progress(worker: Worker, volunteers: int) -> None:
    from registry.demo import fill_demo
    from ui.runtime.progress import BackgroundTask

    state: dict[str, Any] = {}

    def run(job: Any) -> Any:
        return fill_demo(volunteers=volunteers,
                         progress=lambda stage, done, total: job.progress(done, total, stage))

    BackgroundTask(None, worker, run, translate("App", "Creating demonstration data…"),  # type: ignore[arg-type]
                   cancellable=False, on_done=lambda r: state.update(done=r),
                   on_error=lambda e: state.update(error=e))
    wait_until(lambda: bool(state), 3_600_000)
    if "error" in state:
        raise state["error"]


def main(argv: Sequence[str] | None = None) -> int:
    import ui  # noqa: F401  (applies the PySide reference-count fix first)

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from ui.selftest import self_test

        return self_test(args.lang)
    from ui.runtime.crash import CrashHandler, setup_logging

    log_path = setup_logging()
    app = create_app([], args.lang)
    crash = CrashHandler(log_path).install()
    worker = Worker()
    try:
        return run(app, worker, args)
    finally:
        from registry.storage.lifecycle import close_database

        with contextlib.suppress(Exception):  # closing is best effort at exit
            worker.run_sync(close_database, timeout=30)
        worker.shutdown()
        crash.restore()


def open_register(worker: Worker, target: str) -> tuple[bool, Any]:
    """Open the register; a damaged one may be restored from its latest good backup.
    (opened, recovery or None)."""
    from registry.storage.health import DatabaseDamagedError
    from registry.storage.lifecycle import DatabaseOpenError, open_database
    from registry.storage.migrations import SchemaError
    from registry.storage.paths import DatabaseTargetError

    recovered = None
    try:
        worker.run_sync(lambda: open_database(target))
    except DatabaseDamagedError as exc:
        from ui.dialogs.recovery import offer_recovery

        recovered = offer_recovery(worker, Path(target), exc)
        if recovered is None:
            print(str(exc), file=sys.stderr)
            return False, None
        return open_register(worker, target)[0], recovered
    except (SchemaError, DatabaseTargetError, DatabaseOpenError, OSError) as exc:
        report_fatal(explain_open_failure(exc))
        return False, None
    return True, None


def run(app: QApplication, worker: Worker, args: argparse.Namespace) -> int:
    from ui.startup import after_show

    started = start_window(worker, args)
    if isinstance(started, int):
        return started
    window, warnings, district_problems = started
    # What the start made (modules, classes, Qt's wrappers, the window) lives as long as the
    # program: leave it out of every later collection, which then scans only what the work
    # makes. It spares the clerk's pauses, and the leaving: the collections at exit scanned
    # it all again, 40 ms on a 2-core machine.
    gc.freeze()
    if args.exit_after_show:
        QCoreApplication.processEvents()
        print(f"first-window-shown {time.perf_counter() - STARTED:.3f}", flush=True)
        return 0
    if args.screenshot:
        paths = take_screenshots(window, Path(args.screenshot))
        for path in paths:
            print(path)
        window.close()
        return 0
    after_show(window, warnings, district_problems)
    return app.exec()


def start_window(worker: Worker, args: argparse.Namespace) -> tuple[Any, list[str], list[str]] | int:
    """Open the register, log in and show the main window, as every start does (the
    real-window tests start the program through here too). The window, the warnings
    found at open and the district file's problems; or the exit code when it stopped."""
    from registry.queries.areas import needs_setup
    from ui.main_window import MainWindow, load_lookups
    from ui.runtime.context import AppContext, Hub
    from ui.runtime.permissions import load_permissions
    from ui.runtime.settings import remembered_register
    from ui.startup import LoginRefused, apply_bundled_district, login, opening_warnings

    # the register chosen at first start, unless one is given (--db, or a server's URL)
    target = database_target(args.db or (None if os.environ.get("REGISTRY_DATABASE_URL") else remembered_register()))
    interactive = not (args.screenshot or args.exit_after_show)
    set_up: tuple[str, str | None] | None = None
    setup_wanted = interactive and not args.demo and not args.user
    if setup_wanted and is_new_file(target):  # the first start: set up before a file exists
        from ui.dialogs.first_start import first_start  # the set-up wizard, only when it is wanted

        started = first_start(worker, target, args.actor or default_actor(), opened=False)
        if started is None:
            return 0  # cancelled: no register was made
        target, set_up = started
    opened, recovered = open_register(worker, target)
    if not opened:
        return EXIT_ERROR
    warnings = worker.run_sync(opening_warnings)
    if setup_wanted and set_up is None and worker.run_sync(needs_setup):  # a register nobody has set up yet
        from ui.dialogs.first_start import first_start

        started = first_start(worker, target, args.actor or default_actor(), opened=True)
        if started is None:
            return 0
        set_up = started[1]
    try:
        session = set_up or login(worker, args.actor or default_actor(), user=args.user,
                                  password=os.environ.get(PASSWORD_ENV) or None, interactive=interactive)
    except LoginRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    if session is None:
        return 0
    actor = session[0]
    if recovered is not None:
        from registry.ops.backups import record_recovery

        # by the administrator who agreed to it, else (no accounts) whoever is working
        worker.run_sync(lambda: record_recovery(recovered.actor or actor, recovered.backup,
                                                recovered.damaged))
    if args.demo:
        empty = worker.run_sync(lambda: load_lookups()["empty"])
        if empty:
            fill_demo_with_progress(worker, args.demo_volunteers)
        else:
            print(translate("App", "The register is not empty; no demonstration data added."),
                  file=sys.stderr)
    district_problems = worker.run_sync(lambda: apply_bundled_district(actor))
    values = worker.run_sync(load_lookups)
    empty = bool(values.pop("empty"))
    allowed = worker.run_sync(lambda: load_permissions(actor))
    ctx = AppContext(worker, actor, Hub(), values, target, role=allowed["role"],
                     permissions=allowed["permissions"])
    window = MainWindow(ctx, empty)
    window.show()
    return window, warnings, district_problems
