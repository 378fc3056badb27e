"""Refresh the .ts sources from ui/ and compile the .qm files; refresh the core's catalog
(registry_en.po, from registry/: core_messages.py).

    .venv/bin/python resources/translations/update_translations.py

pyside6-lupdate keeps the translations already in the .ts files and adds new source
texts as unfinished; translate those (Qt Linguist: pyside6-linguist, or by hand) before
committing: a test fails on any unfinished Simplified Chinese entry, and on any core
message without its English (fill msgstr in registry_en.po: Poedit, or by hand).
"""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN", "en")
# ui.i18n.tr_noop is the program's typed QT_TRANSLATE_NOOP: lupdate must know its name.
LUPDATE = [str(BIN / "pyside6-lupdate"), "-tr-function-alias", "QT_TRANSLATE_NOOP+=tr_noop"]


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = HERE / f"street_registry_{lang}.ts"
        subprocess.run([*LUPDATE, *sources, "-ts", str(ts), "-no-obsolete",
                        "-locations", "none", "-target-language", lang], cwd=ROOT, check=True)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)
    for path in runpy.run_path(str(HERE / "core_messages.py"))["update"](ROOT):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
