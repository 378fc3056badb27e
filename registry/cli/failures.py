"""Every way a command can fail, said in one plain Chinese sentence: input that is not text,
argparse's own complaints, the exceptions of the core and of the libraries under it, and —
last — anything unforeseen, whose traceback goes to a log file in the user's data folder,
never to the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
import re
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from peewee import DatabaseError

from registry import texts
from registry.rules.permissions import LoginFailed, PermissionDenied
from registry.rules.problems import RegistryError
from registry.storage import sqlite_library
from registry.storage.faults import Fault, describe, fault_of
from registry.storage.health import DatabaseDamagedError
from registry.storage.lifecycle import DatabaseOpenError
from registry.storage.migrations import SchemaError
from registry.storage.paths import DatabaseTargetError, data_dir
from registry.texts import mark, msg

EXIT_ERROR = 2  # the command could not run
DASH_HINT = mark("以 - 开头的值请放在 -- 之后（如 search -- -5128）；选项的值以 - 开头时写成 --选项=值。")
LOG_NAME = "command-line-errors.log"
MAX_SHOWN = 60  # characters of a hostile value quoted back


class CommandError(Exception):
    """A failure to report as one sentence."""


class ParseFailed(Exception):
    """argparse refused the command line; str() is the Chinese sentence."""


def shown(value: str) -> str:
    """A value quoted back to the clerk: printable, and not a page long."""
    text = value.encode("utf-8", errors="backslashreplace").decode("utf-8")
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def not_text(argv: Sequence[str]) -> str | None:
    """The sentence for the first argument that is not text this program can keep (bytes in
    another encoding, which Python hands over as lone surrogates, or a NUL); None if all are."""
    for value in argv:
        if "\0" in value:
            return msg("参数“{value}”中含有空字符（NUL），请检查后重新输入。", value=shown(value))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return (msg("参数“{value}”不是有效的文字（可能是 GBK 等其他编码）：请改用 UTF-8 编码输入，"
                    "文件名含这样的字符时请先改名。", value=shown(value)))
    return None


# argparse's English complaints (Python 3.11), in Chinese; the last item of each: which groups
# are argparse's own words or ours (choices, a type's Chinese message), shown whole
_ARGPARSE: list[tuple[re.Pattern[str], str, set[int]]] = [
    (re.compile(r"the following arguments are required: (.*)"), mark("缺少参数：{0}。{hint}"), {0}),
    (re.compile(r"unrecognized arguments: (.*)", re.S), mark("不认识的参数：{0}。{hint}"), set()),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", re.S),
     mark("{0} 不能是 {1}，可选：{2}。"),
     {0, 2}),
    (re.compile(r"argument (\S+): invalid (?:int|float) value: (.*)", re.S), mark("{0} 应当是一个整数，现在是 {1}。"),
     {0}),
    (re.compile(r"argument (\S+): expected one argument"), mark("{0} 后面缺少它的值。{hint}"), {0}),
    (re.compile(r"argument (\S+): expected at most one argument"), mark("{0} 只能有一个值。"), {0}),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)", re.S), mark("{0} 不带值，却给了 {1}。"), {0}),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), mark("{0} 不能和 {1} 一起用。"), {0, 1}),
    (re.compile(r"ambiguous option: (\S+) could match (.*)", re.S), mark("选项 {0} 不明确，可能是：{1}。"), {1}),
    (re.compile(r"argument (\S+): (.*)", re.S), "{0}：{1}", {0, 1}),  # an ArgumentTypeError: ours, Chinese
]


def argparse_sentence(message: str) -> str:
    for pattern, sentence, whole in _ARGPARSE:
        found = pattern.fullmatch(message.strip())
        if found:
            groups = (g if i in whole else f"“{shown(g)}”" for i, g in enumerate(found.groups()))
            return texts.shown(sentence).format(*groups, hint=texts.shown(DASH_HINT))
    return msg("命令行有误，请用 --help 查看用法。{dash_hint}", dash_hint=DASH_HINT)


class Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in Chinese, and raises instead of exiting, so the
    caller reports it like any other failure."""

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> object:
        # Python 3.11 drops a value that is exactly "--" (`--street=--`, or "--" again after
        # "--") and hands the command an empty list; taken literally, as Python 3.13 does
        if action.nargs in (None, argparse.OPTIONAL) and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)

    def error(self, message: str) -> NoReturn:
        raise ParseFailed(msg("{value}（用 {prog} --help 查看用法）", value=argparse_sentence(message), prog=self.prog))


