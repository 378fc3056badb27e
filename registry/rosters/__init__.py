"""Excel rosters (花名册): what the street office hands upward.

    export_roster("volunteers", Path("志愿者.xlsx"), actor="王芳",
                  filters=RosterFilters(community_id=3, status="在册"))

ROSTERS lists the rosters (key → RosterSpec with its Chinese title) for the UI to offer.

Each name loads its module when first asked for: a screen that only names the rosters or
their filters starts without the workbook writer (xlsxwriter, ~0.15 s of a start)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from registry.rosters.definitions import ROSTERS
    from registry.rosters.export import ExportCancelled, ExportResult, export_roster
    from registry.rosters.spec import GROUP_BY, RosterFilters, RosterSpec
    from registry.rosters.writer import DEFAULT_MAX_ROWS

__all__ = ["DEFAULT_MAX_ROWS", "GROUP_BY", "ROSTERS", "ExportCancelled", "ExportResult",
           "RosterFilters", "RosterSpec", "export_roster"]

_HOMES = {"ROSTERS": "definitions", "ExportCancelled": "export", "ExportResult": "export",
          "export_roster": "export", "GROUP_BY": "spec", "RosterFilters": "spec", "RosterSpec": "spec",
          "DEFAULT_MAX_ROWS": "writer"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'registry.rosters' has no attribute {name!r}")
    return getattr(importlib.import_module(f"registry.rosters.{home}"), name)
