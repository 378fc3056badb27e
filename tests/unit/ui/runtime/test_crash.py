"""The log file and the crash dialog."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any


def test_logging_goes_to_a_rotating_file_in_the_data_folder(user_folders: Path) -> None:
    from logging.handlers import RotatingFileHandler

    from ui.runtime.crash import default_log_path, setup_logging

    path = setup_logging()
    root = logging.getLogger()
    try:
        assert path == default_log_path() and path.parent.name == "logs"
        assert str(user_folders) in str(path)
        handler = next(h for h in root.handlers if isinstance(h, RotatingFileHandler)
                       and Path(h.baseFilename) == path.resolve())
        assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
        logging.getLogger("ui.test").warning("写入日志")
        handler.flush()
        assert "写入日志" in path.read_text(encoding="utf-8")
    finally:
        for h in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
            root.removeHandler(h)
            h.close()


def test_the_crash_text_says_what_happened_and_where_the_log_is() -> None:
    from ui.runtime.crash import crash_text

    text = crash_text(ValueError("坏数据"), Path("/data/logs/street-registry.log"))
    assert "ValueError: 坏数据" in text and "/data/logs/street-registry.log" in text
    assert "意外" in text  # Chinese, from the shipped translation
    assert "后台" in crash_text(RuntimeError("x"), None, thread="registry-db")


def test_hooks_catch_errors_from_the_gui_and_from_threads_and_are_restored(qtbot: Any, tmp_path: Path) -> None:
    from ui.runtime.crash import CrashHandler

    before = (sys.excepthook, threading.excepthook)
    shown: list[str] = []
    handler = CrashHandler(tmp_path / "x.log", show=shown.append).install()
    try:
        assert sys.excepthook == handler.on_exception
        try:
            raise KeyError("界面出错")
        except KeyError as exc:
            handler.on_exception(type(exc), exc, exc.__traceback__)
        thread = threading.Thread(target=lambda: 1 / 0, name="registry-db")
        previous = threading.excepthook
        threading.excepthook = handler.on_thread_exception  # pytest may have put its own back
        thread.start()
        thread.join()
        threading.excepthook = previous
        qtbot.waitUntil(lambda: len(shown) == 2)
    finally:
        handler.restore()
    assert (sys.excepthook, threading.excepthook) == before
    assert "界面出错" in shown[0] and "ZeroDivisionError" in shown[1] and str(tmp_path) in shown[1]


def test_an_unhandled_worker_error_reaches_the_crash_dialog(qtbot: Any, tmp_path: Path,
                                                            monkeypatch: Any) -> None:
    from ui.runtime.crash import CrashHandler
    from ui.runtime.worker import Worker

    shown: list[str] = []
    handler = CrashHandler(tmp_path / "x.log", show=shown.append)
    monkeypatch.setattr(sys, "excepthook", handler.on_exception)
    worker = Worker()
    try:
        worker.call(lambda: {}["缺少的键"])
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        worker.shutdown()
    assert "KeyError" in shown[0]
