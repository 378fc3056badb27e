"""Writing workbooks safely: no cell a person typed ever becomes a formula, a link or a
number (the rule and the one text writer are registry.rules.cells)."""

from __future__ import annotations

import os
from typing import Any

from registry.rules.cells import WORKBOOK_OPTIONS, write_text

__all__ = ["new_workbook", "write_text"]


def new_workbook(path: str | os.PathLike[str]) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(os.fspath(path), WORKBOOK_OPTIONS)
