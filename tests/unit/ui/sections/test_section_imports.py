"""A section a clerk left the program on opens it again without loading what only a later
action needs: the workbook writer, the importer's readers, the certificate's PDF library."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import ROOT

LATER = ("xlsxwriter", "python_calamine", "reportlab", "fpdf", "fontTools")


@pytest.mark.parametrize("section", ["audit", "export"])
def test_a_section_loads_no_writer_until_it_writes(section: str) -> None:
    code = (f"import sys, ui.sections.{section}; "
            f"print(' '.join(m for m in {LATER!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
