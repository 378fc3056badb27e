"""The program's translation sources, read as Qt Linguist writes them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]  # type: ignore[misc]
