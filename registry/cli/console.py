"""Writing to a console, or a file it is redirected to, whatever code page it uses.

A Chinese Windows console writes cp936 (GBK), which has no character outside the Basic
Multilingual Plane: a name with 𪚥 (U+2A6A5, CJK Extension B) cannot be encoded there. Such a
character is written as its code point, [U+2A6A5], which a clerk can look up and which keeps
the line apart from any other name (a "?" for every one would not); at the end the command
says once, on stderr, what happened and how to get the characters themselves."""

from __future__ import annotations

import codecs
import contextlib

from registry.texts import msg

ERRORS = "registry-code-point"
_written: set[str] = set()  # the characters written as code points by this process


def _code_point(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    _written.update(text)
    return "".join(f"[U+{ord(c):04X}]" for c in text), error.end


codecs.register_error(ERRORS, _code_point)


def tolerant(stream: object) -> None:
    """Characters the stream's encoding lacks become [U+XXXX] instead of an exception in the
    middle of a listing."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError, TypeError):
            reconfigure(errors=ERRORS)


def code_points_note() -> str:
    """The sentence saying which characters were written as code points; "" when none."""
    if not _written:
        return ""
    listed = "、".join(f"U+{ord(c):04X}" for c in sorted(_written)[:5])
    if len(_written) > 5:
        listed = msg("{listed}等", listed=listed)
    return msg("提示：当前窗口（或重定向的文件）的编码写不出 {count} 个生僻字（{listed}），"
               "已写成 [U+编码] 的形式；登记库中的内容不受影响。要看到原字，请设置环境变量 "
               "PYTHONIOENCODING=utf-8 后重定向到文件，或使用 Windows Terminal。",
               count=len(_written), listed=listed)
