"""The core's marked messages (registry.texts msg() and mark() calls), found by reading
registry/ as Python source, and the English catalog refreshed from them.

    .venv/bin/python resources/translations/update_translations.py   (runs this too)

Kept translations stay; new messages come in with an empty msgstr (shown in Chinese until
translated: a test fails on any); messages no longer in the code are dropped.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
from registry.texts import po_entries  # noqa: E402

MARKERS = ("msg", "mark")
CORE_LANGUAGES = ("en",)
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: {lang}\\n"\n"X-Source-Language: zh_CN\\n"\n')


def marked_calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS]


def literal_of(call: ast.Call) -> str | None:
    """The marked source text; None when the call passes a name (a text marked elsewhere)."""
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def extract(root: Path = ROOT) -> dict[str, list[str]]:
    """Every marked message of registry/: source text → where it is (path:line), in file order."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "registry").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for call in sorted(marked_calls(tree), key=lambda c: (c.lineno, c.col_offset)):
            text = literal_of(call)
            if text is not None:
                found.setdefault(text, []).append(f"{path.relative_to(root).as_posix()}:{call.lineno}")
    return found


def quoted(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    lines = body.split("\n")
    if len(lines) == 1:
        return f'"{body}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def catalog_text(lang: str, messages: dict[str, list[str]], old: dict[str, str]) -> str:
    out = [HEADER.format(lang=lang)]
    for source, places in messages.items():
        out.append("".join(f"#: {place}\n" for place in places[:3])
                   + f"msgid {quoted(source)}\nmsgstr {quoted(old.get(source, ''))}\n")
    return "\n".join(out)


def update(root: Path = ROOT) -> list[Path]:
    messages = extract(root)
    written = []
    for lang in CORE_LANGUAGES:
        path = root / "resources" / "translations" / f"registry_{lang}.po"
        old = ({e["msgid"]: e["msgstr"] for e in po_entries(path.read_text(encoding="utf-8"))}
               if path.exists() else {})
        path.write_text(catalog_text(lang, messages, old), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in update():
        print(written_path)