def bounded(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from low to high (full-width digits accepted)."""
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(msg("应当是一个整数，现在是“{value}”。", value=shown(text))) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(msg("应当在 {low} 到 {high} 之间，现在是 {value}。", low=low, high=high,
                                                 value=shown(text)))
        return value
    parse.__name__ = msg("整数")
    return parse


_OS_WORDS = {
    errno.ENOENT: mark("文件或文件夹不存在"), errno.EACCES: mark("没有读写权限"), errno.EPERM: mark("没有读写权限"),
    errno.EISDIR: mark("这是一个文件夹，不是文件"), errno.ENOTDIR: mark("路径中的某一级不是文件夹"),
    errno.ENOSPC: mark("磁盘已满"), errno.EROFS: mark("磁盘是只读的"), errno.ENAMETOOLONG: mark("文件名太长"),
    errno.EEXIST: mark("文件已经存在"), errno.EINVAL: mark("文件名不合适"), errno.EPIPE: mark("输出已被关闭"),
    errno.EFBIG: mark("文件太大"), errno.EMFILE: mark("打开的文件太多"), errno.EIO: mark("磁盘读写出错"),
}


def os_sentence(exc: OSError) -> str:
    if fault_of(exc) is Fault.FULL:  # other faults of a file name that file, not the register
        return describe(exc) or ""
    words = texts.shown(_OS_WORDS.get(exc.errno or 0, "")) or msg("文件读写失败")
    name = f"“{shown(str(exc.filename))}”" if exc.filename else ""
    return msg("无法读写文件{name}：{words}。请检查路径和磁盘后重试。", name=name, words=words)


def database_sentence(exc: BaseException) -> str:
    """A full disk, a lock, a damaged file, a server gone: storage/faults.py words them."""
    return describe(exc) or msg("无法使用数据库，没有完成这次操作。请检查 --db 指向的文件或地址。")


def _calamine_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] == "python_calamine"


def _os_error_within(exc: BaseException) -> OSError | None:
    """The OSError a library wrapped in its own exception (xlsxwriter's FileCreateError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        inner = next((a for a in current.args if isinstance(a, OSError)), None)
        current = inner or current.__cause__ or current.__context__
    return None


_LIBRARY_WORDS = re.compile(r"[（(][\x00-\x7f]*[)）]\s*$")  # a library's English, appended in brackets


def sentence_for(exc: Exception) -> str | None:
    """The sentence for a failure this program knows; None for one it did not foresee."""
    sentence = _sentence_for(exc)
    return None if sentence is None else _LIBRARY_WORDS.sub("", sentence).rstrip() or sentence


def _sentence_for(exc: Exception) -> str | None:
    if isinstance(exc, CommandError | ParseFailed | RegistryError | SchemaError | DatabaseTargetError
                  | PermissionDenied | LoginFailed | DatabaseDamagedError):
        return str(exc) or msg("操作没有完成。")
    if isinstance(exc, OSError):
        return os_sentence(exc)
    if isinstance(exc, DatabaseError | DatabaseOpenError | sqlite_library.Error):
        return database_sentence(exc)
    wrapped = _os_error_within(exc)
    if wrapped is not None:
        return os_sentence(wrapped)
    if _calamine_error(exc):
        return msg("无法读取这个表格文件：它已损坏，或不是 Excel 文件（.xlsx 或 .xls）。请用 Excel 另存后再试。")
    if isinstance(exc, UnicodeError):
        return msg("输入中有无法识别的文字（编码不对），请改用 UTF-8 编码后重试。")
    if isinstance(exc, MemoryError):
        return msg("内存不足，没有完成这次操作。请关闭其他程序后重试，或把文件拆小。")
    if isinstance(exc, EOFError):
        return msg("没有读到输入，操作已取消。")
    return None


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def route_logging() -> None:
    """Where log records go while a command runs, when nothing else said: the program's own
    warnings (plain Chinese) to the terminal, everything — a library's English included —
    to the log file, made only when something is written."""
    root = logging.getLogger()
    if root.handlers:  # a caller (a test, an embedding program) set logging up
        return
    try:
        to_file: logging.Handler = logging.FileHandler(log_path(), encoding="utf-8", delay=True)
        log_path().parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        to_file = logging.NullHandler()
    to_file.setLevel(logging.WARNING)
    to_file.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root.addHandler(to_file)
    to_terminal = logging.StreamHandler()
    to_terminal.setLevel(logging.WARNING)
    to_terminal.setFormatter(logging.Formatter(msg("提醒：%(message)s")))
    logging.getLogger("registry").addHandler(to_terminal)


def write_log(exc: BaseException, argv: Sequence[str]) -> Path | None:
    """The traceback of an unforeseen failure, appended to the log; None if it cannot be."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            command = " ".join(shown(a) for a in argv[:20])
            log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}  python -m registry {command}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def unforeseen_sentence(exc: BaseException, argv: Sequence[str]) -> str:
    path = write_log(exc, argv)
    where = msg("详细情况已记入“{path}”，请把这个文件交给技术支持。",
                path=path) if path else msg("详细情况没能写入日志文件。")
    return msg("程序遇到意外问题，这次操作没有完成。{where}", where=where)
