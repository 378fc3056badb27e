"""A real office suite for the tests: LibreOffice headless converts workbooks (to PDF, or
re-saves them as another office would), poppler's pdftotext reads the PDF back, word by
word with its position. Tests that need them skip when they are not installed
(packaging/dev.py test installs them)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
CONVERT_TIMEOUT = 240  # seconds for one call, however many files


def need_office() -> None:
    """Skip the calling test (or module) unless LibreOffice and pdftotext are installed."""
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice (soffice) and poppler-utils (pdftotext) are needed: "
                    "apt-get install libreoffice-calc-nogui poppler-utils", allow_module_level=True)


def calibri_is_metric_compatible() -> bool:
    """Whether LibreOffice draws the workbooks' Calibri with Carlito, its metric twin; with
    another font every column prints wider than in Excel."""
    found = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True, check=False)
    return "Carlito" in found.stdout


def convert(files: Iterable[Path], target: str, folder: Path, profile: Path) -> list[Path]:
    """Convert `files` with one LibreOffice run, in its own profile (never the user's);
    `target` as soffice takes it: "pdf", "xlsx", "xls"."""
    files = list(files)
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(folder), *map(str, files)],
                   check=True, capture_output=True, timeout=CONVERT_TIMEOUT)
    suffix = "." + target.split(":")[0]
    out = [folder / (f.stem + suffix) for f in files]
    missing = [p.name for p in out if not p.exists()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return out


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Pdf:
    pages: list[tuple[float, float]]  # each page's width and height, points
    words: list[Word]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pdf(path: Path) -> Pdf:
    """Every word of the PDF with its box (pdftotext -bbox)."""
    out = subprocess.run([str(PDFTOTEXT), "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in out.split("</page>"):
        size = _PAGE.search(chunk)
        if size is None:
            continue
        pages.append((float(size[1]), float(size[2])))
        words.extend(Word(len(pages), float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
                     for m in _WORD.finditer(chunk))
    return Pdf(pages, words)
